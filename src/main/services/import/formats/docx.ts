/**
 * Word documents (.docx): mammoth turns the document's structure (headings, lists, bold, italic,
 * links) into HTML, which then takes the same path as an imported HTML file. The title in the
 * document's properties, when there is one, is the headline.
 *
 * A .docx is a zip, and a zip can be a bomb. mammoth unzips whatever it is given, so the archive
 * is first read by Copydesk's hardened zip reader (the one packages use): the table of contents is
 * checked (entry count, declared sizes, compression ratio) before anything is inflated, and every
 * entry then inflates no further than it declares and must match its checksum. Only then does
 * mammoth see the bytes.
 */
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode } from 'domhandler';
import { AppError } from '../../../../shared/errors.ts';
import { readZipBytes, showName } from '../../packages/zip-reader.ts';
import type { ImportedDraft, ImportFile } from '../types.ts';
import type { RegisteredFormat } from '../index.ts';
import { htmlToDraft } from './html.ts';

const WORD_LIMITS = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 160 * 1024 * 1024,
  /** Word's XML packs 5–20 times; a bomb packs a thousand times. */
  maxRatio: 200,
};
const WORD = { singular: 'a Word document', plural: 'Word documents' };

/** Word's "Title" paragraph style is the headline too (mammoth has no mapping for it by default). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

function text(node: ChildNode): string {
  if (isText(node)) return node.data;
  return isTag(node) ? node.children.map(text).join('') : '';
}

/** `dc:title` from docProps/core.xml, if the author filled it in. */
function coreTitle(files: Map<string, Uint8Array>): string {
  const core = files.get('docProps/core.xml');
  if (!core) return '';
  const doc = parseDocument(new TextDecoder('utf-8').decode(core), { xmlMode: true });
  const find = (nodes: readonly ChildNode[]): string | null => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === 'dc:title') return text(node);
      const inner = find(node.children);
      if (inner !== null) return inner;
    }
    return null;
  };
  return (find(doc.children) ?? '').replace(/\s+/g, ' ').trim();
}

export async function parseDocx(file: ImportFile): Promise<ImportedDraft> {
  const label = showName(file.name);
  const files = readZipBytes(file.bytes, label, WORD_LIMITS, () => {}, WORD);
  if (!files.has('word/document.xml')) throw new AppError('invalid_input', `${label} is not a Word document (it has no word/document.xml). Nothing was imported.`);
  const title = coreTitle(files);
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length) },
    // Pictures are not read: they would arrive as data: URLs, which the sanitiser drops anyway.
    { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) }
  );
  const draft = htmlToDraft(result.value, title ? { headline: title } : {});
  const notes = [...draft.notes];
  const skipped = result.messages.filter((m) => m.type === 'warning' && /unrecognised|unsupported/i.test(m.message)).length;
  if (skipped > 0) notes.push(`${skipped} piece${skipped === 1 ? '' : 's'} of Word formatting Copydesk does not use ${skipped === 1 ? 'was' : 'were'} left out.`);
  return { ...draft, notes };
}

export const docxFormat: RegisteredFormat = {
  id: 'docx',
  label: 'Word document',
  extensions: ['.docx'],
  binary: true,
  parse: parseDocx,
};
