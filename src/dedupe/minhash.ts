// Near-duplicate detection across articles (syndicated copies with another headline or footer):
// word 5-gram shingles, a 128-value MinHash signature, LSH banding (32 bands x 4 rows: a pair at
// Jaccard 0.8 shares a band with probability > 0.999, at 0.3 with probability 0.23), and each
// candidate confirmed by Jaccard >= 0.8 - exact on shingle sets when both texts were added recently
// in this process, estimated from the signatures when one side was seeded from the store (the store
// keeps signatures, not texts) or is older than the last RECENT_SHINGLE_SETS articles.
//
// Memory: a shingle set is ~4 bytes per word of text (~2 KB per article), a signature 512 bytes.
// Keeping every shingle set would make a long ingest grow by the corpus' size in text; keeping them
// only for the most recent articles (where syndicated copies cluster in time) bounds that part, at
// the cost of a +-0.035 (one standard deviation, 128 hashes at J = 0.8) estimate instead of the exact
// Jaccard for a copy of an article more than RECENT_SHINGLE_SETS articles older.
export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
export const SHINGLE_WORDS = 5;
export const DUPLICATE_JACCARD = 0.8;
/** Articles whose shingle sets are kept for exact confirmation (older ones keep their signature only). */
export const RECENT_SHINGLE_SETS = 10_000;

const WORD = /[\p{L}\p{N}]+/gu;

/** murmur3's 32-bit finaliser: a cheap, well-mixed permutation of 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a word's UTF-16 code units. */
function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// One seed per hash function: h_i(x) = fmix32(x ^ seed_i). Fixed, so signatures stored by one
// process compare with signatures computed by another.
const SEEDS = (() => {
  const s = new Uint32Array(NUM_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    x = fmix32(x + 0x6d2b79f5);
    s[i] = x;
  }
  return s;
})();

// The last text shingled, so that minhashSignature(text) followed by index.add(id, text, sig)
// (the usual call pattern) tokenises the text once.
let lastText: string | null = null;
let lastWords: string[] = [];
let lastShingles: Uint32Array = new Uint32Array(0);

function wordsAndShingles(text: string): { words: string[]; shingles: Uint32Array } {
  if (text !== lastText) {
    lastWords = text.toLowerCase().match(WORD) ?? [];
    lastShingles = shinglesOfWords(lastWords);
    lastText = text;
  }
  return { words: lastWords, shingles: lastShingles };
}

/** Sorted, distinct hashes of the text's word 5-grams (case and punctuation ignored). Read-only: may be shared. */
export function shingleSet(text: string): Uint32Array {
  return wordsAndShingles(text).shingles;
}

function shinglesOfWords(words: string[]): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wh = words.map(hashWord);
  const n = Math.max(1, wh.length - SHINGLE_WORDS + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x2545f491;
    for (let k = i; k < Math.min(i + SHINGLE_WORDS, wh.length); k++) h = fmix32(Math.imul(h, 31) ^ wh[k]);
    out[i] = h;
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[w++] = out[i];
  return out.slice(0, w);
}

export function signatureOfShingles(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES);
  const n = shingles.length;
  // Hash function outermost: its seed and running minimum stay in registers over the shingles
  // (~25% faster than shingle outermost; same values). fmix32 is written out for the same reason.
  for (let i = 0; i < NUM_HASHES; i++) {
    const seed = SEEDS[i];
    let min = 0xffffffff;
    for (let j = 0; j < n; j++) {
      let h = shingles[j] ^ seed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h >>>= 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/**
 * What the index needs from a text, computable away from the index (in a pipeline worker thread,
 * whose result is then sent with transferable buffers): the main thread skips the shingling.
 */
export interface Fingerprint {
  /** Words in the text: short texts are never compared. */
  words: number;
  shingles: Uint32Array;
  signature: Uint32Array;
}

export function fingerprint(text: string): Fingerprint {
  const { words, shingles } = wordsAndShingles(text);
  // A copy: the shingle cache's array may be handed to another thread (transferred, so detached here).
  return { words: words.length, shingles: shingles.slice(), signature: signatureOfShingles(shingles) };
}

export function minhashSignature(text: string): Uint32Array {
  return signatureOfShingles(shingleSet(text));
}

/** Exact Jaccard similarity of two sorted distinct hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** Jaccard estimated from two signatures: the share of positions where they agree. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** Little-endian bytes, for storing a signature as a blob. */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(NUM_HASHES * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < NUM_HASHES; i++) view.setUint32(i * 4, sig[i], true);
  return out;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.byteLength !== NUM_HASHES * 4) throw new Error(`minhash signature must be ${NUM_HASHES * 4} bytes, got ${bytes.byteLength}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) sig[i] = view.getUint32(i * 4, true);
  return sig;
}

function bandKey(sig: Uint32Array, band: number): number {
  let h = band + 1;
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++) h = fmix32(Math.imul(h, 0x01000193) ^ sig[r]);
  return h;
}

interface Entry {
  id: string;
  signature: Uint32Array;
  /** Present only for texts added in this process. */
  shingles: Uint32Array | null;
  /** The earliest article this one copies (itself when original). */
  root: string;
}

/** Texts shorter than this many words are not compared: a few shared words prove nothing. */
const MIN_WORDS = 2 * SHINGLE_WORDS;

export class NearDuplicateIndex {
  private readonly entries = new Map<string, Entry>();
  /**
   * Band key -> ids sharing it. Almost every bucket holds one id, so a lone id is stored as itself
   * and becomes an array on the first collision: 32 one-element arrays per article would be most
   * of the index's memory.
   */
  private readonly bands: Map<number, string | string[]>[] = Array.from({ length: BANDS }, () => new Map());
  /** Entries holding a shingle set, oldest first (a queue: head is the next to give its set up). */
  private readonly withShingles: Entry[] = [];
  private shinglesHead = 0;

  constructor(
    private readonly threshold = DUPLICATE_JACCARD,
    private readonly recentShingleSets = RECENT_SHINGLE_SETS,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** How many shingle sets are held (at most recentShingleSets): what bounds this index's memory. */
  get shingleSetsHeld(): number {
    return this.withShingles.length - this.shinglesHead;
  }

  /** Known articles from the store (signatures only), in the order they were first stored. */
  seed(stored: Iterable<{ id: string; signature: Uint32Array; duplicate_of?: string | null }>): void {
    for (const s of stored) {
      if (this.entries.has(s.id)) continue;
      this.insert({ id: s.id, signature: s.signature, shingles: null, root: s.duplicate_of ?? s.id });
    }
  }

  /**
   * Index one article and return the id of the earlier article it near-duplicates (the original,
   * when that one was itself a copy), or null. Re-adding a known id returns its earlier answer.
   */
  add(id: string, text: string, signature?: Uint32Array): string | null {
    const known = this.entries.get(id);
    if (known) return known.root === id ? null : known.root;
    const { words, shingles } = wordsAndShingles(text);
    return this.addFingerprint(id, { words: words.length, shingles, signature: signature ?? signatureOfShingles(shingles) });
  }

  /** add() for a text fingerprinted elsewhere (fingerprint(text)): same answer, no text work here. */
  addFingerprint(id: string, fp: Fingerprint): string | null {
    const known = this.entries.get(id);
    if (known) return known.root === id ? null : known.root;
    const root = this.match(fp);
    this.addDecided(id, fp, root);
    return root;
  }

  /**
   * The earlier article this fingerprint copies (its original), without indexing it: a writer
   * decides first, stores, and indexes only what was stored (addDecided).
   */
  match(fp: Fingerprint): string | null {
    return fp.words >= MIN_WORDS ? (this.bestMatch(fp.signature, fp.shingles)?.root ?? null) : null;
  }

  /** Indexes an article whose match() answer was stored with it. */
  addDecided(id: string, fp: Fingerprint, duplicateOf: string | null): void {
    if (!this.entries.has(id)) this.insert({ id, signature: fp.signature, shingles: fp.shingles, root: duplicateOf ?? id });
  }

  /**
   * Candidates for this fingerprint (articles sharing a band) whose shingle set is not held: they
   * were seeded from a store or given theirs up. Their texts, passed to restoreText, make the
   * comparison exact instead of estimated, so a decision does not depend on which process
   * indexed the earlier article.
   */
  candidatesWithoutText(fp: Fingerprint): string[] {
    if (fp.words < MIN_WORDS) return [];
    return this.candidates(fp.signature).filter((id) => this.entries.get(id)!.shingles === null);
  }

  /** Gives a known article its shingle set back, from its stored text (see candidatesWithoutText). */
  restoreText(id: string, text: string): void {
    const e = this.entries.get(id);
    if (!e || e.shingles) return;
    e.shingles = shingleSet(text).slice();
    this.keepShingles(e);
  }

  /** Like add, but without indexing: which stored article is this text a copy of? */
  query(text: string): string | null {
    const shingles = shingleSet(text);
    return this.bestMatch(signatureOfShingles(shingles), shingles)?.root ?? null;
  }

  /** Ids sharing at least one band with the signature, each once, in band order. */
  private candidates(sig: Uint32Array): string[] {
    const seen = new Set<string>();
    for (let b = 0; b < BANDS; b++) {
      const bucket = this.bands[b].get(bandKey(sig, b));
      if (bucket === undefined) continue;
      for (const cid of typeof bucket === 'string' ? [bucket] : bucket) seen.add(cid);
    }
    return [...seen];
  }

  private bestMatch(sig: Uint32Array, shingles: Uint32Array): Entry | null {
    let best: Entry | null = null;
    let bestScore = this.threshold;
    for (const cid of this.candidates(sig)) {
      const c = this.entries.get(cid)!;
      const score = c.shingles ? jaccard(shingles, c.shingles) : signatureSimilarity(sig, c.signature);
      if (score >= bestScore && (!best || score > bestScore)) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  private insert(e: Entry): void {
    this.entries.set(e.id, e);
    if (e.shingles) this.keepShingles(e);
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(e.signature, b);
      const bucket = this.bands[b].get(key);
      if (bucket === undefined) this.bands[b].set(key, e.id);
      else if (typeof bucket === 'string') this.bands[b].set(key, [bucket, e.id]);
      else bucket.push(e.id);
    }
  }

  /** Bounds the shingle sets held to the most recent ones; older entries keep their signature. */
  private keepShingles(e: Entry): void {
    this.withShingles.push(e);
    if (this.withShingles.length - this.shinglesHead <= this.recentShingleSets) return;
    this.withShingles[this.shinglesHead]!.shingles = null;
    this.shinglesHead++;
    // Compact now and then so the queue's dead prefix does not grow with the corpus.
    if (this.shinglesHead >= 1024 && this.shinglesHead * 2 >= this.withShingles.length) {
      this.withShingles.splice(0, this.shinglesHead);
      this.shinglesHead = 0;
    }
  }
}
