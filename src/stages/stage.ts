// The contract every pipeline stage keeps, in the manner of spaCy's named pipeline components: a
// name, the model type it reads and the one it returns, an optional state loaded once (a dictionary,
// a lexicon, the weights of a learned model), and a pure function from one document to the next
// model type. The pipeline (src/pipeline.ts) checks that each stage reads what the one before it
// returns, loads every state once, and runs the stages in the order of STAGES (./index.ts).
//
// A stage may be asynchronous (load, run, or both return a Promise): a model served elsewhere, or
// weights read from disk. The pipeline stays synchronous, with no promise per document, for as long
// as every stage answers synchronously.
import type { Article, ArticleBase, Processed, RawDocument } from '../model.js';

/** The model types a stage may read or return, by name: the names are checked when stages are assembled. */
export interface StageTypes {
  RawDocument: RawDocument;
  ArticleBase: ArticleBase;
  Article: Article;
  Processed: Processed;
}
export type StageType = keyof StageTypes;

export interface Stage<In extends StageType = StageType, Out extends StageType = StageType, State = unknown, Name extends string = string> {
  readonly name: Name;
  /** The model type run() reads. */
  readonly input: In;
  /** The model type run() returns. */
  readonly output: Out;
  /**
   * What the stage needs for every document, read once when a pipeline is assembled (never per
   * document). Absent: the state is undefined. A pipeline may be given another state instead (the
   * evaluations code with PETRARCH's own actor dictionaries this way).
   */
  load?(): State | Promise<State>;
  /** One document. Pure: the same input and state always give the same output; the input is not changed. */
  run(input: StageTypes[In], state: State): StageTypes[Out] | Promise<StageTypes[Out]>;
}

/** Any stage, whatever it reads, returns and holds (`any`: a list mixes stages of different states). */
export type AnyStage = Stage<StageType, StageType, any>;

/** Declares a stage with its types inferred and its name kept as a literal type. */
export function defineStage<In extends StageType, Out extends StageType, State = undefined, const Name extends string = string>(
  stage: Stage<In, Out, State, Name>,
): Stage<In, Out, State, Name> {
  return stage;
}
