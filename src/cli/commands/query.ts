// `demarche articles` and `demarche events`: read what is stored.
import { Command, Option } from 'commander';
import type { Event, MergedEvent } from '../../model.js';
import { dbOption, positiveInt, requireExistingDb, withStore, writeJsonLine } from '../common.js';
import { eventFilter, filterOptions, type FilterOptions } from '../filter.js';

interface EventCliOptions extends FilterOptions {
  db?: string;
  format: 'jsonl' | 'table' | 'csv';
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/** Columns padded to their widest cell, a rule under the header. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Who says a contested event happened and who denies it. */
function sides(m: MergedEvent): string {
  const names = (negated: boolean): string[] => [...new Set(m.claims.filter((c) => c.negated === negated).map((c) => c.claimed_by ?? 'the report'))];
  return `asserted by ${names(false).join(', ') || '?'}; denied by ${names(true).join(', ') || '?'}`;
}

/** Merged events whose sources disagree, one row each (`events --contested --format table`). */
export function contestedTable(merged: MergedEvent[]): string {
  const rows = merged.map((m) => [m.date ?? 'undated', `${m.source} → ${m.target}`, m.type, String(m.source_count), clip(sides(m), 90)]);
  return table(['date', 'dyad', 'event', 'sources', 'claims'], rows);
}

/** A human-readable events table (the demo's output). */
export function eventsTable(events: Event[]): string {
  const rows = events.map((e) => [
    e.date ?? 'undated',
    `${e.source} → ${e.target}`,
    (e.negated ? 'NOT ' : '') + e.type + (e.hypothetical && !e.negated ? '?' : ''),
    e.mode ?? '',
    e.location ?? '',
    e.claimed_by ? `per ${e.claimed_by}` : '',
    clip(e.evidence.text, 70),
  ]);
  const legend: string[] = [];
  if (events.some((e) => e.negated)) legend.push('NOT = reported as not happening');
  if (events.some((e) => e.hypothetical)) legend.push('TYPE? = planned or possible, not reported as done');
  const body = table(['date', 'dyad', 'event', 'mode', 'where', 'claim', 'evidence'], rows);
  return legend.length ? `${body}(${legend.join('; ')})\n` : body;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('articles')
      .description('List stored articles with their clean text: {id, source, title, published, language, text, duplicate_of} per line.')
      .addOption(new Option('--format <format>', 'output format').choices(['jsonl']).default('jsonl'))
      .option('--limit <n>', 'at most this many')
      .addHelpText('after', '\nExamples:\n  demarche articles --db news.db | jq -r .title\n  demarche articles --db news.db --limit 10 > first10.jsonl'),
  ).action(async (opts: { db?: string; limit?: string }) => {
    const limit = opts.limit === undefined ? undefined : positiveInt('--limit', opts.limit);
    requireExistingDb(opts);
    const { listArticles } = await import('../../app/articles.js');
    await withStore(opts, async (store) => {
      for (const a of await listArticles(store, { limit })) {
        await writeJsonLine({ id: a.id, source: a.source, url: a.url, title: a.title, published: a.published, language: a.language, text: a.text, duplicate_of: a.duplicate_of });
      }
    }, { readOnly: true });
  });

  const events = program
    .command('events')
    .description('List coded event mentions (or, with --contested, merged events whose sources disagree).')
    .addOption(new Option('--format <format>', 'output format (csv: the export columns, docs/EXPORT.md)').choices(['jsonl', 'table', 'csv']).default('jsonl'));
  dbOption(
    filterOptions(events, ['actor', 'dyad', 'type', 'since', 'until', 'contested', 'min_confidence', 'outlet', 'text'], { contested: 'merged events whose sources contradict each other' })
      .option('--limit <n>', 'at most this many')
      .addHelpText(
        'after',
        '\nExamples:\n  demarche events --db news.db --dyad RUS,USA --since 2015-09-01 --until 2015-09-30\n' +
          '  demarche events --db news.db --actor Lavrov --type CONSULT --format table\n  demarche events --db news.db --contested | jq .claims',
      ),
  ).action(async (opts: EventCliOptions) => {
    const filter = await eventFilter(opts);
    requireExistingDb(opts);
    const { listContested, listEvents } = await import('../../app/events.js');
    await withStore(opts, async (store) => {
      if (opts.format === 'csv') {
        const { writeExport } = await import('../../app/export.js');
        await writeExport(store, filter, { format: 'csv', merged: filter.contested }, (chunk) => void process.stdout.write(chunk));
        return;
      }
      if (filter.contested) {
        const contested = await listContested(store, filter);
        if (opts.format === 'table') process.stdout.write(contestedTable(contested));
        else for (const m of contested) await writeJsonLine(m);
        return;
      }
      const events = await listEvents(store, filter);
      if (opts.format === 'table') process.stdout.write(eventsTable(events));
      else for (const e of events) await writeJsonLine(e);
    }, { readOnly: true });
  });
}
