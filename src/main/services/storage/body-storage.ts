/**
 * How a story's body (Lexical JSON) is kept in the `stories` table: raw-deflate compressed.
 * Lexical JSON repeats the same keys for every text node, so it shrinks about 3.5×; it was the
 * largest thing in the library (see bench/README.md, "Size on disk"). The fastest level keeps
 * autosave cheap (about half a millisecond for a 5,000-word story); reading inflates it back.
 * Revisions compress their snapshots the same way (revision-repository.ts).
 */
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

export function packBody(json: string): Uint8Array {
  return deflateRawSync(Buffer.from(json, 'utf8'), { level: constants.Z_BEST_SPEED });
}

export function unpackBody(stored: Uint8Array): string {
  return inflateRawSync(stored).toString('utf8');
}
