// The read use cases a server answers with, as one table of operations: run in this thread over a
// store (storeReads) or in a pool of reader threads (read-pool.ts), the same code either way.
import type { EventFilter } from '../filter/index.js';
import type { Event } from '../model.js';
import type { ListOptions, Store } from '../store/types.js';
import { alertHits, getAlert, listAlerts } from './alerts.js';
import { articleDetail, counts, listArticles, searchArticles } from './articles.js';
import { busiestDyads, dyadTimeline, type TimelineQuery } from './dyads.js';
import { countEvents, eventDetail, listEvents, listMerged } from './events.js';
import { buildMap, buildNetwork, buildOverview, eventFacts, idsAtPlace } from './overview.js';
import { loadBriefView } from './brief.js';
import { writeExport } from './export.js';
import type { BriefOptions } from '../report/brief.js';
import { newSince, watchStatus } from './watch-status.js';
import { geoOf } from './places.js';
import { publicSource } from './public-source.js';

export { publicSource } from './public-source.js';

const eventView = (e: Event): Event => ({ ...e, source_file: publicSource(e.source_file), geo: geoOf(e) });
const withGeo = (e: Event): Event => ({ ...e, geo: geoOf(e) });

/** The read operations: (store, ...args) => answer. Answers are plain data (they cross threads). */
export const READ_OPS = {
  counts: (store: Store) => counts(store),
  hasArticle: (store: Store, id: string) => store.hasArticle(id),
  listArticles: async (store: Store, opts: ListOptions, showPaths: boolean) =>
    (await listArticles(store, opts)).map((a) => (showPaths ? a : { ...a, source: publicSource(a.source) })),
  articleDetail: async (store: Store, id: string, showPaths: boolean) => {
    const a = await articleDetail(store, id);
    return a && !showPaths ? { ...a, source: publicSource(a.source) } : a;
  },
  listEvents: async (store: Store, filter: EventFilter, showPaths: boolean) => {
    const events = await listEvents(store, filter);
    return events.map(showPaths ? withGeo : eventView);
  },
  listMerged: (store: Store, filter: EventFilter) => listMerged(store, filter),
  eventDetail: async (store: Store, id: string, showPaths: boolean) => {
    const d = await eventDetail(store, id);
    if (!d) return d;
    if (showPaths) return { ...d, event: withGeo(d.event) };
    return { ...d, event: eventView(d.event), article: d.article && { ...d.article, source: publicSource(d.article.source) } };
  },
  search: (store: Store, q: string, limit: number, offset = 0) => searchArticles(store, q, limit, offset),
  countEvents: (store: Store, filter: EventFilter) => countEvents(store, filter),
  overview: async (store: Store, filter: EventFilter) => buildOverview(await eventFacts(store, filter)),
  map: async (store: Store, filter: EventFilter) => buildMap(await eventFacts(store, filter)),
  /** The mentions at one map point (a MapPoint's key), paged. */
  eventsAtPlace: async (store: Store, filter: EventFilter, key: string, limit: number, offset: number, showPaths: boolean) => {
    const ids = idsAtPlace(await eventFacts(store, filter), key);
    const events = await Promise.all(ids.slice(offset, offset + limit).map((id) => store.getEvent(id)));
    return { total: ids.length, items: events.filter((e): e is Event => e !== null).map(showPaths ? withGeo : eventView) };
  },
  network: async (store: Store, filter: EventFilter) => buildNetwork(await eventFacts(store, filter)),
  brief: (store: Store, options: BriefOptions) => loadBriefView(store, options),
  /** Mentions (or merged events) as the export's rows: a CSV file, or a JSON array. */
  exportRows: async (store: Store, filter: EventFilter, format: 'csv' | 'json', merged: boolean, showPaths: boolean) => {
    const parts: string[] = [];
    const sourceView = showPaths ? undefined : publicSource;
    await writeExport(store, filter, { format: format === 'csv' ? 'csv' : 'jsonl', merged, sourceView }, (chunk) => void parts.push(chunk));
    return format === 'csv' ? parts.join('') : `[${parts.map((p) => p.trimEnd()).join(',')}]`;
  },
  busiestDyads: (store: Store) => busiestDyads(store),
  dyadTimeline: (store: Store, a: string, b: string, q: TimelineQuery) => dyadTimeline(store, a, b, q),
  listAlerts: (store: Store) => listAlerts(store),
  /** A page of an alert's hits (their payloads, newest first); null when there is no such alert. */
  alertHits: async (store: Store, name: string, limit: number, offset: number) => {
    if (!(await getAlert(store, name))) return null;
    return (await alertHits(store, { alert: name, limit, offset })).map((r) => r.payload);
  },
  watchStatus: (store: Store) => watchStatus(store),
  newSince: (store: Store, since: string | undefined) => newSince(store, since),
};

type Ops = typeof READ_OPS;
export type ReadOp = keyof Ops;
/** An operation's arguments after the store (and after showPaths, which the reader adds). */
export type ReadArgs<K extends ReadOp> = Parameters<Ops[K]> extends [Store, ...infer A] ? (A extends [...infer B, boolean] ? B : A) : never;
export type ReadAnswer<K extends ReadOp> = Awaited<ReturnType<Ops[K]>>;

/** Cheap operations: answered before queued expensive ones, on a reader kept for them. */
export const LIGHT_OPS: ReadonlySet<ReadOp> = new Set<ReadOp>(['counts', 'hasArticle', 'listArticles', 'articleDetail', 'listAlerts', 'watchStatus']);

/** Operations whose answer shows document sources (the last argument says whether as stored). */
const SHOWS_SOURCES: ReadonlySet<ReadOp> = new Set<ReadOp>(['listArticles', 'articleDetail', 'listEvents', 'eventDetail', 'eventsAtPlace', 'exportRows']);

/** Runs one operation over a store (in whichever thread holds it). */
export function runRead(store: Store, op: ReadOp, args: unknown[], showPaths: boolean): Promise<unknown> {
  const fn = READ_OPS[op] as (store: Store, ...rest: unknown[]) => Promise<unknown>;
  return fn(store, ...args, ...(SHOWS_SOURCES.has(op) ? [showPaths] : []));
}

/** Who asks (requests of one client are queued fairly against other clients') and until when. */
export interface ReadContext {
  client?: string;
  /** Aborted: the answer is no longer wanted (its deadline passed); the read fails with DeadlineError. */
  signal?: AbortSignal;
}

/** The answer did not come before the request's deadline. */
export class DeadlineError extends Error {}

/** The server is at capacity: too many reads waiting. */
export class BusyError extends Error {}

export interface Reads {
  run<K extends ReadOp>(op: K, args: ReadArgs<K>, ctx?: ReadContext): Promise<ReadAnswer<K>>;
  close(): Promise<void>;
}

export interface ReadsOptions {
  /** Show document sources as stored (absolute paths included); default: publicSource. */
  showPaths?: boolean;
}

/** A promise that rejects with DeadlineError when the signal aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new DeadlineError('deadline passed'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DeadlineError('deadline passed'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Reads on this thread, over a store the caller holds (tests, embedding); the server uses ReadPool. */
export function storeReads(store: Store, opts: ReadsOptions = {}): Reads {
  return {
    run: (op, args, ctx) => untilAborted(runRead(store, op, args as unknown[], opts.showPaths ?? false), ctx?.signal) as never,
    close: async () => undefined,
  };
}
