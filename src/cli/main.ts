// The `demarche` command line. Commands live in ./commands, one file each; they import the pipeline,
// the server and the queue only when they run, so `--help` and quick queries start fast.
import { Command, CommanderError } from 'commander';
import { EXIT, UserError } from './common.js';
import * as brief from './commands/brief.js';
import * as demo from './commands/demo.js';
import * as enqueue from './commands/enqueue.js';
import * as exportCmd from './commands/export.js';
import * as ingest from './commands/ingest.js';
import * as query from './commands/query.js';
import * as serve from './commands/serve.js';
import * as standalone from './commands/standalone.js';
import * as worker from './commands/worker.js';
import * as watch from './commands/watch.js';
import * as alert from './commands/alert.js';
import * as analyst from './commands/analyst.js';

const EXIT_STATUS_HELP = `
Output: data goes to stdout as JSON Lines (one object per line) unless a command says otherwise;
problems go to stderr, one line each.

Exit status:
  ${EXIT.ok}  success
  ${EXIT.error}  error: the database could not be opened or written, or no input could be read
  ${EXIT.usage}  usage error: unknown command or option, or an option value that does not parse
  ${EXIT.partial}  finished, but some inputs could not be read (listed on stderr); the rest was processed
  ${EXIT.interrupted}  interrupted by Ctrl-C (ingest stores what it had read, then stops)

Examples:
  demarche demo
  demarche ingest examples/seeds/*.txt --db news.db
  demarche events --db news.db --dyad RUS,USA --since 2015-09-01 | jq .evidence.text
  demarche brief --db news.db --dyad RUS,USA > brief.md
  demarche serve --db news.db`;

/** Examples for the commands whose files do not carry their own. */
const EXAMPLES: Record<string, string[]> = {
  export: ['demarche export --db news.db --format csv --out events.csv', 'demarche export --db news.db --merged --dyad RUS,USA --format jsonl'],
  brief: ['demarche brief --db news.db --dyad RUS,USA --since 2015-01 > brief.md'],
  serve: ['demarche serve --db news.db --port 8080', 'demarche serve --db postgres://user@host/news --host 0.0.0.0 --token s3cret'],
  enqueue: ['demarche enqueue crawl/ --db postgres://user@host/news'],
  worker: ['demarche worker --db postgres://user@host/news --concurrency 2'],
};

/** Commander's messages ("error: unknown option '--x'\n(Did you mean --y?)") as one prefixed line. */
function oneLine(message: string): string {
  return message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
}

const program = new Command()
  .name('demarche')
  .description(
    'Turn raw news into a searchable, deduplicated, evidence-linked record of diplomatic and political events.\n' +
      'Data goes to a SQLite file (default ./demarche.db, or --db / $DEMARCHE_DB; a postgres:// URL selects PostgreSQL).',
  )
  .version('0.1.0')
  .configureOutput({ outputError: (message, write) => write(`demarche: ${oneLine(message)} (see --help)\n`) })
  .exitOverride()
  .addHelpText('after', EXIT_STATUS_HELP);

for (const mod of [ingest, query, analyst, exportCmd, brief, serve, standalone, enqueue, worker, watch, alert, demo]) mod.register(program);
for (const cmd of program.commands) {
  const examples = EXAMPLES[cmd.name()];
  if (examples && !cmd.helpInformation().includes('Examples:')) cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}`);
}

// stdout closed early (`demarche events | head -1`): leave quietly instead of a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.ok);
  fail(`cannot write to stdout: ${err.message}`, EXIT.error);
});

// stderr closed (`demarche ingest ... 2>&1 | head`): the work goes on, its messages have nowhere to go.
process.stderr.on('error', () => {});

function fail(message: string, code: number): never {
  process.stderr.write(`demarche: ${message}\n`);
  process.exit(code);
}

/** A failure that is not the user's: still one line, with the stack only when asked for. */
function internalError(err: unknown): never {
  if (process.env.DEMARCHE_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  // A plain Error carries a message written for people (e.g. "cannot open database x.db: ...");
  // TypeError and friends are bugs, where the details matter.
  const bug = !(err instanceof Error) || err.constructor !== Error;
  fail(`${message}${bug && !process.env.DEMARCHE_DEBUG ? ' (an internal error; set DEMARCHE_DEBUG=1 for details)' : ''}`, EXIT.error);
}

// Errors outside the awaited command (a stray callback, a rejected promise nobody awaited).
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

/** Commander's own exits: help and version are successes, everything else is a usage error. */
function commanderExit(err: CommanderError): never {
  const success = ['commander.helpDisplayed', 'commander.version'].includes(err.code);
  process.exit(success ? EXIT.ok : EXIT.usage);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) commanderExit(err);
  if (err instanceof UserError) fail(err.message, err.exitCode);
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'SQLITE_CANTOPEN') fail('cannot open the database file (check the --db path)', EXIT.error);
  if (e?.code === 'SQLITE_NOTADB') fail('the --db file is not a demarche (SQLite) database', EXIT.error);
  if (e?.code === 'SQLITE_BUSY') fail('the database is locked by another process; try again', EXIT.error);
  if (e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC') fail('no space left to write the database', EXIT.error);
  if (e?.code === 'EACCES' || e?.code === 'EPERM') fail(`permission denied: ${e.path ?? e.message}`, EXIT.error);
  internalError(err);
}
