// Saved alerts and their hits, in SQL both backends run (./sql.ts). The alert queue is filled by a
// trigger in each article's own transaction (schema-*.ts); a scan empties it in the transaction
// that records the hits, so every article is looked at exactly once.
import type { Event } from '../model.js';
import { eventWhere, rowToEvent, sqlitePlaceholder } from './shared.js';
import { chunks, placeholders, type SqlRunner, type Statement } from './sql.js';
import type { MentionFilter } from './types.js';
import type { AlertFilter, AlertRepo, AlertRow, HitPayload, HitRow } from './watch-types.js';

interface AlertDbRow {
  id: number | string;
  name: string;
  filter: string;
  webhook: string | null;
  created_at: string;
  baseline_seq: number | string;
  hits: number | string;
  last_hit_at: string | null;
}

interface HitDbRow {
  id: string;
  alert: string;
  webhook: string | null;
  payload: string;
  printed_at: string | null;
  webhook_state: HitRow['webhook_state'];
  webhook_attempts: number | string;
  webhook_error: string | null;
}

const ALERT_SELECT = `SELECT a.id, a.name, a.filter, a.webhook, a.created_at, a.baseline_seq,
  (SELECT count(*) FROM alert_hits h WHERE h.alert = a.id) AS hits,
  (SELECT max(found_at) FROM alert_hits h WHERE h.alert = a.id) AS last_hit_at
  FROM alerts a`;

const HIT_SELECT = `SELECT h.id, a.name AS alert, a.webhook, h.payload, h.printed_at, h.webhook_state, h.webhook_attempts, h.webhook_error
  FROM alert_hits h JOIN alerts a ON a.id = h.alert`;

function toAlert(r: AlertDbRow): AlertRow {
  return {
    id: Number(r.id), name: r.name, filter: JSON.parse(r.filter) as AlertFilter, webhook: r.webhook, created_at: r.created_at,
    baseline_seq: Number(r.baseline_seq), hits: Number(r.hits), last_hit_at: r.last_hit_at,
  };
}

function toHit(r: HitDbRow): HitRow {
  return {
    id: r.id, alert: r.alert, webhook: r.webhook, payload: JSON.parse(r.payload) as HitPayload, printed: r.printed_at !== null,
    webhook_state: r.webhook_state, webhook_attempts: Number(r.webhook_attempts), webhook_error: r.webhook_error,
  };
}

export function alertRepo(sql: SqlRunner): AlertRepo {
  const get = async (name: string): Promise<AlertRow | null> => {
    const rows = await sql.all<AlertDbRow>(`${ALERT_SELECT} WHERE a.name = ?`, [name]);
    return rows[0] ? toAlert(rows[0]) : null;
  };
  return {
    get,

    async add(name, filter, webhook, now) {
      // Articles already stored are not news to a new alert: its baseline is the newest one now.
      const changed = await sql.run(
        `INSERT INTO alerts (name, filter, webhook, created_at, baseline_seq)
         SELECT ?, ?, ?, ?, coalesce((SELECT max(seq) FROM articles), 0) WHERE true ON CONFLICT (name) DO NOTHING`,
        [name, JSON.stringify(filter), webhook, now],
      );
      if (changed === 0) throw new Error(`an alert named "${name}" exists already (remove it first, or choose another name)`);
      return (await get(name))!;
    },

    async list() {
      return (await sql.all<AlertDbRow>(`${ALERT_SELECT} ORDER BY a.name`)).map(toAlert);
    },

    async remove(name) {
      const [, removed] = await sql.batch([
        // Hits and their mentions go with the alert (ON DELETE CASCADE); with no alert left, nothing is queued.
        { sql: 'DELETE FROM alert_hit_mentions WHERE alert IN (SELECT id FROM alerts WHERE name = ?)', params: [name] },
        { sql: 'DELETE FROM alerts WHERE name = ?', params: [name] },
        { sql: 'DELETE FROM alert_queue WHERE NOT EXISTS (SELECT 1 FROM alerts)' },
      ]);
      return removed! > 0;
    },

    async unscanned(limit) {
      const rows = await sql.all<{ article: string; seq: number | string }>('SELECT article, seq FROM alert_queue ORDER BY seq LIMIT ?', [limit]);
      return rows.map((r) => ({ id: r.article, seq: Number(r.seq) }));
    },

    async unscannedAmong(ids) {
      const found = new Map<string, number>();
      for (const part of chunks([...new Set(ids)])) {
        const rows = await sql.all<{ article: string; seq: number | string }>(
          `SELECT article, seq FROM alert_queue WHERE article IN ${placeholders(part.length)}`,
          part,
        );
        for (const r of rows) found.set(r.article, Number(r.seq));
      }
      return found;
    },

    async mentionsIn(articleIds, filter: MentionFilter) {
      const out: Event[] = [];
      const { limit: _l, offset: _o, ...unpaged } = filter;
      for (const part of chunks(articleIds)) {
        const where = eventWhere(unpaged, sqlitePlaceholder, 1, sql.dialect);
        const rows = await sql.all<{ data: string }>(
          `SELECT data FROM events${where.sql}${where.sql ? ' AND' : ' WHERE'} article IN ${placeholders(part.length)} ORDER BY id`,
          [...where.params, ...part],
        );
        out.push(...rows.map(rowToEvent));
      }
      return out;
    },

    async covered(alertId, mentionIds) {
      const found = new Set<string>();
      for (const part of chunks(mentionIds)) {
        const rows = await sql.all<{ mention: string }>(
          `SELECT mention FROM alert_hit_mentions WHERE alert = ? AND mention IN ${placeholders(part.length)}`,
          [alertId, ...part],
        );
        for (const r of rows) found.add(r.mention);
      }
      return found;
    },

    async commitScan(scanned, hits, now) {
      const statements: Statement[] = [];
      for (const hit of hits) {
        statements.push({
          sql: `INSERT INTO alert_hits (id, alert, found_at, payload, webhook_state) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          params: [hit.id, hit.alert_id, now, JSON.stringify(hit.payload), hit.webhook ? 'pending' : 'none'],
        });
        for (const mention of hit.mentions) {
          statements.push({
            sql: 'INSERT INTO alert_hit_mentions (alert, mention, hit) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
            params: [hit.alert_id, mention, hit.id],
          });
        }
      }
      for (const part of chunks(scanned)) statements.push({ sql: `DELETE FROM alert_queue WHERE article IN ${placeholders(part.length)}`, params: part });
      if (statements.length === 0) return 0;
      const changed = await sql.batch(statements);
      return hits.length ? changed.filter((_, i) => statements[i]!.sql.startsWith('INSERT INTO alert_hits ')).reduce((a, b) => a + b, 0) : 0;
    },

    async unprinted() {
      return (await sql.all<HitDbRow>(`${HIT_SELECT} WHERE h.printed_at IS NULL ORDER BY h.found_at, h.id`)).map(toHit);
    },

    async markPrinted(ids, now) {
      for (const part of chunks(ids)) await sql.run(`UPDATE alert_hits SET printed_at = ? WHERE id IN ${placeholders(part.length)}`, [now, ...part]);
    },

    async webhooksDue(now) {
      const rows = await sql.all<HitDbRow>(
        `${HIT_SELECT} WHERE h.webhook_state = 'pending' AND (h.webhook_next_at IS NULL OR h.webhook_next_at <= ?) ORDER BY h.found_at, h.id`,
        [now],
      );
      return rows.map(toHit);
    },

    async webhookResult(id, result) {
      if (result.ok) {
        await sql.run(`UPDATE alert_hits SET webhook_state = 'sent', webhook_attempts = webhook_attempts + 1, webhook_error = NULL WHERE id = ?`, [id]);
        return;
      }
      await sql.run(
        `UPDATE alert_hits SET webhook_attempts = webhook_attempts + 1, webhook_error = ?, webhook_next_at = ?,
           webhook_state = CASE WHEN webhook_attempts + 1 >= ? THEN 'failed' ELSE 'pending' END
         WHERE id = ?`,
        [result.error, result.nextAt, result.maxAttempts, id],
      );
    },

    async hits({ alert, limit, offset }) {
      const where = alert === undefined ? '' : ' WHERE a.name = ?';
      const rows = await sql.all<HitDbRow>(`${HIT_SELECT}${where} ORDER BY h.found_at DESC, h.id DESC LIMIT ? OFFSET ?`, [
        ...(alert === undefined ? [] : [alert]),
        limit,
        offset,
      ]);
      return rows.map(toHit);
    },
  };
}
