// The command line end to end, through the real binary (bin/demarche.js over dist/): the JSON Lines
// contract, idempotent re-ingest, --jobs equivalence, stdin, the standalone stages, a batch of bad
// inputs, bad arguments (one line, no stack trace), help texts, pipes and terminals.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLOVER_TYPES } from '../../src/model.js';
import { BIN, demarche, expectOneLineError, FIXTURES, jsonLines, seedText, SEED_FILES, SEEDS_DIR, shell, type Ran } from './helpers.js';
import { ROOT } from '../fixtures/paths.js';

interface ArticleLine {
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  language: string | null;
  text: string;
  duplicate_of: string | null;
}
interface EventLine {
  id: string;
  article: string;
  source_file: string;
  source: string;
  target: string;
  type: string;
  cameo: string;
  goldstein: number;
  mode: string | null;
  negated: boolean;
  claimed_by: string | null;
  date: string | null;
  location: string | null;
  actors: string[];
  evidence: { text: string; start: number; end: number };
}

const ARTICLE_FIELDS = ['id', 'source', 'title', 'published', 'language', 'text', 'duplicate_of'];
const EVENT_FIELDS = ['id', 'article', 'source_file', 'source', 'target', 'type', 'cameo', 'goldstein', 'mode', 'negated', 'claimed_by', 'date', 'location', 'actors', 'evidence'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const dir = mkdtempSync(join(tmpdir(), 'demarche-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = (name: string): string => join(dir, name);

/** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and newlines. */
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
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

function summaryOf(r: Ran): string {
  const lines = r.stderr.trim().split('\n');
  return lines[lines.length - 1]!;
}

describe('the sample articles through the CLI', () => {
  let one: Ran;
  let two: Ran;
  let articles: ArticleLine[];
  let events: EventLine[];

  beforeAll(async () => {
    [one, two] = await Promise.all([
      demarche(['ingest', ...SEED_FILES, '--db', db('one.db')]),
      demarche(['ingest', ...SEED_FILES, '--db', db('two.db'), '--jobs', '2']),
    ]);
    articles = jsonLines<ArticleLine>((await demarche(['articles', '--db', db('one.db'), '--format', 'jsonl'])).stdout);
    events = jsonLines<EventLine>((await demarche(['events', '--db', db('one.db'), '--format', 'jsonl'])).stdout);
  });

  it('ingest stores every seed and ends with a summary line; stdout stays free for data', () => {
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toBe('');
    expect(summaryOf(one)).toMatch(/^ingested 5 articles, \d+ events/);
    expect(Number(/, (\d+) events/.exec(summaryOf(one))![1])).toBe(events.length);
    expect(events.length).toBeGreaterThan(5);
  });

  it('articles: one JSON object per line with the contract fields', () => {
    const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as { documents: Record<string, { published: string }> };
    expect(articles).toHaveLength(5);
    for (const a of articles) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(ARTICLE_FIELDS));
      expect(a.id).toMatch(/^[0-9a-f]{16}$/);
      // Paths inside the folder ingest ran in are stored relative to it (the API shows sources to anyone).
      expect(SEED_FILES.map((f) => relative(ROOT, f))).toContain(a.source);
      expect(a.published).toBe(expected.documents[a.source.split('/').pop()!]!.published);
      expect(a.language).toBe('en');
      expect(a.text.length).toBeGreaterThan(200);
      expect(a.duplicate_of === null || articles.some((b) => b.id === a.duplicate_of)).toBe(true);
    }
  });

  it('events: the contract fields, evidence that is exactly the cited article text', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const e of events) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(EVENT_FIELDS));
      const article = byId.get(e.article);
      expect(article, `event ${e.id} cites an unknown article`).toBeDefined();
      expect(e.source_file).toBe(article!.source);
      expect(article!.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(PLOVER_TYPES).toContain(e.type);
      expect(e.cameo).toMatch(/^\d{3,4}$/);
      expect(typeof e.goldstein).toBe('number');
      expect(typeof e.negated).toBe('boolean');
      expect(Array.isArray(e.actors)).toBe(true);
      if (e.date !== null) expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('event filters narrow the list exactly as the fields say', async () => {
    const query = async (...args: string[]): Promise<EventLine[]> => {
      const r = await demarche(['events', '--db', db('one.db'), ...args]);
      expect(r.code, r.stderr).toBe(0);
      return jsonLines<EventLine>(r.stdout);
    };
    const ids = (list: EventLine[]): string[] => list.map((e) => e.id).sort();
    const type = events[0]!.type;
    const [byType, bySince, byUntil, byDyad, byActor] = await Promise.all([
      query('--type', type.toLowerCase()),
      query('--since', '2015-01-01'),
      query('--until', '2015-12-31'),
      query('--dyad', 'RUS,USA'),
      query('--actor', 'RUS'),
    ]);
    expect(ids(byType)).toEqual(ids(events.filter((e) => e.type === type)));
    expect(bySince.length).toBeGreaterThan(0);
    expect(bySince.length).toBeLessThan(events.length);
    for (const e of bySince) expect(e.date! >= '2015-01-01').toBe(true);
    for (const e of byUntil) expect(e.date! <= '2015-12-31').toBe(true);
    expect(byDyad.length).toBeGreaterThan(0);
    for (const e of byDyad) expect([e.source.slice(0, 3), e.target.slice(0, 3)].sort()).toEqual(['RUS', 'USA']);
    expect(byActor.length).toBeGreaterThanOrEqual(byDyad.length);
    for (const e of byActor) expect(e.source.startsWith('RUS') || e.target.startsWith('RUS')).toBe(true);
  });

  it('export writes CSV with one row per event and JSON Lines; brief writes markdown', async () => {
    const [csv, jsonl, brief] = await Promise.all([
      demarche(['export', '--db', db('one.db'), '--format', 'csv']),
      demarche(['export', '--db', db('one.db'), '--format', 'jsonl']),
      demarche(['brief', '--db', db('one.db'), '--dyad', 'RUS,USA', '--format', 'md']),
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parseCsv(csv.stdout);
    const width = rows[0]!.length;
    expect(width).toBeGreaterThan(5);
    expect(rows.slice(1).every((r) => r.length === width)).toBe(true);
    expect(rows.length - 1).toBe(events.length);
    expect(jsonLines(jsonl.stdout)).toHaveLength(events.length);
    expect(brief.code, brief.stderr).toBe(0);
    expect(brief.stdout).toMatch(/^# /);
    const cited = events.filter((e) => ['RUS', 'USA'].includes(e.source.slice(0, 3)) && ['RUS', 'USA'].includes(e.target.slice(0, 3)));
    expect(cited.some((e) => brief.stdout.includes(e.evidence.text.slice(0, 40)))).toBe(true);
  });

  it('--contested lists merged events whose sources disagree, as JSON Lines or a table', async () => {
    const [jsonl, table] = await Promise.all([
      demarche(['events', '--db', db('one.db'), '--contested']),
      demarche(['events', '--db', db('one.db'), '--contested', '--format', 'table']),
    ]);
    const merged = jsonLines<{ contested: boolean; claims: { negated: boolean }[]; date: string }>(jsonl.stdout);
    expect(merged.length).toBeGreaterThan(0);
    for (const m of merged) {
      expect(m.contested).toBe(true);
      expect(new Set(m.claims.map((c) => c.negated))).toEqual(new Set([true, false]));
    }
    const rows = table.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^date\s+dyad\s+event/);
    expect(rows).toHaveLength(merged.length + 2);
    expect(rows.slice(2).every((r) => /asserted by .*; denied by/.test(r))).toBe(true);
  });

  it('--format table: one row per event, with a legend for the markers it uses', async () => {
    const r = await demarche(['events', '--db', db('one.db'), '--format', 'table']);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^date\s+dyad\s+event\s+mode\s+where\s+claim\s+evidence$/);
    const legend = rows[rows.length - 1]!.startsWith('(') ? 1 : 0;
    expect(rows.length - 2 - legend).toBe(events.length);
    expect(legend).toBe(events.some((e) => e.negated || (e as unknown as { hypothetical: boolean }).hypothetical) ? 1 : 0);
  });

  it('re-ingesting the same files is a no-op', async () => {
    const again = await demarche(['ingest', ...SEED_FILES, '--db', db('one.db')]);
    expect(again.code, again.stderr).toBe(0);
    expect(summaryOf(again)).toMatch(/^ingested 0 articles, 0 events, 5 already stored/);
    const [a, e] = await Promise.all([demarche(['articles', '--db', db('one.db')]), demarche(['events', '--db', db('one.db')])]);
    expect(jsonLines(a.stdout)).toHaveLength(articles.length);
    expect(jsonLines(e.stdout)).toHaveLength(events.length);
  });

  it('--jobs 2 (worker threads) stores the same articles and events as --jobs 1', async () => {
    expect(two.code, two.stderr).toBe(0);
    expect(summaryOf(two)).toBe(summaryOf(one));
    const [a, e] = await Promise.all([demarche(['articles', '--db', db('two.db')]), demarche(['events', '--db', db('two.db')])]);
    const key = (x: { id: string }): string => x.id;
    expect(jsonLines<ArticleLine>(a.stdout).map((x) => [x.id, x.duplicate_of, x.published]).sort()).toEqual(articles.map((x) => [x.id, x.duplicate_of, x.published]).sort());
    expect(jsonLines<EventLine>(e.stdout).map(key).sort()).toEqual(events.map(key).sort());
  });

  it('"-" ingests standard input: same content, same article id', async () => {
    const text = seedText(0);
    const fresh = await demarche(['ingest', '-', '--db', db('stdin.db')], { input: text });
    expect(fresh.code, fresh.stderr).toBe(0);
    const stored = jsonLines<ArticleLine>((await demarche(['articles', '--db', db('stdin.db')])).stdout);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.source).toBe('stdin');
    expect(stored[0]!.id).toBe(articles.find((a) => a.source === relative(ROOT, SEED_FILES[0]!))!.id);
    const again = await demarche(['ingest', '-', '--db', db('one.db')], { input: text });
    expect(summaryOf(again)).toMatch(/1 already stored/);
  });
});

describe.concurrent('the stages alone, without a database', () => {
  it('extract prints {file, title, text, published} per file and creates no database', async () => {
    const cwd = mkdtempSync(join(dir, 'extract-'));
    const html = join(FIXTURES, 'article.html');
    const r = await demarche(['extract', html, SEED_FILES[0]!, join(cwd, 'gone.html'), '--format', 'jsonl'], { cwd });
    expect(r.code, r.stderr).toBe(3); // some inputs could not be read
    expect(r.stderr).toBe(`error: ${join(cwd, 'gone.html')}: no such file or directory\n`);
    const out = jsonLines<{ file: string; title: string | null; text: string; published: string | null }>(r.stdout);
    expect(out.map((o) => o.file)).toEqual([html, SEED_FILES[0]]);
    expect(out[0]!.title).toContain('Kerry and Lavrov talk Syria');
    expect(out[0]!.published).toBe('2015-09-05');
    expect(out[0]!.text).toContain('agreed to continue their discussions');
    expect(out[0]!.text).not.toMatch(/All rights reserved|Log in/);
    expect(out[1]!.text.length).toBeGreaterThan(200);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('extract --url dates one page by its address; --url with several files or a bad address is a one-line error', async () => {
    const cwd = mkdtempSync(join(dir, 'extract-url-'));
    const page = join(cwd, 'saved.html');
    writeFileSync(page, '<html><body><article><p>Kerry spoke by telephone with Lavrov about the reported Russian military build-up in Syria.</p></article></body></html>');
    const url = 'https://news.example.com/2015/09/05/kerry-lavrov';
    const r = await demarche(['extract', page, '--url', url], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const [line] = jsonLines<{ url: string | null; published: string | null }>(r.stdout);
    expect(line).toMatchObject({ url, published: '2015-09-05' });
    const undated = jsonLines<{ published: string | null }>((await demarche(['extract', page], { cwd })).stdout);
    expect(undated[0]!.published).toBeNull();
    expectOneLineError(await demarche(['extract', page, page, '--url', url], { cwd }), /--url names the address of one file/);
    expectOneLineError(await demarche(['extract', page, '--url', 'not a url'], { cwd }), /--url takes an address/);
  });

  it('code reads {id, text, date?} lines and prints one {id, events} line per input, in order', async () => {
    const input = [
      JSON.stringify({ id: 'met', text: 'Kerry met Lavrov in Geneva on Monday.', date: '2015-09-07' }),
      JSON.stringify({ id: 'none', text: 'The weather in Geneva was fine.' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 7, text: 'Lavrov and Kerry agreed to continue discussions on Syria.' }),
    ].join('\n');
    const r = await demarche(['code', '--format', 'jsonl'], { input, cwd: dir });
    const out = jsonLines<{ id: string | null; events: EventLine[] }>(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['met', 'none', null, '7']);
    const met = out[0]!.events;
    expect(met.length).toBeGreaterThan(0);
    expect(met[0]).toMatchObject({ type: 'CONSULT', date: '2015-09-07' });
    expect([met[0]!.source, met[0]!.target].sort()).toEqual(['RUSGOV', 'USAGOV']);
    expect(out[1]!.events).toEqual([]);
    expect(out[3]!.events.map((e) => e.type)).toContain('AGREE');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: stdin:3: /);
    expect(r.code).toBe(3); // some lines could not be read
  });
});

describe('demo', () => {
  it('ingests the five samples into the named database and prints the events table', async () => {
    const r = await demarche(['demo', '--db', db('demo.db')], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim()).toMatch(/^ingested 5 articles, \d+ events/);
    expect(r.stdout).toMatch(/^date\s+dyad\s+event/);
    expect(r.stdout).toMatch(/USAGOV → RUSGOV\s+CONSULT/);
    expect(readdirSync(dir)).not.toContain('demarche.db');
  });
});

describe.concurrent('a batch of bad inputs', () => {
  it('reports one line per bad file, stores the rest, and exits 3 (documented in --help)', async () => {
    const batch = mkdtempSync(join(dir, 'batch-'));
    writeFileSync(join(batch, '1-binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]));
    writeFileSync(join(batch, '2-empty.txt'), '');
    writeFileSync(join(batch, '3-latin1.txt'), Buffer.from('Kerry met Lavrov in M\xfcnchen on Monday. Caf\xe9 diplomacy.', 'latin1'));
    writeFileSync(join(batch, '4-huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    writeFileSync(join(batch, '5-broken.html'), '<html><body><div><p>Lavrov met Kerry in Geneva. <b>Unclosed <table><tr><td>Putin said');
    writeFileSync(join(batch, '6-good.txt'), seedText(1));
    const missing = join(batch, 'missing.txt');
    const notDir = join(batch, '6-good.txt', 'inside.txt'); // unreadable path (even for root): a file used as a folder
    const asRoot = process.getuid?.() === 0; // root reads a chmod-000 file anyway
    if (!asRoot) writeFileSync(join(batch, '7-locked.txt'), 'secret', { mode: 0 });
    const dbFile = join(batch, 'batch.db'); // in the folder being read: it must not read itself
    const r = await demarche(['ingest', batch, missing, notDir, '--db', dbFile]);
    const lines = r.stderr.trim().split('\n');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const about = (name: string): string[] => lines.filter((l) => l.includes(`${name}: `));
    for (const bad of ['1-binary.txt', '2-empty.txt', '4-huge.txt', 'missing.txt', 'inside.txt']) {
      expect(about(bad), `${bad} in:\n${r.stderr}`).toHaveLength(1);
      expect(about(bad)[0]).toMatch(/^error: /);
    }
    expect(about('1-binary.txt')[0]).toMatch(/binary/);
    expect(about('2-empty.txt')[0]).toMatch(/empty/);
    expect(about('4-huge.txt')[0]).toMatch(/too large/);
    expect(about('missing.txt')[0]).toMatch(/no such file/);
    expect(about('inside.txt')[0]).toMatch(/not a directory/);
    if (!asRoot) expect(about('7-locked.txt')).toEqual([`error: ${join(batch, '7-locked.txt')}: permission denied`]);
    expect(about('3-latin1.txt')).toHaveLength(1);
    expect(about('3-latin1.txt')[0]).toMatch(/^warning: /);
    expect(about('5-broken.html')).toHaveLength(0);
    expect(about('6-good.txt')).toHaveLength(0);
    expect(summaryOf(r)).toMatch(new RegExp(`^ingested 3 articles, .*${asRoot ? 5 : 6} failed, 1 warning`));
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(/batch\.db/);
    const stored = jsonLines<ArticleLine>((await demarche(['articles', '--db', dbFile])).stdout);
    expect(stored.map((a) => a.source.split('/').pop()).sort()).toEqual(['3-latin1.txt', '5-broken.html', '6-good.txt']);
    expect(stored.find((a) => a.source.endsWith('3-latin1.txt'))!.text).toContain('München');

    const help = await demarche(['ingest', '--help']);
    expect(help.stdout).toMatch(/Exit status/i);
    expect(help.stdout).toMatch(/\b3\b.*(some|part)/i);
  });

  it('exits 1 when nothing could be read', async () => {
    const r = await demarche(['ingest', join(dir, 'nowhere.txt'), '--db', db('none.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere\.txt: no such file/);
  });
});

describe.concurrent('bad arguments: one line on stderr, non-zero exit, never a stack trace', () => {
  beforeAll(async () => {
    await demarche(['ingest', SEED_FILES[2]!, '--db', db('args.db')]);
  });
  // [what, arguments, message, exit status: 2 for usage errors, 1 for errors]
  const cases: [string, string[], RegExp, number][] = [
    ['unknown option', ['events', '--db', 'DB', '--colour'], /unknown option '--colour'/, 2],
    ['unknown command', ['evnets'], /unknown command 'evnets'.*events/, 2],
    ['--dyad with one code', ['events', '--db', 'DB', '--dyad', 'RUS'], /--dyad/, 2],
    ['--since not a date', ['events', '--db', 'DB', '--since', 'yesterday'], /--since/, 2],
    ['--until not a real day', ['events', '--db', 'DB', '--until', '2015-02-30'], /--until/, 2],
    ['--type not PLOVER', ['events', '--db', 'DB', '--type', 'HUG'], /--type .*CONSULT/, 2],
    ['--format unknown', ['events', '--db', 'DB', '--format', 'xml'], /--format/, 2],
    ['--limit not a number', ['articles', '--db', 'DB', '--limit', 'ten'], /--limit/, 2],
    ['--jobs zero', ['ingest', SEED_FILES[0]!, '--db', 'NEW', '--jobs', '0'], /--jobs/, 2],
    ['--max-size nonsense', ['ingest', SEED_FILES[0]!, '--db', 'NEW', '--max-size', 'big'], /--max-size/, 2],
    ['missing argument', ['ingest', '--db', 'DB'], /missing required argument/, 2],
    ['db in a missing folder', ['ingest', SEED_FILES[0]!, '--db', '/nonexistent-folder/x.db'], /nonexistent-folder/, 1],
    ['a db file that is not a database', ['events', '--db', 'NOTADB'], /not a database/, 1],
    ['reading a db that does not exist', ['events', '--db', 'MISSING'], /no database/, 1],
    ['unreachable postgres', ['events', '--db', 'postgres://demarche:x@127.0.0.1:9/none'], /PostgreSQL|postgres/i, 1],
    ['brief without --dyad', ['brief', '--db', 'DB'], /--dyad/, 2],
    ['export into a missing folder', ['export', '--db', 'DB', '--out', '/nonexistent-folder/e.csv'], /folder \/nonexistent-folder does not exist/, 1],
    ['brief into a folder', ['brief', '--db', 'DB', '--dyad', 'RUS,USA', '--out', '/tmp'], /\/tmp: it is a folder/, 1],
    ['serve on an impossible port', ['serve', '--db', 'DB', '--port', '99999'], /--port .*99999/, 2],
  ];
  for (const [name, args, pattern, status] of cases) {
    it(name, async () => {
      const named: Record<string, string> = { DB: db('args.db'), MISSING: db('missing.db'), NEW: db('new.db'), NOTADB: SEED_FILES[0]! };
      const real = args.map((a) => named[a] ?? a);
      const r = await demarche(real, { cwd: dir });
      expectOneLineError(r, pattern);
      expect(r.code).toBe(status);
      expect(r.stdout).toBe('');
      // Neither reading a missing database nor a mistyped option leaves a new empty database behind.
      expect(existsSync(named.MISSING!) || existsSync(named.NEW!)).toBe(false);
    });
  }
});

describe.concurrent('help', () => {
  it('demarche --help lists every command and the exit status', async () => {
    const r = await demarche(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['ingest', 'articles', 'events', 'extract', 'code', 'export', 'brief', 'serve', 'enqueue', 'worker', 'demo']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    }
    expect(r.stdout).toMatch(/Exit status/i);
    expect(r.stdout).toMatch(/Examples?:/);
  });

  it('every command explains itself, with an example', async () => {
    const commands = ['ingest', 'articles', 'events', 'extract', 'code', 'export', 'brief', 'serve', 'enqueue', 'worker', 'demo'];
    const helps = await Promise.all(commands.map((c) => demarche([c, '--help'])));
    helps.forEach((r, i) => {
      expect(r.code, commands[i]).toBe(0);
      expect(r.stdout, commands[i]).toMatch(new RegExp(`^Usage: demarche ${commands[i]}`));
      expect(r.stdout, commands[i]).toMatch(/demarche \w+ .*\n?/);
      expect(r.stdout, `${commands[i]} --help has an example`).toMatch(/Examples?:\n\s+(\$ )?demarche /);
    });
  });
});

describe.concurrent('pipes and terminals', () => {
  it('a closed pipe (`| head -1`) ends the command quietly', async () => {
    const many = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `s${i}`, text: 'Kerry met Lavrov in Geneva on Monday and they agreed to continue talks.' })).join('\n');
    writeFileSync(join(dir, 'many.jsonl'), many);
    const r = await shell(`$DEMARCHE code < many.jsonl | head -1; $DEMARCHE extract ${SEED_FILES.join(' ')} ${SEED_FILES.join(' ')} | head -c 10 >/dev/null`, { cwd: dir });
    expect(r.stderr).toBe('');
    expect(jsonLines(r.stdout)).toHaveLength(1);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('shows a live status line on a terminal and none when piped', async () => {
    const two = SEED_FILES.slice(0, 2);
    const [tty, piped] = await Promise.all([
      shell(`script -qec "$DEMARCHE ingest ${two.join(' ')} --db ${db('tty.db')}" /dev/null`, { cwd: dir }),
      demarche(['ingest', ...two, '--db', db('piped.db')]),
    ]);
    expect(tty.stdout).toMatch(/\r|\x1b\[/);
    expect(tty.stdout).toMatch(/docs/);
    expect(tty.stdout).toMatch(/ingested 2 articles/);
    expect(piped.stderr).not.toMatch(/\r|\x1b\[/);
    expect(piped.stderr.trim().split('\n')).toHaveLength(1);
  });
});

/** Articles in a SQLite database file (0 while it does not exist yet). */
function storedCount(file: string): number {
  try {
    const d = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

/** Polls until check() holds, the child has exited, or time runs out. */
async function waitUntil(check: () => boolean, child?: { exitCode: number | null }, ms = 45_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && (child?.exitCode ?? null) === null && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
}

/** Event mentions per article id in a SQLite database. */
function eventsPerArticle(file: string): Map<string, number> {
  const d = new Database(file, { readonly: true });
  try {
    const ids = (d.prepare('SELECT id FROM articles').all() as { id: string }[]).map((r) => r.id);
    const counts = d.prepare('SELECT article, count(*) AS n FROM events GROUP BY article').all() as { article: string; n: number }[];
    const byArticle = new Map(ids.map((id) => [id, 0]));
    for (const c of counts) byArticle.set(c.article, c.n);
    return byArticle;
  } finally {
    d.close();
  }
}

describe.concurrent('Ctrl-C during an ingest from a stream that has not ended', () => {
  it('stores what was read, prints an "interrupted" summary and exits 130', async () => {
    const file = db('interrupted.db');
    const child = spawn(process.execPath, [BIN, 'ingest', '-', '--db', file], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Three records, and the stream stays open: ingest must start before it ends.
    for (let i = 0; i < 3; i++) child.stdin.write(JSON.stringify({ text: `${seedText(i).trim()}\n\nFiled ${i}.` }) + '\n');
    await waitUntil(() => storedCount(file) >= 3, child);
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stderr.trim().split('\n').pop()).toMatch(/^interrupted: ingested 3 articles, \d+ events/);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(storedCount(file)).toBe(3);
  });
});

describe.concurrent('SIGKILL during a long ingest with --jobs 2', () => {
  it('leaves only whole articles: each has the events an uninterrupted run gives it', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ text: `${seedText(i).trim()}\n\nDispatch ${i} filed from desk ${(i * 7919) % 10007}.`, published: '2015-09-06' }));
    const input = join(dir, 'long.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const file = db('killed.db');
    const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', file, '--jobs', '2'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitUntil(() => storedCount(file) >= 15, child);
    child.kill('SIGKILL');
    await exited;

    const d = new Database(file, { readonly: true });
    const sources = (d.prepare('SELECT source FROM articles').all() as { source: string }[]).map((r) => r.source);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();
    expect(sources.length).toBeGreaterThanOrEqual(15);
    expect(sources.length).toBeLessThan(lines.length); // really killed mid-run

    // The same records ingested without interruption (same binary) are the reference.
    const stored = sources.map((s) => Number(s.slice(input.length + 1)));
    writeFileSync(join(dir, 'reference.jsonl'), stored.map((n) => lines[n - 1]).join('\n') + '\n');
    const ref = await demarche(['ingest', join(dir, 'reference.jsonl'), '--db', db('reference.db')]);
    expect(ref.code, ref.stderr).toBe(0);
    expect(eventsPerArticle(file)).toEqual(eventsPerArticle(db('reference.db')));
  });
});
