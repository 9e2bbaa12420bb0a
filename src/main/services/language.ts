/**
 * Language detection for stories: eld (n-gram, offline, 60 languages). Only the first part of a
 * long story is read: the language of a news story does not change halfway, and autosave stays cheap.
 */
import { eld } from 'eld/small';

const SAMPLE_CHARS = 1500;
/** Fewer letters than this and a guess is not worth showing. */
const MIN_LETTERS = 12;

/** A BCP 47 primary tag ("en", "he", "ar"), or '' when the text is too short or unclear. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return '';
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : '';
}
