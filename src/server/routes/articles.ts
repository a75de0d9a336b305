// GET /api/articles, /api/articles/:id (text + entity and evidence spans), POST /api/articles.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { LIST_LEAD_CHARS } from '../../app/articles.js';
import type { Reads } from '../../app/reads.js';
import type { Writes } from '../../app/writes.js';
import { requireToken } from '../auth.js';
import { contextOf } from '../context.js';
import { HttpError, notFound } from '../errors.js';
import { httpOutcome, MAX_BODY_BYTES, postedDocumentSchema, toRawDocument, type PostedDocument } from '../ingest.js';
import { idParams, pagingSchema } from '../params.js';
import { articleDetailSchema, articleRowSchema, errorAnswer, ingestOutcomeSchema, pageOf } from '../schemas.js';
import { withSchema } from '../zod.js';
import { checkPageLimit, page, readErrors } from './events.js';
import { downloadLimit, formatField, rowsFile, sendFile } from '../downloads.js';

export { LIST_LEAD_CHARS } from '../../app/articles.js';

/** How the server stores posted documents: a writer, or why it cannot (no token, read-only store). */
export type ArticleWrites = { writes: Writes } | { disabled: string };

const articleListQuery = pagingSchema.extend({ limit: downloadLimit, format: formatField });

export function articleRoutes(app: FastifyInstance, reads: Reads, token: string | null, writing: ArticleWrites): void {
  app.get(
    '/api/articles',
    withSchema({
      summary: `Stored articles in the order they were stored; text is only the first ${LIST_LEAD_CHARS} characters`,
      querystring: articleListQuery,
      response: { 200: pageOf(articleRowSchema), ...readErrors },
    }),
    async (req, reply) => {
      const q = req.query as z.output<typeof articleListQuery>;
      checkPageLimit(q);
      if (q.format) {
        const rows = await reads.run('listArticles', [{ limit: q.limit, offset: q.offset, lead: LIST_LEAD_CHARS }], contextOf(req));
        return sendFile(reply, q.format, 'articles', rowsFile(q.format, ['id', 'source', 'url', 'title', 'published', 'language', 'duplicate_of', 'text'], rows));
      }
      return page(q.limit, q.offset, (limit) => reads.run('listArticles', [{ limit, offset: q.offset, lead: LIST_LEAD_CHARS }], contextOf(req)));
    },
  );

  const articleParams = idParams('Article');
  app.get(
    '/api/articles/:id',
    withSchema({
      summary: 'Clean text with entity spans and event evidence spans',
      params: articleParams,
      response: { 200: articleDetailSchema, ...readErrors, 404: errorAnswer('No such article') },
    }),
    async (req) => {
      const { id } = req.params as z.output<typeof articleParams>;
      const detail = await reads.run('articleDetail', [id], contextOf(req));
      if (!detail) throw notFound(`article ${id}`);
      return detail;
    },
  );

  app.post(
    '/api/articles',
    withSchema(
      {
        summary: 'Ingest one document through the pipeline',
        security: [{ bearer: [] }],
        body: postedDocumentSchema,
        response: {
          201: ingestOutcomeSchema.meta({ description: 'Stored' }),
          200: ingestOutcomeSchema.meta({ description: 'Already stored (same content); nothing changed' }),
          400: errorAnswer('Invalid JSON or document'),
          401: errorAnswer('Missing or wrong bearer token'),
          403: errorAnswer('Ingest disabled: the server has no token, or its database is read-only'),
          413: errorAnswer(`Body over ${MAX_BODY_BYTES} bytes`),
          415: errorAnswer('Body is not application/json'),
          422: errorAnswer('Valid request, but nothing could be ingested (e.g. no text left after cleaning)'),
          429: readErrors[429],
          503: errorAnswer('Too many documents in progress, too slow, or the store cannot be written now (see Retry-After)'),
        },
      },
      {
        bodyLimit: MAX_BODY_BYTES,
        // Authenticate before the body is read, so an anonymous client cannot make us parse 5 MB.
        onRequest: async (req) => {
          requireToken(req, token);
          if ('disabled' in writing) throw new HttpError(403, writing.disabled);
        },
        // Fastify would also accept text/plain; one document format keeps the contract simple. Checked
        // before the body is validated, so a text body is a 415, not a 400.
        preValidation: async (req) => {
          if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
            throw new HttpError(415, 'unsupported content type (send application/json)');
          }
        },
      },
    ),
    async (req, reply) => {
      if ('disabled' in writing) throw new HttpError(403, writing.disabled);
      const outcome = httpOutcome(await writing.writes.ingest(toRawDocument(req.body as PostedDocument), contextOf(req)));
      return reply.status(outcome.stored ? 201 : 200).send(outcome);
    },
  );
}
