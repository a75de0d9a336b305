// Trains the learned event coder on the training part of the annotated corpus (corpus/events) and
// writes data/coder-model.json. The test part is never read here.
//
// Three linear models (src/learn/linear.ts) over the features of src/stages/events/learned:
//  trigger   each candidate word -> a PLOVER type or NONE
//  modality  each gold event's trigger -> asserted / intent / threat / demand / refusal / hypothetical / denied
//  source    for each gold event, which noun phrase of the sentence (or none) is its source
//  target    the same for its target (rankers: a softmax over the phrases and "none")
// Decision thresholds are chosen on a tuning slice of the training part (by a hash of the sentence
// id), on models trained without it; the shipped models are then trained on the whole training part.
//
// Run: npx tsc -p tsconfig.json && node dist/scripts/train-coder.js [--no-write]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../eval/common.js';
import { loadCorpus, type CorpusSentence } from './corpus/gold.js';
import { eventSpans, spanOverlap, type CharSpan, type LocatedEvent } from './corpus/schema.js';
import { train, trainRanker, type Example, Features, type RankingExample } from '../src/learn/linear.js';
import { PLOVER_TYPES } from '../src/model.js';
import { codeArticle } from '../src/stages/events/index.js';
import { annotateText } from '../src/pipeline.js';
import { argumentFeatures, isCandidate, matchesAt, modalityFeatures, nominalType, noneFeatures, triggerFeatures, type SentenceContext } from '../src/stages/events/learned/features.js';
import { ploverOf } from '../src/stages/events/cameo.js';
import { argumentCandidates, chooseArgument, decodeSentence, modalityOf, scoreTriggers } from '../src/stages/events/learned/decode.js';
import { EMIT_CONFIDENCE, isReported } from '../src/stages/events/learned/code.js';
import { LIGHT_VERBS } from '../src/stages/events/learned/lexicon.js';
import { MODALITIES, NONE, serializeCoder, type CoderModels, type Thresholds } from '../src/stages/events/learned/model.js';
import { prepareSentence, ruleIndex, viewOptions } from '../src/stages/events/learned/prepare.js';

const BITS = Number(process.env.BITS ?? 20);
const TUNE_SHARE = 0.2;
const TRIGGER_CLASSES = [NONE, ...PLOVER_TYPES];
const PRIOR = Number(process.env.PRIOR ?? 1);

interface Prepared {
  sentence: CorpusSentence;
  /** Contexts of the article sentences that overlap the corpus sentence, with its offset. */
  contexts: SentenceContext[];
  offset: number;
  gold: LocatedEvent[];
}

function unit(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

function shift(s: CharSpan, by: number): CharSpan {
  return s === null ? null : { start: s.start + by, end: s.end + by };
}

/** The corpus sentence coded with the two sentences before it, as the coder meets it in an article. */
function prepare(s: CorpusSentence): Prepared {
  const text = s.context ? `${s.context} ${s.text}` : s.text;
  const offset = s.context ? s.context.length + 1 : 0;
  const article = annotateText({ id: s.id, text, date: s.date });
  const rules = ruleIndex(codeArticle(article));
  const contexts: SentenceContext[] = [];
  article.sentences.forEach((sent, i) => {
    if (sent.end <= offset) return;
    const ctx = prepareSentence(article, i, viewOptions(), undefined, rules);
    if (ctx) contexts.push(ctx);
  });
  const gold = s.events.map((e) => {
    const l = eventSpans(e, s.text);
    return { ...l, trigger: shift(l.trigger, offset), action: shift(l.action, offset), source: shift(l.source, offset), target: shift(l.target, offset) };
  });
  return { sentence: s, contexts, offset, gold };
}

/** The candidate token that stands for a gold event: a content verb of its trigger, else a noun,
 *  else a light verb; else the same in its action (a modal auxiliary as trigger). */
function anchor(ctx: SentenceContext, span: CharSpan): number {
  if (!span) return -1;
  const toks = ctx.view.toks;
  let noun = -1;
  let light = -1;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.start < span.start || t.end > span.end || !isCandidate(ctx, k)) continue;
    if (t.pos === 'VERB' && !LIGHT_VERBS.has(t.lemma)) return k;
    if (t.pos !== 'VERB' && noun < 0) noun = k;
    if (t.pos === 'VERB' && light < 0) light = k;
  }
  return noun >= 0 ? noun : light;
}

interface Aligned {
  ctx: SentenceContext;
  word: number;
  event: LocatedEvent;
}

function align(p: Prepared): { aligned: Aligned[]; missed: number } {
  const aligned: Aligned[] = [];
  let missed = 0;
  for (const g of p.gold) {
    let found: Aligned | null = null;
    for (const ctx of p.contexts) {
      const k = anchor(ctx, g.trigger);
      if (k >= 0) found = { ctx, word: k, event: g };
      else {
        const a = anchor(ctx, g.action);
        if (a >= 0) found = { ctx, word: a, event: g };
      }
      if (found) break;
    }
    if (found) aligned.push(found);
    else {
      missed++;
      if (process.env.SHOW_UNALIGNED) {
        const ctx = p.contexts[0];
        const words = ctx && g.trigger ? ctx.view.toks.filter((t) => t.start >= g.trigger!.start && t.end <= g.trigger!.end).map((t) => t.text + '/' + t.pos).join(' ') : '';
        process.stderr.write(`UNALIGNED ${g.event.type} [${g.event.trigger}] ${words}\n`);
      }
    }
  }
  return { aligned, missed };
}

function charSpan(ctx: SentenceContext, first: number, last: number): { start: number; end: number } {
  return { start: ctx.view.toks[first]!.start, end: ctx.view.toks[last]!.end };
}

function overlapLength(a: { start: number; end: number }, b: CharSpan): number {
  if (!b) return 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** A word of the same clause as a gold event that reads as that event's type ("killed in an
 *  encounter", annotated at "encounter"): another word for the same event, not a non-event. The
 *  annotators chose one word per event; the coder may find the event at either. */
function sameEvent(ctx: SentenceContext, k: number, aligned: Aligned[]): string | null {
  const clause = ctx.view.clauseOf[k];
  for (const a of aligned) {
    if (a.ctx !== ctx || ctx.view.clauseOf[a.word] !== clause) continue;
    if (readings(ctx, k).has(a.event.event.type)) return a.event.event.type;
  }
  return null;
}

/** The types the lexicons give a word: dictionary codes, event nouns, the rule coder. */
function readings(ctx: SentenceContext, k: number): Set<string> {
  const out = new Set<string>();
  for (const m of matchesAt(ctx, k)) {
    const t = m.code ? ploverOf(m.code) : null;
    if (t) out.add(t);
  }
  const nom = nominalType(ctx.view.toks[k]!);
  if (nom) out.add(nom);
  for (const r of ctx.rules.get(k) ?? []) if (r.type) out.add(r.type);
  return out;
}

interface ExampleSets {
  trigger: Example[];
  modality: Example[];
  source: RankingExample[];
  target: RankingExample[];
  missed: number;
  events: number;
}

function features(): Features {
  return new Features((1 << BITS) - 1);
}

function examples(prepared: Prepared[]): ExampleSets {
  const out: ExampleSets = { trigger: [], modality: [], source: [], target: [], missed: 0, events: 0 };
  for (const p of prepared) {
    const { aligned, missed } = align(p);
    out.missed += missed;
    out.events += p.gold.length;
    const typeAt = new Map<string, string>();
    for (const a of aligned) {
      const key = `${p.contexts.indexOf(a.ctx)}:${a.word}`;
      if (!typeAt.has(key)) typeAt.set(key, a.event.event.type);
    }
    p.contexts.forEach((ctx, ci) => {
      for (let k = 0; k < ctx.view.toks.length; k++) {
        if (ctx.view.toks[k]!.start < p.offset || !isCandidate(ctx, k)) continue;
        const f = features();
        triggerFeatures(ctx, k, f);
        const label = typeAt.get(`${ci}:${k}`) ?? sameEvent(ctx, k, aligned) ?? NONE;
        out.trigger.push({ features: f, label: TRIGGER_CLASSES.indexOf(label) });
      }
    });
    for (const a of aligned) {
      const f = features();
      modalityFeatures(a.ctx, a.word, f);
      out.modality.push({ features: f, label: (MODALITIES as readonly string[]).indexOf(a.event.event.modality) });
      const cands = argumentCandidates(a.ctx, a.word);
      for (const role of ['source', 'target'] as const) {
        const gold = a.event[role];
        let best = -1;
        let bestOverlap = 0;
        cands.forEach((pi, i) => {
          const np = a.ctx.phrases[pi]!;
          const o = overlapLength(charSpan(a.ctx, np.first, np.last), gold);
          if (o > bestOverlap) [best, bestOverlap] = [i, o];
        });
        const none = features();
        noneFeatures(a.ctx, a.word, a.event.event.type, none);
        const feats = cands.map((pi) => {
          const f2 = features();
          argumentFeatures(a.ctx, a.word, a.event.event.type, a.ctx.phrases[pi]!, f2);
          return f2;
        });
        out[role].push({ candidates: feats, none, gold: best });
      }
    }
  }
  return out;
}

function fit(sets: ExampleSets, thresholds: Thresholds): CoderModels {
  const opts = { epochs: Number(process.env.EPOCHS ?? 10), rate: Number(process.env.RATE ?? 0.05), l2: Number(process.env.L2 ?? 1e-6), seed: 7 };
  // What the dictionaries say a word means, as starting weights: the data may overrule them, and
  // types the training part shows rarely still start from the lexicon's reading.
  const priors: [string, number, number][] = [];
  for (const t of PLOVER_TYPES) {
    const c = TRIGGER_CLASSES.indexOf(t);
    for (const name of ['dict:plover=' + t, 'nom=' + t, 'rule=' + t]) priors.push([name, c, PRIOR]);
  }
  const trigger = train(sets.trigger, TRIGGER_CLASSES, BITS, { ...opts, rate: Number(process.env.TRIGGER_RATE ?? opts.rate), epochs: Number(process.env.TRIGGER_EPOCHS ?? opts.epochs), priors });
  // The modality model (one example per gold event, few features) underfits at the others' step:
  // at 0.1, modality with gold triggers on the tuning slice .784 -> .801, types unchanged.
  const modality = train(sets.modality, [...MODALITIES], BITS, { ...opts, rate: Number(process.env.MODALITY_RATE ?? 0.1), epochs: Number(process.env.MODALITY_EPOCHS ?? opts.epochs) });
  const source = trainRanker(sets.source, BITS, opts);
  const target = trainRanker(sets.target, BITS, opts);
  return { version: 'coder-v2', trigger, modality, source, target, thresholds };
}

const dropped = { n: 0, right: 0 };

interface Score {
  typeP: number;
  typeR: number;
  typeF: number;
  eventF: number;
}

/** Type-set P/R per sentence and event F1 on (type, source span, target span). */
function score(prepared: Prepared[], models: CoderModels): Score {
  let tp = 0, np = 0, ng = 0, etp = 0, enp = 0, eng = 0;
  for (const p of prepared) {
    const pred: { type: string; source: CharSpan; target: CharSpan }[] = [];
    for (const ctx of p.contexts) {
      for (const e of decodeSentence(ctx, models)) {
        if (ctx.view.toks[e.word]!.start < p.offset) continue;
        // What the stage reports (learned/code.ts): the model's own events from EMIT_CONFIDENCE,
        // naming at least one actor.
        if (process.env.DIAG_DROP && !e.rule && e.confidence >= EMIT_CONFIDENCE && !e.source && !e.target) {
          dropped.n++;
          if (p.gold.some((g) => g.event.type === e.type)) dropped.right++;
        }
        if (!process.env.NO_EMIT_FILTER && !isReported(e)) continue;
        const rule = process.env.NO_RULE_ARGS ? undefined : e.rule?.event;
        pred.push({
          type: e.type,
          source: rule ? rule.source_span : e.source ? charSpan(ctx, e.source.first, e.source.last) : null,
          target: rule ? rule.target_span : e.target ? charSpan(ctx, e.target.first, e.target.last) : null,
        });
      }
    }
    const pt = new Set(pred.map((x) => x.type));
    const gt = new Set(p.gold.map((g) => g.event.type));
    tp += [...pt].filter((t) => gt.has(t)).length;
    np += pt.size;
    ng += gt.size;
    const used = new Set<number>();
    for (const x of pred) {
      const j = p.gold.findIndex((g, i) => !used.has(i) && g.event.type === x.type && spanOverlap(g.source, x.source) && spanOverlap(g.target, x.target));
      if (j >= 0) {
        used.add(j);
        etp++;
      }
    }
    enp += pred.length;
    eng += p.gold.length;
  }
  const typeP = np ? tp / np : 0;
  const typeR = ng ? tp / ng : 0;
  const eP = enp ? etp / enp : 0;
  const eR = eng ? etp / eng : 0;
  return { typeP, typeR, typeF: typeP + typeR ? (2 * typeP * typeR) / (typeP + typeR) : 0, eventF: eP + eR ? (2 * eP * eR) / (eP + eR) : 0 };
}

/** With gold triggers: how often the argument model picks a phrase overlapping the gold source and
 *  target (and null when the gold has none); and type P/R per type at the trigger level. */
function diagnose(prepared: Prepared[], models: CoderModels): void {
  let srcOk = 0, tgtOk = 0, n = 0, shown = 0, shownTypes = 0, modOk = 0, ruleN = 0, ruleOk = 0, learnedOk = 0, unionOk = 0;
  const per = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (t: string, k: 'tp' | 'fp' | 'fn'): void => {
    const x = per.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    x[k]++;
    per.set(t, x);
  };
  for (const p of prepared) {
    const { aligned } = align(p);
    for (const a of aligned) {
      n++;
      if (modalityOf(a.ctx, a.word, models) === a.event.event.modality) modOk++;
      const r = (a.ctx.rules.get(a.word) ?? []).find((x) => x.type === a.event.event.type);
      if (r) {
        ruleN++;
        const gold = a.event.event.modality;
        const ruleSays = r.negated ? 'denied' : r.hypothetical ? 'hypothetical' : 'other';
        const goldSays = gold === 'denied' ? 'denied' : gold === 'hypothetical' ? 'hypothetical' : 'other';
        const m = modalityOf(a.ctx, a.word, models);
        const learnedSays = m === 'denied' ? 'denied' : m === 'hypothetical' ? 'hypothetical' : 'other';
        if (ruleSays === goldSays) ruleOk++;
        if (learnedSays === goldSays) learnedOk++;
        const unionSays = ruleSays === 'denied' ? 'denied' : learnedSays;
        if (unionSays === goldSays) unionOk++;
      }
      const th = models.thresholds;
      const cands = argumentCandidates(a.ctx, a.word);
      const src = chooseArgument(a.ctx, a.word, a.event.event.type, models.source, cands, th.source).phrase;
      const tgt = chooseArgument(a.ctx, a.word, a.event.event.type, models.target, cands.filter((i) => i !== src), th.target).phrase;
      const span = (i: number): CharSpan => (i < 0 ? null : charSpan(a.ctx, a.ctx.phrases[i]!.first, a.ctx.phrases[i]!.last));
      if (spanOverlap(span(src), a.event.source)) srcOk++;
      if (spanOverlap(span(tgt), a.event.target)) tgtOk++;
      if (process.env.SHOW_ARGS && (!spanOverlap(span(src), a.event.source) || !spanOverlap(span(tgt), a.event.target)) && shown++ < Number(process.env.SHOW_ARGS)) {
        const text = (x: CharSpan): string => (x ? JSON.stringify(p.sentence.context ? (p.sentence.context + ' ' + p.sentence.text).slice(x.start, x.end) : p.sentence.text.slice(x.start, x.end)) : '-');
        process.stderr.write(`    ${a.event.event.type} [${a.ctx.view.toks[a.word]!.text}] ${p.sentence.text.slice(0, 150)}\n      gold ${text(a.event.source)} -> ${text(a.event.target)} | got ${text(span(src))} -> ${text(span(tgt))}\n`);
      }
    }
    const pred = p.contexts.flatMap((ctx) => decodeSentence(ctx, models).filter((e) => ctx.view.toks[e.word]!.start >= p.offset).map((e) => ({ e, ctx })));
    const pt = new Set(pred.map((x) => x.e.type as string));
    const gt = new Set(p.gold.map((g) => g.event.type));
    for (const t of pt) bump(t, gt.has(t) ? 'tp' : 'fp');
    for (const t of gt) if (!pt.has(t)) bump(t, 'fn');
    if (process.env.SHOW_TYPES && shownTypes++ < Number(process.env.SHOW_TYPES) && (pred.some((x) => !gt.has(x.e.type)) || [...gt].some((t) => !pt.has(t)))) {
      process.stderr.write(`    ${p.sentence.text.slice(0, 200)}\n      gold ${p.gold.map((g) => g.event.type + '[' + g.event.trigger + ']').join(' ')} | got ${pred.map((x) => x.e.type + '[' + x.ctx.view.toks[x.e.word]!.text + ' ' + x.e.confidence.toFixed(2) + ']').join(' ')}\n`);
    }
  }
  // Detection vs classification at the candidates of the tuning slice.
  let missedShown = 0;
  let goldEv = 0, predNone = 0, right = 0, wrongType = 0, falseEv = 0, noneCands = 0;
  for (const p of prepared) {
    const { aligned } = align(p);
    const at = new Map<SentenceContext, Map<number, string>>();
    for (const a of aligned) {
      const m = at.get(a.ctx) ?? new Map<number, string>();
      m.set(a.word, a.event.event.type);
      at.set(a.ctx, m);
    }
    for (const ctx of p.contexts) {
      for (const s of scoreTriggers(ctx, models)) {
        if (ctx.view.toks[s.word]!.start < p.offset) continue;
        const gold = at.get(ctx)?.get(s.word);
        const isEvent = s.pEvent >= models.thresholds.trigger;
        if (gold) {
          goldEv++;
          if (!isEvent && process.env.SHOW_MISSED && missedShown++ < Number(process.env.SHOW_MISSED)) {
            const t = ctx.view.toks[s.word]!;
            process.stderr.write(`    MISSED ${gold} [${t.text}/${t.pos}] p=${s.pEvent.toFixed(2)} ${p.sentence.text.slice(0, 140)}\n`);
          }
          if (!isEvent) predNone++;
          else if (s.type === gold) right++;
          else wrongType++;
        } else {
          noneCands++;
          if (isEvent) falseEv++;
        }
      }
    }
  }
  process.stderr.write(`  candidates: gold events ${goldEv} -> right ${right}, wrong type ${wrongType}, missed ${predNone}; non-events ${noneCands} -> ${falseEv} false events\n`);
  process.stderr.write(`  modality with gold triggers: ${(modOk / n).toFixed(3)}; where the rule coder coded the same type (${ruleN}), denied/hypothetical/other right: rule ${(ruleOk / ruleN).toFixed(3)}, model ${(learnedOk / ruleN).toFixed(3)}, model with the rule's denials ${(unionOk / ruleN).toFixed(3)}\n`);
  process.stderr.write(`  arguments with gold triggers (${n}): source ${(srcOk / n).toFixed(3)}, target ${(tgtOk / n).toFixed(3)}\n`);
  for (const [t, x] of [...per.entries()].sort()) process.stderr.write(`    ${t.padEnd(10)} tp ${x.tp} fp ${x.fp} fn ${x.fn}\n`);
}

function fmt(s: Score): string {
  return `type P ${s.typeP.toFixed(3)} R ${s.typeR.toFixed(3)} F1 ${s.typeF.toFixed(3)}; event F1 ${s.eventF.toFixed(3)}`;
}

/** The thresholds that maximise type-set F1 (ties: event F1) on the tuning slice. */
function tune(prepared: Prepared[], models: CoderModels): Thresholds {
  let best = models.thresholds;
  let bestScore = -1;
  for (const trigger of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
    const m = { ...models, thresholds: { ...models.thresholds, trigger } };
    const s = score(prepared, m);
    if (s.typeF > bestScore) [best, bestScore] = [m.thresholds, s.typeF];
  }
  let bestEvent = -1;
  for (const source of [0, 0.2, 0.3, 0.4]) {
    for (const target of [0, 0.2, 0.3, 0.4]) {
      const m = { ...models, thresholds: { ...best, source, target } };
      const s = score(prepared, m);
      if (s.eventF > bestEvent) [bestEvent, best] = [s.eventF, m.thresholds];
    }
  }
  return best;
}

function main(): void {
  const t0 = performance.now();
  const corpus = loadCorpus(REPO_ROOT).filter((s) => s.split === 'train');
  const prepared = corpus.map(prepare);
  const tuneSet = prepared.filter((p) => unit('tune:' + p.sentence.id) < TUNE_SHARE);
  const fitSet = prepared.filter((p) => unit('tune:' + p.sentence.id) >= TUNE_SHARE);
  process.stderr.write(`train-coder: ${corpus.length} training sentences (${fitSet.length} fit, ${tuneSet.length} tune), prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  const initial: Thresholds = { trigger: 0.5, source: 0, target: 0 };
  if (process.argv.includes('--curve')) {
    for (const share of [0.25, 0.5, 0.75, 1]) {
      const part = fitSet.filter((p) => unit('curve:' + p.sentence.id) < share);
      const m = fit(examples(part), initial);
      const th = tune(tuneSet, m);
      process.stderr.write(`  curve ${share}: ${part.length} sentences -> ${fmt(score(tuneSet, { ...m, thresholds: th }))}\n`);
    }
    return;
  }
  const fitExamples = examples(fitSet);
  process.stderr.write(`  ${fitExamples.events} gold events, ${fitExamples.missed} without a candidate word; ${fitExamples.trigger.length} candidates\n`);
  const draft = fit(fitExamples, initial);
  process.stderr.write(`  tuning slice, default thresholds: ${fmt(score(tuneSet, draft))}\n`);
  const thresholds = tune(tuneSet, draft);
  const tuned = { ...draft, thresholds };
  const tunedScore = score(tuneSet, tuned);
  process.stderr.write(`  tuning slice, tuned ${JSON.stringify(thresholds)}: ${fmt(tunedScore)}\n`);
  if (process.argv.includes('--diagnose')) diagnose(tuneSet, tuned);
  if (process.env.DIAG_DROP) {
    dropped.n = dropped.right = 0;
    score(tuneSet, tuned);
    process.stderr.write(`  confident events without an actor, dropped: ${dropped.n}, of a type the sentence has: ${dropped.right}\n`);
  }
  if (process.argv.includes('--fit-score')) process.stderr.write(`  on its own training sentences: ${fmt(score(fitSet.slice(0, 1000), tuned))}\n`);

  const all = examples(prepared);
  const models = fit(all, thresholds);
  const seconds = (performance.now() - t0) / 1000;
  process.stderr.write(`  final models on all ${prepared.length} training sentences; ${seconds.toFixed(0)} s in all\n`);
  if (process.argv.includes('--no-write')) return;
  const file = join(REPO_ROOT, 'data', 'coder-model.json');
  writeFileSync(file, serializeCoder(models, { sentences: prepared.length, events: all.events, tuning: tunedScore, seconds: Math.round(seconds) }));
  process.stderr.write(`wrote ${file}\n`);
}

main();
