// The pipeline's contract: the registered stages run in order, each reading what the one before
// returns; states load once; the run stays synchronous while every stage is, and an asynchronous
// stage with a loaded model (the seam for a learned event coder) runs through the same pipeline.
import { describe, expect, it } from 'vitest';
import type { Processed, RawDocument } from '../src/model.js';
import { annotateText, codeText, Pipeline, processDocument, stagesBetween } from '../src/pipeline.js';
import { loadDefaultDictionary } from '../src/stages/actors/index.js';
import { defineStage, STAGES } from '../src/stages/index.js';

const raw: RawDocument = {
  id: 'p1',
  source: 'test',
  url: null,
  format: 'text',
  content: 'Foreign Minister Sergey Lavrov met US Secretary of State John Kerry in Geneva on Friday.',
  published: '2016-09-09',
  title: null,
};

/** A stand-in for a learned coder: its "weights" load asynchronously, once; it answers asynchronously. */
function learnedCoder() {
  const calls = { load: 0, run: 0 };
  const stage = defineStage({
    name: 'learned-events',
    input: 'Article',
    output: 'Processed',
    async load() {
      calls.load++;
      await new Promise((r) => setTimeout(r, 5));
      return { label: 'CONSULT' as const };
    },
    async run(article, weights): Promise<Processed> {
      calls.run++;
      const events = processDocument(raw).events.map((e) => ({ ...e, article: article.id, type: weights.label }));
      return { article, events };
    },
  });
  return { stage, calls };
}

describe('the registered pipeline', () => {
  it('runs clean, annotate, actors and events, in that order, each reading what the one before returns', async () => {
    expect(STAGES.map((s) => s.name)).toEqual(['clean', 'annotate', 'actors', 'events']);
    expect(STAGES.map((s) => `${s.input}->${s.output}`)).toEqual(['RawDocument->ArticleBase', 'ArticleBase->Article', 'Article->Article', 'Article->Processed']);
    const pipeline = await Pipeline.assemble(STAGES);
    expect(pipeline.names).toEqual(['clean', 'annotate', 'actors', 'events']);
  });

  it('answers synchronously, with what processDocument gives, and times every stage', () => {
    const pipeline = Pipeline.assembleSync(STAGES);
    const timed: string[] = [];
    const out = pipeline.run(raw, (stage) => timed.push(stage));
    expect(out).not.toBeInstanceOf(Promise);
    expect(out).toEqual(processDocument(raw));
    expect((out as Processed).events.length).toBeGreaterThan(0);
    expect(timed).toEqual(['clean', 'annotate', 'actors', 'events']);
  });

  it('codes a bare text with every stage after clean, and takes another state for a stage by name', () => {
    const input = { id: 't1', text: 'Russia accused the United States of sheltering terrorist groups.', date: '2016-09-05' };
    expect(stagesBetween('annotate').map((s) => s.name)).toEqual(['annotate', 'actors', 'events']);
    expect(codeText(input).events.map((e) => e.type)).toContain('ACCUSE');
    const dict = loadDefaultDictionary();
    const viaOverride = Pipeline.assembleSync(stagesBetween('annotate', 'actors'), { actors: dict }).runSync({
      id: 't1', source: 'input', url: null, title: null, published: '2016-09-05', language: 'en', day_first: false, text: input.text, duplicate_of: null,
    });
    expect(viaOverride).toEqual(annotateText(input, dict));
  });
});

describe('assembling', () => {
  it('refuses stages that do not chain, and two stages of one name', () => {
    const [clean, annotate, actors, events] = STAGES;
    expect(() => Pipeline.assembleSync([clean, actors])).toThrow(/"actors" reads Article, but "clean" before it returns ArticleBase/);
    expect(() => Pipeline.assembleSync([annotate, actors, actors])).toThrow(/two stages are named "actors"/);
    expect(() => Pipeline.assembleSync([])).toThrow(/at least one stage/);
    expect(Pipeline.assembleSync([annotate, actors, events]).names).toEqual(['annotate', 'actors', 'events']);
  });
});

describe('an asynchronous stage with a loaded model', () => {
  it('loads its state once, runs through the same pipeline, and makes the run a promise', async () => {
    expect(() => Pipeline.assembleSync([...stagesBetween('clean', 'actors'), learnedCoder().stage])).toThrow(/loads asynchronously/);
    const { stage, calls } = learnedCoder();
    const stages = [...stagesBetween('clean', 'actors'), stage] as const;
    const pipeline = await Pipeline.assemble(stages);
    expect(calls.load).toBe(1);
    const runs = [pipeline.run(raw), pipeline.run({ ...raw, id: 'p2' })];
    expect(runs[0]).toBeInstanceOf(Promise);
    const [first, second] = await Promise.all(runs);
    expect(calls).toEqual({ load: 1, run: 2 });
    expect(first!.article).toEqual(processDocument(raw).article);
    expect(first!.events.every((e) => e.type === 'CONSULT' && e.article === 'p1')).toBe(true);
    expect(second!.article.id).toBe('p2');
    expect(() => pipeline.runSync(raw)).toThrow(/asynchronous: use run\(\)/);
  });

  it('times the asynchronous stage up to its answer', async () => {
    const { stage } = learnedCoder();
    const pipeline = await Pipeline.assemble([...stagesBetween('clean', 'actors'), stage]);
    const timed: [string, number][] = [];
    await pipeline.run(raw, (name, ms) => timed.push([name, ms]));
    expect(timed.map(([name]) => name)).toEqual(['clean', 'annotate', 'actors', 'learned-events']);
  });
});
