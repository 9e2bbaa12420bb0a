/**
 * Exporting the open story: a publishing format into a folder the person picks, or a Copydesk
 * package. Either waits for the latest edits to be saved first, so an export is never out of date.
 */
import { EXPORT_FORMAT_LABELS, type ExportFormat } from '../../../../shared/contract.ts';
import { AppError } from '../../../../shared/errors.ts';
import { call, errorMessage } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import { PACKAGE_LABEL, type ExportChoice } from './ExportMenu.tsx';

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { markdown: 'Markdown', 'newsml-g2': 'NewsML-G2' };

export interface StoryExportOptions {
  readonly storyId: string;
  /** Save now; resolves to whether everything typed is saved. */
  readonly flush: () => Promise<boolean>;
  readonly notify: Notify;
  readonly setBusy: (busy: boolean) => void;
}

/** Returns the handler for the Export menu's choices. */
export function useStoryExport({ storyId, flush, notify, setBusy }: StoryExportOptions): (choice: ExportChoice) => void {
  const exportPackage = async () => {
    setBusy(true);
    try {
      if (!(await flush())) {
        throw new AppError('storage', 'Your latest changes are not saved yet, so the package would be out of date. Use Retry, then export again.');
      }
      const result = await call('packages.export', { ids: [storyId] });
      if (result.path === null) return;
      notify({ kind: 'success', key: `export-${storyId}`, message: 'Exported Copydesk package', detail: result.path, detailIsPath: true, duration: 15_000 });
    } catch (error) {
      notify({ kind: 'error', key: `export-${storyId}`, message: `Couldn't export the ${PACKAGE_LABEL}. ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: ExportFormat) => {
    setBusy(true);
    try {
      if (!(await flush())) {
        throw new AppError('storage', 'Your latest changes are not saved yet, so the export would be out of date. Use Retry, then export again.');
      }
      const { folder } = await call('export.chooseFolder', {});
      if (folder === null) return;
      const result = await call('export.story', { id: storyId, format, folder });
      notify({
        kind: 'success',
        key: `export-${storyId}`,
        message: `Exported ${FORMAT_NAMES[format]}`,
        detail: result.path,
        detailIsPath: true,
        duration: 15_000,
      });
    } catch (error) {
      notify({
        kind: 'error',
        key: `export-${storyId}`,
        message: `Couldn't export ${EXPORT_FORMAT_LABELS[format]}. ${errorMessage(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (choice) => void (choice === 'package' ? exportPackage() : exportAs(choice));
}
