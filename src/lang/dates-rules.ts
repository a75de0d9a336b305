// News-specific corrections applied to chrono-node's readings (see dates.ts): which matches are
// not dates of anything, and how to place expressions that lack a year or a week.
import { daysBetween, type CalendarDate } from './dates-parse.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const BARE_MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+of)?$/i;

/** chrono's lone month names are replaced by findBareMonths, which demands a time word before. */
export function isBareMonth(text: string): boolean {
  return BARE_MONTH.test(text);
}

export interface BareMonth {
  start: number;
  end: number;
  month: number;
  /** "this"/"next"/"last" written before it (and included in the span), else null. */
  modifier: 'this' | 'next' | 'last' | null;
}

// A month name after a word that makes it a time ("in March", "since May", "mid-August", "last
// May"), capitalised, not followed by a day or year (chrono reads those).
const TIME_WORDS = [
  'this', 'next', 'last', 'in', 'since', 'until', 'till', 'by', 'during', 'from', 'through', 'of', 'early', 'late', 'mid',
  'before', 'after', 'between', 'and', 'or', 'throughout', 'around', 'on', 'for',
];
// Time words in either case ("In March"), month names capitalised only ("march" is a verb).
const MONTH_AFTER_TIME_WORD = new RegExp(
  `\\b(${TIME_WORDS.map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`).join('|')})([\\s-]+)` +
    '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)(?![\\w-])(?!\\s*\\d)',
  'g',
);
const ABBREVIATED: Record<string, number> = { jan: 1, feb: 2, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

// "May" is also a name (Theresa May): only after a clearly temporal word, and not as a subject.
const MAY_CONTEXT = new Set(['this', 'next', 'last', 'in', 'since', 'until', 'till', 'during', 'early', 'late', 'mid', 'through', 'throughout', 'before', 'after']);
const AS_SUBJECT = /^\s*(?:said|says|told|has|had|is|was|will|would|and|met|'s|’s)\b/;

function mayIsMonth(text: string, word: string, end: number): boolean {
  return MAY_CONTEXT.has(word) && !AS_SUBJECT.test(text.slice(end, end + 12));
}

export function findBareMonths(text: string): BareMonth[] {
  const out: BareMonth[] = [];
  MONTH_AFTER_TIME_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONTH_AFTER_TIME_WORD.exec(text)) !== null) {
    const word = m[1].toLowerCase();
    const name = m[3].toLowerCase().replace(/\.$/, '');
    const month = ABBREVIATED[name] ?? MONTHS.indexOf(name) + 1;
    if (month === 5 && !mayIsMonth(text, word, m.index + m[0].length)) continue;
    const modifier = word === 'this' || word === 'next' || word === 'last' ? word : null;
    const start = modifier ? m.index : m.index + m[1].length + m[2].length;
    out.push({ start, end: m.index + m[0].length, month, modifier });
  }
  return out;
}

// Expressions relative to another event ("a week later", "the next day", "one day after",
// "later in the day"), to the moment of speaking without a date ("now"), durations ("for two
// days", "several months"), and week-sized spans we cannot represent.
const NOT_A_PUBLICATION_RELATIVE_DATE =
  /\b(later|after|afterwards|before|earlier|next day|following day|previous day|day before|now|right now|currently|week|weekend|for|few|several|the day|the year|the month|a year|a month|a day|half)\b/i;
const AGO = /\bago\b/i;
const EARLIER_LATER_THIS = /\b(earlier|later)\s+this\s+(month|year)\b/i;

export function isUnanchoredRelative(matched: string): boolean {
  if (AGO.test(matched) || EARLIER_LATER_THIS.test(matched)) return false;
  return NOT_A_PUBLICATION_RELATIVE_DATE.test(matched);
}

// What a real date expression contains; chrono also reads "the SEC" (second) or "half".
const DATE_WORD =
  /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(today|tonight|tomorrow|yesterday|year|month|ago|night|morning|afternoon|evening)\b/i;
const WEEKDAY_ABBREVIATION = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i;

/** Not worth reading: no date word, a weekday abbreviation ("Sun Microsystems"), lowercase weekday/month, or a fraction ("3/4"). */
export function isNoise(matched: string): boolean {
  if (!DATE_WORD.test(matched) || WEEKDAY_ABBREVIATION.test(matched)) return true;
  if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/.test(matched)) return true;
  return matched.includes('/') && !/^\d{1,4}\/\d{1,2}\/\d{1,4}$/.test(matched);
}

const EXPLICIT_DIRECTION = /\b(next|last|this|coming|past|previous)\b/i;

/**
 * A bare weekday in news is the most recent such day on or before publication ("said Saturday"):
 * chrono would pick the nearest one, possibly in the future.
 */
export function weekdayOnOrBefore(published: CalendarDate & { day: number }, weekday: number): CalendarDate & { day: number } {
  const pub = new Date(Date.UTC(published.year, published.month - 1, published.day));
  const back = (pub.getUTCDay() - weekday + 7) % 7;
  const d = new Date(pub.getTime() - back * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function hasExplicitDirection(matched: string): boolean {
  return EXPLICIT_DIRECTION.test(matched);
}

/** Days a yearless month-day may lie after publication before it is read as last year's. */
const FUTURE_SLACK_DAYS = 31;
const RECENT_PAST_DAYS = 60;

/**
 * "Oct. 14" / "in August" without a year. Reported past: the publication year, or the year before
 * when that would put it well after publication. Announced future ("payable Dec. 15", "will meet
 * in January"): the first such date on or after publication.
 */
export function placeYear(published: CalendarDate & { day: number }, month: number, day: number | null, future: boolean): number {
  const ahead = daysBetween(published, { year: published.year, month, day: day ?? published.day });
  // A recent past date can sit in a sentence about the future ("will close, down 7% from Oct. 13").
  if (future) return ahead >= -RECENT_PAST_DAYS ? published.year : published.year + 1;
  return ahead > FUTURE_SLACK_DAYS ? published.year - 1 : published.year;
}

/** "this May", "next May", "last May". */
export function placeModifiedMonth(published: CalendarDate, month: number, modifier: 'this' | 'next' | 'last'): number {
  if (modifier === 'this') return published.year;
  if (modifier === 'next') return month > published.month ? published.year : published.year + 1;
  return month < published.month ? published.year : published.year - 1;
}

/** A bare weekday announced as coming ("will meet Thursday"): the first such day on or after publication. */
export function weekdayOnOrAfter(published: CalendarDate & { day: number }, weekday: number): CalendarDate & { day: number } {
  const pub = new Date(Date.UTC(published.year, published.month - 1, published.day));
  const ahead = (weekday - pub.getUTCDay() + 7) % 7;
  const d = new Date(pub.getTime() + ahead * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// Words announcing something still to happen, and speech verbs: "X will visit, Lavrov said
// Saturday" reports a past statement, so a speech verb between the cue and the date cancels it.
const FUTURE_CUE =
  /\b(will|won't|shall|'ll|scheduled|schedules|planned|plans|planning|plan to|expected to|expect to|expects to|is expected|are expected|due to be|is due|are due|set to|to be held|going to|payable|effective|deadline|upcoming|as soon as|as early as|to resume|to meet|to visit|to hold|to leave|to return|to travel|to begin|to start|to open)\b|\bby\s+$/gi;
const SPEECH_VERB = /\b(said|says|told|announced|reported|added|stated|declared|noted|confirmed|denied|warned|urged|claimed|reported|insisted)\b/gi;
// A sentence end, not an abbreviation's dot ("Oct. 14", "Jan. 2").
export const SENTENCE_BREAK = /(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Inc|Corp|Co|Ltd|No|U\.S|U\.N))[.!?;]\s|\n/;
const CLAUSE_START = new RegExp(SENTENCE_BREAK.source, 'g');
const TENSE_WINDOW = 80;

/** Does the clause before `start` announce a future event? */
export function announcesFuture(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - TENSE_WINDOW), start);
  let lastBreak = -1;
  CLAUSE_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_START.exec(window)) !== null) lastBreak = m.index + m[0].length;
  const clause = lastBreak >= 0 ? window.slice(lastBreak) : window;
  let cue = -1;
  FUTURE_CUE.lastIndex = 0;
  while ((m = FUTURE_CUE.exec(clause)) !== null) cue = m.index;
  if (cue < 0) return false;
  SPEECH_VERB.lastIndex = cue;
  return !SPEECH_VERB.test(clause);
}
