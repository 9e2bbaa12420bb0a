/**
 * Files chosen or dropped, into the batches `import.files` takes: at most MAX_IMPORT_FILES files
 * and MAX_IMPORT_BATCH_BYTES in one call (smaller batches also give the progress its steps).
 * A file over MAX_IMPORT_BYTES is refused here, before its bytes are read, with the same words
 * main would use; the others still go.
 */
import { MAX_IMPORT_BATCH_BYTES, MAX_IMPORT_BYTES, MAX_IMPORT_FILES, type ImportFileResult } from '../../../../shared/import.ts';

/** What a batch needs to know of a file (a DOM File has both). */
export interface SizedFile {
  readonly name: string;
  readonly size: number;
}

/** Files per call: a few at a time, so "Importing 3 of 12…" moves while a large drop goes in. */
export const FILES_PER_BATCH = 5;

export interface ImportPlan<F extends SizedFile> {
  readonly batches: F[][];
  readonly refused: ImportFileResult[];
}

export function planImport<F extends SizedFile>(files: readonly F[], filesPerBatch = FILES_PER_BATCH): ImportPlan<F> {
  const perBatch = Math.max(1, Math.min(filesPerBatch, MAX_IMPORT_FILES));
  const batches: F[][] = [];
  const refused: ImportFileResult[] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) {
      refused.push({ ok: false, file: file.name, message: `A file is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; Copydesk imports files up to that size.` });
      continue;
    }
    // base64 makes four characters of three bytes: that is what the call's limit counts.
    const encoded = Math.ceil(file.size / 3) * 4;
    if (current.length > 0 && (current.length >= perBatch || bytes + encoded > (MAX_IMPORT_BATCH_BYTES / 3) * 4)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += encoded;
  }
  if (current.length > 0) batches.push(current);
  return { batches, refused };
}

/** Bytes to base64, a chunk at a time (one `String.fromCharCode(...all)` overflows the stack on large files). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
