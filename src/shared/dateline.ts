/**
 * Datelines and bylines as a reader sees them, in the story's language and the house style:
 *   English  JERUSALEM, April 18, 2023 (TPS) --
 *   Hebrew   ירושלים, 18 באפריל 2023 (TPS) --
 *   Arabic   القدس، 18 أبريل 2023 (TPS) --
 * The month names and day order come from Intl.DateTimeFormat for the language. The place is
 * stored as written and only its Latin letters are upper-cased here (Hebrew and Arabic have no
 * case). Arabic digits follow the house setting: Latin (Intl's default for `ar` since CLDR 42, as
 * in most Arabic wire copy) or Arabic-Indic.
 */
import type { Contributor, ContributorRole, Dateline } from './news-item.ts';

export interface DatelineStyle {
  /** The agency when the dateline names none; '' for no agency. */
  readonly agency?: string;
  readonly arabicDigits?: 'latn' | 'arab';
}

type Script = 'he' | 'ar' | 'en';
/** Hebrew and Arabic have their own wording; every other language uses the English pattern. */
function scriptOf(language: string): Script {
  const base = language.split('-')[0]!.toLowerCase();
  return base === 'he' || base === 'iw' || base === 'yi' ? 'he' : base === 'ar' ? 'ar' : 'en';
}

/** A language Intl knows, or English. */
function locale(language: string, script: Script, style: DatelineStyle): string {
  if (script === 'ar') return `ar-u-nu-${style.arabicDigits ?? 'latn'}`;
  if (!language) return 'en';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 ? language : 'en';
  } catch {
    return 'en';
  }
}

/** "April 18, 2023" for a YYYY-MM-DD calendar date, read as that day wherever the reader is. */
export function formatDatelineDate(date: string, language: string, style: DatelineStyle = {}): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!));
  const script = scriptOf(language);
  return new Intl.DateTimeFormat(locale(language, script, style), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(day);
}

/** Latin letters upper-cased (in the story's language, so Turkish i becomes İ); other scripts as written. */
export function datelinePlace(name: string, language: string): string {
  return name.replace(/\p{Script=Latin}+/gu, (run) => {
    try {
      return run.toLocaleUpperCase(language || 'en');
    } catch {
      return run.toUpperCase();
    }
  });
}

export function formatDateline(dateline: Dateline, language: string, style: DatelineStyle = {}): string {
  const script = scriptOf(language);
  const comma = script === 'ar' ? '،' : ',';
  const agency = dateline.agency ?? style.agency ?? '';
  const place = datelinePlace(dateline.place.name, language);
  return `${place}${comma} ${formatDatelineDate(dateline.date, language, style)}${agency ? ` (${agency})` : ''} --`;
}

const BYLINE_WORDS: Readonly<Record<Script, { by: string; photo: string; translated: string }>> = {
  en: { by: 'By', photo: 'Photo:', translated: 'Translated by' },
  he: { by: 'מאת', photo: 'צילום:', translated: 'תרגום:' },
  ar: { by: 'بقلم', photo: 'تصوير:', translated: 'ترجمة:' },
};
const LIST_LOCALE: Readonly<Record<Script, string>> = { en: 'en', he: 'he', ar: 'ar' };

function names(contributors: readonly Contributor[], role: ContributorRole, script: Script): string {
  const named = contributors.filter((c) => c.role === role).map((c) => (c.affiliation ? `${c.name}/${c.affiliation}` : c.name));
  return named.length === 0 ? '' : new Intl.ListFormat(LIST_LOCALE[script], { type: 'conjunction' }).format(named);
}

/**
 * The printed byline: writers ("By Pesach Benson"), translators and photographers ("Photo: Yosef
 * Mizrahi/TPS"), with an affiliation after a slash as on the wire. Editors, producers and the
 * like are credited in the metadata, not in the printed line. '' when nobody is named.
 */
export function formatByline(contributors: readonly Contributor[], language: string): string {
  const script = scriptOf(language);
  const words = BYLINE_WORDS[script];
  const parts: string[] = [];
  const writers = names(contributors, 'writer', script);
  if (writers) parts.push(`${words.by} ${writers}`);
  const translators = names(contributors, 'translator', script);
  if (translators) parts.push(`${words.translated} ${translators}`);
  const photographers = names(contributors, 'photographer', script);
  if (photographers) parts.push(`${words.photo} ${photographers}`);
  return parts.join(' · ');
}
