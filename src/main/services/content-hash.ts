/**
 * The approval fingerprint: SHA-256 of the canonical story content. Only what a reader sees counts
 * (headline, body text and formatting, keywords as a set); status, timestamps and editor-internal
 * fields such as text direction do not.
 */
import { createHash } from 'node:crypto';
import { canonicalBody, parseBody } from '../../shared/body.ts';

export interface HashableContent {
  readonly headline: string;
  readonly body: string;
  readonly keywords: readonly string[];
}

export function canonicalContent(content: HashableContent): string {
  const keywords = [...content.keywords].map((k) => k.normalize('NFC')).sort();
  return JSON.stringify({
    headline: content.headline.normalize('NFC').trim(),
    body: canonicalBody(parseBody(content.body)),
    keywords,
  });
}

export function contentHash(content: HashableContent): string {
  return createHash('sha256').update(canonicalContent(content), 'utf8').digest('hex');
}
