// Publication date of a document from its raw content, and whether it writes dates day-first.
// HTML: structured markup, URL, then visible text (see html.ts). Plain text: short date
// lines near the top or bottom ("Xinhua, October 25, 2014", "6/9/15", "1897-09-10-2017") and
// dates in the opening lines. Ambiguous numeric dates are read with the day-first evidence of
// day-first.ts. When nothing trustworthy is found the answer is null, never a guess.
import { findDates, formatDate, type CalendarDate } from '../../../lang/dates-parse.js';
import { consistencyScore, sourceDayFirst, writtenDayFirst } from './day-first.js';
import { htmlCandidates, htmlCredits, textCandidates, TIER, visibleText, type DateCandidate } from './html.js';
import { datesInUrl, monthInUrl } from './url.js';
import { publisherDay } from './zone.js';

export interface PublishedInput {
  format: 'text' | 'html';
  /** Raw content (HTML source or plain text, before cleaning). */
  content: string;
  url: string | null;
  /** Clean main text. */
  text: string;
}

type FullDate = CalendarDate & { day: number };

const HEAD_LINES = 15;
const TAIL_LINES = 30;
const DATE_LINE_MAX = 80;
const OPENING_CHARS = 150;
const DATELINE_BEFORE = /(?:^|\n)\s*[A-Z][A-Z .'-]{2,}(?:\([^)]*\))?,?\s*$/;
const DATELINE_AFTER = /^\s*(?:\(|[-–—|/]|\n)/;
const HTML_LANG = /<html\b[^>]*\blang\s*=\s*["']?([a-zA-Z_-]+)/i;

/** Short lines at the top or bottom of a plain-text document: where datelines and credits sit. */
function creditLines(content: string): string[] {
  const lines = content.split('\n').filter((l) => l.trim() !== '');
  const zone = lines.length <= HEAD_LINES + TAIL_LINES ? lines : [...lines.slice(0, HEAD_LINES), ...lines.slice(-TAIL_LINES)];
  return zone.filter((l) => l.trim().length <= DATE_LINE_MAX && isCreditLike(l));
}

/** A byline/credit rather than a sentence of the story (texts may be hard-wrapped): few words, no quotation. */
function isCreditLike(line: string): boolean {
  return !/["“”«»]/.test(line) && line.trim().split(/\s+/).length <= 10;
}

/** Dates on credit lines of a plain-text document, then in its opening. */
function plainCandidates(content: string, lines: string[], dayFirst: boolean): (DateCandidate & { alt: FullDate | null })[] {
  const out: (DateCandidate & { alt: FullDate | null })[] = [];
  for (const line of lines) {
    for (const f of findDates(line, dayFirst)) {
      out.push({ date: { year: f.year, month: f.month, day: f.day! }, tier: TIER.cuedText, origin: 'date line', alt: f.alt as FullDate | null });
    }
  }
  // A dateline opening the story ("MOSCOW, Oct. 9, 2017 (Reuters) -"), not a narrative date
  // ("It was a sunny morning on Saturday 31 August 2013").
  const opening = content.slice(0, OPENING_CHARS);
  for (const f of findDates(opening, dayFirst)) {
    const before = opening.slice(0, f.start);
    const startsLine = /(?:^|\n)\s*$/.test(before);
    if (!DATELINE_BEFORE.test(before) && !(startsLine && DATELINE_AFTER.test(opening.slice(f.end)))) continue;
    out.push({ date: { year: f.year, month: f.month, day: f.day! }, tier: TIER.text, origin: 'opening', alt: f.alt as FullDate | null });
  }
  return out;
}

function best<T extends DateCandidate>(candidates: T[]): T | null {
  let top: T | null = null;
  for (const c of candidates) if (!top || c.tier < top.tier) top = c;
  return top;
}

/** Reading of the top candidate, or its alternative when the text clearly fits that better. */
function settle(top: DateCandidate & { alt?: FullDate | null }, writtenVote: boolean | null, dayFirst: boolean, text: () => string) {
  // A date like 6/9/15 that the document's own writing cannot settle: prefer the reading that
  // agrees with what the text reports (weekdays just before it, month-days not after it).
  if (top.alt && writtenVote === null) {
    const t = text();
    if (consistencyScore(top.date, t) - consistencyScore(top.alt, t) <= -1) return { published: formatDate(top.alt), day_first: !dayFirst };
  }
  return { published: formatDate(top.date), day_first: dayFirst };
}

/** Days the page gives in its publisher's own time: the URL, datelines, timestamps without a zone. */
function localDays(candidates: DateCandidate[]): FullDate[] {
  return candidates
    .filter((c) => c.tier === TIER.url || c.tier === TIER.cuedText || c.tier === TIER.text || (c.clock && c.clock.offset === null && c.tier <= TIER.markup))
    .map((c) => c.date);
}

/** Candidates in the month a /2025/12/ URL names, when there are any (else all of them). */
function inUrlMonth<T extends DateCandidate>(candidates: T[], url: string | null): T[] {
  const month = url ? monthInUrl(url) : null;
  if (!month) return candidates;
  const within = candidates.filter((c) => c.date.year === month.year && c.date.month === month.month);
  return within.length ? within : candidates;
}

function fromHtml(input: PublishedInput): { published: string | null; day_first: boolean } {
  let visible: string | null = null;
  const visibleText_ = (): string => (visible ??= visibleText(input.content));
  const story = (): string => (input.text.trim() ? input.text : visibleText_());
  const writtenVote = writtenDayFirst(findDates(story(), false));
  const lang = HTML_LANG.exec(input.content)?.[1]?.toLowerCase() ?? null;
  const dayFirst = writtenVote ?? sourceDayFirst(input.url, htmlCredits(input.content), lang) ?? false;
  const candidates = inUrlMonth(htmlCandidates(input.content, input.url, dayFirst, visibleText_), input.url);
  const top = best(candidates) ?? best(inUrlMonth(textCandidates(input.text, dayFirst), input.url));
  if (!top) return { published: null, day_first: dayFirst };
  return settle({ ...top, date: publisherDay(top, candidates, localDays(candidates)) }, writtenVote, dayFirst, story);
}

function fromText(input: PublishedInput): { published: string | null; day_first: boolean } {
  const writtenVote = writtenDayFirst(findDates(input.content, false));
  const lines = creditLines(input.content);
  const dayFirst = writtenVote ?? sourceDayFirst(input.url, lines.join('\n'), null) ?? false;
  const fromUrl = input.url ? datesInUrl(input.url).map((date) => ({ date, tier: TIER.url, origin: 'url' })) : [];
  const top = best([...fromUrl, ...plainCandidates(input.content, lines, dayFirst)]);
  return top ? settle(top, writtenVote, dayFirst, () => input.text || input.content) : { published: null, day_first: dayFirst };
}

export function detectPublished(input: PublishedInput): { published: string | null; day_first: boolean } {
  return input.format === 'html' ? fromHtml(input) : fromText(input);
}
