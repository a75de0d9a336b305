// Cues of background, attributes and aims the trigger model weighs (docs/ANNOTATION.md, "not
// events"): they are features, so these tests check that each cue is read where it should be and
// not elsewhere.
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../../../src/pipeline.js';
import type { Features } from '../../../../src/learn/linear.js';
import { backgroundFeatures, type SentenceContext } from '../../../../src/stages/events/learned/features.js';
import { prepareSentence, viewOptions } from '../../../../src/stages/events/learned/prepare.js';

function context(text: string): SentenceContext {
  const article = annotateText({ id: 't', text, date: '2019-03-01' });
  return prepareSentence(article, 0, viewOptions())!;
}

/** The background cues at a word, as strings. */
function cues(text: string, w: string): string[] {
  const ctx = context(text);
  const k = ctx.view.toks.findIndex((t) => t.text === w);
  const out: string[] = [];
  const f = { add: (name: string) => out.push(name), addPair: (prefix: string, rest: string) => out.push(prefix + rest) } as unknown as Features;
  backgroundFeatures(ctx, k, f);
  return out;
}

describe('background cues at a candidate word', () => {
  it('reads a noun after "since" with a year as background, not one with a day', () => {
    expect(cues('Since the 2014 annexation of Crimea, sanctions have grown.', 'annexation')).toEqual(expect.arrayContaining(['bg:np-prep=since', 'bg:np-prep-year=since', 'bg:np-year']));
    expect(cues('The arrest of 20 protesters on Monday sparked anger.', 'arrest')).not.toContain('bg:np-year');
  });

  it('marks a participle fused to a name by a hyphen', () => {
    expect(cues('Russian-backed separatists shelled the town.', 'backed')).toContain('bg:hyphen');
    expect(cues('Russia backed the separatists.', 'backed')).not.toContain('bg:hyphen');
  });

  it('marks a gerund after a preposition and an infinitive governed by a noun', () => {
    expect(cues('The government kept a focus on fighting the insurgents.', 'fighting')).toContain('bg:ing-prep=on');
    expect(cues('The government said its efforts to curb migration had failed.', 'curb')).toContain('bg:noun-gov=effort');
    expect(cues('The minister promised to curb migration.', 'curb').some((c) => c.startsWith('bg:noun-gov'))).toBe(false);
  });
});
