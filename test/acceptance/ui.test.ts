// The web UI in a real browser (Debian chromium via playwright-core) against a real server and
// SQLite store: the five seed articles go through the real pipeline, plus one article whose text
// carries <script>/<img onerror> markup that must stay inert.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/app/ingest.js';
import type { Event } from '../../src/model.js';
import { buildServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { sampleData } from '../fixtures/server/sample.js';
import { ROOT } from '../fixtures/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const SEEDS = join(ROOT, 'examples', 'seeds');

if (!existsSync(CHROMIUM)) console.warn(`ui.test: skipped, no browser at ${CHROMIUM} (apt-get install chromium)`);

/** The five seeds through the real ingest (read, clean, annotate, actors, events, dedupe, store). */
async function loadSeeds(store: Store): Promise<void> {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS, f));
  const summary = await ingestPaths(store, files);
  if (summary.stored !== files.length) throw new Error(`seeds: stored ${summary.stored} of ${files.length}: ${JSON.stringify(summary.problems)}`);
}

describe.skipIf(!existsSync(CHROMIUM))('web UI in chromium', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demarche-ui-'));
    const webRoot = join(dir, 'web');
    // Build the current UI sources (the same config `npm run prepare` uses) into a private directory.
    await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir: webRoot, emptyOutDir: true } });
    store = await openStore(join(dir, 'ui.db'));
    await loadSeeds(store);
    // Hand-made Russia–USA events of October 2014 with a claim and its denial (contested).
    const paris = sampleData().find((s) => s.article.id === 'a2paris')!;
    await store.saveArticle(paris.article, paris.events);
    app = await buildServer(store, { webRoot });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // Any script error or CSP violation (console error) fails the test at the end.
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('clicking a Russia–USA timeline point lists that period, the phone call opens with its sentence highlighted', async () => {
    await page.goto(base + '/#/timeline?dyad=RUS,USA');
    const point = page.locator('#chart button.point[data-period="2017-10"]');
    await point.waitFor({ timeout: 10_000 });
    expect(await page.locator('#chart button.point').count()).toBeGreaterThan(1);
    await point.click();
    await page.waitForFunction(() => location.hash.includes('since=2017-10-01'));
    // The table is replaced once the period's events arrive: only October 2017 is listed then.
    await page.waitForFunction(() => {
      const dates = [...document.querySelectorAll('#event-table td.date')].map((td) => td.textContent ?? '');
      return dates.length > 0 && dates.every((d) => d.startsWith('2017-10'));
    }, null, { timeout: 10_000 });
    const callRow = page.locator('#event-table tr', { hasText: 'CONSULT' }).filter({ hasText: 'phone' }).filter({ hasText: '2017-10-09' });
    expect(await callRow.count()).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    // docs/screenshot.png is refreshed only on request, so test runs do not dirty the checkout.
    const shot = join(ROOT, 'docs', 'screenshot.png');
    const target = process.env.UPDATE_SCREENSHOT || !existsSync(shot) ? shot : join(dir, 'screenshot.png');
    await page.screenshot({ path: target, fullPage: true });

    const eventId = await callRow.first().getAttribute('data-event');
    expect(eventId).toBeTruthy();
    await callRow.first().locator('a.type').click();
    const current = page.locator(`.evidence.current[data-events~="${eventId}"]`);
    await current.first().waitFor({ timeout: 10_000 });
    const highlighted = (await current.allTextContents()).join('');
    const { event } = (await (await fetch(`${base}/api/events/${eventId}`)).json()) as { event: Event };
    expect(highlighted).toBe(event.evidence.text);
    expect(event).toMatchObject({ type: 'CONSULT', mode: 'phone', date: '2017-10-09' });
    expect(highlighted).toMatch(/Lavrov.*(phone|telephone)/);
    // The highlight sits inside the full article text, not a detached quote.
    const articleText = await page.locator('.event-page .article-text', { has: current }).textContent();
    expect(articleText).toContain('Reviewing the situation in the bilateral sphere');
  });

  it('marks contested events in the table and on the event page', async () => {
    await page.goto(`${base}/?reload=contested#/timeline?dyad=RUS,USA&bucket=month`);
    await page.locator('#chart button.point[data-period="2014-10"]').click();
    const contested = page.locator('#event-table tr.contested');
    await contested.first().waitFor({ timeout: 10_000 });
    const ids = await contested.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')));
    expect(ids).toEqual(expect.arrayContaining(['a2parise2', 'a2parise3']));
    expect(ids).not.toContain('a2parise1'); // the uncontested Paris meeting stays unmarked
    await page.locator('#event-table tr[data-event="a2parise2"] a.type').click();
    await page.locator('.event-page .badge.contested').waitFor();
    // Both the claim and the denial are highlighted in the article; the denial is marked as one.
    await page.locator('.event-page .article-text mark.evidence.current').first().waitFor();
    expect(await page.locator('.event-page .article-text mark.evidence').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.event-page .article-text mark.evidence.negated').first().textContent()).toContain('Lavrov denied');
  });

  it('filters the event table by type and, with the pair field emptied, across all pairs', async () => {
    await page.goto(`${base}/?reload=filters#/timeline?dyad=RUS,USA`);
    await page.locator('#event-table[data-state=ready]').waitFor();
    const form = page.locator('#filters');
    await form.locator('select[name=type]').selectOption('ACCUSE');
    await form.locator('input[name=pair]').fill('');
    await form.locator('button[type=submit]').click();
    await page.waitForFunction(() => location.hash.includes('type=ACCUSE') && location.hash.includes('pair=*'));
    await page.waitForFunction(() => {
      const types = [...document.querySelectorAll('#event-table a.type')].map((a) => a.textContent);
      // "NOT ACCUSE" (denied) and "ACCUSE?" (hypothetical) are accusations too.
      return types.length > 0 && types.every((t) => /^(NOT )?ACCUSE\??$/.test(t ?? ''));
    }, null, { timeout: 10_000 });
    // Seed 002: Lavrov accuses the Turkish government — outside the Russia–USA pair.
    expect(await page.locator('#event-table tr', { hasText: 'TURGOV' }).count()).toBeGreaterThan(0);
  });

  it('draws quiet months as zero and names untitled articles by their opening words', async () => {
    await page.goto(`${base}/?reload=gaps#/timeline?dyad=RUS,USA&bucket=month`);
    await page.locator('#chart button.point').first().waitFor({ timeout: 10_000 });
    // Only periods with events are clickable; the gaps between them (2014-10 … 2015-09) are drawn as
    // zero by the chart, never as a line joining distant months.
    const periods = await page.locator('#chart button.point').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-period')));
    expect(periods).toEqual(expect.arrayContaining(['2014-10', '2015-09', '2017-10']));
    expect(periods).not.toContain('2015-01');

    // Seed 000 has no title: the list shows its first sentence (in italics), not its hex id.
    await page.goto(`${base}/#/articles`);
    const link = page.locator('table.articles a.untitled').first();
    await link.waitFor({ timeout: 10_000 });
    const label = (await link.textContent()) ?? '';
    expect(label).toMatch(/^Russia's Foreign Ministry on Saturday shunned/);
    expect(label).not.toMatch(/^[0-9a-f]{16}$/);
    // Search names the same untitled article the same way.
    await page.goto(`${base}/#/search?q=shunned`);
    const hit = page.locator('.search-results li a.untitled').first();
    await hit.waitFor({ timeout: 10_000 });
    expect(await hit.textContent()).toMatch(/^Russia's Foreign Ministry on Saturday shunned/);
    // A stale query does not linger in the search box on other pages.
    await page.goto(`${base}/#/articles`);
    await page.locator('table.articles').waitFor();
    expect(await page.locator('#search input[name=q]').inputValue()).toBe('');
  });

  it('asks for the token on a --private server and then shows the data', async () => {
    const priv = await buildServer(store, { webRoot: join(dir, 'web'), token: 'ui-secret', private: true });
    await priv.listen({ port: 0, host: '127.0.0.1' });
    const addr = priv.server.address();
    const privPage = await browser.newPage();
    try {
      await privPage.goto(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/#/timeline?dyad=RUS,USA`);
      const input = privPage.locator('form.token input[name=token]');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('ui-secret');
      await privPage.locator('form.token button').click();
      await privPage.locator('#chart button.point').first().waitFor({ timeout: 10_000 });
      expect(await privPage.locator('#stats').textContent()).toMatch(/\d+ articles/);
    } finally {
      await privPage.close();
      await priv.close();
    }
  });

  it('shows markup stored in an article as text and never runs it', async () => {
    const markup = sampleData().find((s) => s.article.id === 'a4markup')!;
    await store.saveArticle(markup.article, markup.events);
    await page.goto(`${base}/#/article/a4markup`);
    const text = page.locator('.reader .article-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=1">');
    expect(await page.locator('.reader h2.title').textContent()).toBe('Markup <b>in</b> a title');
    expect(await page.locator('.reader img, .reader script, .reader b').count()).toBe(0);
    // The same text on the event page and in search snippets.
    await page.goto(`${base}/#/event/a4markupe1`);
    await page.locator('.event-page .evidence.current').first().waitFor();
    await page.goto(`${base}/#/search?q=pwned`);
    await page.locator('.search-results li').first().waitFor();
    expect(await page.locator('.search-results img, .search-results script').count()).toBe(0);
    await page.waitForTimeout(200); // give an onerror handler the chance it must not have
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
