import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  jaccard,
  minhashSignature,
  NearDuplicateIndex,
  shingleSet,
  signatureFromBytes,
  signatureSimilarity,
  signatureToBytes,
} from '../../src/dedupe/minhash.js';
import { ROOT } from '../fixtures/paths.js';

const seed = (name: string): string => readFileSync(join(ROOT, 'examples/seeds', name), 'utf8');

/** The story body of seed 003 without its page furniture, as a wire copy would carry it. */
const wire = seed('003_a6332ebc66c091c0.txt').split('Follow China.org.cn')[0].split('Adjust font size:')[1];

/** The same wire story republished: other headline, other footer, a few words changed. */
function syndicated(body: string): string {
  return `Moscow denies intelligence deal with Washington\n\nBy our correspondent\n${body
    .replace('Foreign Minister Sergei Lavrov said Saturday', 'Russian Foreign Minister Sergei Lavrov said on Saturday')
    .replace('a local TV channel', 'a Russian TV channel')}\nShare this story. (c) Example Daily 2014. All rights reserved.`;
}

describe('MinHash signatures', () => {
  it('estimates Jaccard similarity within a few points', () => {
    const a = shingleSet(wire);
    const b = shingleSet(syndicated(wire));
    const exact = jaccard(a, b);
    const est = signatureSimilarity(minhashSignature(wire), minhashSignature(syndicated(wire)));
    expect(exact).toBeGreaterThan(0.8);
    expect(Math.abs(exact - est)).toBeLessThan(0.12);
  });

  it('is deterministic and round-trips through bytes', () => {
    const sig = minhashSignature(wire);
    expect(minhashSignature(wire)).toEqual(sig);
    expect(signatureFromBytes(signatureToBytes(sig))).toEqual(sig);
    expect(() => signatureFromBytes(new Uint8Array(3))).toThrow(/512 bytes/);
  });

  it('ignores case and punctuation', () => {
    expect(jaccard(shingleSet('The Talks, in PARIS, ended early today after dawn.'), shingleSet('the talks in paris ended early today after dawn'))).toBe(1);
  });
});

describe('NearDuplicateIndex', () => {
  it('finds a syndicated copy with a changed headline and footer', () => {
    const index = new NearDuplicateIndex();
    expect(index.add('xinhua', wire)).toBeNull();
    expect(index.add('daily', syndicated(wire))).toBe('xinhua');
  });

  it('accepts a signature computed beforehand (the ingest pattern)', () => {
    const index = new NearDuplicateIndex();
    const a = minhashSignature(wire);
    expect(index.add('xinhua', wire, a)).toBeNull();
    const copy = syndicated(wire);
    expect(index.add('daily', copy, minhashSignature(copy))).toBe('xinhua');
    expect(index.add('again', seed('002_1f0eaba275a853a5.txt'), minhashSignature(seed('002_1f0eaba275a853a5.txt')))).toBeNull();
  });

  it('does not link different articles on the same topic', () => {
    const index = new NearDuplicateIndex();
    const docs = ['000_1443bbc182fad092.txt', '001_4f6c05089ed85c55.txt', '002_1f0eaba275a853a5.txt', '003_a6332ebc66c091c0.txt', '004_132427d3f18f6635.txt'];
    for (const d of docs) expect(index.add(d, seed(d))).toBeNull();
    expect(index.size).toBe(5);
  });

  it('points a copy of a copy at the original', () => {
    const index = new NearDuplicateIndex();
    index.add('a', wire);
    expect(index.add('b', syndicated(wire))).toBe('a');
    expect(index.add('c', syndicated(wire) + ' Updated.')).toBe('a');
  });

  it('works from stored signatures when the texts are gone', () => {
    const stored = new NearDuplicateIndex();
    stored.add('xinhua', wire);
    const restarted = new NearDuplicateIndex();
    restarted.seed([{ id: 'xinhua', signature: minhashSignature(wire) }]);
    expect(restarted.add('daily', syndicated(wire))).toBe('xinhua');
    expect(restarted.add('other', seed('004_132427d3f18f6635.txt'))).toBeNull();
  });

  it('does not compare texts too short to prove anything', () => {
    const index = new NearDuplicateIndex();
    index.add('a', 'Share this story');
    expect(index.add('b', 'Share this story')).toBeNull();
  });
});
