// The publisher's calendar day from timestamps that carry a time of day and, sometimes, a zone.
//
// A timestamp is read in its own offset: "2025-03-01T22:30:00-05:00" is 1 March, never shifted to
// UTC. A UTC timestamp ("...T02:30:00Z", "+00:00", Unix seconds) is often the machine's clock, not
// the publisher's: a story posted at 9.30 pm in New York is stamped 02:30Z the next day. So when a
// UTC timestamp disagrees with a day the page gives in its own time (a timestamp with an offset,
// the URL, a dateline), that local day wins.
import { daysBetween, type CalendarDate } from '../../../lang/dates-parse.js';

type FullDate = CalendarDate & { day: number };

/** Time of day of a timestamp and its zone: offset in minutes east of UTC, null when none is given. */
export interface Clock {
  minutes: number;
  offset: number | null;
}

// 2025-03-01T22:30, 2025-03-01 22:30:15.123 +0900, 2025-03-01T02:30:00Z, ... 02:30 GMT
const ISO_TIME = /^\s*\d{4}-\d{1,2}-\d{1,2}[T\s]+(\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?(?![\w:])/i;

/** The clock of an ISO-style timestamp, or null when it has no time of day. */
export function clockOf(value: string): Clock | null {
  const m = ISO_TIME.exec(value);
  if (!m) return null;
  const hours = Number(m[1]);
  const mins = Number(m[2]);
  if (hours > 23 || mins > 59) return null;
  return { minutes: hours * 60 + mins, offset: zoneOffset(m[3]) };
}

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return null;
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const digits = zone.slice(1).replace(':', '');
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone[0] === '-' ? -offset : offset;
}

/** The day a UTC timestamp falls on in another offset. */
export function dayInOffset(date: FullDate, utcMinutes: number, offset: number): FullDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day) + (utcMinutes + offset) * 60_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export interface Dated {
  date: FullDate;
  clock?: Clock | null;
}

/**
 * The publisher's day for `top`. Only a UTC timestamp is ever moved: to the day it falls on in the
 * offset of another timestamp of the page, or else to a local day (`localDays`: URL, zone-less
 * timestamps, datelines) one day away from it. Anything else is the day it says.
 */
export function publisherDay(top: Dated, timestamps: Dated[], localDays: FullDate[]): FullDate {
  if (!top.clock || top.clock.offset !== 0) return top.date;
  const zoned = timestamps.find((t) => t.clock && t.clock.offset !== null && t.clock.offset !== 0);
  if (zoned) return dayInOffset(top.date, top.clock.minutes, zoned.clock!.offset!);
  // Without an offset to convert into, a local day one day away is the same moment seen from the
  // publisher's zone: before noon UTC it can only be the day before, after noon the day after.
  const step = top.clock.minutes < 12 * 60 ? -1 : 1;
  return localDays.find((d) => daysBetween(top.date, d) === step) ?? top.date;
}
