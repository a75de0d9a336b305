// A near-duplicate decision must not depend on which process indexed the earlier article: one that
// knows it only by its stored signature (another writer stored it) compares exactly once given
// the stored text, as the process that indexed the text itself does; and deciding does not index.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuplicateFinder } from '../../src/dedupe/finder.js';
import { DUPLICATE_JACCARD, fingerprint, jaccard, minhashSignature, NearDuplicateIndex, shingleSet, signatureSimilarity } from '../../src/dedupe/minhash.js';
import type { Store } from '../../src/store/types.js';
import { ROOT } from '../fixtures/paths.js';

const original = readFileSync(join(ROOT, 'examples', 'seeds', '003_a6332ebc66c091c0.txt'), 'utf8');

/** The text with every step-th word replaced, from `from` on: similarity falls as step shrinks. */
function edited(step: number, from = 0): string {
  return original.split(/(\s+)/).map((w, i) => (i >= from && i % (2 * step) === 0 && /\w/.test(w) ? `x${i}` : w)).join('');
}

/** A copy whose exact Jaccard and signature estimate fall on opposite sides of the threshold. */
function borderline(): string {
  for (let step = 3; step < 400; step++) {
    for (const from of [0, 200, 400, 800]) {
      const text = edited(step, from);
      const exact = jaccard(shingleSet(original), shingleSet(text)) >= DUPLICATE_JACCARD;
      const estimate = signatureSimilarity(minhashSignature(original), minhashSignature(text)) >= DUPLICATE_JACCARD;
      if (exact !== estimate) return text;
    }
  }
  throw new Error('no borderline copy found');
}

describe('exact near-duplicate decisions across processes', () => {
  it('an index that knows the original by signature decides like the one that shingled it, once given its text', () => {
    const copy = borderline();
    const here = new NearDuplicateIndex();
    here.add('original', original);
    const expected = here.match(fingerprint(copy));

    const elsewhere = new NearDuplicateIndex();
    elsewhere.seed([{ id: 'original', signature: minhashSignature(original) }]);
    const fp = fingerprint(copy);
    const estimated = elsewhere.match(fp);
    expect(estimated).not.toBe(expected); // the signature alone would decide otherwise
    expect(elsewhere.candidatesWithoutText(fp)).toEqual(['original']);
    elsewhere.restoreText('original', original);
    expect(elsewhere.candidatesWithoutText(fp)).toEqual([]);
    expect(elsewhere.match(fp)).toBe(expected);
  });

  it('a finder learns what others stored, takes their roots, and indexes only what it stored', async () => {
    const store = { minhashes: async () => [{ seq: 1, id: 'a', signature: minhashSignature(original), duplicate_of: null }] } as unknown as Store;
    const finder = await DuplicateFinder.fromStore(store);
    const copyB = `Headline B\n\n${original}\nFooter B.`;
    const copyC = `Headline C\n\n${original}\nFooter C.`;
    // Another writer stored b, a copy of a, at seq 2.
    const m1 = finder.marking('c', copyC);
    expect(m1.cursor()).toBe(1);
    m1.learn([{ seq: 2, id: 'b', signature: minhashSignature(copyB), duplicate_of: 'a' }]);
    expect(m1.cursor()).toBe(2);
    for (const id of m1.textsNeeded()) m1.giveText(id, id === 'a' ? original : copyB);
    expect(m1.decide().duplicate_of).toBe('a');
    // c was decided but never stored (say its id was there already): it is not indexed, so it is
    // nobody's original; d, stored, moves the cursor.
    const m2 = finder.marking('d', `Another headline\n\n${copyC}`);
    expect(m2.decide().duplicate_of).toBe('a');
    m2.stored(3);
    expect(finder.marking('e', copyC).cursor()).toBe(3);
  });
});
