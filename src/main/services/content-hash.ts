/**
 * The approval fingerprint: SHA-256 of the canonical story content. Only what a reader sees counts:
 * the published fields of the field table (headline, body text and formatting, keywords as a set,
 * byline, dateline, subjects…); status, timestamps and internal fields (editorial note, desk,
 * target length) do not. A published field that is still empty is left out, so a story written
 * before the field existed keeps the fingerprint it was approved with.
 */
import { createHash } from 'node:crypto';
import { canonicalBody, parseBody } from '../../shared/body.ts';
import { PUBLISHED_FIELDS, STORY_FIELDS, sameValue, type PublishedField, type StoryContent } from '../../shared/story-fields.ts';

export type HashableContent = Pick<StoryContent, 'headline' | 'body' | 'keywords'> & Partial<Pick<StoryContent, PublishedField>>;

/** Lists whose order means nothing to a reader are compared as sets. */
const SETS: ReadonlySet<PublishedField> = new Set(['keywords', 'subjects', 'entities']);

export function canonicalContent(content: HashableContent): string {
  const out: Record<string, unknown> = {
    headline: content.headline.normalize('NFC').trim(),
    body: canonicalBody(parseBody(content.body)),
    keywords: [...content.keywords].map((k) => k.normalize('NFC')).sort(),
  };
  for (const name of PUBLISHED_FIELDS) {
    if (name in out) continue;
    const value = content[name];
    if (value === undefined || sameValue(value, STORY_FIELDS[name].empty)) continue;
    out[name] = SETS.has(name) && Array.isArray(value) ? value.map((v) => JSON.stringify(v)).sort() : value;
  }
  return JSON.stringify(out);
}

export function contentHash(content: HashableContent): string {
  return createHash('sha256').update(canonicalContent(content), 'utf8').digest('hex');
}
