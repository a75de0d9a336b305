// `demarche search`, `demarche stats` and `demarche dyads`: what the web UI's search and overview
// show, on the command line, as JSON Lines (default), CSV or a table.
import { Command, Option } from 'commander';
import { csvRecord } from '../../report/export.js';
import { dbOption, positiveInt, requireExistingDb, UsageError, withStore, writeJsonLine } from '../common.js';
import { eventFilter, filterOptions, type FilterOptions } from '../filter.js';

const FORMATS = ['jsonl', 'csv', 'table'] as const;
type Format = (typeof FORMATS)[number];

/** Rows in the asked format: one JSON object per line, CSV with a header, or padded columns. */
async function writeRows(format: Format, columns: string[], objects: readonly object[]): Promise<void> {
  const rows = objects as Record<string, unknown>[];
  const cell = (v: unknown): string | number | boolean | null => (v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean));
  if (format === 'jsonl') {
    for (const r of rows) await writeJsonLine(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  } else if (format === 'csv') {
    process.stdout.write(csvRecord(columns) + rows.map((r) => csvRecord(columns.map((c) => cell(r[c])))).join(''));
  } else {
    const text = rows.map((r) => columns.map((c) => String(cell(r[c]) ?? '').replace(/\s+/g, ' ').slice(0, 80)));
    const widths = columns.map((c, i) => Math.max(c.length, ...text.map((t) => t[i]!.length)));
    const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    process.stdout.write([line(columns), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n') + '\n');
  }
}

const formatOption = () => new Option('--format <format>', 'output format').choices([...FORMATS]).default('jsonl');

export function register(program: Command): void {
  dbOption(
    program
      .command('search')
      .description('Full-text search: the matching articles, best first (all words required), with how many match; --events lists the event mentions whose evidence sentence holds every word instead.')
      .argument('<words...>', 'words to look for')
      .option('--events', 'list event mentions whose evidence holds the words (export columns with --format csv)')
      .option('--limit <n>', 'at most this many (default 20)', '20')
      .option('--offset <n>', 'skip this many first (the next page)', '0')
      .addOption(formatOption())
      .addHelpText('after', '\nThe total goes to stderr ("42 articles match"), the hits to stdout.\n\nExamples:\n  demarche search --db news.db sanctions Iran\n  demarche search --db news.db --events --format csv chemical weapons > evidence.csv'),
  ).action(async (words: string[], opts: { db?: string; events?: boolean; limit: string; offset: string; format: Format }) => {
    const limit = positiveInt('--limit', opts.limit, 100_000);
    const offset = /^\d+$/.test(opts.offset) ? Number(opts.offset) : (() => { throw new UsageError(`invalid --offset "${opts.offset}" (a whole number)`); })();
    const q = words.join(' ');
    requireExistingDb(opts);
    await withStore(opts, async (store) => {
      if (opts.events) {
        const { countEvents, listEvents } = await import('../../app/events.js');
        const filter = { text: q, limit, offset };
        process.stderr.write(`demarche: ${await countEvents(store, filter)} event mentions hold every word\n`);
        if (opts.format === 'csv') {
          const { writeExport } = await import('../../app/export.js');
          await writeExport(store, filter, 'csv', (chunk) => void process.stdout.write(chunk));
          return;
        }
        const events = await listEvents(store, filter);
        await writeRows(opts.format, ['id', 'date', 'source', 'target', 'type', 'negated', 'hypothetical', 'confidence', 'evidence'], events.map((e) => ({ ...e, evidence: e.evidence.text })));
        return;
      }
      const { searchArticles } = await import('../../app/articles.js');
      const r = await searchArticles(store, q, limit, offset);
      process.stderr.write(`demarche: ${r.cut ? 'more than ' : ''}${r.total} articles match${r.next_offset !== null ? ` (next page: --offset ${r.next_offset})` : ''}\n`);
      await writeRows(opts.format, ['article', 'title', 'published', 'snippet'], r.items);
    }, { readOnly: true });
  });

  const stats = program
    .command('stats')
    .description('What the database holds: totals, and counts by type, country or organisation, and outlet (the overview of the web UI), for an optional filter.')
    .addOption(formatOption());
  dbOption(filterOptions(stats, ['actor', 'dyad', 'type', 'since', 'until', 'min_confidence', 'outlet']).addHelpText('after', '\nExamples:\n  demarche stats --db news.db --format table\n  demarche stats --db news.db --type ASSAULT --since 2019')).action(async (opts: FilterOptions & { db?: string; format: Format }) => {
    const filter = await eventFilter(opts);
    requireExistingDb(opts);
    const { buildOverview, eventFacts } = await import('../../app/overview.js');
    await withStore(opts, async (store) => {
      const o = buildOverview(await eventFacts(store, filter));
      const rows = [
        ...Object.entries(o.totals).map(([value, count]) => ({ facet: 'total', value, name: null, count })),
        ...(['type', 'country', 'outlet'] as const).flatMap((facet) => o.facets[facet].map((c) => ({ facet, value: c.value, name: c.name ?? null, count: c.count }))),
      ];
      await writeRows(opts.format, ['facet', 'value', 'name', 'count'], rows);
    }, { readOnly: true });
  });

  const dyads = program
    .command('dyads')
    .description('The busiest pairs of countries or organisations, busiest first, for an optional filter.')
    .addOption(formatOption());
  dbOption(filterOptions(dyads, ['actor', 'type', 'since', 'until', 'min_confidence', 'outlet']).addHelpText('after', '\nExamples:\n  demarche dyads --db news.db --format table\n  demarche dyads --db news.db --type ASSAULT --format csv > pairs.csv')).action(async (opts: FilterOptions & { db?: string; format: Format }) => {
    const filter = await eventFilter(opts);
    requireExistingDb(opts);
    const { buildOverview, eventFacts } = await import('../../app/overview.js');
    await withStore(opts, async (store) => {
      const o = buildOverview(await eventFacts(store, filter));
      await writeRows(opts.format, ['a', 'a_name', 'b', 'b_name', 'count'], o.dyads);
    }, { readOnly: true });
  });
}
