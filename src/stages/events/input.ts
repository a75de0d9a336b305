// Bare text to events (`demarche code`, evaluations): a CodeInput becomes an Article through the
// annotate and actors stages, then the coder runs on it.
import { resolveEntities, type ActorDictionary } from '../actors/index.js';
import type { Article, CodeInput, Event } from '../../model.js';
import { annotate } from '../annotate/index.js';
import { codeArticle, type CodeOptions } from './coder.js';

/** A CodeInput as an article: annotate -> actors (with `dict`, default: the built-in dictionary). */
export function articleFromInput(input: CodeInput, dict?: ActorDictionary): Article {
  const annotated = annotate({
    id: input.id,
    source: 'input',
    url: null,
    title: null,
    published: input.date ?? null,
    language: 'en',
    day_first: false,
    text: input.text,
    duplicate_of: null,
  });
  return { ...annotated, entities: resolveEntities(annotated, dict) };
}

/** PLOVER events of a bare text. */
export function codeInput(input: CodeInput, opts: CodeOptions = {}): Event[] {
  const out: Event[] = [];
  for (const { origin: _origin, ...e } of codeArticle(articleFromInput(input, opts.actors), opts)) if (e.type !== null) out.push({ ...e, type: e.type });
  return out;
}
