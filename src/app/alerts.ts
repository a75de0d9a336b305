// Saved alerts: a name, an event filter (src/filter) and an optional webhook. After each watch
// round the articles stored since the last scan (the alert queue, filled in each article's own
// transaction) are looked at once: a merged event (src/merge) all of whose mentions are new is a
// hit; for a --contested alert, a merged event that the new mentions made contested is. Hits are
// recorded in the same transaction that empties the queue, then printed and POSTed from there, so
// a crash loses none and repeats none (see docs/WATCH.md for the one-line window of a print).
import { createHash } from 'node:crypto';
import { dateBounds } from '../date-values.js';
import { checkEventFilter } from '../filter/check.js';
import { DENIAL_WINDOW_DAYS } from '../merge/index.js';
import type { Event, MergedEvent } from '../model.js';
import type { Store } from '../store/types.js';
import type { AlertFilter, AlertRow, HitPayload, HitRow, NewHit } from '../store/watch-types.js';
import { FetchAborted } from '../watch/http.js';
import { postJson, type WebhookOptions } from '../watch/webhook.js';
import { errorMessage } from '../errors.js';
import { listMerged } from './events.js';

/** Articles looked at per transaction. */
const SCAN_BATCH = 1000;

export function addAlert(store: Store, name: string, filter: AlertFilter, webhook: string | null): Promise<AlertRow> {
  checkEventFilter(filter);
  return store.alerts.add(name, filter, webhook, new Date().toISOString());
}

export function listAlerts(store: Store): Promise<AlertRow[]> {
  return store.alerts.list();
}

export function getAlert(store: Store, name: string): Promise<AlertRow | null> {
  return store.alerts.get(name);
}

export function removeAlert(store: Store, name: string): Promise<boolean> {
  return store.alerts.remove(name);
}

export function alertHits(store: Store, opts: { alert?: string; limit: number; offset: number }): Promise<HitRow[]> {
  return store.alerts.hits(opts);
}

const DAY_MS = 86_400_000;
const shift = (ymd: string, days: number): string => new Date(Date.parse(ymd) + days * DAY_MS).toISOString().slice(0, 10);
const pairKey = (e: Event): string => `${e.type}|${[e.source, e.target].sort().join('|')}`;

/**
 * The merged events these mentions belong to. Merging the same dyad and type around their dates
 * (wide enough for a denial weeks after the claim) gives the clusters merging everything would.
 */
async function mergedAround(store: Store, mentions: Event[]): Promise<MergedEvent[]> {
  const groups = new Map<string, Event[]>();
  for (const e of mentions) groups.set(pairKey(e), [...(groups.get(pairKey(e)) ?? []), e]);
  const found = new Map<string, MergedEvent>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const bounds = group.map((e) => dateBounds(e.date));
    const window = bounds.every((b) => b !== null)
      ? {
          since: shift(bounds.map((b) => b!.lo).sort()[0]!, -(DENIAL_WINDOW_DAYS + 2)),
          until: shift(bounds.map((b) => b!.hi).sort().at(-1)!, DENIAL_WINDOW_DAYS + 2),
        }
      : {}; // an undated mention merges with the mentions of its own article, whatever their dates
    const merged = await listMerged(store, { dyad: [first.source, first.target], type: first.type, ...window });
    const ids = new Set(group.map((e) => e.id));
    for (const m of merged) if (m.mentions.some((id) => ids.has(id))) found.set(m.id, m);
  }
  return [...found.values()];
}

/** A hit's id: the same alert and the same mentions always give the same id. */
function hitId(alert: AlertRow, m: MergedEvent): string {
  return createHash('sha256').update(`${alert.id}\n${alert.name}\n${[...m.mentions].sort().join('\n')}`).digest('hex').slice(0, 20);
}

async function hitsOf(store: Store, alert: AlertRow, batch: { id: string; seq: number }[], now: string): Promise<NewHit[]> {
  const fresh = batch.filter((a) => a.seq > alert.baseline_seq).map((a) => a.id);
  if (fresh.length === 0) return [];
  const { contested, ...filter } = alert.filter;
  const candidates = (await store.alerts.mentionsIn(fresh, filter)).filter((e) => !e.hypothetical);
  if (candidates.length === 0) return [];
  const merged = await mergedAround(store, candidates);
  const covered = await store.alerts.covered(alert.id, merged.flatMap((m) => m.mentions));
  // New = stored after the alert and not looked at by an earlier scan (possibly stored after this batch was read).
  const unscanned = await store.alerts.unscannedAmong(merged.flatMap((m) => m.claims.map((c) => c.article)));
  const isNew = (article: string): boolean => (unscanned.get(article) ?? -1) > alert.baseline_seq;
  const hits: NewHit[] = [];
  for (const m of merged) {
    if (m.mentions.some((id) => covered.has(id))) continue; // this event was reported already
    if (contested) {
      const before = m.claims.filter((c) => !isNew(c.article));
      const wasContested = before.some((c) => c.negated) && before.some((c) => !c.negated);
      if (!m.contested || wasContested) continue;
    } else if (!m.claims.every((c) => isNew(c.article))) {
      continue; // an event known before, reported again
    }
    const id = hitId(alert, m);
    const payload: HitPayload = { alert: alert.name, hit: id, found_at: now, event: m, articles: await articlesOf(store, m) };
    hits.push({ id, alert_id: alert.id, payload, mentions: m.mentions, webhook: alert.webhook !== null });
  }
  return hits;
}

async function articlesOf(store: Store, m: MergedEvent): Promise<HitPayload['articles']> {
  const ids = [...new Set(m.claims.map((c) => c.article))];
  const rows = await Promise.all(ids.map((id) => store.getArticle(id)));
  return rows.flatMap((a) => (a ? [{ id: a.id, title: a.title, url: a.url, published: a.published, duplicate_of: a.duplicate_of }] : []));
}

/** Looks at every article stored since the last scan; records and returns the number of new hits. */
export async function scanAlerts(store: Store): Promise<number> {
  let recorded = 0;
  for (;;) {
    const batch = await store.alerts.unscanned(SCAN_BATCH);
    if (batch.length === 0) return recorded;
    const now = new Date().toISOString();
    const alerts = await store.alerts.list();
    const hits: NewHit[] = [];
    for (const alert of alerts) hits.push(...(await hitsOf(store, alert, batch, now)));
    recorded += await store.alerts.commitScan(batch.map((a) => a.id), hits, now);
  }
}

export interface DeliveryOptions extends Omit<WebhookOptions, 'attempts'> {
  /** Writes one hit (a JSON line); must have written it when it returns. */
  print(payload: HitPayload): void | Promise<void>;
  onWebhookError?(hit: HitRow, error: string, givenUp: boolean): void;
  /** Attempts within one delivery. */
  webhookAttempts: number;
  /** Deliveries (rounds) before a webhook that keeps failing is given up. */
  webhookMaxRounds: number;
}

/** Prints every hit not printed yet and POSTs the webhooks that are due. */
export async function deliverHits(store: Store, opts: DeliveryOptions): Promise<{ printed: number; sent: number; failed: number }> {
  const counts = { printed: 0, sent: 0, failed: 0 };
  for (const hit of await store.alerts.unprinted()) {
    await opts.print(hit.payload);
    // Marked one by one: a crash repeats at most the line just written.
    await store.alerts.markPrinted([hit.id], new Date().toISOString());
    counts.printed++;
  }
  for (const hit of await store.alerts.webhooksDue(new Date().toISOString())) {
    try {
      await postJson(hit.webhook!, hit.id, hit.payload, { ...opts, attempts: opts.webhookAttempts });
      await store.alerts.webhookResult(hit.id, { ok: true }, new Date().toISOString());
      counts.sent++;
    } catch (err) {
      if (err instanceof FetchAborted) throw err;
      const error = errorMessage(err);
      // Later rounds try again, further apart each time (1, 2, 4 ... minutes, at most an hour).
      const wait = Math.min(60, 2 ** hit.webhook_attempts) * 60_000;
      const givenUp = hit.webhook_attempts + 1 >= opts.webhookMaxRounds;
      await store.alerts.webhookResult(
        hit.id,
        { ok: false, error, nextAt: new Date(Date.now() + wait).toISOString(), maxAttempts: opts.webhookMaxRounds },
        new Date().toISOString(),
      );
      counts.failed++;
      opts.onWebhookError?.(hit, error, givenUp);
    }
  }
  return counts;
}
