/**
 * Text handling shared by the tagging services: one folding (case, accents, Hebrew niqqud, Arabic
 * harakat and letter variants) so that a search, a vocabulary label and a story's text meet on
 * the same form; English tokens stemmed with the Porter 2 stemmer that ships inside
 * `wink-eng-lite-web-model` (the model package we already use for NER); and, for Hebrew and
 * Arabic, the attached one-letter prefixes (ו ב ל ה מ ש כ, و ب ل ف ك and the article ال) split
 * off, so "ובאיראן" meets "איראן" without a language-specific stemmer.
 */
import { createRequire } from 'node:module';

const requirePackage = createRequire(import.meta.url);
const porterStem = requirePackage('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;

/** Lower case, no accents or vowel points, Arabic letter variants unified, one space between words. */
export function fold(text: string): string {
  // Plain ASCII (most names and English copy) needs only lower case; skip the Unicode work.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\u0640/g, '') // Arabic tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The words of a text, folded, in order (possessive 's dropped). */
export function words(text: string): readonly string[] {
  // One suggestion reads the same story several times (subjects, entities, keywords): keep the last few.
  const cached = recentWords.find((entry) => entry.text === text);
  if (cached) return cached.words;
  const out: string[] = [];
  for (const match of fold(text).matchAll(WORD)) {
    const word = match[0];
    out.push(word.includes("'") || word.includes('’') ? word.replace(/['’]s$/, '').replace(/['’]/g, '') : word);
  }
  if (text.length >= 200) {
    recentWords.unshift({ text, words: out });
    if (recentWords.length > 4) recentWords.pop();
  }
  return out;
}
const recentWords: { text: string; words: readonly string[] }[] = [];

// A common English stop list, plus the reporting verbs and calendar words every wire story has.
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off ' +
    'on once only or other our ours ourselves out over own same she should so some such than that the their theirs ' +
    'them themselves then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves may might must shall us per via ' +
    'including include includes related relating etc e g ie eg s t said says say told tell according added adding ' +
    'spokesman spokeswoman spokesperson statement reported reporters news mr mrs ms dr one two three four five six seven ' +
    'eight nine ten first second last new year years week weeks month months day days today yesterday tomorrow monday ' +
    'tuesday wednesday thursday friday saturday sunday january february march april june july august september october ' +
    'november december time times since around well many much made make makes another still yet back like within without'
  ).split(' ')
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const stemCache = new Map<string, string>();

/** Porter 2 stem of a folded English word (memoised: a newsroom's vocabulary repeats). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(word) ? porterStem(word) : word;
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** English index terms: folded words, stop words and bare numbers dropped, stemmed. */
export function englishTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || isStopWord(word) || /^\d+$/.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}

const HEBREW = /^[\u0590-\u05ff]+$/;
const ARABIC = /^[\u0600-\u06ff]+$/;
const HEBREW_PREFIX = /^[ובלהמשכ]/;
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك'];

/**
 * The word and the forms left when its attached Hebrew or Arabic prefixes are removed one by one
 * (at most two, keeping a stem of three letters): "ובאיראן" gives ובאיראן, באיראן, איראן. A
 * prefix letter can also begin the stem itself (מ in משטרה), so every form is kept and two
 * spellings meet on the forms they share. Other scripts: the word alone.
 */
export function prefixForms(word: string): string[] {
  const forms = [word];
  let w = word;
  if (HEBREW.test(word)) {
    for (let i = 0; i < 2 && w.length > 3 && HEBREW_PREFIX.test(w); i++) forms.push((w = w.slice(1)));
  } else if (ARABIC.test(word)) {
    for (let i = 0; i < 2; i++) {
      const prefix = ARABIC_PREFIXES.find((p) => w.startsWith(p) && w.length - p.length >= 3);
      if (!prefix) break;
      forms.push((w = w.slice(prefix.length)));
    }
  }
  return forms;
}

/**
 * Language-independent terms for comparing stories with each other (the library's evidence):
 * English words stemmed, Hebrew and Arabic words with their prefix forms, stop words and
 * one-letter words dropped. Any other script passes through folded.
 */
export function libraryTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || isStopWord(word) || /^\d+$/.test(word)) continue;
    if (/^[a-z]/.test(word)) out.push(stem(word));
    else out.push(...prefixForms(word));
  }
  return out;
}

/**
 * How often each phrase (a keyword, a name) occurs in a text, word by word and folded; in Hebrew
 * and Arabic also behind an attached prefix ("ובאיראן" counts for "איראן"). Phrases that do not
 * occur are left out. Runs in time linear in the text, whatever the number of phrases.
 */
export function countPhrases(text: string, phrases: Iterable<string>): Map<string, number> {
  const byKey = new Map<string, string[]>();
  let longest = 1;
  for (const phrase of phrases) {
    const phraseWords = words(phrase);
    if (phraseWords.length === 0) continue;
    longest = Math.max(longest, phraseWords.length);
    const key = phraseWords.join(' ');
    byKey.set(key, [...(byKey.get(key) ?? []), phrase]);
  }
  const counts = new Map<string, number>();
  if (byKey.size === 0) return counts;
  const textWords = words(text);
  for (let i = 0; i < textWords.length; i++) {
    const rest = textWords.slice(i + 1, i + longest);
    for (const first of prefixForms(textWords[i]!)) {
      let key = first;
      for (let n = 0; n <= rest.length; n++) {
        for (const phrase of byKey.get(key) ?? []) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
        if (n < rest.length) key += ` ${rest[n]}`;
      }
    }
  }
  return counts;
}
