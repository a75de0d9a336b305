import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { loadBrief } from '../../src/app/brief.js';
import { monthlyGoldstein, renderBrief, sparkline, type BriefData } from '../../src/report/brief.js';
import { register } from '../../src/cli/commands/brief.js';
import { seededStore, type Seeded } from '../fixtures/store/seeded.js';

let s: Seeded;
let data: BriefData;
beforeAll(async () => {
  s = await seededStore();
  data = await loadBrief(s.store, { dyad: ['RUS', 'USA'], since: '2014-01-01', until: '2017-12-31' }, '2026-11-24');
});
afterAll(async () => s.cleanup());

describe('brief', () => {
  it('collects the dyad events of the period, merged, with their sources', () => {
    expect(data.events.map((m) => `${m.date} ${m.type}`)).toEqual([
      '2014-10-14 CONSULT', '2014-10-14 AGREE', '2014-10-25 ACCUSE', '2017-10-09 CONSULT', '2017-10-09 REQUEST',
    ]);
    expect(data.sources.size).toBe(4);
    const consult = data.events[0];
    expect([consult.mention_count, consult.source_count]).toEqual([2, 1]);
  });

  it('respects the period', async () => {
    const only2017 = await loadBrief(s.store, { dyad: ['USA', 'RUS'], since: '2017' }, '2026-11-24');
    expect(only2017.events.map((m) => m.type)).toEqual(['CONSULT', 'REQUEST']);
  });

  it('sums Goldstein per month over undisputed events, filling empty months', () => {
    const points = monthlyGoldstein(data.events);
    expect(points[0]).toEqual({ month: '2014-10', events: 2, sum: -1, mean: -0.5 }); // CONSULT +1, ACCUSE -2; contested AGREE left out
    expect(points[1]).toEqual({ month: '2014-11', events: 0, sum: 0, mean: 0 });
    expect(points.at(-1)).toEqual({ month: '2017-10', events: 2, sum: 4, mean: 2 });
    expect(points).toHaveLength(37);
    expect(sparkline([-1, 0, 4])).toBe('▁▂█');
  });

  it('renders Markdown: header, chronology, citations, contradiction', () => {
    const md = renderBrief(data, 'md');
    expect(md).toContain('# Brief: RUS – USA');
    expect(md).toContain('Period: 2014-01-01 to 2017-12-31 · Generated 2026-11-24 · 5 events (1 contested) from 4 articles');
    expect(md).toContain('CONTESTED: John Kerry says it happened; Sergey Lavrov denies it');
    expect(md).toMatch(/John Kerry says: “They agreed to "intensify" intelligence cooperation, officials said\.” — \*Kerry & Lavrov \\<meet\\> in Paris\*/);
    expect(md).toContain('Sergey Lavrov denies: “Lavrov said there was no agreement.” — *Russia denies deal* (fixtures/l1.txt, 2014-10-25)');
    expect(md).toContain('| 2017-10 | 2 | 4 | 2 |');
    // the syndicated copy of k1 is folded into its original, not cited twice
    expect(md).toContain('Reported: “Kerry met Lavrov in Paris on Tuesday.” — *Kerry & Lavrov \\<meet\\> in Paris* (https://example.org/k1, 2014-10-14) (+1 syndicated copy)');
    expect(md).not.toContain('*Syndicated copy*');
    expect(md.indexOf('2014-10-25')).toBeLessThan(md.indexOf('**2017-10-09**'));
    expect(md).not.toContain('<script>');
  });

  it('renders HTML with everything from articles escaped and an SVG line', () => {
    const html = renderBrief(data, 'html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Kerry &amp; Lavrov &lt;meet&gt; in Paris');
    expect(html).toMatch(/<svg[^>]*>.*<polyline[^>]*points="[\d., ]+"/s);
    expect(html).toContain('<a href="https://example.org/k1">');
    expect(html).toContain('John Kerry says it happened; Sergey Lavrov denies it');
  });

  it('says so when there is nothing to report', async () => {
    const empty = await loadBrief(s.store, { dyad: ['CHN', 'USA'] }, '2026-11-24');
    expect(renderBrief(empty, 'md')).toContain('No events found for this dyad and period.');
    expect(renderBrief(empty, 'html')).toContain('No events found');
  });

  it('runs as `demarche brief` and writes --out', async () => {
    const out = join(s.dir, 'brief.html');
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'demarche', 'brief', '--db', s.file, '--dyad', 'RUS,USA', '--format', 'html', '--out', out]);
    expect(readFileSync(out, 'utf8')).toContain('<h1>Brief: RUS – USA</h1>');
    const p1 = new Command().exitOverride();
    register(p1);
    await expect(p1.parseAsync(['node', 'demarche', 'brief', '--db', join(s.dir, 'missing.db'), '--dyad', 'RUS,USA'])).rejects.toThrow(
      /no database at/,
    );
    const p2 = new Command().exitOverride();
    register(p2);
    await expect(p2.parseAsync(['node', 'demarche', 'brief', '--db', s.file, '--dyad', 'RUS'])).rejects.toThrow(/two actors/);
  });
});
