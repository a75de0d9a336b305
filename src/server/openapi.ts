// The OpenAPI 3 description of every /api route. test/server.test.ts checks it lists each
// registered route, so a new endpoint without documentation fails the tests.
import { PLOVER_TYPES } from '../model.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './params.js';
import { MAX_BODY_BYTES } from './ingest.js';
import { LIST_LEAD_CHARS } from './routes/articles.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const nstr = { type: ['string', 'null'] };
const int = { type: 'integer' };
const num = { type: 'number' };
const bool = { type: 'boolean' };
const obj = (properties: Json, required = Object.keys(properties)): Json => ({ type: 'object', properties, required });
const arr = (items: Json): Json => ({ type: 'array', items });
const pageOf = (item: string): Json =>
  obj({ items: arr(ref(item)), limit: int, offset: int, next_offset: { type: ['integer', 'null'] } });

const q = (name: string, description: string, schema: Json = str): Json => ({ name, in: 'query', required: false, description, schema });
const p = (name: string, description: string): Json => ({ name, in: 'path', required: true, description, schema: str });
const paging = [
  q('limit', `Page size (default ${DEFAULT_LIMIT}, max ${MAX_LIMIT})`, { ...int, minimum: 1, maximum: MAX_LIMIT }),
  q('offset', 'Rows to skip', { ...int, minimum: 0 }),
];
const eventFilters = [
  q('actor', 'Actor code or prefix on either side (RUS, USAGOV) or a person name'),
  q('dyad', 'Two codes/prefixes "A,B"; either direction'),
  q('type', 'PLOVER event type', { type: 'string', enum: [...PLOVER_TYPES] }),
  q('since', 'Earliest event date, YYYY[-MM[-DD]]'),
  q('until', 'Latest event date, YYYY[-MM[-DD]]'),
  q('contested', 'Only events whose sources disagree', { type: 'string', enum: ['true', 'false'] }),
  ...paging,
];

const json = (schema: Json): Json => ({ content: { 'application/json': { schema } } });
const ok = (description: string, schema: Json): Json => ({ description, ...json(schema) });
const err = (description: string): Json => ({ description, ...json(ref('Error')) });

const read = (summary: string, schema: Json, parameters: Json[] = [], extra: Json = {}): Json => ({
  get: {
    summary,
    parameters,
    security: [{}, { bearer: [] }],
    responses: { 200: ok('OK', schema), 400: err('Invalid parameter'), 401: err('Token required (server started with --private)'), ...extra },
  },
});

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'demarche API',
      version: '0.1.0',
      description:
        'Coded diplomatic/political events with their evidence. Read endpoints are public unless the server runs with --private; ' +
        'POST /api/articles always needs the bearer token. Errors are {"error": "..."}.',
    },
    paths: {
      '/api/events': read('Event mentions, filtered and paged', pageOf('Event'), eventFilters),
      '/api/events/{id}': read('One event mention with its article and the merged event it belongs to', ref('EventDetail'), [p('id', 'Event id')], { 404: err('No such event') }),
      '/api/merged': read('Events merged across articles (contested = sources disagree)', pageOf('MergedEvent'), eventFilters),
      '/api/articles': {
        ...read(`Stored articles in the order they were stored; text is only the first ${LIST_LEAD_CHARS} characters`, pageOf('ArticleRow'), paging),
        post: {
          summary: 'Ingest one document through the pipeline',
          security: [{ bearer: [] }],
          requestBody: { required: true, ...json(ref('PostedDocument')) },
          responses: {
            201: ok('Stored', ref('IngestOutcome')),
            200: ok('Already stored (same content); nothing changed', ref('IngestOutcome')),
            400: err('Invalid JSON or document'),
            401: err('Missing or wrong bearer token'),
            403: err('Ingest disabled: the server has no token'),
            413: err(`Body over ${MAX_BODY_BYTES} bytes`),
            415: err('Body is not application/json'),
            422: err('Valid request, but nothing could be ingested (e.g. no text left after cleaning)'),
          },
        },
      },
      '/api/articles/{id}': read('Clean text with entity spans and event evidence spans', ref('ArticleDetail'), [p('id', 'Article id')], { 404: err('No such article') }),
      '/api/dyads': read('Busiest country pairs', obj({ items: arr(obj({ a: str, b: str, count: int })) })),
      '/api/dyads/{a}/{b}/timeline': read('Events of a dyad per period', ref('Timeline'), [
        p('a', 'Actor code or prefix'),
        p('b', 'Actor code or prefix'),
        q('bucket', 'Period size (default month)', { type: 'string', enum: ['day', 'week', 'month', 'year'] }),
        q('type', 'PLOVER event type', { type: 'string', enum: [...PLOVER_TYPES] }),
        q('since', 'Earliest event date'),
        q('until', 'Latest event date'),
      ]),
      '/api/search': read('Full-text search over article text', obj({ q: str, items: arr(ref('SearchHit')) }), [
        { ...q('q', 'Search words'), required: true },
        q('limit', 'Max hits', int),
      ]),
      '/api/stats': read('How many articles and events are stored', obj({ articles: int, events: int })),
      '/api/openapi.json': read('This document', { type: 'object' }),
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: obj({ error: str }),
        Span: obj({ start: int, end: int }),
        Evidence: obj({ start: int, end: int, text: str }),
        Event: obj({
          id: str, article: str, source_file: str, source: str, target: str,
          type: { type: 'string', enum: [...PLOVER_TYPES] }, cameo: str, goldstein: num,
          mode: { type: ['string', 'null'], enum: ['phone', 'meet', 'visit', 'letter', 'statement', null] },
          negated: bool, hypothetical: bool, claimed_by: nstr, date: nstr, location: nstr,
          actors: arr(str), evidence: ref('Evidence'),
        }),
        MergedEvent: obj({
          id: str, source: str, target: str, type: str, cameo: str, goldstein: num, mode: nstr, date: nstr,
          location: nstr, actors: arr(str), mention_count: int, source_count: int, contested: bool,
          claims: arr(obj({ claimed_by: nstr, negated: bool, article: str, evidence: ref('Evidence') })),
          mentions: arr(str),
        }),
        EventDetail: obj({
          event: ref('Event'),
          article: { oneOf: [obj({ id: str, title: nstr, url: nstr, published: nstr, source: str, duplicate_of: nstr }), { type: 'null' }] },
          merged: { oneOf: [ref('MergedEvent'), { type: 'null' }] },
        }),
        ArticleRow: obj({ id: str, source: str, url: nstr, title: nstr, published: nstr, language: nstr, text: str, duplicate_of: nstr }),
        ArticleDetail: obj({
          id: str, source: str, url: nstr, title: nstr, published: nstr, language: nstr, day_first: bool,
          duplicate_of: nstr, text: str,
          entities: arr(obj({ start: int, end: int, text: str, kind: str, name: str, code: nstr, country: nstr })),
          events: arr({ description: 'Event without evidence text; evidence is a span into text', type: 'object' }),
        }),
        SearchHit: obj({ article: str, title: nstr, published: nstr, snippet: str, lead: nstr }),
        TimelinePoint: obj({
          period: str, start: str, end: str, count: int, asserted: int, goldstein_sum: num,
          goldstein_mean: { type: ['number', 'null'] }, forward: int, backward: int, events: arr(str),
        }),
        Timeline: obj({
          a: str, b: str, bucket: str, points: arr(ref('TimelinePoint')),
          unplaced: obj({ count: int, events: arr(str) }), total: int, truncated: bool,
        }),
        PostedDocument: {
          type: 'object',
          additionalProperties: false,
          description: 'Exactly one of text or html',
          properties: { text: str, html: str, url: nstr, published: { type: ['string', 'null'], format: 'date' }, title: nstr },
        },
        IngestOutcome: obj({ id: str, stored: bool, events: int, duplicate_of: nstr }),
      },
    },
  };
}
