/**
 * Importing a Copydesk package: pick the file and read what is in it (the import dialog shows it),
 * then bring the stories in as new ones, as new revisions of existing ones, or as separate copies.
 * (Exporting a package is the open story's Export menu.)
 */
import { useCallback, useState, type RefObject } from 'react';
import type { ChannelOutput } from '../../../../shared/contract.ts';
import type { Story } from '../../../../shared/story.ts';
import { call, countLabel, errorMessage } from '../../lib/index.ts';
import type { ImportChoice, PackageContents } from './ImportDialog.tsx';
import type { EditorHandle } from '../story/index.ts';
import type { Notify } from '../../ui/index.ts';

export interface PackageImportDeps {
  readonly editorRef: RefObject<EditorHandle | null>;
  readonly flushOpen: () => Promise<boolean>;
  readonly show: (story: Story) => void;
  readonly showStories: () => void;
  readonly notify: Notify;
}

export function usePackageImport(deps: PackageImportDeps) {
  // The list, keywords and counts follow `library.changed`.
  const { editorRef, flushOpen, show, showStories, notify } = deps;
  /** The package being looked at in the import dialog. */
  const [contents, setContents] = useState<PackageContents | null>(null);
  const [busy, setBusy] = useState(false);

  const inspect = useCallback(async () => {
    try {
      if (!(await flushOpen())) return;
      const inspected = await call('packages.inspect', {});
      if (inspected.file === null) return;
      setContents({ ...inspected, file: inspected.file });
    } catch (error) {
      notify({ kind: 'error', key: 'import', message: `Couldn't read the package. ${errorMessage(error)}` });
    }
  }, [flushOpen, notify]);

  const cancel = () => setContents(null);

  const importStories = useCallback(
    async (choice: ImportChoice) => {
      if (!contents) return;
      setBusy(true);
      try {
        const anyExisting = contents.stories.some((s) => s.exists);
        const openId = editorRef.current?.storyId ?? null;
        const run = () => call('packages.import', { file: contents.file, onConflict: anyExisting ? choice : 'ask' });
        // An import over the open story runs on its save queue, so no save races it.
        const box: { result?: ChannelOutput<'packages.import'> } = {};
        const overOpen = openId !== null && choice === 'revision' && contents.stories.some((s) => s.exists && s.id === openId);
        if (overOpen && editorRef.current) {
          await editorRef.current.exclusive(async () => {
            box.result = await run();
            return call('stories.get', { id: openId });
          });
        } else {
          box.result = await run();
        }
        const imported = box.result?.imported ?? [];
        setContents(null);
        const counts = { new: 0, revision: 0, copy: 0 };
        for (const item of imported) counts[item.as]++;
        const parts = [
          counts.new ? `${counts.new} new` : '',
          counts.revision ? `${counts.revision} as a new revision` : '',
          counts.copy ? `${counts.copy} as a separate copy` : '',
        ].filter(Boolean);
        notify({
          kind: 'success',
          key: 'import',
          message: `Imported ${countLabel(imported.length, 'story', 'stories')}.`,
          detail: parts.length ? `${parts.join(', ')}.` : undefined,
          duration: 10_000,
        });
        showStories();
        if (overOpen && openId) show(await call('stories.get', { id: openId }));
      } catch (error) {
        notify({ kind: 'error', key: 'import', message: `Couldn't import the package. ${errorMessage(error)}` });
      } finally {
        setBusy(false);
      }
    },
    [contents, editorRef, notify, show, showStories]
  );

  return { contents, busy, inspect, cancel, importStories };
}
