// `demarche enqueue PATH... --db postgres://...`: one queue job per document for `demarche worker`.
import { Command } from 'commander';
import { isPostgresUrl } from '../../store/index.js';
import { dbLocation, dbOption, UserError } from '../common.js';

interface EnqueueCliOptions {
  db?: string;
}

/** The queue lives in PostgreSQL: refuse anything else with a one-line reason. */
export function queueUrl(opts: { db?: string }): string {
  const location = dbLocation(opts);
  if (!isPostgresUrl(location)) {
    throw new UserError(`the job queue needs PostgreSQL: pass --db postgres://... (got "${location}")`);
  }
  return location;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('enqueue')
      .description('Queue documents (same inputs as ingest) for `demarche worker` processes on any machine. Needs a postgres:// database; re-queueing is a no-op.')
      .argument('<paths...>', 'files or folders to read; "-" reads standard input'),
  ).action(async (paths: string[], opts: EnqueueCliOptions) => {
    const url = queueUrl(opts);
    // Loaded when the command runs, so other commands do not pay for the queue at startup.
    const [{ readSources }, { enqueueDocuments }] = await Promise.all([import('../../ingest/index.js'), import('../../queue/enqueue.js')]);
    const summary = await enqueueDocuments(url, readSources(paths), {
      onProblem: (p) => process.stderr.write(`${p.warning ? 'warning' : 'error'}: ${p.source}: ${p.error}\n`),
    });
    const failed = summary.problems.filter((p) => !p.warning).length;
    const parts = [`queued ${summary.queued} document${summary.queued === 1 ? '' : 's'}`];
    if (summary.stored) parts.push(`${summary.stored} already stored`);
    if (summary.repeated) parts.push(`${summary.repeated} repeated`);
    if (failed) parts.push(`${failed} unreadable`);
    process.stderr.write(parts.join(', ') + '\n');
    if (failed > 0) process.exitCode = summary.queued + summary.stored > 0 ? 3 : 1;
  });
}
