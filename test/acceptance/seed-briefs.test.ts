// The five sample articles through the real pipeline, into a real store, out as brief and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processDocument } from '../../src/pipeline.js';
import { openStore, type Store } from '../../src/store/index.js';
import { loadBrief } from '../../src/app/brief.js';
import { listContested } from '../../src/app/events.js';
import { writeExport } from '../../src/app/export.js';
import { renderBrief } from '../../src/report/brief.js';
import { EXPORT_COLUMNS } from '../../src/report/export.js';
import { ROOT } from '../fixtures/paths.js';

const SEEDS = join(ROOT, 'examples', 'seeds');
let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demarche-seeds-'));
  store = await openStore(join(dir, 'seeds.db'));
  for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) {
    const { article, events } = processDocument({
      id: f.slice(4, 20), source: `examples/seeds/${f}`, url: null, format: 'text',
      content: readFileSync(join(SEEDS, f), 'utf8'), published: null, title: null,
    });
    expect(await store.saveArticle(article, events)).toBe(true);
  }
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seeds: brief and export', () => {
  it('finds the Kerry/Lavrov contradiction of seed 003 as one contested AGREE event', async () => {
    const contested = await listContested(store, { dyad: ['USA', 'RUS'], type: 'AGREE' });
    const paris = contested.find((m) => m.date === '2014-10-14');
    expect(paris).toBeDefined();
    expect(paris!.claims.some((c) => !c.negated && c.claimed_by === 'John Kerry')).toBe(true);
    expect(paris!.claims.some((c) => c.negated && c.claimed_by === 'Sergey Lavrov')).toBe(true);
  });

  it('writes a chronological RUS-USA brief citing the sources', async () => {
    const data = await loadBrief(store, { dyad: ['RUS', 'USA'], since: '2014-01-01', until: '2017-12-31' });
    const dates = data.events.map((m) => m.date!);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0] >= '2014-01-01' && dates.at(-1)! <= '2017-12-31').toBe(true);
    const md = renderBrief(data, 'md');
    expect(md).toMatch(/CONTESTED: John Kerry says it happened; (.+ and )?Sergey Lavrov den(y|ies) it/);
    expect(md).toContain('Press release on Foreign Minister Sergey Lavrov’s telephone conversation with US Secretary of State Rex Tillerson');
    // Seed 000 has no title: it is cited by its path once, not as "*path* (path, date)".
    expect(md).toMatch(/— [^*\n]*000\\_1443bbc182fad092\.txt, 2015-09-06/);
    expect(md).not.toMatch(/\*([^*\n]+\.txt)\* \(\1/);
    const html = renderBrief(data, 'html');
    expect(html).toContain('<polyline');
    expect(html).not.toMatch(/<(?!\/?(html|head|meta|title|style|body|h1|h2|p|svg|g|text|line|polyline|circle|ol|ul|li|time|b|strong|q|cite|a)\b)[a-z]/i);
  });

  it('exports every stored mention with evidence matching the article text', async () => {
    let out = '';
    const n = await writeExport(store, {}, 'jsonl', (c) => {
      out += c;
    });
    const rows = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength((await store.counts()).events);
    expect(n).toBe(rows.length);
    for (const r of rows.slice(0, 20)) {
      expect(Object.keys(r)).toEqual([...EXPORT_COLUMNS]);
      const article = (await store.getArticle(r.ArticleID))!;
      expect(article.text.slice(r.EvidenceStart, r.EvidenceEnd)).toBe(r.EvidenceText);
    }
  });
});
