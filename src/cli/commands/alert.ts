// `demarche alert add|list|remove|hits`: saved event filters that `demarche watch` checks after each round.
import { Command } from 'commander';
import type { AlertRow } from '../../store/watch-types.js';
import { isHttpUrl } from '../../watch/url.js';
import { dbOption, positiveInt, requireExistingDb, UsageError, UserError, withStore, writeJsonLine } from '../common.js';
import { eventFilter, filterOptions, type FilterOptions } from '../filter.js';

interface AddOptions extends FilterOptions {
  db?: string;
  name: string;
  webhook?: string;
}

/** Letters, digits, "-", "_" and ".": a name that reads well in a shell, a URL and a JSON line. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function alertLine(a: AlertRow) {
  return { name: a.name, filter: a.filter, webhook: a.webhook, created_at: a.created_at, hits: a.hits, last_hit_at: a.last_hit_at };
}

export function register(program: Command): void {
  const alert = program
    .command('alert')
    .description('Saved alerts: event filters that `demarche watch` checks after each round, printing each new matching event once.');

  const add = alert
    .command('add')
    .description('Save an alert. Only events stored after it is added are news to it.')
    .requiredOption('--name <name>', 'what the alert is called (letters, digits, - _ .)');
  dbOption(
    filterOptions(add, ['dyad', 'actor', 'type', 'contested', 'min_confidence'], {
      contested: 'only events that the new reports make contested (some sources assert them, others deny them)',
    })
      .option('--webhook <url>', 'also POST each hit there as JSON (retried; Idempotency-Key header = hit id)')
      .addHelpText(
        'after',
        '\nA hit is a merged event (all its mentions new; see docs/WATCH.md), printed once by `demarche watch` as\n' +
          '{alert, hit, found_at, event, articles}. A syndicated copy of a story reported already is no new hit.\n\n' +
          'Examples:\n  demarche alert add --name rus-usa --dyad RUS,USA --db news.db\n' +
          '  demarche alert add --name tur-syr-force --dyad TUR,SYR --type ASSAULT --min-confidence 0.6 --db news.db\n' +
          '  demarche alert add --name disputed --contested --webhook https://hooks.example.org/demarche --db news.db',
      ),
  ).action(async (opts: AddOptions) => {
    if (!NAME.test(opts.name)) throw new UsageError(`invalid --name "${opts.name}": use letters, digits, "-", "_" or "." (at most 64)`);
    if (opts.webhook !== undefined && !isHttpUrl(opts.webhook)) throw new UsageError(`invalid --webhook "${opts.webhook}": expected an http(s) URL`);
    const filter = await eventFilter(opts);
    const { addAlert } = await import('../../app/alerts.js');
    await withStore(opts, async (store) => {
      const row = await addAlert(store, opts.name, filter, opts.webhook ?? null).catch((err: unknown) => {
        throw new UserError((err as Error).message);
      });
      await writeJsonLine(alertLine(row));
    });
  });

  dbOption(alert.command('list').description('The saved alerts, one JSON line each: {name, filter, webhook, created_at, hits, last_hit_at}.')).action(
    async (opts: { db?: string }) => {
      requireExistingDb(opts);
      const { listAlerts } = await import('../../app/alerts.js');
      await withStore(opts, async (store) => {
        for (const a of await listAlerts(store)) await writeJsonLine(alertLine(a));
      }, { readOnly: true });
    },
  );

  dbOption(alert.command('remove').description('Delete an alert and its hits.').argument('<name>', 'the alert to remove')).action(
    async (name: string, opts: { db?: string }) => {
      requireExistingDb(opts);
      const { removeAlert } = await import('../../app/alerts.js');
      await withStore(opts, async (store) => {
        if (!(await removeAlert(store, name))) throw new UserError(`no alert named "${name}" (see \`demarche alert list\`)`);
        process.stderr.write(`removed alert ${name}\n`);
      });
    },
  );

  dbOption(
    alert
      .command('hits')
      .description('What the alerts found, newest first, one JSON line each (as `demarche watch` printed them).')
      .argument('[name]', 'only this alert')
      .option('--limit <n>', 'at most this many', '50'),
  ).action(async (name: string | undefined, opts: { db?: string; limit: string }) => {
    const limit = positiveInt('--limit', opts.limit);
    requireExistingDb(opts);
    const { alertHits, getAlert } = await import('../../app/alerts.js');
    await withStore(opts, async (store) => {
      if (name !== undefined && !(await getAlert(store, name))) throw new UserError(`no alert named "${name}" (see \`demarche alert list\`)`);
      for (const h of await alertHits(store, { alert: name, limit, offset: 0 })) await writeJsonLine(h.payload);
    }, { readOnly: true });
  });
}
