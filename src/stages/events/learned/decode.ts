// The learned coder on one sentence: every candidate word scored by the trigger model, the events
// kept above the threshold, each given a modality and its source and target phrases by the
// argument model. Pure: the sentence context and the loaded models in, events out.
import { argmax, newFeatures, predict, rank, type LinearModel } from '../../../learn/linear.js';
import { PLOVER_TYPES, type PloverType } from '../../../model.js';
import { argumentFeatures, governorOf, isCandidate, modalityFeatures, noneFeatures, triggerFeatures, type SentenceContext } from './features.js';
import { MODALITIES, NONE, type CoderModels, type Modality } from './model.js';
import type { NounPhrase } from './phrases.js';

export interface LearnedEvent {
  /** The trigger token. */
  word: number;
  type: PloverType;
  modality: Modality;
  /** P(type) at the trigger. */
  confidence: number;
  source: NounPhrase | null;
  target: NounPhrase | null;
  sourceScore: number;
  targetScore: number;
}

const TYPES = new Set<string>(PLOVER_TYPES);

/** Trigger decisions for every candidate: [token, type, P(type), P(not none)]. */
export function scoreTriggers(ctx: SentenceContext, models: CoderModels): { word: number; type: string; p: number; pEvent: number }[] {
  const out: { word: number; type: string; p: number; pEvent: number }[] = [];
  const m = models.trigger;
  const none = m.classes.indexOf(NONE);
  for (let k = 0; k < ctx.view.toks.length; k++) {
    if (!isCandidate(ctx, k)) continue;
    const f = newFeatures(m);
    triggerFeatures(ctx, k, f);
    const p = predict(m, f);
    let best = -1;
    for (let c = 0; c < p.length; c++) if (c !== none && (best < 0 || p[c]! > p[best]!)) best = c;
    out.push({ word: k, type: m.classes[best]!, p: p[best]!, pEvent: 1 - p[none]! });
  }
  return out;
}

export function modalityOf(ctx: SentenceContext, k: number, models: CoderModels): Modality {
  const f = newFeatures(models.modality);
  modalityFeatures(ctx, k, f);
  const label = models.modality.classes[argmax(predict(models.modality, f))]!;
  return (MODALITIES as readonly string[]).includes(label) ? (label as Modality) : 'asserted';
}

/** The phrases that may be arguments of the event at k (not the one that contains it). */
export function argumentCandidates(ctx: SentenceContext, k: number): number[] {
  const out: number[] = [];
  ctx.phrases.forEach((p, i) => {
    if (!(p.first <= k && p.last >= k)) out.push(i);
  });
  return out;
}

/** The ranker's choice among the candidate phrases (index into ctx.phrases, or -1) and its probability. */
export function chooseArgument(ctx: SentenceContext, k: number, type: string, model: LinearModel, candidates: number[], threshold: number): { phrase: number; p: number } {
  const none = newFeatures(model);
  noneFeatures(ctx, k, type, none);
  const feats = candidates.map((i) => {
    const f = newFeatures(model);
    argumentFeatures(ctx, k, type, ctx.phrases[i]!, f);
    return f;
  });
  const p = rank(model, none, feats);
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  if (best === 0 || p[best]! < threshold) return { phrase: -1, p: p[0]! };
  return { phrase: candidates[best - 1]!, p: p[best]! };
}

/** The events of one sentence. */
export function decodeSentence(ctx: SentenceContext, models: CoderModels): LearnedEvent[] {
  const th = models.thresholds;
  const scored = scoreTriggers(ctx, models).filter((s) => s.pEvent >= th.trigger && TYPES.has(s.type));
  // Two words of one clause read as the same type are one event ("killed in an encounter"): the
  // likelier word stands for it.
  const chosen = scored.filter((c) => !scored.some((o) => o !== c && o.type === c.type && ctx.view.clauseOf[o.word] === ctx.view.clauseOf[c.word] && (o.pEvent > c.pEvent || (o.pEvent === c.pEvent && o.word < c.word))));
  const at = new Set(chosen.map((c) => c.word));
  const out: LearnedEvent[] = [];
  for (const c of chosen) {
    // "threatened to strike": the governed action is the content of the governing event.
    const gov = governorOf(ctx.view, c.word);
    if (gov >= 0 && at.has(gov)) continue;
    const cands = argumentCandidates(ctx, c.word);
    const src = chooseArgument(ctx, c.word, c.type, models.source, cands, th.source);
    const tgt = chooseArgument(ctx, c.word, c.type, models.target, cands.filter((i) => i !== src.phrase), th.target);
    out.push({
      word: c.word,
      type: c.type as PloverType,
      modality: modalityOf(ctx, c.word, models),
      confidence: c.p,
      source: src.phrase >= 0 ? ctx.phrases[src.phrase]! : null,
      target: tgt.phrase >= 0 ? ctx.phrases[tgt.phrase]! : null,
      sourceScore: src.p,
      targetScore: tgt.p,
    });
  }
  return out;
}
