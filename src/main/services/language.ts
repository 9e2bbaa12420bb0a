/**
 * Language detection for stories: eld (n-gram, offline, 60 languages). Only the first part of a
 * long story is read: the language of a news story does not change halfway, and autosave stays cheap.
 *
 * eld's n-gram tables take most of a second to load, so nothing loads them at start: the first
 * call starts loading them and answers '' (unknown); the next save detects. Code that needs an
 * answer at once (an import, the command line, tests) awaits `loadLanguageDetector()` first.
 */
type Detector = { detect(text: string): { language: string; isReliable(): boolean } };

const SAMPLE_CHARS = 1500;
/** Fewer letters than this and a guess is not worth showing. */
const MIN_LETTERS = 12;

let detector: Detector | null = null;
let loading: Promise<void> | null = null;

export function loadLanguageDetector(): Promise<void> {
  loading ??= import('eld/small').then((m) => {
    detector = m.eld as Detector;
  });
  return loading;
}

/** A BCP 47 primary tag ("en", "he", "ar"), or '' when the text is too short or unclear, or eld is not loaded yet. */
export function detectLanguage(text: string): string {
  if (!detector) {
    void loadLanguageDetector();
    return '';
  }
  const sample = text.slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return '';
  const result = detector.detect(sample);
  return result.language && result.isReliable() ? result.language : '';
}
