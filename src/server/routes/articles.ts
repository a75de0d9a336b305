// GET /api/articles, /api/articles/:id (text + entity and evidence spans), POST /api/articles.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/types.js';
import { requireToken } from '../auth.js';
import { HttpError, notFound } from '../errors.js';
import { MAX_BODY_BYTES, postedDocumentSchema, toRawDocument, type IngestOne } from '../ingest.js';
import { idSchema, pagingSchema, parse } from '../params.js';
import { eventsOfArticle } from '../scan.js';
import { page } from './events.js';

/** A listing names untitled articles by their opening words; the whole text is one click away. */
export const LIST_LEAD_CHARS = 300;

export function articleRoutes(app: FastifyInstance, store: Store, token: string | null, ingest: IngestOne): void {
  app.get('/api/articles', async (req) => {
    const q = parse(pagingSchema, req.query);
    return page(q.limit, q.offset, (limit) => store.listArticles({ limit, offset: q.offset, lead: LIST_LEAD_CHARS }));
  });

  app.get('/api/articles/:id', async (req) => {
    const id = parse(idSchema, (req.params as { id: string }).id, 'id');
    const a = await store.getArticle(id);
    if (!a) throw notFound(`article ${id}`);
    const events = await eventsOfArticle(store, id);
    // Tokens and sentences stay server-side: the reader needs only the text and the spans to mark.
    return {
      id: a.id, source: a.source, url: a.url, title: a.title, published: a.published,
      language: a.language, day_first: a.day_first, duplicate_of: a.duplicate_of, text: a.text,
      entities: a.entities.map(({ start, end, text, kind, name, code, country }) => ({ start, end, text, kind, name, code, country })),
      events: events
        .sort((x, y) => x.evidence.start - y.evidence.start)
        .map(({ evidence, ...e }) => ({ ...e, evidence: { start: evidence.start, end: evidence.end } })),
    };
  });

  app.post(
    '/api/articles',
    {
      bodyLimit: MAX_BODY_BYTES,
      // Authenticate before the body is read, so an anonymous client cannot make us parse 5 MB.
      onRequest: async (req) => requireToken(req, token),
    },
    async (req, reply) => {
      // Fastify would also accept text/plain; one document format keeps the contract simple.
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        throw new HttpError(415, 'unsupported content type (send application/json)');
      }
      const doc = parse(postedDocumentSchema, req.body, 'body');
      const outcome = await ingest(store, toRawDocument(doc));
      return reply.status(outcome.stored ? 201 : 200).send(outcome);
    },
  );
}
