// The event coder on real news, as users meet it (`npm run eval -- events`):
//  - plv_dev: 499 news sentences with one PLOVER event each and its actors' text spans. Scored per
//    sentence as a set of types (YIELD = CONCEDE or RETREAT) and as events (type, source span,
//    target span, spans matching when they overlap). Both halves of the set (by a hash of the id)
//    are reported apart: nothing here was tuned on it, and the other half of the source set is
//    held out by the issue's authors.
//  - the test part of the annotated corpus (corpus/events, never trained on): the same two scores
//    over every event the annotators read in the sentence, and the actors' codes (country and first
//    sector) of the gold events' sources and targets.
//  - events per article over the Guardian sample and conflict_news, beside the rule coder alone
//    (the coder before the learned stage) in the same run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '../src/model.js';
import { codeText, processDocument } from '../src/pipeline.js';
import { codeEvents } from '../src/stages/events/index.js';
import { loadCorpus } from '../scripts/corpus/gold.js';
import { eventSpans } from '../scripts/corpus/schema.js';
import { readJsonl, REPO_ROOT, type EvalResult } from './common.js';
import { half, scoreActors, scores, scoreSentence, tally, type ScoredEvent, type Span, type Tally } from './sentence-events.js';

interface PlvRecord {
  id: string;
  text: string;
  expected: { source_text: string; target_text: string; type: string }[];
}

const yieldType = (t: string): string => (t === 'CONCEDE' || t === 'RETREAT' ? 'YIELD' : t);

function spanOfText(text: string, needle: string): Span | null {
  if (!needle) return null;
  const at = text.indexOf(needle);
  return at < 0 ? null : { start: at, end: at + needle.length };
}

function predicted(events: Event[], from = 0): ScoredEvent[] {
  return events
    .filter((e) => e.evidence.end > from)
    .map((e) => ({ type: e.type, source: e.source_span, target: e.target_span, sourceCode: e.source, targetCode: e.target }));
}

function row(set: string, task: string, t: Tally, n: number, extra?: Record<string, number | string>): EvalResult {
  return { set, task, ...scores(t), n, extra: { tp: t.tp, fp: t.fp, fn: t.fn, ...extra } };
}

function plv(dataDir: string): EvalResult[] {
  const file = join(dataDir, 'events', 'plv_dev', 'plv_dev.jsonl');
  if (!existsSync(file)) return [];
  const parts = { all: { types: tally(), events: tally(), n: 0 }, tune: { types: tally(), events: tally(), n: 0 }, check: { types: tally(), events: tally(), n: 0 } };
  for (const r of readJsonl<PlvRecord>(file)) {
    const { events } = codeText({ id: r.id, text: r.text, date: null });
    const gold: ScoredEvent[] = r.expected.map((g) => ({ type: g.type, source: spanOfText(r.text, g.source_text), target: spanOfText(r.text, g.target_text) }));
    const s = { id: r.id, gold, predicted: predicted(events) };
    for (const p of [parts.all, parts[half(r.id)]]) {
      scoreSentence(s, p.types, p.events, yieldType);
      p.n++;
    }
  }
  return (['all', 'tune', 'check'] as const).flatMap((k) => [
    row(`plv_dev${k === 'all' ? '' : ` (${k} half)`}`, 'types per sentence', parts[k].types, parts[k].n),
    row(`plv_dev${k === 'all' ? '' : ` (${k} half)`}`, '(type,source,target) spans', parts[k].events, parts[k].n),
  ]);
}

function corpusTest(): EvalResult[] {
  if (!existsSync(join(REPO_ROOT, 'corpus', 'events', 'sentences.jsonl'))) return [];
  const types = tally();
  const events = tally();
  const sources = tally();
  const targets = tally();
  let n = 0;
  for (const s of loadCorpus(REPO_ROOT).filter((x) => x.split === 'test')) {
    n++;
    const offset = s.context ? s.context.length + 1 : 0;
    const { events: coded } = codeText({ id: s.id, text: s.context ? `${s.context} ${s.text}` : s.text, date: s.date });
    const shift = (x: Span | null): Span | null => (x ? { start: x.start + offset, end: x.end + offset } : null);
    const code = (c: string | string[] | null | undefined): string | null => (Array.isArray(c) ? c[0] ?? null : c ?? null);
    const gold: ScoredEvent[] = s.events.map((e) => {
      const l = eventSpans(e, s.text);
      return { type: e.type, source: shift(l.source), target: shift(l.target), sourceCode: code(e.source?.code), targetCode: code(e.target?.code) };
    });
    const scored = { id: s.id, gold, predicted: predicted(coded, offset) };
    scoreSentence(scored, types, events);
    scoreActors(scored, 'source', sources);
    scoreActors(scored, 'target', targets);
  }
  return [
    row('corpus test part', 'types per sentence', types, n),
    row('corpus test part', '(type,source,target) spans', events, n),
    row('corpus test part', 'source span+code', sources, n),
    row('corpus test part', 'target span+code', targets, n),
  ];
}

/** Events per article through the whole pipeline, and the rule coder's alone on the same articles. */
function rates(set: string, docs: { id: string; text: string; date?: string | null }[]): EvalResult {
  let learned = 0;
  let confident = 0;
  let rules = 0;
  const t0 = performance.now();
  for (const d of docs) {
    const { article, events } = processDocument({ id: d.id, source: d.id, url: null, format: 'text', content: d.text, published: d.date ?? null, title: null });
    learned += events.length;
    confident += events.filter((e) => e.confidence >= 0.5).length;
    rules += codeEvents(article).length;
  }
  const per = (x: number): number => Math.round((x / docs.length) * 1000) / 1000;
  return {
    set,
    task: 'events per article',
    precision: 0,
    recall: 0,
    f1: 0,
    n: docs.length,
    extra: {
      per_article: per(learned),
      confident_per_article: per(confident),
      rule_coder_per_article: per(rules),
      ratio: rules ? Math.round((learned / rules) * 100) / 100 : 0,
      ms_per_article: Math.round(((performance.now() - t0) / docs.length) * 100) / 100,
    },
  };
}

export function run(dataDir: string): EvalResult[] {
  const out = [...plv(dataDir), ...corpusTest()];
  const guardian = join(dataDir, 'corpora', 'guardian_sdf_sample', 'guardian.jsonl');
  if (existsSync(guardian)) out.push(rates('guardian_sdf_sample', readJsonl(guardian)));
  const conflict = join(dataDir, 'corpora', 'conflict_news', 'conflict_news.jsonl');
  if (existsSync(conflict)) out.push(rates('conflict_news', readJsonl(conflict)));
  return out;
}
