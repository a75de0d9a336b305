// Feed state, pages, rounds and the watch lease, in SQL both backends run (./sql.ts).
import type { SqlRunner } from './sql.js';
import type { FeedState, LockHolder, PageRow, PageState, RoundRow, WatchRepo } from './watch-types.js';

const LOCK = 'watch';

const FEED_COLUMNS = `f.url, f.title, f.etag, f.last_modified, f.checked_at, f.changed_at, f.status, f.failures, f.error, f.retry_at, f.body_hash,
  (SELECT count(*) FROM watch_pages p WHERE p.feed = f.url) AS pages`;

function toFeed(r: FeedState): FeedState {
  return { ...r, failures: Number(r.failures), pages: Number(r.pages) };
}

function toPage(r: PageRow): PageRow {
  return { ...r, attempts: Number(r.attempts) };
}

export function watchRepo(sql: SqlRunner): WatchRepo {
  return {
    async feed(url) {
      const rows = await sql.all<FeedState>(`SELECT ${FEED_COLUMNS} FROM watch_feeds f WHERE f.url = ?`, [url]);
      return rows[0] ? toFeed(rows[0]) : null;
    },

    async feeds() {
      return (await sql.all<FeedState>(`SELECT ${FEED_COLUMNS} FROM watch_feeds f ORDER BY f.url`)).map(toFeed);
    },

    async recordFeed(url, update, pages, now) {
      const changed = await sql.batch([
        ...pages.map((p) => ({
          // A page another feed listed first stays that feed's: one page, one fetch.
          sql: `INSERT INTO watch_pages (url, feed, title, published, content, state, seen_at)
                VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING`,
          params: [p.url, p.feed, p.title, p.published, p.content, now],
        })),
        {
          sql: `INSERT INTO watch_feeds (url, title, etag, last_modified, body_hash, checked_at, changed_at, status, failures, error, retry_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', 0, NULL, NULL)
                ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
                  body_hash = excluded.body_hash, checked_at = excluded.checked_at, changed_at = excluded.changed_at, status = 'ok',
                  failures = 0, error = NULL, retry_at = NULL`,
          params: [url, update.title, update.etag, update.last_modified, update.body_hash, now, now],
        },
      ]);
      return changed.slice(0, pages.length).reduce((a, b) => a + b, 0);
    },

    async feedNotModified(url, now) {
      await sql.run(
        `INSERT INTO watch_feeds (url, checked_at, status, failures) VALUES (?, ?, 'not-modified', 0)
         ON CONFLICT (url) DO UPDATE SET checked_at = excluded.checked_at, status = 'not-modified', failures = 0, error = NULL, retry_at = NULL`,
        [url, now],
      );
    },

    async feedFailed(url, error, now, retryAt) {
      await sql.run(
        `INSERT INTO watch_feeds (url, checked_at, status, failures, error, retry_at) VALUES (?, ?, 'error', 1, ?, ?)
         ON CONFLICT (url) DO UPDATE SET checked_at = excluded.checked_at, status = 'error', failures = watch_feeds.failures + 1,
           error = excluded.error, retry_at = excluded.retry_at`,
        [url, now, error, retryAt],
      );
    },

    async duePages(now, limit) {
      const rows = await sql.all<PageRow>(
        `SELECT url, feed, title, published, content, state, article, attempts, error FROM watch_pages
          WHERE state = 'pending' AND (next_at IS NULL OR next_at <= ?) ORDER BY seen_at, url LIMIT ?`,
        [now, limit],
      );
      return rows.map(toPage);
    },

    async pageDone(url, outcome, now) {
      await sql.run(
        `UPDATE watch_pages SET state = ?, article = ?, error = ?, done_at = ?, attempts = attempts + 1, next_at = NULL,
           content = CASE WHEN ? = 'failed' THEN content ELSE NULL END
         WHERE url = ?`,
        [outcome.state, outcome.article, outcome.error, now, outcome.state, url],
      );
    },

    async pageRetry(url, error, nextAt, maxAttempts) {
      const rows = await sql.all<{ state: PageState }>(
        `UPDATE watch_pages SET attempts = attempts + 1, error = ?, next_at = ?,
           state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE state END
         WHERE url = ? RETURNING state`,
        [error, nextAt, maxAttempts, url],
      );
      return rows[0]?.state ?? 'failed';
    },

    async pageCounts() {
      const rows = await sql.all<{ state: PageState; n: number | string }>('SELECT state, count(*) AS n FROM watch_pages GROUP BY state');
      const counts: Record<PageState, number> = { pending: 0, stored: 0, queued: 0, failed: 0 };
      for (const r of rows) counts[r.state] = Number(r.n);
      return counts;
    },

    async startRound(now) {
      const rows = await sql.all<{ id: number | string }>('INSERT INTO watch_rounds (started_at) VALUES (?) RETURNING id', [now]);
      return Number(rows[0]!.id);
    },

    async finishRound(id, summary, now) {
      await sql.run('UPDATE watch_rounds SET finished_at = ?, summary = ? WHERE id = ?', [now, JSON.stringify(summary), id]);
    },

    async rounds(limit) {
      const rows = await sql.all<{ id: number | string; started_at: string; finished_at: string | null; summary: string | null }>(
        'SELECT id, started_at, finished_at, summary FROM watch_rounds ORDER BY id DESC LIMIT ?',
        [limit],
      );
      return rows.map((r): RoundRow => ({ ...r, id: Number(r.id), summary: r.summary ? (JSON.parse(r.summary) as Record<string, unknown>) : null }));
    },

    async eventsStoredSince(since, limit) {
      // stored_at is ISO text in SQLite and timestamptz in PostgreSQL: compare in each one's terms.
      const after = sql.dialect === 'postgres' ? 'a.stored_at > CAST(? AS timestamptz)' : 'a.stored_at > ?';
      const rows = await sql.all<{ id: string }>(
        `SELECT e.id FROM events e JOIN articles a ON a.id = e.article WHERE ${after} ORDER BY a.seq DESC, e.id LIMIT ?`,
        [since, limit],
      );
      return rows.map((r) => r.id);
    },

    async lock(me, takeover) {
      const taken = await sql.run(
        `INSERT INTO watch_lock (name, holder, host, pid, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, host = excluded.host, pid = excluded.pid, expires_at = excluded.expires_at
         WHERE watch_lock.holder = excluded.holder OR watch_lock.expires_at < ? OR watch_lock.holder = ?`,
        [LOCK, me.holder, me.host, me.pid, me.expires_at, new Date().toISOString(), takeover ?? ''],
      );
      if (taken > 0) return null;
      const rows = await sql.all<LockHolder>('SELECT holder, host, pid, expires_at FROM watch_lock WHERE name = ?', [LOCK]);
      return rows[0] ? { ...rows[0], pid: Number(rows[0].pid) } : null;
    },

    async unlock(holder) {
      await sql.run('DELETE FROM watch_lock WHERE name = ? AND holder = ?', [LOCK, holder]);
    },
  };
}
