// Shared by the actor tests: the code the pipeline gives a span of a sentence written for a test.
import { expect } from 'vitest';
import { annotateText } from '../../../src/pipeline.js';
import type { Entity } from '../../../src/model.js';

export interface SpanCase {
  text: string;
  date?: string;
  /** [exact span text, expected code (null: no entity there), occurrence (1-based, default 1)] */
  expect: [string, string | null, number?][];
}

/** The entity overlapping the `occurrence`-th copy of `span` in `text`. */
export function entityAt(entities: Entity[], text: string, span: string, occurrence = 1): Entity | undefined {
  let at = -1;
  for (let n = 0; n < occurrence; n++) at = text.indexOf(span, at + 1);
  if (at < 0) throw new Error(`"${span}" is not in the text`);
  const end = at + span.length;
  return entities.find((e) => e.start < end && at < e.end);
}

export function checkSpans(c: SpanCase): void {
  const { entities } = annotateText({ id: 'test', text: c.text, date: c.date ?? '2019-06-01' });
  for (const [span, code, occurrence] of c.expect) {
    const e = entityAt(entities, c.text, span, occurrence);
    expect({ span, code: e?.code ?? null }).toEqual({ span, code });
  }
}
