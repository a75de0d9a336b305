// The near-duplicate index keeps memory bounded in a long ingest: only the most recent shingle sets
// are held, older articles are still found (through their signatures), and buckets shared by
// several articles still return every candidate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, NearDuplicateIndex, NUM_HASHES, shingleSet, signatureOfShingles } from '../../src/dedupe/minhash.js';
import { ROOT } from '../fixtures/paths.js';

const SEEDS = join(ROOT, 'examples', 'seeds');
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

/** The signature as defined (min over shingles of fmix32(shingle ^ seed_i)), written plainly. */
function referenceSignature(shingles: Uint32Array): Uint32Array {
  const fmix32 = (h: number): number => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const seeds: number[] = [];
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) seeds.push((x = fmix32(x + 0x6d2b79f5)));
  return Uint32Array.from(seeds, (seed) => {
    let min = 0xffffffff;
    for (const s of shingles) min = Math.min(min, fmix32(s ^ seed));
    return min;
  });
}

describe('fingerprints computed away from the index (pipeline worker threads)', () => {
  it('signatures keep their definition, so stored signatures stay comparable', () => {
    for (const f of SEED_FILES) {
      const shingles = shingleSet(seed(f));
      expect(shingles.length).toBeGreaterThan(50);
      expect([...signatureOfShingles(shingles)]).toEqual([...referenceSignature(shingles)]);
    }
  });

  it('addFingerprint answers exactly as add, also after the fingerprint buffers were moved', () => {
    const texts: [string, string][] = [];
    SEED_FILES.forEach((f, k) => {
      texts.push([f, seed(f)], [`${f}-copy`, `Headline ${k}\n\n${seed(f)}\nShare this story.`], [`${f}-short`, 'Too short to compare at all.']);
    });
    const byText = new NearDuplicateIndex();
    const byPrint = new NearDuplicateIndex();
    const prints = texts.map(([, t]) => fingerprint(t));
    // Fingerprints are computed before any is added (as in the worker threads), and each is a copy:
    // a later text must not change an earlier fingerprint.
    const moved = prints.map((p) => structuredClone(p, { transfer: [p.shingles.buffer as ArrayBuffer, p.signature.buffer as ArrayBuffer] }));
    const a = texts.map(([id, t]) => byText.add(id, t));
    const b = texts.map(([id], i) => byPrint.addFingerprint(id, moved[i]!));
    expect(a.filter((x) => x !== null)).toHaveLength(SEED_FILES.length);
    expect(b).toEqual(a);
  });
});
