// The scoring used by eval/wcxb.ts: the WCXB authors' per-page word-bag F1, halves, date accuracy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { halfOf, run, scoreWcxbDates, scoreWcxbText, wcxbPageScore, type WcxbPage } from '../../eval/wcxb.js';

const page = (id: string, text: string, published: string | null): WcxbPage => ({ id, url: `https://example.org/${id}`, html: '', text, published });

describe('WCXB evaluation scoring', () => {
  it('scores lower-cased word bags with multiplicity', () => {
    const s = wcxbPageScore('The talks, the END', 'the talks ended the end');
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(4 / 5);
    expect(wcxbPageScore('menu menu talks', 'talks').precision).toBeCloseTo(1 / 3);
  });

  it('gives 1 when output and gold are both empty and 0 when only one is', () => {
    expect(wcxbPageScore('', '').f1).toBe(1);
    expect(wcxbPageScore('', 'gold text').f1).toBe(0);
    expect(wcxbPageScore('output', '').f1).toBe(0);
  });

  it('splits pages into two stable halves by URL', () => {
    const urls = Array.from({ length: 200 }, (_, i) => `https://example.org/${i}`);
    const tuning = urls.filter((u) => halfOf(u) === 'tuning').length;
    expect(tuning).toBeGreaterThan(60);
    expect(tuning).toBeLessThan(140);
    expect(urls.map(halfOf)).toEqual(urls.map(halfOf));
  });

  it('macro-averages text F1 over pages and reports each half', () => {
    const pages = [page('a', 'one two', null), page('b', 'three four', null)];
    const [all, tuning, checking] = scoreWcxbText(pages, 'x', (p) => (p.id === 'a' ? p.text : ''));
    expect(all.f1).toBeCloseTo(0.5);
    expect(tuning.n + checking.n).toBe(2);
  });

  it('counts date accuracy over dated pages only, and answers one day off', () => {
    const pages = [page('a', '', '2025-03-01'), page('b', '', '2025-03-02'), page('c', '', null)];
    const [all] = scoreWcxbDates(pages, (p) => (p.id === 'a' ? '2025-03-01' : '2025-03-03'));
    expect(all.n).toBe(2);
    expect(all.extra?.accuracy).toBeCloseTo(0.5);
    expect(all.extra?.off_by_one).toBe(1);
  });

  it('says which folder is missing instead of failing when the data set is not there', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = mkdtempSync(join(tmpdir(), 'wcxb-'));
    try {
      expect(await run(dir)).toEqual([]);
      expect(String(write.mock.calls[0]?.[0])).toContain(join(dir, 'cleaning', 'wcxb_dev_articles'));
      expect(String(write.mock.calls[0]?.[0])).toMatch(/is missing/);
    } finally {
      write.mockRestore();
    }
  });
});
