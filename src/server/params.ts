// What the read endpoints accept: query strings and path parameters as zod schemas, the event
// filter's straight from src/filter/ (so the API, the CLI and the store read filters alike).
import { z } from 'zod';
import { eventFilterFields, eventFilterSchema, wholeNumber, type EventFilter } from '../filter/index.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export const pagingSchema = z.object({
  limit: wholeNumber(1, MAX_LIMIT).default(DEFAULT_LIMIT).meta({ description: `Page size (default ${DEFAULT_LIMIT}, max ${MAX_LIMIT})` }),
  offset: wholeNumber(0, 1_000_000).default(0).meta({ description: 'Rows to skip' }),
});

export const eventQuerySchema = eventFilterSchema.extend(pagingSchema.shape);

export const timelineQuerySchema = z.object({
  bucket: z
    .enum(['day', 'week', 'month', 'year'], { error: 'expected day, week, month or year' })
    .default('month')
    .meta({ description: 'Period size (default month; weeks start on Monday)' }),
  since: eventFilterFields.since.optional(),
  until: eventFilterFields.until.optional(),
  type: eventFilterFields.type.optional(),
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q is required').max(500).meta({ description: 'Search words (all required)' }),
  limit: wholeNumber(1, MAX_LIMIT).default(DEFAULT_LIMIT).meta({ description: `Most hits (default ${DEFAULT_LIMIT})` }),
  offset: wholeNumber(0, 1_000_000).default(0).meta({ description: 'Hits to skip (the next page starts at next_offset)' }),
});

export const idParams = (what: string) =>
  z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'malformed id').meta({ description: `${what} id` }) });

const code = z
  .string()
  .regex(/^[A-Za-z0-9]{1,16}$/, 'expected an actor code such as RUS or USAGOV')
  .transform((v) => v.toUpperCase())
  .meta({ description: 'Actor code or prefix' });

export const dyadParams = z.object({ a: code, b: code });

/** A parsed event query as the filter the use cases take (paging included). */
export function toEventFilter(q: z.output<typeof eventQuerySchema>): EventFilter {
  const filter: EventFilter = { limit: q.limit, offset: q.offset };
  if (q.actor) filter.actor = q.actor;
  if (q.dyad) filter.dyad = q.dyad;
  if (q.type) filter.type = q.type;
  if (q.since) filter.since = q.since;
  if (q.until) filter.until = q.until;
  if (q.contested !== undefined) filter.contested = q.contested;
  if (q.min_confidence !== undefined) filter.min_confidence = q.min_confidence;
  if (q.outlet) filter.outlet = q.outlet;
  if (q.text) filter.text = q.text;
  return filter;
}
