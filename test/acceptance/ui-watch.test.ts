// The web UI's watch views in chromium: the "new since" marker on the timeline and in the table,
// "Mark as seen", and the alerts page with what an alert found.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAlert, scanAlerts } from '../../src/app/alerts.js';
import { buildServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { ROOT } from '../fixtures/paths.js';
import { sampleData } from '../fixtures/server/sample.js';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) console.warn(`ui-watch.test: skipped, no browser at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!existsSync(CHROMIUM))('web UI: new since, alerts', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const fresh = new Set<string>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demarche-ui-watch-'));
    const webRoot = join(dir, 'web');
    await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir: webRoot, emptyOutDir: true } });
    store = await openStore(join(dir, 'ui.db'));
    const samples = sampleData();
    const paris = samples.find((s) => s.article.id === 'a2paris')!;
    await store.saveArticle(paris.article, paris.events); // stored before the round: not new
    await addAlert(store, 'rus-usa', { dyad: ['RUS', 'USA'] }, null);
    await new Promise((r) => setTimeout(r, 5));
    const round = await store.watch.startRound(new Date().toISOString());
    await new Promise((r) => setTimeout(r, 5));
    for (const s of samples.filter((x) => x !== paris)) {
      await store.saveArticle(s.article, s.events);
      for (const e of s.events) fresh.add(e.id);
    }
    await scanAlerts(store);
    await store.watch.finishRound(round, {}, new Date().toISOString());
    app = await buildServer(store, { webRoot });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('marks what the last round brought: the count, the timeline period, the table rows', async () => {
    await page.goto(`${base}/#/timeline?dyad=RUS,USA&bucket=month`);
    await page.locator('#event-table[data-state=ready]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#new-since').textContent()).toMatch(new RegExp(`^${fresh.size} new event mentions since .+Mark as seen$`));
    // October 2017 holds new mentions, October 2014 (Paris, stored before) none.
    await page.locator('#chart button.point.new[data-period="2017-10"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#chart button.point[data-period="2014-10"]').getAttribute('class')).toBe('point');
    await page.locator('#chart button.point[data-period="2017-10"]').click();
    await page.waitForFunction(() => location.hash.includes('since=2017-10-01'));
    await page.locator('#event-table[data-state=ready] tr.new').first().waitFor({ timeout: 10_000 });
    const rows = await page.locator('#event-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-event'), tr.classList.contains('new')] as const));
    expect(rows.length).toBeGreaterThan(0);
    for (const [id, isNew] of rows) expect(isNew, id!).toBe(fresh.has(id!));
  });

  it('"Mark as seen" clears the marks for this and later visits', async () => {
    await page.locator('#new-since button').click();
    await page.waitForFunction(() => !document.querySelector('#event-table tr.new') && /^0 new event mentions/.test(document.querySelector('#new-since')?.textContent ?? ''));
    await page.goto(`${base}/?again=1#/timeline?dyad=RUS,USA`);
    await page.locator('#event-table[data-state=ready]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#event-table tr.new').count()).toBe(0);
  });

  it('lists the alerts with their hits, each linking to its event', async () => {
    await page.goto(`${base}/#/alerts`);
    const section = page.locator('section.alert[data-alert="rus-usa"]');
    await section.waitFor({ timeout: 10_000 });
    const hits = await store.alerts.hits({ alert: 'rus-usa', limit: 100, offset: 0 });
    expect(hits.length).toBeGreaterThan(0);
    expect(await section.locator('tbody tr').count()).toBe(Math.min(10, hits.length));
    expect(await section.locator('.meta').first().textContent()).toContain(`dyad RUS,USA — ${hits.length} hit`);
    await section.locator('tbody tr a.type').first().click();
    await page.locator('.event-page').waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});
