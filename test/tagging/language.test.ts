import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/main/services/tagging/language.ts';

describe('language detection for tagging', () => {
  it('tells English, Hebrew and Arabic stories apart', async () => {
    expect(await detectLanguage('The central bank raised its main interest rate on Wednesday to fight inflation.')).toBe('en');
    expect(await detectLanguage('בנק ישראל העלה את הריבית ברבע אחוז בשל האינפלציה הגבוהה.')).toBe('he');
    expect(await detectLanguage('رفع البنك المركزي سعر الفائدة الرئيسي لمواجهة التضخم.')).toBe('ar');
  });

  it('says nothing for text too short to tell', async () => {
    expect(await detectLanguage('  ')).toBeNull();
    expect(await detectLanguage('ok')).toBeNull();
  });
});
