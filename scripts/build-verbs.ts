// Builds data/verbs.json: the whole Phoenix CAMEO verb dictionary (petrarch2, MIT) as the event
// coder's candidate lexicon — every verb and its inflected forms, phrasal verbs with their
// particles, and every pattern of its block, before-verb and after-verb, including the patterns
// the dictionary marks "do not code" ([---]). The coder does not obey the dictionary: it reads a
// match as evidence (a feature) and a trained model decides.
//
// Run: npx tsc -p tsconfig.json && node dist/scripts/build-verbs.js
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, sharedDataDir } from '../eval/common.js';
import { loadPetrarchVerbs, type VerbPattern } from '../src/stages/events/petrarch.js';

/** One block's patterns: [before slots, after slots, code or null ("do not code"), negative?]. */
type PatternRow = [string[], string[], string | null, 0 | 1];

interface VerbsTable {
  version: 1;
  source: string;
  /** Pattern lists, shared by the verbs of a block. A slot is "a|b|c" (alternative words). */
  blocks: PatternRow[][];
  /** Word (lemma or listed form) -> entries [default code or null, block index, particles]. */
  verbs: Record<string, [string | null, number, string[]][]>;
}

function row(p: VerbPattern): PatternRow {
  return [p.before.map((s) => s.join('|')), p.after.map((s) => s.join('|')), p.code, p.negative ? 1 : 0];
}

function main(): void {
  const data = sharedDataDir();
  if (!data) {
    process.stderr.write('build-verbs: development data not found at ../shared/data (set DEMARCHE_SHARED_DATA)\n');
    process.exit(2);
  }
  const dict = loadPetrarchVerbs(readFileSync(join(data, 'events/phoenix_dictionaries/CAMEO.2.0.txt'), 'utf8'));
  const table: VerbsTable = { version: 1, source: 'Phoenix CAMEO.2.0.txt (openeventdata/petrarch2, MIT)', blocks: [], verbs: {} };
  const blockIndex = new Map<VerbPattern[], number>();
  let patterns = 0;
  for (const [word, entries] of dict.verbs) {
    const out: [string | null, number, string[]][] = [];
    for (const e of entries) {
      let idx = blockIndex.get(e.patterns);
      if (idx === undefined) {
        idx = table.blocks.length;
        table.blocks.push(e.patterns.map(row));
        patterns += e.patterns.length;
        blockIndex.set(e.patterns, idx);
      }
      out.push([e.code, idx, e.particles]);
    }
    table.verbs[word] = out;
  }
  mkdirSync(join(REPO_ROOT, 'data'), { recursive: true });
  const file = join(REPO_ROOT, 'data/verbs.json');
  writeFileSync(file, JSON.stringify(table) + '\n');
  process.stderr.write(`build-verbs: ${Object.keys(table.verbs).length} words, ${table.blocks.length} blocks, ${patterns} patterns -> ${file}\n`);
}

main();
