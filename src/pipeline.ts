// The pipeline as a chain of pure stages over the model (side effects live in store/, cli/, server/).
import type { Article, CleanDocument, CodeInput, Event, RawDocument } from './model.js';
import { cleanDocument } from './stages/clean/index.js';
import { annotate } from './stages/annotate/index.js';
import { resolveEntities } from './stages/actors/index.js';
import { articleFromInput, codeEvents } from './stages/events/index.js';

export interface Processed {
  article: Article;
  events: Event[];
}

export type Stage = 'clean' | 'annotate' | 'actors' | 'events';
/** Receives each stage's duration (benchmarks); absent in normal runs, so it costs nothing. */
export type StageTimer = (stage: Stage, ms: number) => void;

function timed<T>(timer: StageTimer | undefined, stage: Stage, fn: () => T): T {
  if (!timer) return fn();
  const t0 = performance.now();
  const out = fn();
  timer(stage, performance.now() - t0);
  return out;
}

/** clean -> annotate -> actors -> events for one document. duplicate_of is set later (needs the store). */
export function processDocument(raw: RawDocument, timer?: StageTimer): Processed {
  const clean: CleanDocument = timed(timer, 'clean', () => cleanDocument(raw));
  const published = raw.published ?? clean.published;
  const base = {
    id: raw.id,
    source: raw.source,
    url: raw.url,
    title: clean.title ?? raw.title,
    published,
    language: clean.language,
    day_first: clean.day_first,
    text: clean.text,
    duplicate_of: null,
  };
  const annotated = timed(timer, 'annotate', () => annotate(base));
  const article: Article = { ...annotated, entities: timed(timer, 'actors', () => resolveEntities(annotated)) };
  return { article, events: timed(timer, 'events', () => codeEvents(article)) };
}

/** The event coder alone over a bare text (`demarche code`, evaluations): no cleaning, no store. */
export function codeText(input: CodeInput): { article: Article; events: Event[] } {
  const article = articleFromInput(input);
  return { article, events: codeEvents(article) };
}
