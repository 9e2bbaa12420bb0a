import { describe, expect, it } from 'vitest';
import { englishTerms, fold, libraryTerms, prefixForms, stem, words } from '../../src/main/services/tagging/text.ts';

describe('tagging text', () => {
  it('folds case, accents, Hebrew niqqud and Arabic harakat and letter variants', () => {
    expect(fold('Coup d’État à Zürich')).toBe('coup d’etat a zurich');
    expect(fold('שָׁלוֹם')).toBe('שלום');
    expect(fold('مُحَمَّد')).toBe('محمد');
    expect(fold('إسرائيل')).toBe(fold('اسرائيل'));
    expect(fold('مدرسة')).toBe('مدرسه');
  });

  it('splits words, dropping possessives and punctuation', () => {
    expect(words("The minister's plan, U.S.-backed: 4.5%")).toEqual(['the', 'minister', 'plan', 'u', 's', 'backed', '4', '5']);
  });

  it('stems English with Porter 2 and drops stop words, reporting verbs and bare numbers', () => {
    expect(stem('elections')).toBe(stem('election'));
    expect(stem('running')).toBe('run');
    expect(englishTerms('The elections were held on Sunday, officials said, in 2024.')).toEqual(['elect', 'held', 'offici']);
  });

  it('gives Hebrew and Arabic words with their attached prefixes split off, so forms meet', () => {
    expect(prefixForms('ובאיראן')).toEqual(['ובאיראן', 'באיראן', 'איראן']);
    expect(prefixForms('איראן')).toEqual(['איראן']);
    // A stem keeps three letters.
    expect(prefixForms('בית')).toEqual(['בית']);
    expect(prefixForms(fold('والحكومة'))).toEqual(['والحكومه', 'حكومه']);
    expect(prefixForms('election')).toEqual(['election']);
    const a = new Set(libraryTerms('הממשלה החליטה'));
    const b = new Set(libraryTerms('ממשלה'));
    expect([...b].some((t) => a.has(t))).toBe(true);
  });
});
