/**
 * The language of a story's text when the story does not say, for tagging: `eld` (Efficient
 * Language Detector), its small n-gram database loaded on first use rather than at start.
 */
type Eld = (typeof import('eld/small'))['eld'];
let detector: Promise<Eld> | null = null;

/** ISO 639-1 code ("en", "he", "ar"…), or null when the text is too short or unclear to say. */
export async function detectLanguage(text: string): Promise<string | null> {
  const sample = text.slice(0, 2000).trim();
  if (sample.length < 3) return null;
  detector ??= import('eld/small').then((m) => m.eld);
  const result = (await detector).detect(sample);
  return result.language || null;
}
