/**
 * Reading an imported file as text, and refusing what is not text, each with one clear message:
 * a binary file, a file in no Unicode encoding, broken UTF-16 (a lone surrogate). Characters no
 * export format can carry (XML-forbidden controls) are removed with a note, the same way every
 * field removes them (`stripForbiddenCharacters`).
 */
import { AppError } from '../../../shared/errors.ts';
import { stripForbiddenCharacters } from '../../../shared/news-item.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

export interface DecodedText {
  readonly text: string;
  readonly notes: string[];
}

/**
 * The file's text: UTF-8 (with or without a byte-order mark) or UTF-16 with its byte-order
 * mark (as Windows Notepad saves). Line endings become \n. Throws AppError('invalid_input').
 */
export function decodeText(bytes: Uint8Array, label: string): DecodedText {
  const refuse = (why: string) => new AppError('invalid_input', `${label} ${why} Nothing was imported.`);
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      text = (bytes[0] === 0xff ? utf16le : utf16be).decode(bytes);
    } catch {
      throw refuse('is damaged UTF-16 text: it holds half of a character (a lone surrogate).');
    }
  } else {
    if (bytes.includes(0)) throw refuse('is a binary file, not text (it contains NUL bytes).');
    try {
      text = utf8.decode(bytes);
    } catch {
      throw refuse(hasEncodedSurrogate(bytes) ? 'holds half of a character (a lone surrogate, as broken UTF-16 conversions write): it is not valid UTF-8.' : 'is not UTF-8 text (an older encoding such as Windows-1252?). Save it as UTF-8 and import it again.');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const notes: string[] = [];
  const clean = stripForbiddenCharacters(text);
  if (clean.length !== text.length) {
    const n = text.length - clean.length;
    notes.push(`${n} control character${n === 1 ? '' : 's'} that no export format can carry ${n === 1 ? 'was' : 'were'} removed.`);
  }
  return { text: clean, notes };
}

/** UTF-8 bytes of a UTF-16 surrogate (ED A0..BF ..): what CESU-8 and broken converters write. */
function hasEncodedSurrogate(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xed && bytes[i + 1]! >= 0xa0 && bytes[i + 1]! <= 0xbf) return true;
  }
  return false;
}

/** Text a format module reads (the importer has already checked and cleaned it). */
export function textOf(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
