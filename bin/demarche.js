#!/usr/bin/env node
// Thin launcher: the CLI is compiled from TypeScript into dist/ by `npm ci` (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('demarche: not built yet; run `npm ci` (or `npm run build`) first\n');
  process.exit(1);
}
try {
  await import(main);
} catch (err) {
  // A half-built or corrupted dist/ fails at module load: say so in one line, not a stack trace.
  process.stderr.write(`demarche: cannot load the program (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); run \`npm run build\`\n`);
  process.exit(1);
}
