// Full dates in URL paths: /2017/10/09/, /2019/6/26/, /2012-11-29/, /20171009/. Year-only or
// year/month paths (/2016/, /2018/07/) are not a publication day and give nothing.
import { isValidDate, type CalendarDate } from '../../../lang/dates-parse.js';

const URL_DATE = [
  /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=[/._-]|$)/g,
  /[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/._-]|$)/g,
  /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/._-]|$)/g,
];

/** The path of an address, without scheme, host, query or fragment (a host's digits are no date). */
function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
}

export function datesInUrl(url: string): (CalendarDate & { day: number })[] {
  const path = pathOf(url);
  const out: (CalendarDate & { day: number })[] = [];
  for (const re of URL_DATE) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(path)) !== null) {
      const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      if (isValidDate(d.year, d.month, d.day)) out.push(d);
    }
  }
  return out;
}

const URL_MONTH = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])(?=\/|$)/;

/**
 * The year and month of a path like /2025/12/slug (no day): not a publication day by itself, but
 * the page was published that month, so a date found elsewhere on the page must fall in it.
 */
export function monthInUrl(url: string): { year: number; month: number } | null {
  const m = URL_MONTH.exec(pathOf(url));
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}
