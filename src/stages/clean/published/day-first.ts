// Is a document written day-first (6/9/15 = 6 September)? Evidence, strongest first:
//  1. numeric dates in the document that can only be read one way (25/10/2014);
//  2. consistency of a candidate publication date with what the text says (done by the caller
//     with consistencyScore: "On October 9" cannot be after a release dated 10 September);
//  3. the source: agencies, outlets and country domains that write day-first;
//  4. spelling: "9 October" (day before month) rather than "October 9".
import { daysBetween, monthNumber, weekdayOf, type CalendarDate, type FoundDate } from '../../../lang/dates-parse.js';

// Outlets and agencies writing day-first numeric dates (Chinese, Russian, British, Commonwealth,
// continental European and Middle Eastern sources). Matched in URLs and in the text.
const DAY_FIRST_SOURCES =
  /\b(xinhua(?:net)?|china\.org\.cn|chinadaily|china daily|global times|globaltimes|cgtn|people'?s daily|tass|itar-tass|ria novosti|sputnik|interfax|rt\.com|russia today|mid\.ru|kremlin\.ru|bbc|guardian|telegraph|the independent|sky news|reuters\.co\.uk|abc\.net\.au|sydney morning herald|the hindu|times of india|hindustan times|dawn\.com|al jazeera|aljazeera|press tv|presstv|anadolu|trt world|daily sabah|hurriyet|deutsche welle|dw\.com|france24|euronews|irish times|rte\.ie)\b/i;
// Country-code domains whose convention is day-first (everything but .us-style conventions).
const DAY_FIRST_TLD = /^[a-z]+:\/\/[^/?#]*\.(uk|ru|cn|in|au|nz|ie|za|de|fr|it|es|pt|nl|be|at|ch|pl|cz|tr|ir|pk|ng|ke|eg|il|ae|sa|ua|by|kz|br|ar|mx|cl|co\.uk|org\.uk|gov\.uk)(?::\d+)?(?:[/?#]|$)/i;
const MONTH_FIRST_TLD = /^[a-z]+:\/\/[^/?#]*\.(us|gov|mil|ph)(?::\d+)?(?:[/?#]|$)/i;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
// A bare weekday in running text ("on Saturday", "Saturday's call"), not "next Monday".
const WEEKDAY_MENTION = /(?<!(?:next|last|this|every|coming|following|previous)\s)\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const MONTH_WORD =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
// "October 9", "Oct. 14" and "9 October" with no year after them.
const MONTH_DAY_MENTION = new RegExp(
  `\\b(?:(${MONTH_WORD})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_WORD})\\b\\.?)(?![\\d,]*\\s*\\d{4})(?!\\d)`,
  'g',
);

/**
 * true / false when the source says so, null when it says nothing. `credits` is where a document
 * names its publisher (short head/tail lines of plain text, or a page's title and meta tags), so that an
 * agency merely quoted in the body ("Interfax cited the source") does not count.
 */
export function sourceDayFirst(url: string | null, credits: string, htmlLang: string | null): boolean | null {
  if (url) {
    if (DAY_FIRST_TLD.test(url) || DAY_FIRST_SOURCES.test(url)) return true;
    if (MONTH_FIRST_TLD.test(url)) return false;
  }
  if (DAY_FIRST_SOURCES.test(credits)) return true;
  // <html lang>: US English is month-first, plain "en" says nothing, other languages and
  // other Englishes (en-GB, en-IN, ...) are day-first.
  if (!htmlLang || htmlLang === 'en') return null;
  return !/^en[-_]us$/.test(htmlLang);
}

/**
 * Votes from how dates are written: numeric dates that can only be read one way (25/10/2014,
 * 10.11.2017 are day-first; 10/25/2014 is month-first), then spelling ("9 October" vs "October 9").
 * null when there is no evidence.
 */
export function writtenDayFirst(found: FoundDate[]): boolean | null {
  let numericVote = 0;
  let named = 0;
  let namedDayFirst = 0;
  for (const f of found) {
    if (f.form === 'dot') numericVote++;
    else if (f.form === 'slash' && f.alt === null && f.day !== f.month) numericVote += f.dayBeforeMonth ? 1 : -1;
    else if (f.form === 'named') {
      named++;
      if (f.dayBeforeMonth) namedDayFirst++;
    }
  }
  if (numericVote !== 0) return numericVote > 0;
  if (named >= 2 && namedDayFirst * 2 > named) return true;
  return null;
}

/**
 * How well a candidate publication date fits the text: month-day mentions without a year should
 * fall shortly before it (news reports the past), and bare weekdays should be the last few days.
 * Higher is better.
 */
export function consistencyScore(pub: CalendarDate & { day: number }, text: string): number {
  let score = 0;
  MONTH_DAY_MENTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONTH_DAY_MENTION.exec(text)) !== null) {
    const month = monthNumber(m[1] ?? m[4]);
    const day = Number(m[2] ?? m[3]);
    if (!month || day < 1 || day > 31) continue;
    const delta = daysBetween({ year: pub.year, month, day }, pub);
    if (delta >= 0 && delta <= 45) score += 1;
    else if (delta < 0 && delta >= -45) score -= 1;
  }
  const pubWeekday = weekdayOf(pub);
  WEEKDAY_MENTION.lastIndex = 0;
  while ((m = WEEKDAY_MENTION.exec(text)) !== null) {
    const back = (pubWeekday - WEEKDAYS.indexOf(m[1].toLowerCase()) + 7) % 7;
    if (back <= 2) score += 0.5;
  }
  return score;
}
