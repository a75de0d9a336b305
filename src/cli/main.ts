// The `demarche` command line. Commands live in ./commands, one file each.
import { Command, CommanderError } from 'commander';
import { UserError } from './common.js';
import * as brief from './commands/brief.js';
import * as demo from './commands/demo.js';
import * as enqueue from './commands/enqueue.js';
import * as exportCmd from './commands/export.js';
import * as ingest from './commands/ingest.js';
import * as query from './commands/query.js';
import * as serve from './commands/serve.js';
import * as standalone from './commands/standalone.js';
import * as worker from './commands/worker.js';

const program = new Command()
  .name('demarche')
  .description(
    'Turn raw news into a searchable, deduplicated, evidence-linked record of diplomatic and political events.\n' +
      'Data goes to a SQLite file (default ./demarche.db, or --db / $DEMARCHE_DB; a postgres:// URL selects PostgreSQL).',
  )
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

for (const mod of [ingest, query, exportCmd, brief, serve, standalone, enqueue, worker, demo]) mod.register(program);

// stdout closed early (`demarche events | head`): leave quietly instead of a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

function fail(message: string, code: number): never {
  process.stderr.write(`demarche: ${message}\n`);
  process.exit(code);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof UserError) fail(err.message, err.exitCode);
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'SQLITE_CANTOPEN') fail('cannot open the database file (check the --db path)', 1);
  fail(e instanceof Error ? e.message : String(err), 1);
}
