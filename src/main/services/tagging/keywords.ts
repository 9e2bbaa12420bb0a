/**
 * Keyword suggestions: first the library's own keywords that occur in the story (the newsroom's
 * vocabulary, in any language, most-mentioned first), then the story's salient terms: words and
 * two-word phrases that recur or stand in the headline, with stop words of English, Hebrew and
 * Arabic left out. Keywords the story already has are never suggested again.
 */
import { countPhrases, fold, isStopWord, words } from './text.ts';

export interface KnownKeyword {
  readonly keyword: string;
  /** How many stories carry it. */
  readonly count: number;
}

export interface KeywordInput {
  readonly headline: string;
  readonly text: string;
  readonly known?: readonly KnownKeyword[];
  /**
   * For English: the folded words the tagger took for nouns (`englishTokens`). A single-word term
   * must be one, and a phrase must end with one, so "drama takes" or "kills" never come up.
   */
  readonly nouns?: ReadonlySet<string>;
  /** The story's own keywords, not suggested again. */
  readonly exclude?: readonly string[];
  readonly limit?: number;
}

// Function words of Hebrew and Arabic (folded): the English list lives in text.ts.
const OTHER_STOP_WORDS = new Set(
  (
    'של את על עם גם כי לא זה זו הוא היא הם הן אשר או אם כל יותר אחרי לפני בין עד כבר רק אבל היה הייתה היו יש אין ' +
    'אמר אמרה אמרו כך כדי מאוד עוד אלה אותו אותה שלא לכן בו בה להם שלו שלה שם פי ' +
    'في من على الى عن ان مع هذا هذه التي الذي الذين كان كانت لم لا ما بعد قبل حتى او ثم كما وقال قال وفي هو هي ' +
    'قد كل بين عند ذلك تلك لكن اذا منذ خلال ضد وكان'
  ).split(' ').map(fold)
);

function skip(word: string): boolean {
  return word.length < 3 || isStopWord(word) || OTHER_STOP_WORDS.has(word) || /^\d/.test(word);
}

export function suggestKeywords(input: KeywordInput): string[] {
  const limit = input.limit ?? 10;
  const taken = new Set((input.exclude ?? []).map((k) => words(k).join(' ')));
  const out: string[] = [];
  const offer = (keyword: string): void => {
    const key = words(keyword).join(' ');
    if (!key || taken.has(key) || out.length >= limit) return;
    taken.add(key);
    out.push(keyword);
  };

  const fullText = `${input.headline}\n${input.text}`;
  const known = input.known ?? [];
  if (known.length > 0) {
    const mentions = countPhrases(fullText, known.map((k) => k.keyword));
    const popularity = new Map(known.map((k) => [k.keyword, k.count]));
    [...mentions]
      .sort((a, b) => b[1] - a[1] || (popularity.get(b[0]) ?? 0) - (popularity.get(a[0]) ?? 0) || a[0].localeCompare(b[0]))
      .forEach(([keyword]) => offer(keyword));
  }
  for (const term of salientTerms(input.headline, input.text, input.nouns)) offer(term);
  return out;
}

/**
 * Words and two-word phrases by salience: occurrences, plus two when the term is in the headline.
 * A word must occur twice or stand in the headline; a phrase must occur twice. Shown as the text
 * spells it most often.
 */
function salientTerms(headline: string, text: string, nouns: ReadonlySet<string> | undefined): string[] {
  const occurrences = new Map<string, number>();
  const inHeadline = new Set<string>();
  const spelling = new Map<string, Map<string, number>>();
  const isNoun = (w: string) => !nouns || nouns.has(w);
  const note = (key: string, surface: string, headlineWord: boolean) => {
    occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
    if (headlineWord) inHeadline.add(key);
    const forms = spelling.get(key) ?? new Map<string, number>();
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
    spelling.set(key, forms);
  };
  const visit = (source: string, headlineWord: boolean) => {
    const tokens = [...source.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => m[0].replace(/['’]s$/, ''));
    const folded = tokens.map((t) => fold(t));
    for (let i = 0; i < tokens.length; i++) {
      if (skip(folded[i]!)) continue;
      if (isNoun(folded[i]!)) note(folded[i]!, tokens[i]!, headlineWord);
      if (i + 1 < tokens.length && !skip(folded[i + 1]!) && isNoun(folded[i + 1]!)) {
        note(`${folded[i]} ${folded[i + 1]}`, `${tokens[i]} ${tokens[i + 1]}`, headlineWord);
      }
    }
  };
  visit(headline, true);
  visit(text, false);
  const score = (key: string) => (occurrences.get(key) ?? 0) * (key.includes(' ') ? 1.5 : 1) + (inHeadline.has(key) ? 2 : 0);
  const candidates = [...occurrences.keys()].filter((key) => (key.includes(' ') ? occurrences.get(key)! >= 2 : occurrences.get(key)! >= 2 || inHeadline.has(key)));
  const kept: string[] = [];
  const inPhrase = new Set<string>();
  for (const key of candidates.sort((a, b) => score(b) - score(a) || a.localeCompare(b))) {
    // A word already offered inside a phrase ("Tel Aviv") is not offered again alone.
    if (inPhrase.has(key)) continue;
    if (key.includes(' ')) for (const w of key.split(' ')) inPhrase.add(w);
    kept.push(key);
  }
  return kept.map((key) => [...spelling.get(key)!].sort((a, b) => b[1] - a[1])[0]![0]);
}
