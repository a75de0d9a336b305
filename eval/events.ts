// Evaluation of the event coder on bare sentences:
//  - the PETRARCH validation suites (petr_unittest, udpetr_validate_2_02), each coded with its own
//    closed-world dictionaries (fictional actors, verbs): P/R/F1 on (source, target, CAMEO root) and
//    on the event type alone (PLOVER type, or the CAMEO root where PLOVER has none), with false
//    positives counted (also on sentences that should yield no event);
//  - ConfliBERT CAMEO sentences: the penta class (0-4) of the sentence's first coded event against
//    the gold class, with the default dictionaries;
//  - the five seed articles (examples/seeds, in the repository) through the whole pipeline: recall
//    of the required events, and every asserted event beyond them counted as a false positive (a
//    lower bound on precision: some of them are true events the expectations do not list).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPetrarchActors, type ActorDictionary } from '../src/stages/actors/index.js';
import { codeArticle, loadPetrarchVerbs, type CodeOptions, type CodedEvent } from '../src/stages/events/index.js';
import { cameoInfo } from '../src/stages/events/cameo.js';
import type { Article } from '../src/model.js';
import { annotateText, codeText, processDocument } from '../src/pipeline.js';
import { prf, readJsonl, REPO_ROOT, type EvalResult } from './common.js';
import { run as news } from './events-news.js';

interface PetrRecord {
  id: string;
  text: string;
  date: string | null;
  evaluate?: boolean | null;
  expected: { source: string; target: string; code: string }[];
  no_events: boolean;
  expected_error: string | null;
}

interface ConflibertRecord {
  id: string;
  text: string;
  date: string | null;
  penta_class: number;
}

/** A bare sentence as an article: annotate -> actors (with `dict`) -> ready for the coder. */
export function sentenceArticle(id: string, text: string, date: string | null, dict?: ActorDictionary): Article {
  return annotateText({ id, text, date }, dict);
}

function label(code: string): string {
  return cameoInfo(code)?.plover ?? `CAMEO${code.slice(0, 2)}`;
}

/** Multiset overlap of two key lists. */
function overlap(pred: string[], gold: string[]): number {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of pred) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      tp++;
      left.set(p, n - 1);
    }
  }
  return tp;
}

function read(file: string): string {
  return readFileSync(file, 'utf8');
}

async function petrSuite(set: string, jsonl: string, files: { actors: string; agents: string; verbs: string }): Promise<EvalResult[]> {
  const dict = loadPetrarchActors(read(files.actors), read(files.agents));
  const opts: CodeOptions = { verbs: loadPetrarchVerbs(read(files.verbs)), countryAsGovernment: false, bothDirections: true, actors: dict };
  const records = readJsonl<PetrRecord>(jsonl).filter((r) => r.expected_error === null && r.evaluate !== false);
  const dyad = { tp: 0, fp: 0, fn: 0 };
  const type = { tp: 0, fp: 0, fn: 0 };
  let fpOnEmpty = 0;
  for (const r of records) {
    const events: CodedEvent[] = codeArticle(sentenceArticle(r.id, r.text, r.date ?? '2000-01-01', dict), opts).filter((e) => !e.negated);
    const pred = [...new Set(events.map((e) => `${e.source}|${e.target}|${e.cameo.slice(0, 2)}`))];
    const gold = r.expected.map((g) => `${g.source}|${g.target}|${g.code.slice(0, 2)}`);
    const t = overlap(pred, gold);
    dyad.tp += t;
    dyad.fp += pred.length - t;
    dyad.fn += gold.length - t;
    const predTypes = [...new Set(events.map((e) => label(e.cameo)))];
    const goldTypes = [...new Set(r.expected.map((g) => label(g.code)))];
    const tt = overlap(predTypes, goldTypes);
    type.tp += tt;
    type.fp += predTypes.length - tt;
    type.fn += goldTypes.length - tt;
    if (r.expected.length === 0 && pred.length > 0) fpOnEmpty++;
  }
  const emptyRecords = records.filter((r) => r.expected.length === 0).length;
  return [
    { set, task: '(source,target,root)', ...prf(dyad.tp, dyad.fp, dyad.fn), n: records.length, extra: { fp: dyad.fp, fn: dyad.fn, fp_on_empty: `${fpOnEmpty}/${emptyRecords}` } },
    { set, task: 'type', ...prf(type.tp, type.fp, type.fn), n: records.length, extra: { fp: type.fp } },
  ];
}

async function conflibert(jsonl: string): Promise<EvalResult[]> {
  const records = readJsonl<ConflibertRecord>(jsonl);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of records) {
    const events = codeText({ id: r.id, text: r.text, date: r.date }).events.filter((e) => !e.negated);
    const first = events[0];
    const predicted = first ? cameoInfo(first.cameo)?.penta ?? null : null;
    if (predicted === r.penta_class) tp++;
    else {
      fn++;
      if (predicted !== null) fp++;
    }
  }
  const coded = tp + fp;
  return [
    {
      set: 'conflibert_cameo_train',
      task: 'penta class',
      ...prf(tp, fp, fn),
      n: records.length,
      extra: { coverage: coded / records.length, accuracy_when_coded: coded ? tp / coded : 0, fp },
    },
  ];
}

interface SeedMust {
  source: string;
  target: string;
  type: string;
  negated?: boolean;
}

function seeds(): EvalResult[] {
  const dir = join(REPO_ROOT, 'examples', 'seeds');
  const expected = JSON.parse(read(join(dir, 'expected.json'))) as { documents: Record<string, { published: string | null; must: SeedMust[] }> };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [file, doc] of Object.entries(expected.documents)) {
    const raw = { id: file, source: file, url: null, format: 'text' as const, content: read(join(dir, file)), published: doc.published, title: null };
    const events = processDocument(raw).events.filter((e) => !e.hypothetical);
    const same = (e: (typeof events)[number], m: SeedMust): boolean =>
      e.source === m.source && e.target === m.target && e.type === m.type && e.negated === (m.negated ?? false);
    const found = doc.must.filter((m) => events.some((e) => same(e, m))).length;
    tp += found;
    fn += doc.must.length - found;
    fp += events.filter((e) => !doc.must.some((m) => same(e, m))).length;
  }
  return [{ set: 'seeds', task: '(source,target,type,negated)', ...prf(tp, fp, fn), n: Object.keys(expected.documents).length, extra: { fp, fn } }];
}

export async function run(dataDir: string): Promise<EvalResult[]> {
  const ev = join(dataDir, 'events');
  if (!existsSync(ev)) throw new Error(`event data not found: ${ev}`);
  const out: EvalResult[] = [];
  const unit = join(ev, 'petr_unittest');
  out.push(
    ...(await petrSuite('petr_unittest', join(unit, 'petr_unittest.jsonl'), {
      actors: join(unit, 'dict', 'PETR.Validate.actors.txt'),
      agents: join(unit, 'dict', 'PETR.Validate.agents.txt'),
      verbs: join(unit, 'dict', 'PETR.Validate.verbs.txt'),
    })),
  );
  const ud = join(ev, 'udpetr_validate_2_02');
  out.push(
    ...(await petrSuite('udpetr_validate_2_02', join(ud, 'udpetr_validate_2_02.jsonl'), {
      actors: join(ud, 'PETR_Validate_actors_2_02.txt'),
      agents: join(ud, 'PETR_Validate_agents_2_02.txt'),
      verbs: join(ud, 'PETR_Validate_verbs_2_02.txt'),
    })),
  );
  out.push(...(await conflibert(join(ev, 'conflibert_cameo', 'conflibert_cameo_train.jsonl'))));
  out.push(...seeds());
  out.push(...news(dataDir));
  return out;
}
