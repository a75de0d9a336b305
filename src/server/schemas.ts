// What the API answers, as zod schemas: the routes declare them (fastify's route schema.response),
// and the OpenAPI document is generated from those declarations. They describe, they never
// filter: responses are sent as JSON.stringify makes them (server/zod.ts). Each schema that mirrors
// a model type is checked against it when compiling (Same<...> below), so the two cannot drift.
import { z } from 'zod';
import type { Event, MergedEvent } from '../model.js';
import { MODALITIES, PLOVER_TYPES } from '../model.js';
import type { TimelinePoint } from '../report/timeline.js';
import type { ArticleRow, SearchHit } from '../store/types.js';

/** True only when A and B are the same type (a compile-time check). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const nstr = z.string().nullable();
const count = z.number().int();

export const errorSchema = z.object({ error: z.string() }).meta({ id: 'Error' });

/** An error answer with the status' meaning (OpenAPI wants a description per status). */
export const errorAnswer = (description: string) => errorSchema.meta({ description });

export const evidenceSchema = z.object({ start: count, end: count, text: z.string() }).meta({ id: 'Evidence' });

export const placeSchema = z
  .object({ name: z.string(), country: z.string().meta({ description: 'ISO 3166-1 alpha-3' }), lat: z.number(), lon: z.number() })
  .meta({ id: 'Place', description: 'Where it happened, from the offline gazetteer' });

export const eventSchema = z
  .object({
    id: z.string(),
    article: z.string(),
    source_file: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.enum(PLOVER_TYPES),
    cameo: z.string(),
    goldstein: z.number(),
    mode: z.enum(['phone', 'meet', 'visit', 'letter', 'statement']).nullable(),
    negated: z.boolean(),
    hypothetical: z.boolean(),
    claimed_by: nstr,
    date: nstr,
    location: nstr,
    actors: z.array(z.string()),
    evidence: evidenceSchema,
    source_span: evidenceSchema.nullable(),
    target_span: evidenceSchema.nullable(),
    confidence: z.number(),
    modality: z.enum(MODALITIES),
    geo: placeSchema.nullable().optional(),
  })
  .meta({ id: 'Event' });

export const mergedEventSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.enum(PLOVER_TYPES),
    cameo: z.string(),
    goldstein: z.number(),
    mode: z.enum(['phone', 'meet', 'visit', 'letter', 'statement']).nullable(),
    date: nstr,
    location: nstr,
    actors: z.array(z.string()),
    mention_count: count,
    source_count: count.meta({ description: 'Distinct outlets reporting it (an article of unknown outlet counts as its own)' }),
    article_count: count.optional().meta({ description: 'Distinct articles reporting it, syndicated copies once' }),
    geo: placeSchema.nullable().optional(),
    contested: z.boolean(),
    confidence: z.number(),
    claims: z.array(z.object({ claimed_by: nstr, negated: z.boolean(), article: z.string(), evidence: evidenceSchema })),
    mentions: z.array(z.string()),
  })
  .meta({ id: 'MergedEvent' });

export const eventDetailSchema = z
  .object({
    event: eventSchema,
    article: z.object({ id: z.string(), title: nstr, url: nstr, published: nstr, source: z.string(), duplicate_of: nstr }).nullable(),
    merged: mergedEventSchema.nullable(),
  })
  .meta({ id: 'EventDetail' });

export const articleRowSchema = z
  .object({ id: z.string(), source: z.string(), url: nstr, title: nstr, published: nstr, language: nstr, text: z.string(), duplicate_of: nstr })
  .meta({ id: 'ArticleRow' });

export const articleDetailSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    url: nstr,
    title: nstr,
    published: nstr,
    language: nstr,
    day_first: z.boolean(),
    duplicate_of: nstr,
    text: z.string(),
    entities: z.array(z.object({ start: count, end: count, text: z.string(), kind: z.enum(['PERSON', 'ORG', 'PLACE']), name: z.string(), code: nstr, country: nstr })),
    events: z.array(eventSchema.omit({ evidence: true }).extend({ evidence: z.object({ start: count, end: count }) })).meta({
      description: 'The events coded from the article; evidence is a span into text',
    }),
  })
  .meta({ id: 'ArticleDetail' });

export const searchHitSchema = z
  .object({ article: z.string(), title: nstr, published: nstr, snippet: z.string(), lead: nstr })
  .meta({ id: 'SearchHit' });

export const timelinePointSchema = z
  .object({
    period: z.string(),
    start: z.string(),
    end: z.string(),
    count,
    asserted: count,
    goldstein_sum: z.number(),
    goldstein_mean: z.number().nullable(),
    forward: count,
    backward: count,
    events: z.array(z.string()),
  })
  .meta({ id: 'TimelinePoint' });

export const timelineSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    bucket: z.enum(['day', 'week', 'month', 'year']),
    points: z.array(timelinePointSchema),
    unplaced: z.object({ count, events: z.array(z.string()) }),
    total: count,
    truncated: z.boolean(),
  })
  .meta({ id: 'Timeline' });

export const dyadsSchema = z.object({ items: z.array(z.object({ a: z.string(), b: z.string(), count, a_name: z.string().optional(), b_name: z.string().optional() })) });
export const statsSchema = z.object({ articles: count, events: count });
export const searchSchema = z.object({
  q: z.string(),
  items: z.array(searchHitSchema),
  cut: z.boolean().meta({ description: 'More articles matched than were ranked: the hits are the best of the most recently stored matches' }),
  ranked: count.meta({ description: 'How many matching articles were ranked' }),
  total: count.meta({ description: 'Hits in all pages (the ranked matches)' }),
  offset: count,
  next_offset: count.nullable(),
  events_total: count.meta({ description: 'Event mentions whose evidence sentence holds every word' }),
});

export const ingestOutcomeSchema = z
  .object({ id: z.string(), stored: z.boolean(), events: count, duplicate_of: nstr })
  .meta({ id: 'IngestOutcome' });

/** A page of items: {items, limit, offset, next_offset}; next_offset is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), limit: count, offset: count, next_offset: count.nullable() });

// The compile-time checks: these fail to compile when a model type and its schema part ways.
const checks: [
  Same<z.output<typeof eventSchema>, Event>,
  Same<z.output<typeof mergedEventSchema>, MergedEvent>,
  Same<z.output<typeof articleRowSchema>, ArticleRow>,
  Same<Omit<z.output<typeof searchHitSchema>, 'lead'>, Omit<SearchHit, 'lead'>>,
  Same<z.output<typeof timelinePointSchema>, TimelinePoint>,
] = [true, true, true, true, true];
void checks;
