/**
 * The subject ranker's library evidence: stories the newsroom has already tagged vote for their
 * subjects when a new story resembles them, in any language. Hebrew and Arabic get no help from
 * the (English) vocabulary, so this is how they are tagged.
 */
import { describe, expect, it } from 'vitest';
import { createSubjectRanker, type TaggedExample } from '../../src/main/services/tagging/subject-ranker.ts';
import { mediaTopics } from './vocabularies.ts';

const SOCCER = 'medtop:20001065';
const INTEREST_RATE = 'medtop:20000371';
const ELECTION = 'medtop:20000574';

const hebrewLibrary: TaggedExample[] = [
  {
    headline: 'מכבי חיפה ניצחה את הפועל באר שבע בליגת העל',
    text: 'מכבי חיפה ניצחה 2:1 את הפועל באר שבע בליגת העל בכדורגל. החלוץ כבש שני שערים במחצית השנייה. המאמן אמר אחרי המשחק שהקבוצה שיחקה טוב יותר מאשר בשבוע שעבר. האוהדים מילאו את האצטדיון.',
    subjects: [SOCCER],
  },
  {
    headline: 'נבחרת ישראל בכדורגל הפסידה במשחק המוקדמות',
    text: 'נבחרת ישראל בכדורגל הפסידה 0:2 לשווייץ במשחק מוקדמות אליפות אירופה. השוער הציל פנדל במחצית הראשונה, אבל ההגנה קרסה אחרי ההפסקה. המאמן הלאומי לקח אחריות על ההפסד.',
    subjects: [SOCCER],
  },
  {
    headline: 'בנק ישראל העלה את הריבית ל-4.75 אחוזים',
    text: 'בנק ישראל העלה את הריבית ברבע אחוז ל-4.75 אחוזים, בשל האינפלציה הגבוהה. נגיד הבנק אמר שהריבית תישאר גבוהה עד שהמחירים יתייצבו. המשכנתאות יתייקרו כבר בחודש הבא.',
    subjects: [INTEREST_RATE],
  },
  {
    headline: 'האינפלציה עלתה ב-0.6 אחוז בחודש',
    text: 'מדד המחירים לצרכן עלה ב-0.6 אחוז בחודש שעבר, והאינפלציה השנתית הגיעה ל-5 אחוזים. מחירי הדיור והמזון הובילו את העלייה. בנק ישראל צפוי לשקול העלאת ריבית נוספת.',
    subjects: [INTEREST_RATE],
  },
  {
    headline: 'הבחירות לכנסת ייערכו בנובמבר',
    text: 'הכנסת אישרה את פיזורה והבחירות ייערכו בנובמבר. ראשי המפלגות החלו במגעים לקראת הרכבת הרשימות. הסקרים מראים שאף גוש לא יזכה ברוב של 61 מנדטים. ועדת הבחירות המרכזית הודיעה על מועד ההצבעה.',
    subjects: [ELECTION],
  },
];

const arabicLibrary: TaggedExample[] = [
  {
    headline: 'الأهلي يفوز على الزمالك في الدوري',
    text: 'فاز النادي الأهلي على الزمالك بهدفين مقابل هدف في مباراة الدوري المصري لكرة القدم. سجل المهاجم الهدف الثاني في الدقيقة الأخيرة. وقال المدرب إن الفريق لعب بشكل جيد. واحتفل المشجعون في الملعب.',
    subjects: [SOCCER],
  },
  {
    headline: 'المنتخب يتأهل إلى كأس العالم',
    text: 'تأهل المنتخب الوطني لكرة القدم إلى نهائيات كأس العالم بعد فوزه في المباراة الأخيرة. وسجل اللاعبون ثلاثة أهداف. وقال المدرب إن الجماهير كانت اللاعب رقم واحد.',
    subjects: [SOCCER],
  },
  {
    headline: 'البنك المركزي يرفع سعر الفائدة',
    text: 'رفع البنك المركزي سعر الفائدة الرئيسي بمقدار نصف نقطة مئوية لمواجهة التضخم. وقال محافظ البنك إن الأسعار ما زالت مرتفعة. ويتوقع الاقتصاديون زيادة أخرى في الأشهر المقبلة.',
    subjects: [INTEREST_RATE],
  },
  {
    headline: 'التضخم يرتفع إلى 8 في المئة',
    text: 'ارتفع معدل التضخم السنوي إلى 8 في المئة الشهر الماضي بسبب ارتفاع أسعار الغذاء والوقود. وقال البنك المركزي إنه سيواصل رفع أسعار الفائدة. وتراجعت قيمة العملة المحلية.',
    subjects: [INTEREST_RATE],
  },
];

describe('subject ranker with the library', () => {
  const ranker = createSubjectRanker(mediaTopics());

  it('suggests nothing for a Hebrew story while the library has no tagged stories', () => {
    expect(ranker.rank({ headline: 'הפועל ניצחה בדרבי', text: 'הפועל תל אביב ניצחה בדרבי.' }, [])).toEqual([]);
  });

  it('tags a new Hebrew story from tagged Hebrew stories on the same topic, saying which', () => {
    const story = {
      headline: 'הפועל תל אביב ניצחה בדרבי',
      text: 'הפועל תל אביב ניצחה את מכבי תל אביב 1:0 בדרבי של ליגת העל בכדורגל. השער היחיד נכבש בדקה ה-80 אחרי טעות של השוער. האוהדים חגגו באצטדיון עד שעות הלילה. המאמן אמר שהקבוצה ראויה לניצחון.',
    };
    const top = ranker.rank(story, hebrewLibrary, 3);
    expect(top[0]).toMatchObject({ qcode: SOCCER, label: 'soccer' });
    expect(top[0]!.why.some((w) => w.startsWith('like: ') && hebrewLibrary.some((e) => w === `like: ${e.headline}`))).toBe(true);
    expect(top[0]!.score).toBeGreaterThan(0);

    const rates = ranker.rank(
      { headline: 'בנק ישראל הותיר את הריבית ללא שינוי', text: 'בנק ישראל החליט להותיר את הריבית ללא שינוי, למרות האינפלציה. הנגיד אמר שהבנק יעקוב אחרי המחירים.' },
      hebrewLibrary,
      3
    );
    expect(rates.slice(0, 3).map((s) => s.qcode)).toContain(INTEREST_RATE);
  });

  it('tags a new Arabic story from tagged Arabic stories on the same topic', () => {
    const story = {
      headline: 'الزمالك يتعادل مع الإسماعيلي',
      text: 'تعادل نادي الزمالك مع الإسماعيلي بهدف لكل فريق في مباراة الدوري لكرة القدم. وسجل المهاجم هدف التعادل في الدقيقة الأخيرة من المباراة. وقال المدرب إن الفريق يحتاج إلى الفوز في المباراة المقبلة.',
    };
    expect(ranker.rank(story, arabicLibrary, 3).map((s) => s.qcode)).toContain(SOCCER);
    const rates = ranker.rank(
      { headline: 'البنك المركزي يثبت سعر الفائدة', text: 'قرر البنك المركزي تثبيت سعر الفائدة، وقال إن التضخم بدأ يتراجع.' },
      arabicLibrary,
      3
    );
    expect(rates[0]?.qcode).toBe(INTEREST_RATE);
  });

  it('never suggests a retired topic, even when the library carries it', () => {
    const retired = 'medtop:20000030';
    const library = hebrewLibrary.map((e) => ({ ...e, subjects: [...e.subjects, retired] }));
    const top = ranker.rank({ headline: hebrewLibrary[0]!.headline, text: hebrewLibrary[0]!.text }, library, 10);
    expect(top.length).toBeGreaterThan(0);
    expect(top.map((s) => s.qcode)).not.toContain(retired);
  });

  it('adds the library evidence to the vocabulary evidence for English', () => {
    const story = { headline: 'Council approves new bus lanes', text: 'The city council approved four new bus lanes on Tuesday to speed up journeys in the centre.' };
    const library: TaggedExample[] = [
      { headline: 'Council votes for more bus lanes', text: 'The city council voted for bus lanes and cycle paths in the centre.', subjects: ['medtop:20001362'] },
    ];
    const without = ranker.rank(story, [], 20).find((s) => s.qcode === 'medtop:20001362');
    const withLibrary = ranker.rank(story, library, 20).find((s) => s.qcode === 'medtop:20001362');
    expect(withLibrary).toBeDefined();
    expect(withLibrary!.score).toBeGreaterThan(without?.score ?? 0);
    expect(withLibrary!.why[0]).toBe('like: Council votes for more bus lanes');
  });
});
