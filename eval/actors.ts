// Actor evaluations: (1) NGEC actor resolution, (2) actor codes on the PETRARCH validation suites.
//
// 1. Actor resolution against NGEC's test cases (events/ngec_actor_resolution): a short actor text
// (+ optional context and date) -> expected country and first sector code.
// Scored: methods agent_to_code, short_text_to_agent, search_nat (not xfail). Skipped with a count:
// query_wiki and trf_agent_match (Wikipedia look-ups and a transformer matcher we do not have).
// P/R/F1 treat each case as one prediction: right when every expected field (country, code_1)
// matches; a prediction for a case that expects no actor is a false positive.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashHalf, prf, readJsonl, REPO_ROOT, type EvalResult } from './common.js';
import { loadPetrarchActors, resolveActorPhrase, resolveEntities, type PhraseActor } from '../src/stages/actors/index.js';
import { tokenize } from '../src/lang/tokenize.js';
import type { Article, Entity } from '../src/model.js';
import { annotateText } from '../src/pipeline.js';
import { loadCorpus } from '../scripts/corpus/gold.js';
import { eventSpans } from '../scripts/corpus/schema.js';

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
/** Phoenix and NGEC spell a few country codes differently (Kosovo: Phoenix KSV, NGEC/ISO user code XKX). */
const NGEC_COUNTRY: Record<string, string> = { KSV: 'XKX' };

function countryMatches(p: PhraseActor, expected: string): boolean {
  if (expected === '') return p.country === null;
  if (p.country === expected || (p.country !== null && NGEC_COUNTRY[p.country] === expected)) return true;
  return p.country === 'IGO' && (p.sector.slice(0, 3) === expected || expected === 'IGO');
}

function sectorMatches(p: PhraseActor, e: Case['expect']): boolean {
  const got = p.country === 'IGO' ? '' : p.sector.slice(0, 3);
  if (e.code_1_in) return e.code_1_in.includes(got);
  return got === (e.code_1 ?? '');
}

export async function run(dataDir: string): Promise<EvalResult[]> {
  return [...ngecHalves(dataDir), ...corpusActors(), ...PETRARCH_SUITES.map((s) => petrarch(dataDir, s))];
}

/** The half of the NGEC cases a case belongs to, by a hash of its id: "tuning" (looked at while
 *  developing) or "checking" (not looked at). */
export function ngecHalf(id: string): 'tuning' | 'checking' {
  return hashHalf(id);
}

function ngecHalves(dataDir: string): EvalResult[] {
  const file = join(dataDir, 'events', 'ngec_actor_resolution', 'ngec_actor_resolution.jsonl');
  if (!existsSync(file)) throw new Error(`NGEC actor-resolution cases not found at ${file}`);
  const cases = readJsonl<Case>(file);
  return [
    ngec(cases, 'ngec_actor_resolution'),
    ngec(cases.filter((c) => ngecHalf(c.id) === 'tuning'), 'ngec_actor_resolution tuning'),
    ngec(cases.filter((c) => ngecHalf(c.id) === 'checking'), 'ngec_actor_resolution checking'),
  ];
}

function ngec(cases: Case[], set: string): EvalResult {
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
      if (process.argv.includes('--errors') && set === 'ngec_actor_resolution') process.stderr.write(`${c.id}\t${text}\t${c.args.query_date ?? ''}\t${JSON.stringify(e)}\t${p.code ?? p.country ?? '-'}\n`);
      fn++;
      if (predicted) fp++;
    }
  }
  const ms = performance.now() - t0;
  const all = prf(tp, fp, fn);
  const accuracy = (ok: number, total: number): number => (total ? ok / total : 0);
  return {
    set, task: 'actor (country+code_1)', ...all, n,
    extra: { skipped, country_acc: accuracy(countryOk, countryN), code1_acc: accuracy(sectorOk, sectorN), ms_per_case: ms / Math.max(n, 1) },
  };
}

// 2. PETRARCH validation suites with their own (fictional) dictionaries: are the codes of each
// expected event's source and target among the sentence's entity codes? Recall is that share;
// precision is the share of distinct entity codes per sentence that some expected event uses
// (entities that take part in no event count against it, so it is a floor, not a defect rate).
const PETRARCH_SUITES = [
  { name: 'petr_unittest', dir: 'petr_unittest', actors: 'dict/PETR.Validate.actors.txt', agents: 'dict/PETR.Validate.agents.txt' },
  { name: 'udpetr_validate_2_02', dir: 'udpetr_validate_2_02', actors: 'PETR_Validate_actors_2_02.txt', agents: 'PETR_Validate_agents_2_02.txt' },
];

interface PetrCase {
  id: string;
  text: string;
  date: string | null;
  expected: { source: string; target: string }[] | null;
}

function petrarch(dataDir: string, suite: (typeof PETRARCH_SUITES)[number]): EvalResult {
  const dir = join(dataDir, 'events', suite.dir);
  const jsonl = join(dir, `${suite.name}.jsonl`);
  if (!existsSync(jsonl)) throw new Error(`PETRARCH suite not found at ${jsonl}`);
  const dict = loadPetrarchActors(readFileSync(join(dir, suite.actors), 'utf8'), readFileSync(join(dir, suite.agents), 'utf8'));
  let tp = 0, fn = 0, emitted = 0, used = 0, n = 0;
  for (const c of readJsonl<PetrCase>(jsonl)) {
    const wanted = new Set((c.expected ?? []).flatMap((e) => [e.source, e.target]).filter((x) => x && !/^-+$/.test(x)));
    if (wanted.size === 0) continue;
    n++;
    const { sentences, tokens } = tokenize(c.text);
    const article: Article = {
      id: c.id, source: suite.name, url: null, title: null, published: c.date, language: 'en', day_first: false,
      text: c.text, duplicate_of: null, sentences, tokens, entities: [], dates: [],
    };
    const codes = new Set(resolveEntities(article, dict).map((e) => e.code).filter((x): x is string => !!x));
    for (const w of wanted) if (codes.has(w)) tp++; else fn++;
    emitted += codes.size;
    for (const code of codes) if (wanted.has(code)) used++;
  }
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const precision = emitted ? used / emitted : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { set: suite.name, task: 'event actor codes found', precision, recall, f1, n };
}

// 3. The annotated event corpus (corpus/events, in the repository): every gold source and target
// with a text span and a code, coded as the pipeline codes it (annotate + actors over the two
// context sentences and the sentence). The entity overlapping the gold span most (the later one on
// ties: English heads come last) gives our code; it is right when its country part and first
// sector match the gold code (for IGO/NGO/IMG the prefix alone), or one of them for a
// coordination. Precision: right / gold spans we coded; recall: right / gold spans.
// The reported rows are the test part; the training part (tuned on) is printed beside them.
export interface CorpusActorCase {
  id: string;
  role: 'source' | 'target';
  split: 'test' | 'train';
  gold: string[];
  goldText: string;
  /** Our entity over the span, null when none overlaps it. */
  entity: Entity | null;
  right: boolean;
}

const ORG_PREFIXES = new Set(['IGO', 'NGO', 'IMG']);

/** Our code against one gold code: country part and first sector (organisations: the prefix). */
export function sameActorCode(ours: string, gold: string): boolean {
  const prefix = gold.slice(0, 3);
  if (ORG_PREFIXES.has(prefix)) return ours.slice(0, 3) === prefix;
  return ours.slice(0, 3) === prefix && ours.slice(3, 6) === gold.slice(3, 6);
}

function overlapping(entities: Entity[], start: number, end: number): Entity | null {
  let best: Entity | null = null;
  let bestLength = 0;
  for (const e of entities) {
    const length = Math.min(end, e.end) - Math.max(start, e.start);
    if (length > 0 && length >= bestLength) [best, bestLength] = [e, length];
  }
  return best;
}

export function corpusActorCases(split?: 'test' | 'train'): CorpusActorCase[] {
  const out: CorpusActorCase[] = [];
  for (const s of loadCorpus(REPO_ROOT)) {
    if (split && s.split !== split) continue;
    const text = s.context ? `${s.context} ${s.text}` : s.text;
    const offset = s.context ? s.context.length + 1 : 0;
    let entities: Entity[] | null = null;
    for (const e of s.events) {
      const spans = eventSpans(e, s.text);
      for (const role of ['source', 'target'] as const) {
        const actor = e[role];
        const span = spans[role];
        const gold = actor?.code == null ? [] : Array.isArray(actor.code) ? actor.code : [actor.code];
        if (!actor || !span || gold.length === 0) continue;
        entities ??= annotateText({ id: s.id, text, date: s.date }).entities;
        const entity = overlapping(entities, span.start + offset, span.end + offset);
        const right = !!entity?.code && gold.some((g) => sameActorCode(entity.code!, g));
        out.push({ id: s.id, role, split: s.split, gold, goldText: actor.text ?? '', entity, right });
      }
    }
  }
  return out;
}

function corpusActors(): EvalResult[] {
  const cases = corpusActorCases();
  const rows: EvalResult[] = [];
  for (const split of ['test', 'train'] as const) {
    for (const role of ['source', 'target'] as const) {
      const these = cases.filter((c) => c.split === split && c.role === role);
      const coded = these.filter((c) => c.entity?.code).length;
      const right = these.filter((c) => c.right).length;
      rows.push({
        set: `corpus/events ${split}`, task: `${role} codes`, ...prf(right, coded - right, these.length - right), n: these.length,
        extra: { coded, right },
      });
    }
  }
  if (process.argv.includes('--errors')) {
    for (const c of cases) {
      if (c.right || c.split !== 'train') continue;
      process.stderr.write(`${c.id}\t${c.role}\t${c.gold.join(',')}\t${c.goldText}\t${c.entity ? `${c.entity.code} [${c.entity.text}] ${c.entity.kind}` : '-'}\n`);
    }
  }
  return rows;
}
