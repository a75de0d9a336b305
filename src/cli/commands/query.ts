// `demarche articles` and `demarche events`: read what is stored.
import { Command, Option } from 'commander';
import { PLOVER_TYPES, type Event, type MergedEvent } from '../../model.js';
import type { EventFilter } from '../../store/types.js';
import { dbOption, positiveInt, requireExistingDb, UsageError, withStore, writeJsonLine } from '../common.js';

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A date option (YYYY, YYYY-MM or YYYY-MM-DD) that names a real calendar date. */
function isDate(v: string): boolean {
  if (!ISO.test(v)) return false;
  const [y, m = 1, d = 1] = v.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The event filter options shared by `events`, `export` and `brief`, as commander parses them. */
export interface EventFilterOptions {
  db?: string;
  actor?: string;
  dyad?: string;
  type?: string;
  since?: string;
  until?: string;
  contested?: boolean;
  limit?: string;
}

interface EventCliOptions extends EventFilterOptions {
  format: 'jsonl' | 'table';
}

export function eventFilter(opts: EventFilterOptions): EventFilter {
  const filter: EventFilter = {};
  if (opts.actor) filter.actor = opts.actor;
  if (opts.dyad) {
    const parts = opts.dyad.split(',').map((s) => s.trim()).filter(Boolean);
    if (parts.length !== 2) throw new UsageError(`--dyad takes two actors separated by a comma, e.g. RUS,USA (got "${opts.dyad}")`);
    filter.dyad = [parts[0]!, parts[1]!];
  }
  if (opts.type) {
    const type = opts.type.trim().toUpperCase();
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`--type takes a PLOVER type, one of ${PLOVER_TYPES.join(', ')} (got "${opts.type}")`);
    }
    filter.type = type;
  }
  for (const key of ['since', 'until'] as const) {
    const v = opts[key]?.trim();
    if (v === undefined) continue;
    if (!isDate(v)) throw new UsageError(`--${key} takes a date like 2017-10-09, 2017-10 or 2017 (got "${opts[key]}")`);
    filter[key] = v;
  }
  if (filter.since && filter.until && filter.since > filter.until) throw new UsageError(`--since ${filter.since} is after --until ${filter.until}`);
  if (opts.contested) filter.contested = true;
  if (opts.limit !== undefined) filter.limit = positiveInt('--limit', opts.limit);
  return filter;
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
    (e.negated ? 'NOT ' : '') + e.type + (e.hypothetical ? '?' : ''),
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
    await withStore(opts, async (store) => {
      for (const a of await store.listArticles({ limit })) {
        await writeJsonLine({ id: a.id, source: a.source, url: a.url, title: a.title, published: a.published, language: a.language, text: a.text, duplicate_of: a.duplicate_of });
      }
    });
  });

  dbOption(
    program
      .command('events')
      .description('List coded event mentions (or, with --contested, merged events whose sources disagree).')
      .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'table']).default('jsonl'))
      .option('--actor <code|name>', 'actor code or prefix on either side (RUS, USAGOV) or a person ("Lavrov")')
      .option('--dyad <A,B>', 'both actors, either direction, e.g. RUS,USA')
      .option('--type <PLOVER>', 'event type, e.g. CONSULT')
      .option('--since <date>', 'on or after this date (YYYY-MM-DD)')
      .option('--until <date>', 'on or before this date (YYYY-MM-DD)')
      .option('--contested', 'merged events whose sources contradict each other')
      .option('--limit <n>', 'at most this many')
      .addHelpText(
        'after',
        '\nExamples:\n  demarche events --db news.db --dyad RUS,USA --since 2015-09-01 --until 2015-09-30\n' +
          '  demarche events --db news.db --actor Lavrov --type CONSULT --format table\n  demarche events --db news.db --contested | jq .claims',
      ),
  ).action(async (opts: EventCliOptions) => {
    const filter = eventFilter(opts);
    requireExistingDb(opts);
    await withStore(opts, async (store) => {
      if (opts.contested) {
        const contested = (await store.mergedEvents(filter)).filter((m) => m.contested);
        if (opts.format === 'table') process.stdout.write(contestedTable(contested));
        else for (const m of contested) await writeJsonLine(m);
        return;
      }
      const events = await store.events(filter);
      if (opts.format === 'table') process.stdout.write(eventsTable(events));
      else for (const e of events) await writeJsonLine(e);
    });
  });
}
