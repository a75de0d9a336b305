// The event filter: which event mentions (or merged events) a query asks for. Defined once, here,
// as one zod schema with the field descriptions of ./fields.ts: the CLI's options (cli/filter.ts),
// the API's query parameters and their OpenAPI description (server/params.ts), and the store's
// query type (store/types.ts) all derive from it, so every face accepts the same values and
// describes them in the same words. Where the faces used to disagree, the most permissive
// documented reading won: dates are YYYY[-MM[-DD]] everywhere, a dyad is two actors separated by
// a comma (spaces and case ignored), and since after until is an empty answer, not an error.
import { z } from 'zod';
import { isCalendarDate } from '../date-values.js';
import { PLOVER_TYPES } from '../model.js';
import { DATE_FORMS, FILTER_DESCRIPTIONS as D, type FilterField } from './fields.js';

export { FILTER_DESCRIPTIONS, FILTER_FIELDS, type FilterField } from './fields.js';

const ACTOR = 'expected an actor code or name';

/** A filter bound: YYYY[-MM[-DD]] naming a real calendar date. */
const filterDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, `expected ${DATE_FORMS}`)
  .refine(isCalendarDate, `no such date (expected ${DATE_FORMS})`);

/** A yes/no value: a boolean (a CLI flag) or its spelling in a query string. */
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')], {
  error: 'expected true or false',
});

/** Each filter field, carrying its description (the OpenAPI document shows it). */
export const eventFilterFields = {
  actor: z.string().trim().min(1, ACTOR).max(200, ACTOR).meta({ description: D.actor }),
  dyad: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean))
    .pipe(z.tuple([z.string(), z.string()], { error: 'expected two actors separated by a comma, e.g. RUS,USA' }))
    .meta({ description: D.dyad }),
  type: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(PLOVER_TYPES, { error: `expected a PLOVER type: ${PLOVER_TYPES.join(', ')}` }))
    .meta({ description: D.type }),
  since: filterDate.meta({ description: D.since }),
  until: filterDate.meta({ description: D.until }),
  contested: flag.meta({ description: D.contested }),
  min_confidence: z.coerce
    .number({ error: 'expected a number from 0 to 1' })
    .min(0, 'expected a number from 0 to 1')
    .max(1, 'expected a number from 0 to 1')
    .meta({ description: D.min_confidence }),
  outlet: z.string().trim().min(1, 'expected an outlet name').max(200, 'expected an outlet name').meta({ description: D.outlet }),
  text: z.string().trim().min(1, 'expected words to look for').max(500, 'expected at most 500 characters').meta({ description: D.text }),
} satisfies Record<FilterField, z.ZodType>;

export const eventFilterSchema = z.object({
  actor: eventFilterFields.actor.optional(),
  dyad: eventFilterFields.dyad.optional(),
  type: eventFilterFields.type.optional(),
  since: eventFilterFields.since.optional(),
  until: eventFilterFields.until.optional(),
  contested: eventFilterFields.contested.optional(),
  min_confidence: eventFilterFields.min_confidence.optional(),
  outlet: eventFilterFields.outlet.optional(),
  text: eventFilterFields.text.optional(),
});

/** The filter as people write it (query strings, command-line options). */
export type EventFilterInput = z.input<typeof eventFilterSchema>;

/** A parsed filter, plus what only programs ask for: the mentions of one article, and paging. */
export type EventFilter = z.output<typeof eventFilterSchema> & {
  article?: string;
  limit?: number;
  offset?: number;
};

/** A whole number in [min, max], with a message a person reads (zod's own says "received NaN"). */
export function wholeNumber(min: number, max: number) {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}
