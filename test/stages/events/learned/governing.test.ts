// A governing word's modality joined with the reading of the action it governs ("refused to
// release" is REJECT whatever is refused; "threatened to strike" THREATEN): a trigger feature.
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../../../src/pipeline.js';
import type { Features } from '../../../../src/learn/linear.js';
import { triggerFeatures, type SentenceContext } from '../../../../src/stages/events/learned/features.js';
import { prepareSentence, viewOptions } from '../../../../src/stages/events/learned/prepare.js';

function features(text: string, w: string): string[] {
  const article = annotateText({ id: 't', text, date: '2019-03-01' });
  const ctx: SentenceContext = prepareSentence(article, 0, viewOptions())!;
  const k = ctx.view.toks.findIndex((t) => t.text === w);
  const out: string[] = [];
  const f = { add: (name: string) => out.push(name), addPair: (prefix: string, rest: string) => out.push(prefix + rest) } as unknown as Features;
  triggerFeatures(ctx, k, f);
  return out;
}

describe('a governing word with what it governs', () => {
  it('joins the refusal with the refused action\'s reading', () => {
    const f = features('Iran refused to release the British sailors.', 'refused');
    expect(f).toContain('governs+comp=refusal|v');
    expect(f).toContain('governs+compdict=refusal|RETREAT');
  });

  it('reads nothing of the kind where no action is governed', () => {
    const f = features('Iran refused the British request.', 'refused');
    expect(f.some((x) => x.startsWith('governs+'))).toBe(false);
  });
});
