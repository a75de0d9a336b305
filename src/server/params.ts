// Query-string parsing for the read endpoints: one zod schema per shape, one-line 400 errors.
import { z } from 'zod';
import { PLOVER_TYPES } from '../model.js';
import type { EventFilter } from '../store/types.js';
import { HttpError } from './errors.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** True when every part of YYYY[-MM[-DD]] exists on the calendar (no month 13, no 31 February). */
function isCalendarDate(v: string): boolean {
  const [y, m = 1, d = 1] = v.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'no such date (expected YYYY, YYYY-MM or YYYY-MM-DD)');

const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N} .'\-]+$/u, 'expected an actor code or name');

const bool = z.enum(['true', 'false', '1', '0'], { error: 'expected true or false' }).transform((v) => v === 'true' || v === '1');

/** A whole number in [min, max], with a message a person reads (zod's own says "received NaN"). */
const wholeNumber = (min: number, max: number) => {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};

export const pagingSchema = z.object({
  limit: wholeNumber(1, MAX_LIMIT).default(DEFAULT_LIMIT),
  offset: wholeNumber(0, 1_000_000).default(0),
});

export const eventQuerySchema = pagingSchema.extend({
  actor: code.optional(),
  dyad: z
    .string()
    .regex(/^[A-Za-z0-9]{1,16},[A-Za-z0-9]{1,16}$/, 'expected two codes: A,B')
    .transform((v) => v.toUpperCase().split(',') as [string, string])
    .optional(),
  type: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(PLOVER_TYPES, { error: `expected a PLOVER type: ${PLOVER_TYPES.join(', ')}` }))
    .optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  contested: bool.optional(),
});

export const timelineQuerySchema = z.object({
  bucket: z.enum(['day', 'week', 'month', 'year'], { error: 'expected day, week, month or year' }).default('month'),
  since: isoDate.optional(),
  until: isoDate.optional(),
  type: eventQuerySchema.shape.type,
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q is required').max(500),
  limit: wholeNumber(1, MAX_LIMIT).default(DEFAULT_LIMIT),
});

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'malformed id');
export const codeParam = z
  .string()
  .regex(/^[A-Za-z0-9]{1,16}$/, 'expected an actor code such as RUS or USAGOV')
  .transform((v) => v.toUpperCase());

/** Parses with the schema or throws a 400 naming the first offending parameter. */
export function parse<T extends z.ZodType>(schema: T, input: unknown, where = 'query'): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.path.length ? issue.path.join('.') : where;
  throw new HttpError(400, `invalid ${name}: ${issue.message}`);
}

export function toEventFilter(q: z.output<typeof eventQuerySchema>): EventFilter {
  const filter: EventFilter = { limit: q.limit, offset: q.offset };
  if (q.actor) filter.actor = q.actor;
  if (q.dyad) filter.dyad = q.dyad;
  if (q.type) filter.type = q.type;
  if (q.since) filter.since = q.since;
  if (q.until) filter.until = q.until;
  if (q.contested !== undefined) filter.contested = q.contested;
  return filter;
}
