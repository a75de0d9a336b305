// The pipeline: the registered stages (src/stages/index.ts) assembled and run in order over one
// document. Pure: side effects live in store/, app/ and the faces (cli/, server/, queue/).
//
// Assembling checks that each stage reads the model type the one before it returns and loads every
// stage's state once. Running stays synchronous, with no promise per document, for as long as
// every stage answers synchronously; the first stage that returns a Promise turns the rest of that
// document's run into a promise chain. So the rule-based stages run at full speed, and a learned
// stage (weights loaded once, inference possibly async) needs no change anywhere else.
import type { Article, ArticleBase, CodeInput, Processed, RawDocument } from './model.js';
import type { ActorDictionary } from './stages/actors/index.js';
import { STAGES, type StageName } from './stages/index.js';
import type { AnyStage, StageTypes } from './stages/stage.js';

/** Receives each stage's duration (benchmarks); absent in normal runs, so it costs nothing. */
export type StageTimer = (stage: string, ms: number) => void;

/** States to use instead of what the stages' load() would give, by stage name. */
export type StateOverrides = Readonly<Record<string, unknown>>;

type First<S> = S extends readonly [infer F extends AnyStage, ...unknown[]] ? F : never;
type Last<S> = S extends readonly [...unknown[], infer L extends AnyStage] ? L : never;
/** The model type a list of stages starts from, and the one it ends with. */
export type InputOf<S extends readonly AnyStage[]> = StageTypes[First<S>['input']];
export type OutputOf<S extends readonly AnyStage[]> = StageTypes[Last<S>['output']];

export class Pipeline<In, Out> {
  private constructor(
    private readonly stages: readonly AnyStage[],
    private readonly states: readonly unknown[],
  ) {}

  /** Assembles stages whose states may load asynchronously (model weights read from disk). */
  static async assemble<S extends readonly AnyStage[]>(stages: S, states: StateOverrides = {}): Promise<Pipeline<InputOf<S>, OutputOf<S>>> {
    checkChain(stages);
    const loaded = await Promise.all(stages.map((s) => (s.name in states ? states[s.name] : s.load?.())));
    return new Pipeline(stages, loaded);
  }

  /** Assembles stages whose states all load synchronously; throws when one does not. */
  static assembleSync<S extends readonly AnyStage[]>(stages: S, states: StateOverrides = {}): Pipeline<InputOf<S>, OutputOf<S>> {
    checkChain(stages);
    const loaded = stages.map((s) => {
      const state = s.name in states ? states[s.name] : s.load?.();
      if (state instanceof Promise) {
        state.catch(() => undefined);
        throw new Error(`stage "${s.name}" loads asynchronously: assemble the pipeline with Pipeline.assemble`);
      }
      return state;
    });
    return new Pipeline(stages, loaded);
  }

  get names(): string[] {
    return this.stages.map((s) => s.name);
  }

  /** One document through every stage: the value itself while every stage is synchronous, else a Promise. */
  run(input: In, timer?: StageTimer): Out | Promise<Out> {
    return this.runFrom(0, input, timer) as Out | Promise<Out>;
  }

  /** run() for pipelines known to be synchronous; throws if a stage answered with a Promise. */
  runSync(input: In, timer?: StageTimer): Out {
    const out = this.run(input, timer);
    if (out instanceof Promise) {
      out.catch(() => undefined);
      throw new Error(`a stage of ${this.names.join(' -> ')} is asynchronous: use run() and await it`);
    }
    return out;
  }

  private runFrom(first: number, input: unknown, timer: StageTimer | undefined): unknown {
    const { stages, states } = this;
    let value = input;
    for (let i = first; i < stages.length; i++) {
      const stage = stages[i]!;
      const t0 = timer ? performance.now() : 0;
      const out: unknown = stage.run(value as never, states[i]);
      if (out instanceof Promise) {
        return out.then((v: unknown) => {
          timer?.(stage.name, performance.now() - t0);
          return this.runFrom(i + 1, v, timer);
        });
      }
      timer?.(stage.name, performance.now() - t0);
      value = out;
    }
    return value;
  }
}

/** Each stage must read what the one before it returns; names must be unique (states are given by name). */
function checkChain(stages: readonly AnyStage[]): void {
  if (stages.length === 0) throw new Error('a pipeline needs at least one stage');
  const names = new Set<string>();
  stages.forEach((stage, i) => {
    if (names.has(stage.name)) throw new Error(`two stages are named "${stage.name}"`);
    names.add(stage.name);
    const before = stages[i - 1];
    if (before && before.output !== stage.input) {
      throw new Error(`stage "${stage.name}" reads ${stage.input}, but "${before.name}" before it returns ${before.output}`);
    }
  });
}

/** The registered stages from `from` to `to` (inclusive), in order. */
export function stagesBetween(from: StageName, to: StageName = STAGES[STAGES.length - 1]!.name): AnyStage[] {
  const names = STAGES.map((s) => s.name as string);
  const start = names.indexOf(from);
  const end = names.indexOf(to);
  if (start < 0 || end < start) throw new Error(`no stages from "${from}" to "${to}"`);
  return STAGES.slice(start, end + 1);
}

let loading: Promise<Pipeline<RawDocument, Processed>> | null = null;
let standard: Pipeline<RawDocument, Processed> | null = null;

/** The registered stages assembled once per process; async stages allowed. */
export function loadPipeline(): Promise<Pipeline<RawDocument, Processed>> {
  return (loading ??= Pipeline.assemble(STAGES));
}

/**
 * clean -> annotate -> actors -> events for one document, synchronously (evaluations, benchmarks,
 * tests; app/ uses loadPipeline, which also runs async stages). duplicate_of is set later (needs the store).
 */
export function processDocument(raw: RawDocument, timer?: StageTimer): Processed {
  standard ??= Pipeline.assembleSync(STAGES);
  return standard.runSync(raw, timer);
}

/** A bare text as the clean stage would hand it on: English, not day-first, dated by the input. */
export function articleBaseOf(input: CodeInput): ArticleBase {
  return {
    id: input.id,
    source: 'input',
    url: null,
    title: null,
    published: input.date ?? null,
    language: 'en',
    day_first: false,
    text: input.text,
    duplicate_of: null,
  };
}

let coder: Pipeline<ArticleBase, Processed> | null = null;
let loadingCoder: Promise<Pipeline<ArticleBase, Processed>> | null = null;
let annotator: Pipeline<ArticleBase, Article> | null = null;
const annotatorsByDictionary = new WeakMap<ActorDictionary, Pipeline<ArticleBase, Article>>();

/** Every registered stage after clean, assembled once per process (for bare texts); async stages allowed. */
export function loadCoder(): Promise<Pipeline<ArticleBase, Processed>> {
  return (loadingCoder ??= Pipeline.assemble(stagesBetween('annotate')) as Promise<Pipeline<ArticleBase, Processed>>);
}

/** The event coder over a bare text (evaluations, tests): every stage after clean, no store; synchronous stages only. */
export function codeText(input: CodeInput): Processed {
  coder ??= Pipeline.assembleSync(stagesBetween('annotate')) as Pipeline<ArticleBase, Processed>;
  return coder.runSync(articleBaseOf(input));
}

/** A bare text through annotate -> actors, resolving actors with `dictionary` (default: the built-in one). */
export function annotateText(input: CodeInput, dictionary?: ActorDictionary): Article {
  let pipeline = dictionary ? annotatorsByDictionary.get(dictionary) : annotator;
  if (!pipeline) {
    pipeline = Pipeline.assembleSync(stagesBetween('annotate', 'actors'), dictionary ? { actors: dictionary } : {}) as Pipeline<ArticleBase, Article>;
    if (dictionary) annotatorsByDictionary.set(dictionary, pipeline);
    else annotator = pipeline;
  }
  return pipeline.runSync(articleBaseOf(input));
}
