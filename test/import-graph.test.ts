// The layering of src/, checked on the import statements themselves (type-only and dynamic
// imports included): no import cycles, the faces (cli/, server/, queue/) reach the stages, the
// merge and the near-duplicate index only through app/, and nothing but app/ holds both a stage
// and the store. See docs/ARCHITECTURE.md for the picture.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Every .ts file under src/, as a path relative to src/ ("app/ingest.ts"). */
function modules(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.ts') ? [relative(SRC, join(dir, e.name))] : [],
  );
}

/** `from '…'` (import, import type, export … from), bare `import '…'` and `import('…')`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => relative(SRC, resolve(SRC, dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
}

const graph = new Map(modules().map((m) => [m, importsOf(m)]));

const under = (m: string, ...dirs: string[]): boolean => dirs.some((d) => (d.endsWith('.ts') ? m === d : m.startsWith(`${d}/`)));
const isStage = (m: string): boolean => under(m, 'stages', 'pipeline.ts');
const isStore = (m: string): boolean => under(m, 'store');
const FACES = ['cli', 'server', 'queue'];

/** Modules on an import cycle, each cycle once (Tarjan's strongly connected components). */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** "a.ts -> b.ts" for every import of a module matching `from` into one matching `to`. */
function edges(from: (m: string) => boolean, to: (m: string) => boolean): string[] {
  return [...graph].flatMap(([m, deps]) => (from(m) ? deps.filter(to).map((d) => `${m} -> ${d}`) : []));
}

describe('import graph of src/', () => {
  it('is read from the sources: every module is found, every relative import resolves to one', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('app/ingest.ts')).toContain('app/save.ts');
    expect(edges(() => true, (d) => !graph.has(d))).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('lets no module outside app/ import both a stage and the store', () => {
    const both = [...graph].filter(([m, deps]) => !under(m, 'app') && deps.some(isStage) && deps.some(isStore)).map(([m]) => m);
    expect(both).toEqual([]);
  });

  it('keeps the faces (cli/, server/, queue/) off the stages, the merge and the near-duplicate index: they call app/', () => {
    expect(edges((m) => under(m, ...FACES), (d) => isStage(d) || under(d, 'merge', 'dedupe'))).toEqual([]);
  });

  it('keeps the merge pure and the store a store: no store in merge/, no merge, stage or use case in store/', () => {
    expect(edges((m) => under(m, 'merge'), isStore)).toEqual([]);
    expect(edges(isStore, (d) => under(d, 'merge', 'app') || isStage(d))).toEqual([]);
  });

  it('keeps the stages and the language library free of storage, use cases and faces', () => {
    expect(edges((m) => isStage(m) || under(m, 'lang'), (d) => isStore(d) || under(d, 'app', 'merge', 'dedupe', 'ingest', ...FACES))).toEqual([]);
  });
});
