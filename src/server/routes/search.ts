// GET /api/search (full-text hits) and GET /api/stats (what the store holds).
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/types.js';
import { parse, searchQuerySchema } from '../params.js';

/** Characters of opening text sent for an untitled hit: enough for a one-line name. */
const LEAD_CHARS = 200;

export function searchRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/search', async (req) => {
    const q = parse(searchQuerySchema, req.query);
    const hits = await store.search(q.q, q.limit);
    // Plain-text and JSON Lines sources have no title; a list of "untitled" hits tells the reader
    // nothing, so those hits carry the article's opening words (only those: titled hits cost nothing).
    const items = await Promise.all(
      hits.map(async (hit) => {
        if (hit.title) return { ...hit, lead: null };
        const article = await store.getArticle(hit.article);
        return { ...hit, lead: article ? article.text.slice(0, LEAD_CHARS) : null };
      }),
    );
    return { q: q.q, items };
  });

  app.get('/api/stats', async () => store.counts());
}
