/** Whether the metadata panel is open, remembered on this computer between stories and sessions. */
import { useCallback, useState } from 'react';

const KEY = 'copydesk.metadataPanel.open';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

export function usePanelOpen() {
  const [open, setOpen] = useState(read);
  const toggle = useCallback(() => {
    setOpen((was) => {
      const next = !was;
      try {
        localStorage.setItem(KEY, String(next));
      } catch {
        // Private storage unavailable: the panel still opens and closes, it just isn't remembered.
      }
      return next;
    });
  }, []);
  return { open, toggle };
}
