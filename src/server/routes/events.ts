// GET /api/events, /api/events/:id, /api/merged.
import type { FastifyInstance } from 'fastify';
import type { Event, MergedEvent } from '../../model.js';
import { DENIAL_WINDOW_DAYS } from '../../merge/index.js';
import { dateBounds } from '../../date-values.js';
import type { Store } from '../../store/types.js';
import { notFound } from '../errors.js';
import { eventQuerySchema, idSchema, parse, toEventFilter } from '../params.js';

/** Fetches one row more than asked so the answer can say whether another page exists. */
export async function page<T>(limit: number, offset: number, fetch: (limit: number) => Promise<T[]>) {
  const rows = await fetch(limit + 1);
  return { items: rows.slice(0, limit), limit, offset, next_offset: rows.length > limit ? offset + limit : null };
}

const DAY_MS = 86_400_000;
const shiftDays = (ymd: string, days: number): string => new Date(Date.parse(ymd) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The merged event this mention belongs to. Merging only the same dyad and type around the date
 * (wide enough for a denial weeks after the claim) gives the same cluster as merging everything,
 * without reading the whole store.
 */
async function mergedOf(store: Store, e: Event): Promise<MergedEvent | null> {
  const bounds = dateBounds(e.date);
  const margin = DENIAL_WINDOW_DAYS + 2;
  const candidates = await store.mergedEvents({
    dyad: [e.source, e.target],
    type: e.type,
    ...(bounds ? { since: shiftDays(bounds.lo, -margin), until: shiftDays(bounds.hi, margin) } : {}),
  });
  return candidates.find((m) => m.mentions.includes(e.id)) ?? null;
}

export function eventRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/events', async (req) => {
    const q = parse(eventQuerySchema, req.query);
    const filter = toEventFilter(q);
    return page(q.limit, q.offset, (limit) => store.events({ ...filter, limit }));
  });

  app.get('/api/events/:id', async (req) => {
    const id = parse(idSchema, (req.params as { id: string }).id, 'id');
    const event = await store.getEvent(id);
    if (!event) throw notFound(`event ${id}`);
    const article = await store.getArticle(event.article);
    const merged = await mergedOf(store, event).catch(() => null);
    return {
      event,
      article: article && {
        id: article.id, title: article.title, url: article.url, published: article.published,
        source: article.source, duplicate_of: article.duplicate_of,
      },
      merged,
    };
  });

  app.get('/api/merged', async (req) => {
    const q = parse(eventQuerySchema, req.query);
    const filter = toEventFilter(q);
    return page(q.limit, q.offset, (limit) => store.mergedEvents({ ...filter, limit }));
  });
}
