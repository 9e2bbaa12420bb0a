/**
 * The exporter service: renders a story as Markdown or NewsML-G2 and writes it into a folder the
 * user chose. A NewsML-G2 export is validated against the IPTC schema before anything is written;
 * an invalid one is refused with `export_invalid` and leaves the folder untouched.
 */
import type { ExportFormat } from '../../../shared/contract.ts';
import type { HouseSettings } from '../../../shared/settings.ts';
import { AppError, assertNever } from '../../../shared/errors.ts';
import type { Story } from '../../../shared/story.ts';
import { checkFolder, chooseTarget, exportFileName, writeAtomically } from './files.ts';
import { storyToMarkdown } from './markdown.ts';
import { storyToNewsML } from './newsml.ts';
import { validateNewsML } from './validate.ts';

export { storyToMarkdown } from './markdown.ts';
export { storyToNewsML } from './newsml.ts';
export { validateNewsML } from './validate.ts';
export { exportFileName } from './files.ts';

export interface ExporterDeps {
  /** The app's resources/schemas folder (holds newsml-g2/…xsd). */
  readonly schemasDir: string;
  /**
   * The house settings as they are now (read at each export, so a change in settings applies to
   * the next export): the provider, copyright and usage defaults, the dateline style.
   */
  readonly house: () => HouseSettings;
  readonly now: () => Date;
}

export interface ExportResult {
  readonly path: string;
  readonly format: ExportFormat;
}

export interface Exporter {
  exportStory(story: Story, format: ExportFormat, folder: string, approvalValid: boolean): Promise<ExportResult>;
}

export function createExporter(deps: ExporterDeps): Exporter {
  return {
    async exportStory(story, format, folder, approvalValid) {
      // Check the folder first, so a wrong folder is reported before any rendering work.
      await checkFolder(folder);
      const content = render(story, format, deps, approvalValid);
      const path = await saveExport(
        { folder, fileName: exportFileName(story, format), storyId: story.id, format, content },
        deps.schemasDir
      );
      return { path, format };
    },
  };
}

function render(story: Story, format: ExportFormat, deps: ExporterDeps, approvalValid: boolean): string {
  switch (format) {
    case 'markdown':
      return storyToMarkdown(story);
    case 'newsml-g2': {
      const house = deps.house();
      return storyToNewsML(story, {
        provider: house.providerName,
        copyrightHolder: house.copyrightHolder,
        copyrightNotice: house.copyrightNotice,
        usageTerms: house.usageTerms,
        datelineAgency: house.datelineAgency,
        arabicDigits: house.arabicDigits,
        now: deps.now(),
        approvalValid,
      });
    }
    default:
      return assertNever(format, 'export format');
  }
}

export interface ExportFile {
  readonly folder: string;
  readonly fileName: string;
  readonly storyId: string;
  readonly format: ExportFormat;
  readonly content: string;
}

/**
 * Validate, then write: the one path every export takes to disk. Returns the written file's path.
 * Exported so tests can push a hand-broken document through exactly this path.
 */
export async function saveExport(file: ExportFile, schemasDir: string): Promise<string> {
  if (file.format === 'newsml-g2') {
    const result = await validateNewsML(file.content, schemasDir);
    if (!result.valid) {
      throw new AppError(
        'export_invalid',
        `The NewsML-G2 export failed schema validation: ${result.errors.slice(0, 3).join('; ')}`
      );
    }
  }
  await checkFolder(file.folder);
  const path = await chooseTarget(file.folder, file.fileName, file.storyId);
  await writeAtomically(path, file.content);
  return path;
}
