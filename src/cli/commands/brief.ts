// `demarche brief --dyad RUS,USA`: a dated, chronological brief of one relationship.
import { Command, Option } from 'commander';
import { BRIEF_FORMATS, loadBrief, renderBrief, type BriefFormat } from '../../report/brief.js';
import { dbOption, requireExistingDb, UserError, withStore } from '../common.js';
import { outputWriter } from './export.js';
import { eventFilter } from './query.js';

interface BriefCliOptions {
  db?: string;
  dyad?: string;
  since?: string;
  until?: string;
  format: BriefFormat;
  out?: string;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('brief')
      .description('Write a chronological brief of one relationship: events with cited evidence, contradictions, and a monthly cooperation-conflict line.')
      .requiredOption('--dyad <a,b>', 'two actor codes/prefixes, e.g. RUS,USA')
      .option('--since <date>', 'start of the period (YYYY[-MM[-DD]])')
      .option('--until <date>', 'end of the period (YYYY[-MM[-DD]])')
      .addOption(new Option('--format <format>', 'output format').choices([...BRIEF_FORMATS]).default('md'))
      .option('--out <file>', 'write to this file instead of stdout'),
  ).action(async (opts: BriefCliOptions) => {
    const { dyad, since, until } = eventFilter({ dyad: opts.dyad, since: opts.since, until: opts.until });
    if (!dyad) throw new UserError('--dyad is required, e.g. --dyad RUS,USA');
    if (since && until && since > until) throw new UserError(`--since ${since} is after --until ${until}`);
    requireExistingDb(opts);
    const data = await withStore(opts, (store) => loadBrief(store, { dyad: [dyad[0].toUpperCase(), dyad[1].toUpperCase()], since, until }));
    const out = outputWriter(opts.out);
    await out.write(renderBrief(data, opts.format));
    await out.end();
    if (opts.out) process.stderr.write(`demarche: wrote a brief of ${data.events.length} events to ${opts.out}\n`);
  });
}
