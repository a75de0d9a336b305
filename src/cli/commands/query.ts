// `demarche articles` and `demarche events`: read what is stored.
import { Command, Option } from 'commander';
import type { Event } from '../../model.js';
import type { EventFilter } from '../../store/types.js';
import { dbOption, UserError, withStore, writeJsonLine } from '../common.js';

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface EventCliOptions {
  db?: string;
  format: 'jsonl' | 'table';
  actor?: string;
  dyad?: string;
  type?: string;
  since?: string;
  until?: string;
  contested?: boolean;
  limit?: string;
}

export function eventFilter(opts: EventCliOptions): EventFilter {
  const filter: EventFilter = {};
  if (opts.actor) filter.actor = opts.actor;
  if (opts.dyad) {
    const parts = opts.dyad.split(',').map((s) => s.trim()).filter(Boolean);
    if (parts.length !== 2) throw new UserError(`--dyad takes two actors separated by a comma, e.g. RUS,USA (got "${opts.dyad}")`);
    filter.dyad = [parts[0]!, parts[1]!];
  }
  if (opts.type) filter.type = opts.type.toUpperCase();
  for (const key of ['since', 'until'] as const) {
    const v = opts[key];
    if (v === undefined) continue;
    if (!ISO.test(v)) throw new UserError(`--${key} takes a date like 2017-10-09 (got "${v}")`);
    filter[key] = v;
  }
  if (opts.contested) filter.contested = true;
  if (opts.limit !== undefined) {
    const n = Number(opts.limit);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`--limit takes a positive whole number (got "${opts.limit}")`);
    filter.limit = n;
  }
  return filter;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/** A human-readable events table (the demo's output). */
export function eventsTable(events: Event[]): string {
  const rows = events.map((e) => [
    e.date ?? '?',
    `${e.source} → ${e.target}`,
    (e.negated ? 'NOT ' : '') + e.type + (e.hypothetical ? '?' : ''),
    e.mode ?? '',
    e.location ?? '',
    e.claimed_by ? `per ${e.claimed_by}` : '',
    clip(e.evidence.text, 70),
  ]);
  const head = ['date', 'dyad', 'event', 'mode', 'where', 'claim', 'evidence'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

export function register(program: Command): void {
  dbOption(
    program
      .command('articles')
      .description('List stored articles with their clean text: {id, source, title, published, language, text, duplicate_of} per line.')
      .addOption(new Option('--format <format>', 'output format').choices(['jsonl']).default('jsonl'))
      .option('--limit <n>', 'at most this many'),
  ).action(async (opts: { db?: string; limit?: string }) => {
    await withStore(opts, async (store) => {
      const limit = opts.limit === undefined ? undefined : Number(opts.limit);
      for (const a of await store.listArticles({ limit })) {
        writeJsonLine({ id: a.id, source: a.source, url: a.url, title: a.title, published: a.published, language: a.language, text: a.text, duplicate_of: a.duplicate_of });
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
      .option('--limit <n>', 'at most this many'),
  ).action(async (opts: EventCliOptions) => {
    const filter = eventFilter(opts);
    await withStore(opts, async (store) => {
      if (opts.contested) {
        for (const m of await store.mergedEvents(filter)) if (m.contested) writeJsonLine(m);
        return;
      }
      const events = await store.events(filter);
      if (opts.format === 'table') process.stdout.write(eventsTable(events));
      else for (const e of events) writeJsonLine(e);
    });
  });
}
