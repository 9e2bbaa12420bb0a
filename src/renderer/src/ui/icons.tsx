/** Small line icons for the toolbar and menus (drawn here: no icon font, no network). */
import type { JSX } from 'react';

function Svg({ children }: { children: JSX.Element | JSX.Element[] }) {
  return (
    <svg className="cd-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false"
      fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

export const BulletListIcon = () => (
  <Svg>
    <circle cx="4" cy="5.5" r="1.1" fill="currentColor" stroke="none" />
    <circle cx="4" cy="10" r="1.1" fill="currentColor" stroke="none" />
    <circle cx="4" cy="14.5" r="1.1" fill="currentColor" stroke="none" />
    <path d="M8 5.5h9M8 10h9M8 14.5h9" />
  </Svg>
);

export const NumberedListIcon = () => (
  <Svg>
    <path d="M3 4.2l1.3-.8v4M2.8 7.4h2.8" strokeWidth="1.3" />
    <path d="M2.9 12.2c.3-.7 2.5-.9 2.5.4 0 1-2.5 1.9-2.5 3h2.6" strokeWidth="1.3" />
    <path d="M8.5 5.5h8.5M8.5 10h8.5M8.5 14.5h8.5" />
  </Svg>
);

export const QuoteIcon = () => (
  <Svg>
    <path d="M4 4.5v11" strokeWidth="2" />
    <path d="M8 6.5h9M8 10h9M8 13.5h6" />
  </Svg>
);

export const LinkIcon = () => (
  <Svg>
    <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2L9.9 5.9" />
    <path d="M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l1.2-1.2" />
  </Svg>
);

export const UndoIcon = () => (
  <Svg>
    <path d="M7.5 4.5L4 8l3.5 3.5" />
    <path d="M4 8h7.5a4.5 4.5 0 0 1 0 9H9" />
  </Svg>
);

export const RedoIcon = () => (
  <Svg>
    <path d="M12.5 4.5L16 8l-3.5 3.5" />
    <path d="M16 8H8.5a4.5 4.5 0 0 0 0 9H11" />
  </Svg>
);

export const PlusIcon = () => (
  <Svg>
    <path d="M10 4v12M4 10h12" strokeWidth="1.9" />
  </Svg>
);

export const ChevronDownIcon = () => (
  <Svg>
    <path d="M5.5 8l4.5 4.5L14.5 8" />
  </Svg>
);

export const CloseIcon = () => (
  <Svg>
    <path d="M5.5 5.5l9 9M14.5 5.5l-9 9" />
  </Svg>
);

export const TrashIcon = () => (
  <Svg>
    <path d="M3.5 5.5h13M8 5.5V3.8h4v1.7M5.2 5.5l.8 11h8l.8-11M8.5 8.5v5M11.5 8.5v5" />
  </Svg>
);

export const ExportIcon = () => (
  <Svg>
    <path d="M10 3v9.5M6.5 6.5L10 3l3.5 3.5" />
    <path d="M4 11.5V16h12v-4.5" />
  </Svg>
);

export const SearchIcon = () => (
  <Svg>
    <circle cx="8.5" cy="8.5" r="5" />
    <path d="M12.3 12.3L16.5 16.5" />
  </Svg>
);

export const FilterIcon = () => (
  <Svg>
    <path d="M3.5 5h13M6 10h8M8.5 15h3" />
  </Svg>
);

export const HistoryIcon = () => (
  <Svg>
    <path d="M3.5 10a6.5 6.5 0 1 0 1.9-4.6" />
    <path d="M3.2 3.8v3.4h3.4" />
    <path d="M10 6.5V10l2.5 1.8" />
  </Svg>
);

export const ImportIcon = () => (
  <Svg>
    <path d="M10 3v9.5M6.5 9L10 12.5 13.5 9" />
    <path d="M4 11.5V16h12v-4.5" />
  </Svg>
);

export const RestoreIcon = () => (
  <Svg>
    <path d="M4 9.5a6 6 0 1 1 1.8 4.3" />
    <path d="M2.5 6.8L4 9.8l3-1.4" />
  </Svg>
);

export const ArrowLeftIcon = () => (
  <Svg>
    <path d="M16 10H4.5M9 5.5L4.5 10 9 14.5" />
  </Svg>
);

export const WarningIcon = () => (
  <Svg>
    <path d="M10 3.2L17.3 16H2.7z" />
    <path d="M10 8v3.6" />
    <circle cx="10" cy="13.8" r="0.4" fill="currentColor" />
  </Svg>
);
