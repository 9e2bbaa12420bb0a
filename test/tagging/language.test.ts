import { beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage, loadLanguageDetector } from '../../src/main/services/language.ts';

describe('language detection', () => {
  beforeAll(() => loadLanguageDetector());

  it('tells English, Hebrew and Arabic stories apart', () => {
    expect(detectLanguage('The central bank raised its main interest rate on Wednesday to fight inflation.')).toBe('en');
    expect(detectLanguage('בנק ישראל העלה את הריבית ברבע אחוז בשל האינפלציה הגבוהה.')).toBe('he');
    expect(detectLanguage('رفع البنك المركزي سعر الفائدة الرئيسي لمواجهة التضخم.')).toBe('ar');
  });

  it('says nothing for text too short to tell', () => {
    expect(detectLanguage('  ')).toBe('');
    expect(detectLanguage('ok')).toBe('');
  });
});
