/** Sizes, counts and the search-hit marks, in the words a person reads. */
import { HIT_END, HIT_START } from '../../../shared/search-text.ts';

/** "12.4 MB", "840 KB", "0 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString()} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}

/** "1 story", "12 stories". */
export function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

export interface MarkedPart {
  readonly text: string;
  readonly hit: boolean;
}

/** Split a snippet with HIT_START/HIT_END marks into plain and highlighted parts (text only, never HTML). */
export function splitHits(snippet: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let hit = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === HIT_START || ch === HIT_END) {
      if (text) parts.push({ text, hit });
      text = '';
      hit = ch === HIT_START;
    } else {
      text += ch;
    }
  }
  if (text) parts.push({ text, hit });
  return parts;
}
