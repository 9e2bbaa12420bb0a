/**
 * The Export menu button: a menu of the export formats (ArrowUp/ArrowDown, Enter, Escape).
 * `openRef` lets the app open it from the application menu.
 */
import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type ExportFormat } from '../../../../shared/contract.ts';
import { shortcutLabel } from '../../lib/index.ts';
import { ChevronDownIcon, ExportIcon } from '../../ui/index.ts';

export interface ExportMenuHandle {
  open(): void;
}

/** A publishing format, or a Copydesk package (the story with its revisions and history). */
export type ExportChoice = ExportFormat | 'package';
export const PACKAGE_LABEL = 'Copydesk package (.copydesk)';
const CHOICES: readonly ExportChoice[] = [...EXPORT_FORMATS, 'package'];
const choiceLabel = (choice: ExportChoice) => (choice === 'package' ? PACKAGE_LABEL : EXPORT_FORMAT_LABELS[choice]);

export function ExportMenu({ onExport, busy, ref }: { onExport: (choice: ExportChoice) => void; busy: boolean; ref?: Ref<ExportMenuHandle> }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);

  useImperativeHandle(ref, () => ({
    open: () => {
      setActive(0);
      setOpen(true);
    },
  }));

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const n = CHOICES.length;
    if (event.key === 'ArrowDown') setActive((i) => (i + 1) % n);
    else if (event.key === 'ArrowUp') setActive((i) => (i - 1 + n) % n);
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(n - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <div className="cd-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="cd-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-keyshortcuts="Control+E"
        title={`Export (${shortcutLabel('E')})`}
        disabled={busy}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive(0);
            setOpen(true);
          }
        }}
      >
        <ExportIcon />
        <span>{busy ? 'Exporting…' : 'Export'}</span>
        <ChevronDownIcon />
      </button>
      {open ? (
        <div role="menu" aria-label="Export format" className="cd-menu__list" onKeyDown={onMenuKey}>
          {CHOICES.map((choice, index) => (
            <button
              key={choice}
              ref={(el) => {
                itemRefs.current[index] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              className={choice === 'package' ? 'cd-menu__item cd-menu__item--separated' : 'cd-menu__item'}
              onClick={() => {
                close(true);
                onExport(choice);
              }}
            >
              {choiceLabel(choice)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
