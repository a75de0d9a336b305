// The near-duplicate index keeps memory bounded in a long ingest: only the most recent shingle sets
// are held, older articles are still found (through their signatures), and buckets shared by
// several articles still return every candidate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from '../src/clean/minhash.js';

const SEEDS = join(import.meta.dirname, '..', 'examples', 'seeds');
const seed = (name: string): string => readFileSync(join(SEEDS, name), 'utf8');
const SEED_FILES = ['000_1443bbc182fad092.txt', '001_4f6c05089ed85c55.txt', '002_1f0eaba275a853a5.txt', '003_a6332ebc66c091c0.txt', '004_132427d3f18f6635.txt'];

/** A distinct filler article: numbered words, so no two share a shingle. */
function filler(n: number): string {
  return Array.from({ length: 40 }, (_, k) => `w${n}x${k}`).join(' ');
}

describe('NearDuplicateIndex memory bound', () => {
  it('holds at most recentShingleSets shingle sets however many articles are added', () => {
    const index = new NearDuplicateIndex(undefined, 8);
    for (let n = 0; n < 100; n++) index.add(`f${n}`, filler(n));
    expect(index.size).toBe(100);
    expect(index.shingleSetsHeld).toBe(8);
  });

  it('still finds a copy of an article whose shingle set was given up (signature estimate)', () => {
    const index = new NearDuplicateIndex(undefined, 4);
    const original = seed(SEED_FILES[3]);
    expect(index.add('original', original)).toBeNull();
    for (let n = 0; n < 3000; n++) index.add(`f${n}`, filler(n));
    expect(index.shingleSetsHeld).toBe(4);
    expect(index.add('copy', `${original}\nShare this story.`)).toBe('original');
  });

  it('gives the same answers with a large and a tiny bound when copies arrive close together', () => {
    const answers = (bound: number): (string | null)[] => {
      const index = new NearDuplicateIndex(undefined, bound);
      const out: (string | null)[] = [];
      SEED_FILES.forEach((f, k) => {
        out.push(index.add(f, seed(f)));
        out.push(index.add(`${f}-copy`, `Headline ${k}\n\n${seed(f)}`));
      });
      return out;
    };
    const big = answers(10_000);
    expect(big.filter((a) => a !== null)).toHaveLength(SEED_FILES.length);
    expect(answers(2)).toEqual(big);
  });

  it('returns every earlier article sharing a band (a bucket with several ids)', () => {
    const index = new NearDuplicateIndex();
    const text = seed(SEED_FILES[1]);
    expect(index.add('a', text)).toBeNull();
    expect(index.add('b', text)).toBe('a');
    expect(index.add('c', text)).toBe('a');
    expect(index.add('d', `${text} More.`)).toBe('a');
  });
});
