// The analyst's workbench in a real browser (Debian chromium via playwright-core) over a store of
// 309 real articles built in the test from a repository fixture (test/fixtures/workbench: the
// Guardian and BBC articles the event corpus quotes) through the real pipeline: the overview, a
// facet, the map, the network, a download, the brief and a denied event.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestItems } from '../../src/app/ingest.js';
import { documentFromRecord } from '../../src/ingest/record.js';
import type { Event } from '../../src/model.js';
import { buildServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { corpusArticles } from '../fixtures/workbench/corpus-articles.js';
import { ROOT } from '../fixtures/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'docs', 'screenshots');

if (!existsSync(CHROMIUM)) console.warn(`workbench-ui.test: skipped, no browser at ${CHROMIUM} (apt-get install chromium)`);

/** RFC 4180 rows (quoted fields with commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field.replace(/\r$/, '')), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

describe.skipIf(!existsSync(CHROMIUM))('the workbench in chromium', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];
  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${base}/api/${path}`)).json()) as T;

  /** docs/screenshots/NAME.png, refreshed on request (UPDATE_SCREENSHOT=1) or when missing. */
  async function shot(name: string): Promise<void> {
    const target = join(SHOTS, `${name}.png`);
    if (!process.env.UPDATE_SCREENSHOT && existsSync(target)) return;
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: target, fullPage: true });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demarche-workbench-'));
    const webRoot = join(dir, 'web');
    await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir: webRoot, emptyOutDir: true } });
    store = await openStore(join(dir, 'workbench.db'));
    const records = corpusArticles();
    const summary = await ingestItems(store, records.map((r, i) => documentFromRecord(r, `corpus.jsonl:${i + 1}`)));
    expect(summary.stored).toBeGreaterThanOrEqual(200);
    app = await buildServer(store, { webRoot });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    // Nothing but this server is asked for anything: no tiles, fonts or scripts from elsewhere.
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) pageErrors.push(`request outside the server: ${r.url()}`);
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens on the overview with the busiest pair first', async () => {
    await page.goto(`${base}/`);
    await page.locator('#dyads tbody tr').first().waitFor({ timeout: 20_000 });
    const counts = await page.locator('#dyads tbody tr td.num').allTextContents();
    const numbers = counts.map(Number);
    expect(numbers.length).toBeGreaterThan(1);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    // The first row is the pair with the most events among all stored mentions.
    const { events } = await api<{ items: Event[] }>('events?limit=1');
    void events;
    const all = await api<{ dyads: { a: string; b: string; count: number }[] }>('overview');
    expect(await page.locator('#dyads tbody tr').first().getAttribute('data-dyad')).toBe(`${all.dyads[0]!.a},${all.dyads[0]!.b}`);
    await page.locator('#event-table[data-state=ready]').waitFor();
    await shot('overview');
  });

  it('narrows the event table with a facet click, and the page downloads as a CSV of exactly its rows', async () => {
    await page.goto(`${base}/#/`);
    const facet = page.locator('.facet[data-facet=type] .facet-value').nth(1);
    await facet.waitFor({ timeout: 20_000 });
    const type = (await facet.getAttribute('data-value'))!;
    await facet.click();
    await page.waitForFunction((t) => location.hash.includes(`type=${t}`), type);
    await page.waitForFunction((t) => {
      const table = document.querySelector('#event-table[data-state=ready]');
      const types = [...(table?.querySelectorAll('a.type') ?? [])].map((a) => (a.textContent ?? '').replace(/^NOT /, '').replace(/\?$/, ''));
      return types.length > 0 && types.every((x) => x === t);
    }, type, { timeout: 20_000 });
    const shown = await page.locator('#event-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')));
    const total = Number(await page.locator('#event-table').getAttribute('data-total'));
    expect(total).toBeLessThan((await api<{ totals: { events: number } }>('overview')).totals.events);

    const href = (await page.locator('#event-table a.download[data-format=csv]').first().getAttribute('href'))!;
    const csv = await (await fetch(base + href)).text();
    const [header, ...rows] = parseCsv(csv);
    const id = header!.indexOf('GlobalEventID');
    expect(rows.map((r) => r[id])).toEqual(shown);
    expect(rows.every((r) => r[header!.indexOf('PloverType')] === type)).toBe(true);
    // "all" downloads every matching row.
    const allHref = (await page.locator('#event-table a.download[data-format=csv]').nth(1).getAttribute('href'))!;
    expect(parseCsv(await (await fetch(base + allHref)).text()).length - 1).toBe(total);
  });

  it('shows places on the map, and a click lists the events there', async () => {
    await page.goto(`${base}/#/map`);
    const points = page.locator('#world-map circle.map-point');
    await points.first().waitFor({ timeout: 20_000 });
    expect(await points.count()).toBeGreaterThan(3);
    expect(await page.locator('#world-map path.land').count()).toBeGreaterThan(100);
    await shot('map');
    const count = Number(await points.last().getAttribute('data-count'));
    await points.last().dispatchEvent('click');
    const rows = page.locator('#place-events tbody tr');
    await rows.first().waitFor({ timeout: 10_000 });
    expect(await rows.count()).toBe(Math.min(count, 100));
  });

  it('draws the actor network, and a node click lists its events', async () => {
    await page.goto(`${base}/#/network`);
    const nodes = page.locator('#network g.node');
    await nodes.first().waitFor({ timeout: 20_000 });
    expect(await nodes.count()).toBeGreaterThan(5);
    expect(await page.locator('#network line.edge').count()).toBeGreaterThan(0);
    await shot('network');
    const id = (await nodes.first().getAttribute('data-node'))!;
    await nodes.first().dispatchEvent('click');
    await page.waitForFunction(() => document.querySelectorAll('#event-table tbody tr').length > 0, null, { timeout: 10_000 });
    const whos = await page.locator('#event-table td.who:first-of-type').allTextContents();
    expect(whos.every((w) => w.includes(id))).toBe(true);
  });

  it('renders the brief of the busiest pair with axes and month labels', async () => {
    const { dyads } = await api<{ dyads: { a: string; b: string }[] }>('overview');
    await page.goto(`${base}/#/brief?dyad=${dyads[0]!.a},${dyads[0]!.b}`);
    await page.locator('#brief .brief-chart').waitFor({ timeout: 20_000 });
    expect(await page.locator('#brief .brief-chart .y-axis .tick').count()).toBeGreaterThanOrEqual(2);
    const months = await page.locator('#brief .brief-chart .x-axis text.month').allTextContents();
    expect(months.length).toBeGreaterThan(0);
    expect(months.every((m) => /^\d{4}-\d{2}$/.test(m))).toBe(true);
    expect(await page.locator('#brief .brief-events > li').count()).toBeGreaterThan(0);
    await shot('brief');
  });

  it('shows a denied event as NOT, without a Goldstein score, in the table and on its page', async () => {
    const { items } = await api<{ items: Event[] }>('events?limit=500');
    const denied = items.find((e) => e.negated)!;
    expect(denied).toBeTruthy();
    await page.goto(`${base}/#/?type=${denied.type}&dyad=${denied.source.slice(0, 3)},${denied.target.slice(0, 3)}`);
    await page.locator('#event-table[data-state=ready]').waitFor({ timeout: 20_000 });
    let row = page.locator(`#event-table tr[data-event="${denied.id}"]`);
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      await page.locator('#event-table .pager button', { hasText: 'Next' }).click();
      await page.locator('#event-table[data-state=ready]').waitFor();
      row = page.locator(`#event-table tr[data-event="${denied.id}"]`);
    }
    expect(await row.locator('a.type').textContent()).toBe(`NOT ${denied.type}`);
    expect(await row.locator('.goldstein').textContent()).toBe('—');
    await page.goto(`${base}/#/event/${denied.id}`);
    await page.locator('.event-page .facts').waitFor({ timeout: 10_000 });
    expect(await page.locator('.event-page h2 .status').textContent()).toBe(`NOT ${denied.type}`);
    expect(await page.locator('.event-page .facts .goldstein').textContent()).toBe('—');
    expect(await page.locator('.event-page .facts .goldstein').getAttribute('data-goldstein')).toBe('');
    await shot('event');
  });

  it('searches articles and event evidence with totals and paging', async () => {
    await page.goto(`${base}/#/search?q=sanctions`);
    await page.locator('#search-totals').waitFor({ timeout: 10_000 });
    expect(await page.locator('#search-totals').textContent()).toMatch(/^(More than )?\d+ articles?, \d+ event mentions?/);
    await page.locator('#event-table[data-state=ready]').waitFor();
    await shot('search');
    await page.goto(`${base}/#/timeline`);
    await page.locator('#chart button.point').first().waitFor({ timeout: 20_000 });
    await shot('timeline');
    expect(pageErrors).toEqual([]);
  });
});
