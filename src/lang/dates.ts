// Time expressions in clean text, resolved against the publication date. chrono-node finds and
// reads them (one pass over the text); dates-rules.ts corrects it for news: bare weekdays are past
// days, yearless dates take the publication year unless that puts them well in the future, month
// names need a preposition, and expressions anchored to another event ("a week later") are left
// out. Numeric dates (6/9/15) are read with the document's day-first convention by dates-parse.ts
// rather than by chrono's en.GB parser, which also misreads "Oct. 23" as October 2023.
// Bare years come from dates-years.ts. Without a publication date only absolute dates are kept.
import * as chrono from 'chrono-node';
import type { DateMention } from '../model.js';
import { findDates, formatDate, isValidDate, type CalendarDate } from './dates-parse.js';
import {
  SENTENCE_BREAK,
  announcesFuture,
  findBareMonths,
  hasExplicitDirection,
  isBareMonth,
  isNoise,
  isUnanchoredRelative,
  placeModifiedMonth,
  placeYear,
  weekdayOnOrAfter,
  weekdayOnOrBefore,
} from './dates-rules.js';
import { findYears } from './dates-years.js';

type FullDate = CalendarDate & { day: number };

// A fixed reference when there is no publication date: only absolute readings are kept then.
const NO_REFERENCE = new Date(2000, 0, 1, 12);
const EDGE_PUNCTUATION = /[\s,;:]+$/;
const LEADING_PREPOSITION = /^(?:on|in|at|by|since|during|from|until)\s+/i;
const NUMERIC = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const RELATIVE_TAG = /^(result\/relativeDate|casualReference|parser\/EN(Casual|Relative|TimeUnit))/;
const THIS_NEXT_LAST_YEAR = /^\s*(?:of\s+)?((?:last|this|next|the previous|the following)\s+year)\b/i;

function parsePublished(published: string | null): FullDate | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d.year, d.month, d.day) ? d : null;
}

function mention(text: string, start: number, end: number, date: CalendarDate | null, granularity: DateMention['granularity']): DateMention | null {
  if (!date || !isValidDate(date.year, granularity === 'year' ? 1 : date.month, granularity === 'day' ? date.day : null)) return null;
  const value =
    granularity === 'year' ? String(date.year) : formatDate({ year: date.year, month: date.month, day: granularity === 'day' ? date.day : null });
  return { start, end, text: text.slice(start, end), value, granularity };
}

/** Glued to other digits ("1897-09-10-2017"): part of a code or number, not a date. */
function gluedToDigits(text: string, start: number, end: number): boolean {
  const digit = (i: number): boolean => i >= 0 && i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  const before = digit(start - 1) || (text[start - 1] === '-' && digit(start - 2));
  const after = digit(end) || (text[end] === '-' && digit(end + 1));
  return before || after;
}

/** One chrono result to a mention, or null when it is not a usable date. */
function resolveResult(text: string, r: chrono.ParsedResult, offset: number, pub: FullDate | null, dayFirst: boolean): DateMention | null {
  let matched = r.text;
  // A match running over a sentence end ("tonight. This morning") is cut at it.
  const cut = SENTENCE_BREAK.exec(matched);
  if (cut) matched = matched.slice(0, cut.index);
  matched = matched.replace(EDGE_PUNCTUATION, '');
  // Spans cover the expression itself ("Saturday"), like TimeML, not "on Saturday,".
  const lead = LEADING_PREPOSITION.exec(matched)?.[0].length ?? 0;
  const at = offset + r.index;
  const start = at + lead;
  const end = at + matched.length;
  matched = matched.slice(lead);
  if (gluedToDigits(text, start, end)) return null;

  if (NUMERIC.test(matched)) {
    const f = findDates(matched, dayFirst)[0];
    return f ? mention(text, start, end, f, 'day') : null;
  }
  if (isNoise(matched) || isUnanchoredRelative(matched) || isBareMonth(matched)) return null;

  const c = cut ? chrono.en.casual.parse(text.slice(at, end), r.refDate)[0]?.start : r.start;
  if (!c) return null;
  const relative = [...c.tags()].some((t) => RELATIVE_TAG.test(t));
  if (!pub && (relative || !c.isCertain('year'))) return null;

  const year = c.get('year')!;
  const month = c.get('month')!;
  const day = c.get('day')!;
  if (c.isCertain('day')) {
    if (c.isCertain('year') || !pub) return mention(text, start, end, { year, month, day }, 'day');
    return mention(text, start, end, { year: placeYear(pub, month, day, announcesFuture(text, start)), month, day }, 'day');
  }
  if (c.isCertain('weekday') && pub) {
    const weekday = c.get('weekday')!;
    const date = hasExplicitDirection(matched)
      ? { year, month, day }
      : announcesFuture(text, start)
        ? weekdayOnOrAfter(pub, weekday)
        : weekdayOnOrBefore(pub, weekday);
    return mention(text, start, end, date, 'day');
  }
  if (c.isCertain('month')) {
    const y = c.isCertain('year') || !pub ? year : placeYear(pub, month, null, announcesFuture(text, start));
    return mention(text, start, end, { year: y, month, day: null }, 'month');
  }
  if (c.isCertain('year')) return mention(text, start, end, { year, month: 1, day: null }, 'year');
  return null;
}

/** "in August last year": a month-only mention followed by a relative year takes that year. */
function joinMonthAndYear(text: string, out: DateMention[], pub: FullDate): void {
  for (let i = 0; i < out.length; i++) {
    const m = out[i];
    if (m.granularity !== 'month' || !isBareMonth(m.text)) continue;
    const after = THIS_NEXT_LAST_YEAR.exec(text.slice(m.end, m.end + 40));
    if (!after) continue;
    const word = after[1].toLowerCase();
    const year = pub.year + (word.includes('last') || word.includes('previous') ? -1 : word.includes('next') || word.includes('following') ? 1 : 0);
    const end = m.end + after[0].length;
    out[i] = { ...m, end, text: text.slice(m.start, end), value: `${year}-${m.value.slice(5, 7)}` };
    if (out[i + 1] && out[i + 1].start < end) out.splice(i + 1, 1);
  }
}

// chrono runs ~40 regexes over whatever it is given; most of an article holds no date. It is run
// only on windows around words every date expression we keep contains (see isNoise).
// The word alternatives share one leading \b, so a position inside a word is rejected once, not per alternative.
const TRIGGER =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:today|tonight|tomorrow|yesterday|ago|years?|months?|night|morning|afternoon|evening)\b)|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/gi;
const WINDOW_PAD = 40;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Merged [from, to) ranges around trigger words, widened to whole words. */
function chronoWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  TRIGGER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGER.exec(text)) !== null) {
    let from = Math.max(0, m.index - WINDOW_PAD);
    let to = Math.min(text.length, m.index + m[0].length + WINDOW_PAD);
    while (from > 0 && isWordChar(text.charCodeAt(from - 1))) from--;
    while (to < text.length && isWordChar(text.charCodeAt(to))) to++;
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Time expressions in `text`, resolved against `published` (YYYY-MM-DD or null). */
export function resolveDates(text: string, published: string | null, dayFirst: boolean): DateMention[] {
  const pub = parsePublished(published);
  const ref = pub ? new Date(pub.year, pub.month - 1, pub.day, 12) : NO_REFERENCE;
  const out: DateMention[] = [];
  for (const [from, to] of chronoWindows(text)) {
    for (const r of chrono.en.casual.parse(text.slice(from, to), ref)) {
      const m = resolveResult(text, r, from, pub, dayFirst);
      if (m) out.push(m);
    }
  }
  if (pub) {
    for (const b of findBareMonths(text)) {
      if (out.some((m) => m.start < b.end && b.start < m.end)) continue;
      const year = b.modifier ? placeModifiedMonth(pub, b.month, b.modifier) : placeYear(pub, b.month, null, announcesFuture(text, b.start));
      const m = mention(text, b.start, b.end, { year, month: b.month, day: null }, 'month');
      if (m) out.push(m);
    }
  }
  for (const y of findYears(text)) {
    if (out.some((m) => m.start < y.end && y.start < m.end)) continue;
    const m = mention(text, y.start, y.end, { year: y.year, month: 1, day: null }, 'year');
    if (m) out.push(m);
  }
  out.sort((a, b) => a.start - b.start);
  if (pub) joinMonthAndYear(text, out, pub);
  return out;
}
