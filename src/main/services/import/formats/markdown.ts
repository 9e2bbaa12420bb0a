/**
 * Markdown → draft: YAML front matter into fields, the Markdown body into the editor's document.
 *
 * Front matter keys are the story's field names, as Copydesk's own export writes them
 * (`export/markdown.ts`: slugline, byline, dateline…); the keys other tools use for the same
 * things are read too (`title` for the headline, `tags` for keywords, `description` for the
 * summary, `lang` for the language). Copydesk's own bookkeeping (id, status, revision, times,
 * approval, author) is not content and is not imported: the draft is a new story.
 *
 * The document's first `# heading` is the headline when the front matter has none; when it has
 * one, that heading is the headline written out again and is dropped, so it never doubles.
 */
import { parse as parseYaml } from 'yaml';
import { inlineText, type Block } from '../../../../shared/body.ts';
import { bodyFromDocument } from '../../../../shared/body-build.ts';
import { AppError } from '../../../../shared/errors.ts';
import { FRONT_MATTER_FIELDS } from '../../export/markdown.ts';
import { markdownToDocument } from '../markdown-parser.ts';
import type { ImportFile, ImportFormat, ImportedDraft } from '../types.ts';
import { draftFrom, type FoundFields } from './draft.ts';
import { decodeText } from '../text.ts';
import { showName } from '../../packages/zip-reader.ts';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** Other tools' names for our fields. */
const ALIASES: Readonly<Record<string, keyof FoundFields>> = { title: 'headline', tags: 'keywords', description: 'summary', lang: 'language' };

export const markdownFormat: ImportFormat = {
  id: 'markdown',
  label: 'Markdown',
  extensions: ['.md', '.markdown'],
  sniff: (head) => FRONT_MATTER.test(head) || /^\uFEFF?---[ \t]*\r?\n[\s\S]*\n(?:headline|title):/.test(head),
  parse: (file: ImportFile): ImportedDraft => markdownToDraft(decodeText(file.bytes, showName(file.name)).text, file.name),
};

export function markdownToDraft(text: string, fileName = 'the file'): ImportedDraft {
  const notes: string[] = [];
  const match = FRONT_MATTER.exec(text);
  const found = match ? readFrontMatter(match[1]!, fileName) : {};
  const rest = match ? text.slice(match[0].length) : text.replace(/^\uFEFF/, '');
  const blocks = [...markdownToDocument(rest).blocks];
  const first = blocks[0];
  if (first?.kind === 'heading' && first.level === 1) {
    blocks.shift();
    if (found.headline === undefined) found.headline = inlineText(first.inlines).replace(/\n/g, ' ');
  }
  found.body = bodyFromDocument({ blocks: blocks as Block[] });
  return draftFrom(found, notes);
}

function readFrontMatter(yaml: string, fileName: string): FoundFields {
  let data: unknown;
  try {
    data = parseYaml(yaml, { maxAliasCount: 50, prettyErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppError('invalid_input', `The front matter of “${fileName}” is not valid YAML: ${reason}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new AppError('invalid_input', `The front matter of “${fileName}” is not a list of fields (key: value).`);
  }
  const source = data as Record<string, unknown>;
  const found: FoundFields = {};
  for (const [key, field] of Object.entries(ALIASES)) if (key in source) found[field] = source[key];
  // The editorial note is never exported, but a file from elsewhere may carry one for the desk.
  for (const field of ['headline', 'keywords', 'editorialNote', ...FRONT_MATTER_FIELDS] as const) if (field in source) found[field] = source[field];
  if (typeof found.keywords === 'string') found.keywords = found.keywords.split(',');
  // A language the file states was chosen by a person; detection leaves it alone.
  if (typeof found.language === 'string' && found.language !== '') found.languageSetByPerson = true;
  return found;
}
