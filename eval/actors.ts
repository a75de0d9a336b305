// Actor resolution against NGEC's test cases (events/ngec_actor_resolution): a short actor text
// (+ optional context and date) -> expected country and first sector code.
// Scored: methods agent_to_code, short_text_to_agent, search_nat (not xfail). Skipped with a count:
// query_wiki and trf_agent_match (Wikipedia look-ups and a transformer matcher we do not have).
// P/R/F1 treat each case as one prediction: right when every expected field (country, code_1)
// matches; a prediction for a case that expects no actor is a false positive.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { prf, readJsonl, type EvalResult } from './common.js';
import { resolveActorPhrase, type PhraseActor } from '../src/actors/index.js';

interface Case {
  id: string;
  method: string;
  xfail: boolean;
  args: { text?: string; actor?: string; context?: string; query_date?: string };
  expect: { country?: string; code_1?: string; code_1_in?: string[]; result?: null };
}

const SCORED = new Set(['agent_to_code', 'short_text_to_agent', 'search_nat']);

/** "10 May 2015", "2022-01-01", "today" -> YYYY-MM-DD or null (today). */
function caseDate(q: string | undefined): string | null {
  if (!q || /^today$/i.test(q.trim())) return null;
  const t = Date.parse(q + (/^\d{4}-\d{2}-\d{2}$/.test(q) ? 'T00:00:00Z' : ' UTC'));
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/** Our country for NGEC: IGO codes name the organisation in the next three letters (IGOUNO -> UNO). */
function countryMatches(p: PhraseActor, expected: string): boolean {
  if (expected === '') return p.country === null;
  if (p.country === expected) return true;
  return p.country === 'IGO' && (p.sector.slice(0, 3) === expected || expected === 'IGO');
}

function sectorMatches(p: PhraseActor, e: Case['expect']): boolean {
  const got = p.country === 'IGO' ? '' : p.sector.slice(0, 3);
  if (e.code_1_in) return e.code_1_in.includes(got);
  return got === (e.code_1 ?? '');
}

export async function run(dataDir: string): Promise<EvalResult[]> {
  const file = join(dataDir, 'events', 'ngec_actor_resolution', 'ngec_actor_resolution.jsonl');
  if (!existsSync(file)) throw new Error(`NGEC actor-resolution cases not found at ${file}`);
  const cases = readJsonl<Case>(file);
  let skipped = 0;
  let tp = 0, fp = 0, fn = 0, n = 0;
  let countryN = 0, countryOk = 0, sectorN = 0, sectorOk = 0;
  const t0 = performance.now();
  for (const c of cases) {
    if (!SCORED.has(c.method) || c.xfail) {
      skipped++;
      continue;
    }
    n++;
    const actor = (c.args.actor ?? c.args.text ?? '').trim();
    const text = c.args.context ? `${c.args.context} ${actor}` : actor;
    const p = resolveActorPhrase(text, caseDate(c.args.query_date));
    const predicted = p.code !== null || p.country !== null;
    const e = c.expect;
    if ('result' in e && e.result === null) {
      if (predicted) fp++;
      continue;
    }
    let right = true;
    if (e.country !== undefined) {
      countryN++;
      const ok = countryMatches(p, e.country);
      if (ok) countryOk++;
      right &&= ok;
    }
    if (e.code_1 !== undefined || e.code_1_in) {
      sectorN++;
      const ok = sectorMatches(p, e);
      if (ok) sectorOk++;
      right &&= ok;
    }
    if (right && predicted) tp++;
    else {
      fn++;
      if (predicted) fp++;
    }
  }
  const ms = performance.now() - t0;
  const all = prf(tp, fp, fn);
  const accuracy = (ok: number, total: number): number => (total ? ok / total : 0);
  return [
    {
      set: 'ngec_actor_resolution', task: 'actor (country+code_1)', ...all, n,
      extra: { skipped, country_acc: accuracy(countryOk, countryN), code1_acc: accuracy(sectorOk, sectorN), ms_per_case: ms / Math.max(n, 1) },
    },
  ];
}
