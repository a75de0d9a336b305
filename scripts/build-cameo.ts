// Builds data/cameo.json: the CAMEO codebook (name, Goldstein, penta class) joined with the
// CAMEO->PLOVER conversion table, plus a compact verb lexicon mined from the Phoenix CAMEO verb
// dictionary (PETRARCH format). Run: npx tsc -p tsconfig.json && node dist/scripts/build-cameo.js
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, readJsonl, sharedDataDir } from '../eval/common.js';
import { loadPetrarchVerbs } from '../src/stages/events/petrarch.js';
import type { CameoTable, MinedVerb } from '../src/stages/events/cameo.js';

interface CodebookRow {
  code: string;
  name: string;
  goldstein: number;
  penta_class: number;
}

/** "041: CONSULT, phone,   # Discuss by telephone" -> code, event, mode. */
function readPloverTable(text: string): Map<string, { event: string; mode: string | null }> {
  const out = new Map<string, { event: string; mode: string | null }>();
  for (const line of text.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*)/.exec(line);
    if (!m) continue;
    const mode = m[3]!.trim();
    if (!out.has(m[1]!)) out.set(m[1]!, { event: m[2]!, mode: mode === '' ? null : mode });
  }
  return out;
}

function main(): void {
  const data = sharedDataDir();
  if (!data) {
    process.stderr.write('build-cameo: development data not found at ../shared/data (set DEMARCHE_SHARED_DATA)\n');
    process.exit(2);
  }
  const ev = join(data, 'events');
  const rows = readJsonl<CodebookRow>(join(ev, 'cameo_codebook', 'cameo_codes.jsonl'));
  const plover = readPloverTable(readFileSync(join(ev, 'plover_ontology', 'CAMEO2PLOVER-2021.txt'), 'utf8'));
  const ngec = readFileSync(join(ev, 'plover_ontology', 'ngec_PLOVER_structured_codebook_updated.csv'), 'utf8');
  const ploverTypes = new Set(ngec.split('\n').slice(1).map((l) => l.split(',')[0]).filter((t): t is string => !!t));

  const codes: CameoTable['codes'] = {};
  for (const r of rows) {
    let p = plover.get(r.code) ?? null;
    // PLOVER folds CAMEO 02 (appeals) into REQUEST; CAMEO 01 (statements) is not an event in PLOVER.
    if (!p && r.code.startsWith('02')) p = { event: 'REQUEST', mode: null };
    if (p && !ploverTypes.has(p.event)) throw new Error(`unknown PLOVER type ${p.event} for CAMEO ${r.code}`);
    codes[r.code] = { name: r.name, goldstein: r.goldstein, plover: p?.event ?? null, mode: p?.mode ?? null, penta: r.penta_class };
  }

  // Phoenix verbs: keep each verb's default code and its short post-verb patterns (<= 3 words,
  // small synsets); pre-verb patterns and long ones are rare in news and would bloat the file.
  const dict = loadPetrarchVerbs(readFileSync(join(ev, 'phoenix_dictionaries', 'CAMEO.2.0.txt'), 'utf8'));
  const verbs: Record<string, MinedVerb> = {};
  const patternLists: CameoTable['patterns'] = [];
  const listIndex = new Map<unknown, number>();
  for (const [verb, entries] of dict.verbs) {
    const e = entries[0]!;
    if (e.particles.length) continue;
    const patterns: CameoTable['patterns'][number] = [];
    for (const p of e.patterns) {
      if (p.before.length || p.after.length === 0 || p.after.length > 3 || p.code === null) continue;
      if (p.after.some((s) => s.length > 12)) continue;
      if (!codes[p.code]) continue;
      patterns.push([p.after.map((s) => s.join('|')).join(' '), p.code]);
    }
    if (e.code === null && patterns.length === 0) continue;
    // Verbs of one block share its pattern list: store it once.
    let idx = listIndex.get(e.patterns);
    if (idx === undefined) {
      idx = patternLists.length;
      patternLists.push(patterns);
      listIndex.set(e.patterns, idx);
    }
    verbs[verb] = { c: e.code && codes[e.code] ? e.code : null, p: idx };
  }
  const table: CameoTable = { codes, verbs, patterns: patternLists };
  mkdirSync(join(REPO_ROOT, 'data'), { recursive: true });
  const out = join(REPO_ROOT, 'data', 'cameo.json');
  writeFileSync(out, JSON.stringify(table) + '\n');
  process.stdout.write(`build-cameo: ${Object.keys(codes).length} codes, ${Object.keys(verbs).length} verbs -> ${out}\n`);
}

main();
