// Faults with the embedded store: `demarche ingest` killed with SIGKILL mid-run leaves no
// half-written article (each article + events + search entry is one transaction), and running the
// same ingest again completes the set with every article exactly once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelineEventCounts, ROOT, spawnTs, syntheticDocs, toJsonl, waitFor } from './faults-helpers.js';

const CLI = join(ROOT, 'src', 'cli', 'main.ts');
const N = 400;

describe('faults: SQLite ingest killed mid-run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarche-faults-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SIGKILL leaves only whole articles; a rerun stores the rest exactly once', async () => {
    const docs = syntheticDocs(N);
    const byId = new Map(docs.map((d) => [d.id, d]));
    const input = join(dir, 'docs.jsonl');
    const dbFile = join(dir, 'kill.db');
    writeFileSync(input, toJsonl(docs));

    const stored = (): number => {
      try {
        const db = new Database(dbFile, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
        } finally {
          db.close();
        }
      } catch {
        return 0; // not created yet
      }
    };
    const first = spawnTs(CLI, ['ingest', input, '--db', dbFile, '--quiet']);
    await waitFor('the first articles', () => stored() >= 30, 60_000, 20);
    first.proc.kill('SIGKILL');
    await first.exited;
    const expected = await pipelineEventCounts(N);

    const db = new Database(dbFile);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = (db.prepare('SELECT id FROM articles').all() as { id: string }[]).map((r) => r.id);
      expect(ids.length).toBeGreaterThanOrEqual(30);
      expect(ids.length).toBeLessThan(N); // really killed mid-run
      // Every stored article has all of its events, and a search entry (FTS consistent).
      const eventCounts = new Map(
        (db.prepare('SELECT article, count(*) AS n FROM events GROUP BY article').all() as { article: string; n: number }[]).map((r) => [r.article, r.n]),
      );
      for (const id of ids) {
        const raw = byId.get(id);
        expect(raw, `unexpected article ${id}`).toBeDefined();
        expect(eventCounts.get(id) ?? 0, `events of ${id}`).toBe(expected.get(id));
      }
      expect(() => db.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").run()).not.toThrow();
    } finally {
      db.close();
    }

    const second = spawnTs(CLI, ['ingest', input, '--db', dbFile, '--quiet']);
    expect(await second.exited, second.stderr.join('\n')).toBe(0);
    const after = new Database(dbFile, { readonly: true });
    try {
      const ids = (after.prepare('SELECT id FROM articles').all() as { id: string }[]).map((r) => r.id).sort();
      expect(ids).toEqual([...byId.keys()].sort());
      const events = (after.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      expect(events).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    } finally {
      after.close();
    }
  });
});
