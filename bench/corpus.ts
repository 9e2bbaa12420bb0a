/**
 * A deterministic, newsroom-like library for the benchmarks: English, Hebrew (10 %) and Arabic (5 %)
 * stories of 600–1,200 words, Lexical JSON bodies with several paragraphs, the odd sub-heading and
 * bold runs, keywords from a small vocabulary, varied statuses, authors and dates. Everything comes
 * from one seeded PRNG, so every run builds the same library.
 */
import { bodyJson, countWords, paragraphNode, parseBody, plainText, textNode, type SerializedNode } from '../src/shared/body.ts';
import type { Story, StoryStatus } from '../src/shared/story.ts';
import { contentHash } from '../src/main/services/content-hash.ts';
import { emptyContent } from '../src/shared/story-fields.ts';

// --- PRNG ---

export type Rng = () => number;

/**
 * splitmix64 over a 64-bit state (BigInt: it only seeds, a few calls per story). Its outputs for
 * distinct inputs are distinct (a bijection), so every (seed, index) gets its own stream seed.
 */
function splitmix64(state: bigint): () => bigint {
  const MASK = (1n << 64n) - 1n;
  let s = state & MASK;
  return () => {
    s = (s + 0x9e3779b97f4a7c15n) & MASK;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  };
}

/**
 * sfc32 (128-bit state, period at least 2^32 and about 2^127 on average) seeded by splitmix64.
 * The old per-story mulberry32 streams all lay on one cycle of 2^32 values: 100,000 stories of
 * thousands of draws each overlapped, and stories drew the same "random" ULIDs. With 128 bits of
 * state, two stories' streams overlapping is as likely as guessing a 128-bit key.
 */
function sfc32(seed: bigint): Rng {
  const next = splitmix64(seed);
  const a64 = next();
  const b64 = next();
  let a = Number(a64 & 0xffffffffn) | 0;
  let b = Number(a64 >> 32n) | 0;
  let c = Number(b64 & 0xffffffffn) | 0;
  let d = 1;
  const rng = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) rng(); // the usual warm-up
  return rng;
}

/** A seeded PRNG returning [0, 1). */
export function seededRng(seed: number): Rng {
  return sfc32(BigInt(seed >>> 0));
}

/** The PRNG of story `index`: its own 64-bit seed (seed in the high half, index in the low half). */
export function storyRng(seed: number, index: number): Rng {
  return sfc32((BigInt(seed >>> 0) << 32n) | BigInt(index >>> 0));
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Picks from `items` with a Zipf-like bias: the first items are much more frequent. */
function zipf<T>(items: readonly T[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, i) => cumulative.push((total += 1 / (i + 2))));
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

// --- Vocabulary ---
// A story has a main topic and a secondary one. Its words come from: function words (42 %), then
// general news words every story uses, the main topic's words and phrases, a little of the secondary
// topic, place names, and a long tail of rare made-up words (as real text has names and rare terms).
// So "said" is in nearly every story, "government" in about a quarter, "drought" in a few percent.

export interface Topic {
  readonly weight: number;
  readonly tags: readonly string[];
  readonly word: (rng: Rng) => string;
  readonly phrases: readonly string[];
}

export interface Language {
  readonly name: 'en' | 'he' | 'ar';
  readonly rtl: boolean;
  readonly functionWord: (rng: Rng) => string;
  readonly general: (rng: Rng) => string;
  readonly place: (rng: Rng) => string;
  readonly topics: readonly Topic[];
  readonly said: readonly string[];
  readonly people: readonly string[];
  readonly rare: (rng: Rng) => string;
  readonly tags: readonly string[];
}

const words = (s: string) => s.trim().split(/\s+/);
const topic = (weight: number, tags: string, text: string, phrases: string[] = []): Topic => ({
  weight,
  tags: words(tags),
  word: zipf(words(text)),
  phrases,
});
/** Made-up words from syllables: the long tail of names and rare terms. */
function rareWords(syllables: readonly string[]): (rng: Rng) => string {
  return (rng) => Array.from({ length: int(rng, 2, 3) }, () => pick(rng, syllables)).join('');
}

const EN: Language = {
  name: 'en',
  rtl: false,
  functionWord: zipf(
    words(`the of and to a in that is for on was with as by at from it has be have are were not but an this which
      will would after over more their its about also they been than who into could we had there when while some`)
  ),
  general: zipf(
    words(`year people officials new told week percent million statement last first time including public
      according report month local national two three several months years day former expected decision plan
      meeting spokesman city country state official added noted recent major group members support issue
      announced agreed according earlier later morning evening spoke response change number part`)
  ),
  place: zipf(words(`Jerusalem Tel Aviv Haifa Beersheba Nazareth Ashdod Eilat Galilee Negev Netanya Ashkelon Tiberias`)),
  topics: [
    topic(3, 'Politics Elections', `government minister coalition opposition party election vote lawmakers parliament
      Knesset campaign candidates poll voters cabinet leader ministers bill legislation amendment committee debate
      majority seats resignation reform chairman ballot turnout negotiations`, ['prime minister', 'finance committee', 'coalition talks']),
    topic(2, 'Economy Budget Labour', `budget economy deficit inflation prices bank shares investors growth recession
      tax taxes spending revenue exports imports trade wages salaries unemployment jobs pensions market markets
      shekel dollar companies profits government`, ['central bank', 'interest rates', 'finance ministry']),
    topic(1, 'Health', `hospital doctors nurses patients strike clinic emergency ambulance medicine vaccine virus
      outbreak treatment beds surgery pharmacy care staff shortage wards hospitals government`, ['health ministry', 'emergency room']),
    topic(1, 'Education', `school schools students teachers parents children university classes exams teaching
      curriculum principal pupils kindergarten tuition campus lecturers strike`, ['education ministry', 'school year']),
    topic(1, 'Climate Weather Water', `climate weather rain drought heat winter summer storm flooding temperatures
      water reservoir forecast wildfire fire firefighters forest emissions`, ['climate change', 'heat wave']),
    topic(1, 'Energy', `energy electricity gas oil solar power plant grid fuel renewable turbines pipeline field
      offshore supply outage prices`, ['natural gas', 'power station']),
    topic(1, 'Transport Infrastructure', `road roads traffic train trains railway bus buses station airport flights
      highway bridge tunnel construction infrastructure project contractor passengers commuters`, ['public transport', 'light rail']),
    topic(2, 'Courts Crime Police', `police court judge justices ruling appeal trial investigation investigators
      suspect suspects arrest arrested charges indictment prosecutor prosecution lawyer defence witness evidence
      hearing sentence prison fraud protest protesters`, ['supreme court', 'state prosecutor']),
    topic(2, 'Security Diplomacy', `army soldiers border ceasefire negotiations negotiators diplomats embassy
      ambassador president talks agreement delegation visit summit sanctions treaty foreign Cairo Amman Brussels
      Washington Ankara Athens Nicosia`, ['foreign ministry', 'security cabinet']),
    topic(1, 'Housing Local', `housing apartments rent rents mortgage neighbourhood municipality mayor council
      residents construction permits planning district buildings tenants developers protest`, ['city council', 'building permits']),
    topic(1, 'Technology', `technology startup startups software internet data privacy cyber attack hackers
      companies investors app platform chips engineers`, ['artificial intelligence', 'tech sector']),
    topic(1, 'Culture Sport', `museum festival theatre music film artist exhibition football basketball match league
      coach fans stadium season championship players team`, ['national team', 'film festival']),
  ],
  said: ['said', 'said on Tuesday', 'told reporters', 'said in a statement', 'said on Sunday', 'added'],
  people: words(`Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Haddad Khalil Nasser Shapiro Katz Azoulay
    Ben-David Goldberg Rosen Amar Saleh Mansour Bishara Weiss Klein Ohana`),
  rare: rareWords(words(`ba ko ri men tal vor sil dan pe lu mar nis gor fel tra shi zan quo bel rud`)),
  tags: words(`Jerusalem Haifa Local`),
};

const HE: Language = {
  name: 'he',
  rtl: true,
  functionWord: zipf(words(`של על את עם כי לא גם זה הוא היא אבל כל בין אחרי לפני אשר יש אין היה הייתה עוד רק כך`)),
  general: zipf(
    words(`היום אתמול השבוע שנים מיליון מיליארד שקלים תושבים עיר עירייה הודעה דובר חדש חדשה גדול ראשון אחרון
      צפון דרום מרכז עיתונאים תקשורת`)
  ),
  place: zipf(words(`ירושלים חיפה באר-שבע נצרת אשדוד אילת גליל נגב`)),
  topics: [
    topic(3, 'פוליטיקה', `ממשלה הממשלה שר השר הכנסת בחירות קואליציה אופוזיציה מפלגה הצבעה סקר מצביעים חוק ועדה דיון`, ['ראש הממשלה']),
    topic(2, 'כלכלה', `תקציב כלכלה בנק ריבית אינפלציה מחירים משכורת עובדים אבטלה צמיחה מיתון גירעון יצוא משקיעים ממשלה`, ['בנק ישראל']),
    topic(1, 'בריאות', `בריאות רופאים אחיות מרפאה חיסון חירום מחקר שביתה מטופלים`, ['בית החולים', 'משרד הבריאות']),
    topic(1, 'חינוך', `חינוך תלמידים מורים אוניברסיטה סטודנטים שביתה הורים`, ['בית הספר']),
    topic(2, 'ביטחון', `ביטחון צבא גבול שלום הסכם נשיא שגריר ועידה פגישה`, ['משא ומתן']),
    topic(1, 'תחבורה', `תחבורה רכבת אוטובוס כביש תאונה נהג תשתיות בנייה פרויקט נמל`),
    topic(2, 'משטרה', `משטרה המשטרה שוטרים חקירה עדות חשוד מעצר שופט ערעור מחאה הפגנה`, ['בית המשפט העליון']),
    topic(1, 'אקלים', `מים בצורת גשם חורף קיץ אקלים אנרגיה חשמל גז`),
  ],
  said: ['אמר', 'אמרה', 'מסר', 'הוסיף'],
  people: words(`כהן לוי מזרחי פרץ ביטון דהן אברהם פרידמן שפירא כץ אזולאי גולדברג רוזן`),
  rare: rareWords(words(`בר גל דן מי נו רה שו תם כה לי פז קו`)),
  tags: words(`Politics Economy Jerusalem`),
};

const AR: Language = {
  name: 'ar',
  rtl: true,
  functionWord: zipf(words(`في من على إلى مع أن لا هذا هذه التي الذي كان كانت بعد قبل بين كل عن حتى قد`)),
  general: zipf(words(`اليوم أمس الأسبوع العام سنوات مليون مليار دولار السكان مدينة بيان المتحدث جديد جديدة كبير الأول الأخير الإعلام`)),
  place: zipf(words(`القدس حيفا الناصرة يافا عكا النقب الجليل`)),
  topics: [
    topic(3, 'سياسة', `الحكومة حكومة رئيس وزير البرلمان انتخابات الحزب المعارضة الائتلاف التصويت استطلاع الناخبين القانون اللجنة`, ['رئيس الوزراء']),
    topic(2, 'اقتصاد', `الميزانية الاقتصاد البنك التضخم الفائدة الأسعار الرواتب العمال الشركة المستثمرين الحكومة`, ['البنك المركزي']),
    topic(1, 'صحة', `المستشفى الأطباء الصحة إضراب المرضى العلاج`, ['وزارة الصحة']),
    topic(1, 'تعليم', `التعليم المدرسة الطلاب المعلمين الجامعة إضراب`),
    topic(2, 'أمن', `الأمن الجيش الحدود السلام اتفاق المفاوضات اجتماع الرئيس السفير مؤتمر`),
    topic(2, 'شرطة', `الشرطة المحكمة القاضي الحكم الاستئناف التحقيق الشاهد المشتبه اعتقال احتجاج مظاهرة`, ['المحكمة العليا']),
    topic(1, 'مناخ', `المياه الجفاف المطر الشتاء الصيف المناخ الطاقة الكهرباء الغاز النفط`),
  ],
  said: ['قال', 'قالت', 'وأضاف', 'وأوضح'],
  people: words(`حداد خليل ناصر صالح منصور بشارة عودة خوري نصار`),
  rare: rareWords(words(`سا مي لو نا ري كو بد حم طر فل`)),
  tags: words(`Politics Economy Jerusalem`),
};

const AUTHORS = [
  'Pesach Benson', 'Dana Cohen', 'Yosef Levi', 'Maya Haddad', 'Omar Khalil', 'Sarah Mizrahi', 'Noa Friedman',
  'Amir Nasser', 'Tamar Shapiro', 'Eli Katz', 'Rina Azoulay', 'Lina Saleh', 'Daniel Rosen', 'Yael Goldberg',
  'Samir Mansour', 'Hila Peretz', 'Avi Dahan', 'Miriam Weiss', 'Jonathan Klein', 'Rania Bishara',
];
const EDITORS = ['Desk Editor', 'Ruth Amar', 'Michael Ohana', 'Shira Ben-David'];

/** [word, every, offset]: story i mentions the word once when i % every === offset. */
const SPRINKLED: readonly (readonly [string, number, number])[] = [
  ['zeppelin', 1999, 13], // rare: 5 stories in 10,000
  ['Baku', 97, 5], // uncommon: about 1 %
];

// --- Story shape ---

/** A block as generated: words (so a later edit can change a few), an optional bold span. */
export interface GenBlock {
  readonly heading: boolean;
  readonly words: string[];
  /** [start, end) word indexes printed bold, or null. */
  readonly bold: readonly [number, number] | null;
}

export interface GenStory {
  readonly story: Story;
  readonly blocks: readonly GenBlock[];
  readonly rtl: boolean;
}

/** What one story is about: the language, its main topic and a secondary one. */
export interface Subject {
  readonly lang: Language;
  readonly main: Topic;
  readonly second: Topic;
}

function pickTopic(rng: Rng, topics: readonly Topic[]): Topic {
  let x = rng() * topics.reduce((sum, t) => sum + t.weight, 0);
  for (const t of topics) if ((x -= t.weight) < 0) return t;
  return topics[topics.length - 1];
}

export function subjectFor(rng: Rng, lang: Language): Subject {
  return { lang, main: pickTopic(rng, lang.topics), second: pickTopic(rng, lang.topics) };
}

function contentWords(rng: Rng, { lang, main, second }: Subject): string[] {
  const r = rng();
  if (r < 0.35) return [lang.general(rng)];
  if (r < 0.8) return [main.word(rng)];
  if (r < 0.83) return main.phrases.length ? words(pick(rng, main.phrases)) : [main.word(rng)];
  if (r < 0.955) return [second.word(rng)];
  if (r < 0.96) return words(lang.place(rng));
  return [lang.rare(rng)];
}

function sentence(rng: Rng, subject: Subject): string[] {
  const { lang } = subject;
  const out: string[] = [];
  const length = int(rng, 8, 22);
  while (out.length < length) {
    if (rng() < 0.42) out.push(lang.functionWord(rng));
    else out.push(...contentWords(rng, subject));
  }
  if (rng() < 0.3) out.push(...words(`${pick(rng, lang.said)} ${pick(rng, lang.people)}`));
  if (lang.name === 'en') out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  out[out.length - 1] += '.';
  return out;
}

function paragraphWords(rng: Rng, subject: Subject, target: number): string[] {
  const out: string[] = [];
  while (out.length < target) out.push(...sentence(rng, subject));
  return out;
}

/** Body blocks of about `wordTarget` words: paragraphs of 40–110 words, the odd sub-heading, some bold. */
export function generateBlocks(rng: Rng, subject: Subject, wordTarget: number): GenBlock[] {
  const blocks: GenBlock[] = [];
  let total = 0;
  const headingAt = rng() < 0.3 ? int(rng, 2, 5) : -1;
  while (total < wordTarget) {
    if (blocks.length === headingAt) {
      const heading = paragraphWords(rng, subject, 1).slice(0, int(rng, 3, 7));
      heading[heading.length - 1] = heading[heading.length - 1].replace(/\.$/, '');
      blocks.push({ heading: true, words: heading, bold: null });
      total += heading.length;
      continue;
    }
    const w = paragraphWords(rng, subject, Math.min(int(rng, 40, 110), Math.max(20, wordTarget - total)));
    let bold: [number, number] | null = null;
    if (rng() < 0.25) {
      const start = int(rng, 0, w.length - 6);
      bold = [start, start + int(rng, 2, 5)];
    }
    blocks.push({ heading: false, words: w, bold });
    total += w.length;
  }
  return blocks;
}

function blockChildren(block: GenBlock): SerializedNode[] {
  if (!block.bold) return [textNode(block.words.join(' '))];
  const [s, e] = block.bold;
  const before = block.words.slice(0, s).join(' ');
  const bold = block.words.slice(s, e).join(' ');
  const after = block.words.slice(e).join(' ');
  return [
    ...(before ? [textNode(`${before} `)] : []),
    textNode(bold, 1),
    ...(after ? [textNode(` ${after}`)] : []),
  ];
}

/** The Lexical JSON the editor would save for these blocks. */
export function renderBody(blocks: readonly GenBlock[], rtl: boolean): string {
  return bodyJson(
    blocks.map((b) => {
      const node = b.heading
        ? { type: 'heading', tag: 'h2', children: blockChildren(b), direction: null, format: '', indent: 0, version: 1 }
        : paragraphNode(blockChildren(b));
      return rtl ? { ...node, direction: 'rtl' } : node;
    })
  );
}

/** The same story as a file-based writing app keeps it: YAML front matter, then Markdown text. */
export function renderMarkdown(g: GenStory): string {
  const s = g.story;
  const q = (v: string) => JSON.stringify(v);
  const front = [
    '---',
    `id: ${q(s.id)}`,
    `headline: ${q(s.headline)}`,
    `author: ${q(s.author)}`,
    `status: ${q(s.status)}`,
    `created: ${q(s.createdAt)}`,
    `updated: ${q(s.updatedAt)}`,
    'keywords:',
    ...s.keywords.map((k) => `  - ${q(k)}`),
    '---',
  ];
  const text = g.blocks.map((b) => {
    if (!b.bold) return (b.heading ? '## ' : '') + b.words.join(' ');
    const [st, e] = b.bold;
    const inner = [...b.words.slice(0, st), `**${b.words.slice(st, e).join(' ')}**`, ...b.words.slice(e)].join(' ');
    return (b.heading ? '## ' : '') + inner;
  });
  return `${front.join('\n')}\n\n# ${s.headline}\n\n${text.join('\n\n')}\n`;
}

// --- ULIDs from the PRNG (the app's ids are ULIDs; these must be reproducible) ---

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/**
 * A ULID whose "random" part starts with the story's index (8 characters, 40 bits), then 8 from the
 * PRNG: unique by construction, whatever the PRNG does.
 */
function ulidAt(ms: number, index: number, rng: Rng): string {
  let time = '';
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  let counter = '';
  for (let i = 0, n = index; i < 8; i++, n = Math.floor(n / 32)) counter = CROCKFORD[n % 32] + counter;
  let random = '';
  for (let i = 0; i < 8; i++) random += CROCKFORD[Math.floor(rng() * 32)];
  return time + counter + random;
}

// --- The library ---

/** "Now" for the generated library: every story was last updated in the two years before it. */
export const LIBRARY_NOW = Date.UTC(2026, 4, 1, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const STATUSES: readonly StoryStatus[] = ['draft', 'draft', 'draft', 'draft', 'in_review', 'in_review', 'returned', 'approved', 'approved', 'approved'];

export function languageFor(rng: Rng): Language {
  const r = rng();
  return r < 0.1 ? HE : r < 0.15 ? AR : EN;
}

export const ENGLISH = EN;

function headlineFor(rng: Rng, subject: Subject): string {
  const { lang, main } = subject;
  const w: string[] = [];
  const length = int(rng, 6, 11);
  while (w.length < length) {
    const r = rng();
    w.push(...(r < 0.25 ? [lang.functionWord(rng)] : r < 0.7 ? [main.word(rng)] : r < 0.8 ? words(lang.place(rng)) : [lang.general(rng)]));
  }
  const text = w.join(' ');
  return lang.name === 'en' ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Story number `index` of the library: a pure function of (seed, index). */
export function generateStory(seed: number, index: number): GenStory {
  const rng = storyRng(seed, index);
  const subject = subjectFor(rng, languageFor(rng));
  const { lang } = subject;
  const blocks = generateBlocks(rng, subject, int(rng, 600, 1_170) - 10);
  for (const [word, every, offset] of SPRINKLED) {
    if (index % every !== offset) continue;
    const b = pick(rng, blocks.filter((x) => !x.heading));
    b.words.splice(int(rng, 0, b.words.length - 1), 0, word);
  }
  const headline = headlineFor(rng, subject);
  const keywords = [
    ...new Set([
      ...subject.main.tags.slice(0, int(rng, 1, subject.main.tags.length)),
      ...(rng() < 0.5 ? [pick(rng, subject.second.tags)] : []),
      ...(rng() < 0.3 ? [pick(rng, lang.tags)] : []),
    ]),
  ];
  const updated = LIBRARY_NOW - Math.floor(rng() * 730 * DAY);
  const created = updated - Math.floor(rng() * 10 * DAY);
  const status = pick(rng, STATUSES);
  const author = pick(rng, AUTHORS);
  const editor = pick(rng, EDITORS);
  const body = renderBody(blocks, lang.rtl);
  const text = plainText(parseBody(body));
  const updatedAt = new Date(updated).toISOString();
  const base: Story = {
    ...emptyContent(),
    id: ulidAt(created, index, rng),
    headline,
    body,
    plainText: text,
    wordCount: countWords(`${headline}\n${text}`),
    keywords,
    status,
    revision: int(rng, 2, 40),
    author,
    createdAt: new Date(created).toISOString(),
    updatedAt,
    approval: null,
    voidedApproval: null,
    reviewNote: status === 'returned' ? { by: editor, at: updatedAt, note: 'Needs a second source for the figures.' } : null,
  };
  const story = status === 'approved' ? { ...base, approval: { approver: editor, approvedAt: updatedAt, contentHash: contentHash(base) } } : base;
  return { story, blocks, rtl: lang.rtl };
}

/** Replace `count` words at random places (an autosave after a little typing). */
export function editWords(rng: Rng, blocks: readonly GenBlock[], count: number): void {
  for (let i = 0; i < count; i++) {
    const block = pick(rng, blocks);
    block.words[int(rng, 0, block.words.length - 1)] = EN.general(rng);
  }
}
