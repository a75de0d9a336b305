// Helpers for the CLI tests (not a test file): run the real `demarche` binary (bin/demarche.js over
// dist/, built by test/global-setup.ts) as a child process and read what it printed.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../fixtures/paths.js';

export { ROOT };
export const BIN = join(ROOT, 'bin', 'demarche.js');
export const SEEDS_DIR = join(ROOT, 'examples', 'seeds');
export const SEED_FILES = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS_DIR, f));
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs `demarche ARGS...` to completion (stdin is closed at once unless input is given). */
export function demarche(args: string[], opts: RunOptions = {}): Promise<Ran> {
  return runProcess(process.execPath, [BIN, ...args], opts);
}

/** Runs a shell pipeline (e.g. `demarche events | head -1`); DEMARCHE expands to the binary. */
export function shell(script: string, opts: RunOptions = {}): Promise<Ran> {
  return runProcess('/bin/sh', ['-c', script], { ...opts, env: { ...process.env, ...opts.env, DEMARCHE: `${process.execPath} ${BIN}` } });
}

function runProcess(cmd: string, args: string[], opts: RunOptions): Promise<Ran> {
  const env = { ...process.env, ...opts.env };
  delete env.DEMARCHE_DB; // every test names its database
  const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  child.stdin.on('error', () => {}); // the command may exit before reading all of its input
  child.stdin.end(opts.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

/** Parses JSON Lines, failing the test on any line that is not one JSON object. */
export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  const lines = text.split('\n').filter((l) => l !== '');
  return lines.map((line, i) => {
    let value: unknown;
    expect(() => (value = JSON.parse(line)), `line ${i + 1} is not JSON: ${line.slice(0, 120)}`).not.toThrow();
    expect(typeof value === 'object' && value !== null && !Array.isArray(value), `line ${i + 1} is not an object`).toBe(true);
    return value as T;
  });
}

/** A user error: non-zero exit, exactly one line on stderr, prefixed, never a stack trace. */
export function expectOneLineError(r: Ran, pattern?: RegExp): void {
  expect(r.code, `stderr: ${r.stderr}`).not.toBe(0);
  expect(r.code).not.toBeNull();
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^demarche: /);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  if (pattern) expect(lines[0]).toMatch(pattern);
}

export function seedText(i: number): string {
  return readFileSync(SEED_FILES[i % SEED_FILES.length]!, 'utf8');
}
