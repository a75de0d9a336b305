// `demarche brief --dyad RUS,USA`: a dated, chronological brief of one relationship.
import { Command, Option } from 'commander';
import { BRIEF_FORMATS, renderBrief, type BriefFormat } from '../../report/brief.js';
import { dbOption, requireExistingDb, UserError, withStore } from '../common.js';
import { eventFilter, filterOptions } from '../filter.js';
import { outputWriter } from './export.js';

interface BriefCliOptions {
  db?: string;
  dyad?: string;
  since?: string;
  until?: string;
  format: BriefFormat;
  out?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command('brief')
    .description('Write a chronological brief of one relationship: events with cited evidence, contradictions, and a monthly cooperation-conflict line.');
  dbOption(
    filterOptions(cmd, ['dyad', 'since', 'until'], { required: ['dyad'] })
      .addOption(new Option('--format <format>', 'output format').choices([...BRIEF_FORMATS]).default('md'))
      .option('--out <file>', 'write to this file instead of stdout'),
  ).action(async (opts: BriefCliOptions) => {
    const { dyad, since, until } = await eventFilter({ dyad: opts.dyad, since: opts.since, until: opts.until });
    if (!dyad) throw new UserError('--dyad is required, e.g. --dyad RUS,USA');
    requireExistingDb(opts);
    const { loadBrief } = await import('../../app/brief.js');
    const data = await withStore(opts, (store) => loadBrief(store, { dyad, since, until }), { readOnly: true });
    const out = outputWriter(opts.out);
    await out.write(renderBrief(data, opts.format));
    await out.end();
    if (opts.out) process.stderr.write(`demarche: wrote a brief of ${data.events.length} event${data.events.length === 1 ? '' : 's'} to ${opts.out}\n`);
  });
}
