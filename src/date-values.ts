// Date values in the model are YYYY-MM-DD, YYYY-MM or YYYY. Merge, the event filter and the
// store's since/until columns all need the same reading of them, so it lives here once.

const DATE_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MS_PER_DAY = 86_400_000;

export function isDateValue(value: string): boolean {
  return DATE_VALUE.test(value);
}

/** True for a date value whose every part exists on the calendar (no month 13, no 31 February). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_VALUE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 for a day-precise value; null for month/year values or non-dates. */
export function dayNumber(value: string | null): number | null {
  if (value === null || value.length !== 10) return null;
  const m = DATE_VALUE.exec(value);
  if (!m || m[3] === undefined) return null;
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY;
}

/** The first and last day a value covers: "2014-10" -> 2014-10-01 .. 2014-10-31. */
export function dateBounds(value: string | null): { lo: string; hi: string } | null {
  if (value === null) return null;
  const m = DATE_VALUE.exec(value);
  if (!m) return null;
  const year = m[1];
  if (m[3] !== undefined) return { lo: value, hi: value };
  if (m[2] !== undefined) {
    const lastDay = new Date(Date.UTC(+year, +m[2], 0)).getUTCDate();
    return { lo: `${year}-${m[2]}-01`, hi: `${year}-${m[2]}-${String(lastDay).padStart(2, '0')}` };
  }
  return { lo: `${year}-01-01`, hi: `${year}-12-31` };
}

/** YYYY-MM of any date value with at least month precision, else null. */
export function monthOf(value: string | null): string | null {
  return value !== null && value.length >= 7 && isDateValue(value) ? value.slice(0, 7) : null;
}
