import { describe, expect, it } from 'vitest';
import { suggestKeywords } from '../../src/main/services/tagging/keywords.ts';

const HEADLINE = 'Rail workers strike over pay, halting trains nationwide';
const TEXT =
  'Train services across the country came to a halt on Thursday as rail workers walked out in a dispute over pay. ' +
  'The rail union says its members have had a real-terms pay cut since 2020. The rail operator said it had offered a 4 percent rise to rail workers.';

describe('keyword suggestions', () => {
  it('puts the library’s keywords found in the story first, most mentioned, then more used', () => {
    const keywords = suggestKeywords({
      headline: HEADLINE,
      text: TEXT,
      known: [
        { keyword: 'strikes', count: 9 },
        { keyword: 'rail', count: 2 },
        { keyword: 'pay', count: 5 },
        { keyword: 'Thursday', count: 1 },
        { keyword: 'weather', count: 30 },
      ],
    });
    expect(keywords.slice(0, 3)).toEqual(['rail', 'pay', 'Thursday']);
    expect(keywords).not.toContain('weather');
  });

  it('then offers salient words and recurring phrases, not stop words, and nothing the story already has', () => {
    const keywords = suggestKeywords({ headline: HEADLINE, text: TEXT, exclude: ['Pay'] });
    // "rail" (5 times, and in the headline) before "rail workers" (3 times, a phrase: ×1.5, and in the headline).
    expect(keywords.slice(0, 2)).toEqual(['rail', 'rail workers']);
    expect(keywords).toContain('strike');
    expect(keywords.map((k) => k.toLowerCase())).not.toContain('pay');
    for (const stop of ['the', 'over', 'said', 'has']) expect(keywords).not.toContain(stop);
    expect(keywords).not.toContain('workers');
  });

  it('keeps to nouns when the English tagger says which words are nouns', () => {
    const nouns = new Set(['rail', 'workers', 'strike', 'pay', 'trains', 'train', 'services', 'union']);
    const keywords = suggestKeywords({ headline: HEADLINE, text: TEXT, nouns });
    expect(keywords).not.toContain('halting');
    expect(keywords).not.toContain('nationwide');
    expect(suggestKeywords({ headline: HEADLINE, text: TEXT })).toContain('halting');
  });

  it('works for Hebrew and Arabic, library keywords behind prefixes included', () => {
    const hebrew = suggestKeywords({
      headline: 'בנק ישראל העלה את הריבית',
      text: 'בנק ישראל העלה את הריבית ברבע אחוז. נגיד בנק ישראל אמר שהריבית תישאר גבוהה. ובאיראן לא השתנה דבר.',
      known: [{ keyword: 'איראן', count: 3 }],
    });
    expect(hebrew[0]).toBe('איראן');
    expect(hebrew).toContain('בנק ישראל');
    expect(hebrew).not.toContain('את');
    const arabic = suggestKeywords({ headline: 'البنك المركزي يرفع سعر الفائدة', text: 'رفع البنك المركزي سعر الفائدة. وقال البنك المركزي إن التضخم مرتفع.' });
    expect(arabic).toContain('البنك المركزي');
    expect(arabic).not.toContain('في');
  });

  it('honours the limit', () => {
    expect(suggestKeywords({ headline: HEADLINE, text: TEXT, limit: 2 })).toHaveLength(2);
  });
});
