// Helpers for the fault tests (not a test file): many distinct documents from the five seeds,
// child processes that can be killed, and waiting for conditions.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentId } from '../../src/ingest/decode.js';
import type { RawDocument } from '../../src/model.js';
import { ROOT } from '../fixtures/paths.js';

export { ROOT };
const VITE_NODE = join(ROOT, 'node_modules', '.bin', 'vite-node');
const SEEDS = join(ROOT, 'examples', 'seeds');

/** n distinct documents (seed text + a numbered dispatch line), deterministic. */
export function syntheticDocs(n: number): RawDocument[] {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  return Array.from({ length: n }, (_, i) => {
    const content = `${seeds[i % seeds.length]!.trim()}\n\nDispatch ${i} filed by correspondent number ${i * 7919 % 10007}.`;
    return { id: contentId(content), source: `synthetic-${i}.txt`, url: null, format: 'text', content, published: '2015-09-06', title: null };
  });
}

/** JSON Lines for `demarche ingest`. */
export function toJsonl(docs: RawDocument[]): string {
  return docs.map((d) => JSON.stringify({ text: d.content, url: `https://example.org/${d.source}`, published: d.published })).join('\n') + '\n';
}

export interface Child {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** Runs a TypeScript entry point from the sources (vite-node) as a separate, killable process. */
export function spawnTs(script: string, args: string[]): Child {
  const proc = spawn(VITE_NODE, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  proc.stdout!.on('data', (b: Buffer) => stdout.push(...b.toString().split('\n').filter(Boolean)));
  proc.stderr!.on('data', (b: Buffer) => stderr.push(...b.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, stdout, stderr, exited };
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Events per article id for syntheticDocs(n), computed by the current sources in a fresh process. */
export async function pipelineEventCounts(n: number): Promise<Map<string, number>> {
  const child = spawnTs(join(ROOT, 'test', 'fixtures', 'faults', 'event-counts.ts'), [String(n)]);
  const code = await child.exited;
  if (code !== 0) throw new Error(`event-counts.ts failed: ${child.stderr.join('\n')}`);
  return new Map(Object.entries(JSON.parse(child.stdout.join('')) as Record<string, number>));
}
