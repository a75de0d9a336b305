// Absolute calendar dates written out in full ("9 October 2017", "Oct. 25, 2014", "6/9/15",
// "2017-10-09", "20210820030646"), in English plus the month names of the languages our sources
// and the date test sets use (German, French, Spanish, Italian, Portuguese, Dutch, Turkish).
// Shared by publication-date detection (clean) and per-mention resolution (annotate). Every regex is
// compiled once at module load.

export interface CalendarDate {
  year: number;
  month: number;
  /** null when only the month is written ("April 2013"). */
  day: number | null;
}

export interface FoundDate extends CalendarDate {
  start: number;
  end: number;
  /** Numeric dates where both readings are valid ("6/9/15"): the other reading, else null. */
  alt: CalendarDate | null;
  /** How it was written: numeric with slashes/dashes, with dots, ISO year-first, or month named. */
  form: 'slash' | 'dot' | 'iso' | 'named';
  /** Day written before month ("9 October 2017", "25/10/2014"): a cue for day-first sources. */
  dayBeforeMonth: boolean;
}

const MONTH_NAMES: Record<string, number> = {};
function addMonths(names: string[][]): void {
  names.forEach((variants, i) => {
    for (const v of variants) MONTH_NAMES[v] = i + 1;
  });
}
addMonths([
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'ocak', 'oca'],
  ['february', 'feb', 'febr', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fev', 'febrero', 'febbraio', 'fevereiro', 'februari', 'şubat', 'şub'],
  ['march', 'mar', 'märz', 'mär', 'maerz', 'mars', 'marzo', 'março', 'maart', 'mart'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'nisan', 'nis'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'mayıs'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho', 'haziran', 'haz'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'julho', 'temmuz', 'tem'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'ağustos', 'ağu'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro', 'set', 'eylül', 'eyl'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'ekim', 'eki'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'kasım', 'kas'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'aralık', 'ara'],
]);

const WEEKDAY_WORDS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'fr',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar',
];

const byLength = (a: string, b: string): number => b.length - a.length;

/**
 * Names as one regex alternation, longest first (so "sept" is not read where "september" is
 * written), grouped by first letter: "s(?:eptember|eptembre|…|ept|ep)|o(?:ctober|…)". The first
 * letters are distinct lower-case letters, none matching another even case-insensitively, so at
 * any place only one group can match and the grouped form matches exactly what the flat list
 * would; but the regex engine dismisses a word after its first letter instead of trying every
 * name, and the scanner below runs over whole documents.
 */
export function alternation(names: string[]): string {
  const byFirstLetter = new Map<string, string[]>();
  for (const name of [...names].sort(byLength)) {
    const rests = byFirstLetter.get(name[0]) ?? [];
    rests.push(name.slice(1));
    byFirstLetter.set(name[0], rests);
  }
  return [...byFirstLetter].map(([first, rests]) => `${first}(?:${rests.join('|')})`).join('|');
}

const MONTH_ALT = alternation(Object.keys(MONTH_NAMES));
const WEEKDAY_ALT = alternation(WEEKDAY_WORDS);
// Letters in any of the scripts above, so "Mayıs" is not read as "May" + "ıs".
const L = 'a-zA-ZÀ-ÿĀ-žşŞğĞıİ';

const month = (name: string): string => `(?<${name}>${MONTH_ALT})\\.?`;
const day = (name: string): string => `(?<${name}>\\d{1,2})(?:st|nd|rd|th|er)?\\.?`;
const WEEKDAY_PREFIX = `(?:(?:${WEEKDAY_ALT})\\.?,?\\s+)?`;
const MONTH = `(${MONTH_ALT})\\.?`;

/** One combined scanner; the named group says which form matched. */
const DATE_SCANNER = new RegExp(
  [
    // 2017-10-09, 2017/10/09, 2017.10.09 (ISO, year first), optionally followed by a time.
    `(?<iso>(?<![\\d.\\-/])(?<isoY>\\d{4})(?<isoSep>[-/.])(?<isoM>\\d{1,2})\\k<isoSep>(?<isoD>\\d{1,2})(?![\\d]|[-/.]\\d))`,
    // 1897-09-10-2017: a document number glued to a day-month-year date (press releases).
    `(?<docno>(?<![\\d-])\\d{1,6}-(?<docA>\\d{1,2})-(?<docB>\\d{1,2})-(?<docY>\\d{4})(?![\\d]|-\\d))`,
    // 6/9/15, 09-10-2017, 10.10.98
    `(?<num>(?<![\\d.\\-/])(?<numA>\\d{1,2})(?<numSep>[-/.])(?<numB>\\d{1,2})\\k<numSep>(?<numY>\\d{4}|\\d{2})(?![\\d]|[-/.]\\d))`,
    // (Friday,) 9 October 2017 / 3. Dezember 2008 / 12th of December 2018
    `(?<dmy>(?<![${L}\\d])${WEEKDAY_PREFIX}${day('dmyD')}\\s*(?:of\\s+|de\\s+)?${month('dmyM')}(?![${L}]),?\\s*(?:de\\s+)?(?<dmyY>\\d{4})(?!\\d))`,
    // (Friday,) October 9, 2017 / Oct. 25 2014 / Fri - September 1 - 2017 / Fri | September 1 | 2017
    `(?<mdy>(?<![${L}\\d])(?:(?:${WEEKDAY_ALT})\\.?\\s*[,|\\-]?\\s*)?${month('mdyM')}(?![${L}])\\s*[,|\\-]?\\s*${day('mdyD')},?\\s*[,|\\-]?\\s*(?<mdyY>\\d{4})(?!\\d))`,
  ].join('|'),
  'giu',
);

// Month-and-year only: "April 2013", "2004-2", "01-1998".
const MONTH_YEAR = new RegExp(`(?<![${L}\\d])(?<!\\d\\.?\\s*)${MONTH}(?![${L}])\\s+(\\d{4})(?!\\d)`, 'iu');
const YEAR_MONTH_NUM = /(?<![\d-])(\d{4})-(\d{1,2})(?![\d-])/;
const MONTH_YEAR_NUM = /(?<![\d-])(\d{1,2})-(\d{4})(?![\d-])/;
// 20041212, 201709011234, 20210820030646 (compact timestamps, only in single-value fields).
const COMPACT = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4}|\d{6})?(?!\d)/;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number | null): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (!(month >= 1 && month <= 12)) return false;
  return day === null || (day >= 1 && day <= daysInMonth(year, month));
}

/** Two-digit years: 00-69 are 2000s, 70-99 are 1900s (news archives start around 1970). */
export function expandYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

export function monthNumber(word: string): number | null {
  return MONTH_NAMES[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function formatDate(d: CalendarDate): string {
  const mm = String(d.month).padStart(2, '0');
  const base = `${String(d.year).padStart(4, '0')}-${mm}`;
  return d.day === null ? base : `${base}-${String(d.day).padStart(2, '0')}`;
}

function dmy(year: number, month: number, day: number): CalendarDate | null {
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** Numeric day/month pair in either order; `alt` is the other valid reading if there is one. */
function readNumeric(
  a: number,
  b: number,
  year: number,
  dayFirst: boolean,
): { date: CalendarDate; alt: CalendarDate | null; dayBeforeMonth: boolean } | null {
  const asDayFirst = dmy(year, b, a);
  const asMonthFirst = dmy(year, a, b);
  if (asDayFirst && asMonthFirst) {
    if (a === b) return { date: asDayFirst, alt: null, dayBeforeMonth: dayFirst };
    return dayFirst
      ? { date: asDayFirst, alt: asMonthFirst, dayBeforeMonth: true }
      : { date: asMonthFirst, alt: asDayFirst, dayBeforeMonth: false };
  }
  if (asDayFirst) return { date: asDayFirst, alt: null, dayBeforeMonth: true };
  return asMonthFirst ? { date: asMonthFirst, alt: null, dayBeforeMonth: false } : null;
}

function fromMatch(g: Record<string, string | undefined>, dayFirst: boolean): Omit<FoundDate, 'start' | 'end'> | null {
  if (g.iso) {
    const d = dmy(Number(g.isoY), Number(g.isoM), Number(g.isoD));
    return d && { ...d, alt: null, form: 'iso', dayBeforeMonth: false };
  }
  if (g.docno) {
    const r = readNumeric(Number(g.docA), Number(g.docB), Number(g.docY), dayFirst);
    return r && { ...r.date, alt: r.alt, form: 'slash', dayBeforeMonth: r.dayBeforeMonth };
  }
  if (g.num) {
    const year = expandYear(g.numY!);
    // Dotted numeric dates (10.11.2017) are a European, day-first convention.
    if (g.numSep === '.') {
      const d = dmy(year, Number(g.numB), Number(g.numA));
      return d && { ...d, alt: null, form: 'dot', dayBeforeMonth: true };
    }
    const r = readNumeric(Number(g.numA), Number(g.numB), year, dayFirst);
    return r && { ...r.date, alt: r.alt, form: 'slash', dayBeforeMonth: r.dayBeforeMonth };
  }
  if (g.dmy) {
    const m = monthNumber(g.dmyM!);
    const d = m ? dmy(Number(g.dmyY), m, Number(g.dmyD)) : null;
    return d && { ...d, alt: null, form: 'named', dayBeforeMonth: true };
  }
  if (g.mdy) {
    const m = monthNumber(g.mdyM!);
    const d = m ? dmy(Number(g.mdyY), m, Number(g.mdyD)) : null;
    return d && { ...d, alt: null, form: 'named', dayBeforeMonth: false };
  }
  return null;
}

/** Every full date (day, month and year) written in `text`, in order. */
export function findDates(text: string, dayFirst: boolean): FoundDate[] {
  const out: FoundDate[] = [];
  DATE_SCANNER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_SCANNER.exec(text)) !== null) {
    const found = fromMatch(m.groups!, dayFirst);
    if (found) out.push({ ...found, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The date in a short string such as a meta tag's content or a "Published: ..." line: a full date
 * if there is one, else a compact timestamp, else month and year. null when none is valid.
 */
export function parseDateString(s: string, dayFirst = false): CalendarDate | null {
  const full = findDates(s, dayFirst)[0];
  if (full) return { year: full.year, month: full.month, day: full.day };
  const c = COMPACT.exec(s);
  if (c) {
    const d = dmy(Number(c[1]), Number(c[2]), Number(c[3]));
    if (d) return d;
  }
  const my = MONTH_YEAR.exec(s);
  if (my) {
    const month = monthNumber(my[1]);
    const year = Number(my[2]);
    if (month && isValidDate(year, month, null)) return { year, month, day: null };
  }
  const ym = YEAR_MONTH_NUM.exec(s);
  if (ym && isValidDate(Number(ym[1]), Number(ym[2]), null)) return { year: Number(ym[1]), month: Number(ym[2]), day: null };
  const mo = MONTH_YEAR_NUM.exec(s);
  if (mo && isValidDate(Number(mo[2]), Number(mo[1]), null)) return { year: Number(mo[2]), month: Number(mo[1]), day: null };
  return null;
}

/** Day of the week (0 = Sunday) of a full date. */
export function weekdayOf(d: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Days from a to b (b - a), both full dates. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const ta = Date.UTC(a.year, a.month - 1, a.day ?? 1);
  const tb = Date.UTC(b.year, b.month - 1, b.day ?? 1);
  return Math.round((tb - ta) / 86_400_000);
}
