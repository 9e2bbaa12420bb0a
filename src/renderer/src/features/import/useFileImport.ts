/**
 * Importing files (dropped on the window or chosen with File → Import…): each is read here, sent
 * to main in batches through `import.files`, and becomes a draft. Progress is counted per file;
 * when all are in, the last draft made opens and the summary says what was recognised in each
 * (so the person can check it) and why any file was refused. Nothing else changes.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportFileResult } from '../../../../shared/import.ts';
import type { Story } from '../../../../shared/story.ts';
import { call, countLabel, errorMessage } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import { bytesToBase64, planImport } from './batches.ts';

export interface FileImportDeps {
  /** Save the open story before another one opens; false when that failed (nothing is imported then). */
  readonly flushOpen: () => Promise<boolean>;
  readonly show: (story: Story) => void;
  readonly showStories: () => void;
  readonly notify: Notify;
}

/** The summary's drafts (the first 50: a summary longer than that is read as a list, not checked field by field). */
async function readBack(results: readonly ImportFileResult[]): Promise<Map<string, Story>> {
  const ids = results.flatMap((r) => (r.ok ? [r.storyId] : [])).slice(0, 50);
  const stories = await Promise.all(ids.map((id) => call('stories.get', { id }).catch(() => null)));
  return new Map(stories.flatMap((s) => (s ? [[s.id, s] as const] : [])));
}

/** One call; when the call itself fails (main unreachable, a limit) every file in it says why. */
async function importBatch(batch: readonly File[]): Promise<ImportFileResult[]> {
  try {
    const files = await Promise.all(batch.map(async (file) => ({ name: file.name || 'untitled', data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })));
    return (await call('import.files', { files })).results;
  } catch (error) {
    return batch.map((file) => ({ ok: false as const, file: file.name, message: errorMessage(error) }));
  }
}

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
}

export function useFileImport(deps: FileImportDeps) {
  const { flushOpen, show, showStories, notify } = deps;
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [results, setResults] = useState<readonly ImportFileResult[] | null>(null);
  /** The drafts just made, read back, so the summary shows the values it recognised. */
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Story>>(new Map());
  const running = useRef(false);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0 || running.current) return;
      running.current = true;
      try {
        if (!(await flushOpen())) return;
        const { batches, refused } = planImport(files);
        const all: ImportFileResult[] = [...refused];
        let done = refused.length;
        setProgress({ done, total: files.length });
        for (const batch of batches) {
          all.push(...(await importBatch(batch)));
          done += batch.length;
          setProgress({ done, total: files.length });
        }
        setDrafts(await readBack(all));
        await openLast(all);
        setResults(all);
      } finally {
        running.current = false;
        setProgress(null);
      }
    },
    [flushOpen, show, showStories, notify]
  );

  /** The last draft made opens (the list learns of the new drafts from `library.changed`). */
  async function openLast(all: readonly ImportFileResult[]) {
    const made = all.filter((r) => r.ok);
    if (made.length > 0) {
      showStories();
      const last = made[made.length - 1]!;
      try {
        show(await call('stories.get', { id: last.storyId }));
      } catch (error) {
        notify({ kind: 'error', key: 'import-files', message: `Imported, but couldn't open “${last.headline}”. ${errorMessage(error)}` });
      }
    }
    if (made.length === 0 && all.length > 0) {
      notify({ kind: 'error', key: 'import-files', message: `Nothing was imported: ${countLabel(all.length, 'file was', 'files were')} refused.` });
    }
  }

  /** Open one of the drafts just made (from the summary), saving the open one first. */
  const openImported = useCallback(
    async (id: string) => {
      if (!(await flushOpen())) return;
      try {
        show(await call('stories.get', { id }));
      } catch (error) {
        notify({ kind: 'error', key: 'open', message: `Couldn't open the story. ${errorMessage(error)}` });
      }
    },
    [flushOpen, show, notify]
  );

  return { progress, results, drafts, importFiles, openImported, dismissSummary: () => setResults(null) };
}
