/**
 * Files dragged over the window: `dragging` is true while files (not text or a link from the
 * page) are over it, for the drop target; a drop hands the files over. The browser's own
 * handling (opening the file in the window) is prevented for files only, so dragging text
 * within the editor still works.
 */
import { useEffect, useState } from 'react';
import { useLatest } from '../../lib/index.ts';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function useWindowDrop(onFiles: (files: File[]) => void, enabled: boolean): boolean {
  const [dragging, setDragging] = useState(false);
  const handler = useLatest(onFiles);

  useEffect(() => {
    if (!enabled) return undefined;
    // dragenter/dragleave fire for every element crossed; the count is how deep inside we are.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = 0;
      setDragging(false);
      // A drop a part of the page took for itself (pictures dropped on the story's details) is
      // not an import.
      if (event.defaultPrevented) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) handler.current(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      setDragging(false);
    };
  }, [enabled, handler]);

  return dragging;
}
