// A hash table from (number, word) keys to positive integers, for the look-ups the actors stage
// makes for nearly every word of every article: trie edges (parent node, word) -> child node, and
// the lexicon cache.
//
// In a pipeline run the other stages evict these tables from the CPU caches between articles, so a
// look-up costs what its cache misses cost. A Map chains several dependent reads (the map, its hash
// table, the entry, the key string). Here a slot holds the key's hash, its number and the value side
// by side in one integer array (open addressing, linear probing, at most half full), so a word that
// is absent (most words) usually costs a single read, and one that is present one more read of the
// stored word to confirm it.

/** 32-bit FNV-1a over the UTF-16 units of a word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  return h;
}

/** The slot hash of key (group, word): the word's hash mixed with its number (murmur3's finaliser). */
function slotHash(group: number, wordHash: number): number {
  let x = wordHash ^ Math.imul(group, 0x9e3779b1);
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Integers per slot: hash, group, value (0 = empty slot). */
const STRIDE = 3;

export class WordTable {
  private slots: Int32Array;
  /** The word of each used slot. */
  private words: (string | undefined)[];
  private used = 0;

  /** The capacity at which `entries` entries fit without growing. */
  static capacityFor(entries: number): number {
    let capacity = 1024;
    while (2 * entries > capacity) capacity *= 2;
    return capacity;
  }

  /** `capacity` (slots) must be a power of two. */
  constructor(capacity = 1024) {
    this.slots = new Int32Array(STRIDE * capacity);
    this.words = new Array<string | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.used;
  }

  /** The value stored for (group, word), 0 when there is none. */
  get(group: number, word: string): number {
    const h = slotHash(group, hashWord(word));
    const slots = this.slots;
    const mask = this.words.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const value = slots[STRIDE * s + 2];
      if (value === 0) return 0;
      if (slots[STRIDE * s] === h && slots[STRIDE * s + 1] === group && this.words[s] === word) return value;
    }
  }

  /** Stores `value` (a positive integer) for (group, word), which must not be in the table yet. */
  add(group: number, word: string, value: number): void {
    if (2 * (this.used + 1) > this.words.length) this.grow();
    this.place(slotHash(group, hashWord(word)), group, word, value);
    this.used++;
  }

  private place(h: number, group: number, word: string, value: number): void {
    const slots = this.slots;
    const mask = this.words.length - 1;
    let s = h & mask;
    while (slots[STRIDE * s + 2] !== 0) s = (s + 1) & mask;
    slots[STRIDE * s] = h;
    slots[STRIDE * s + 1] = group;
    slots[STRIDE * s + 2] = value;
    this.words[s] = word;
  }

  private grow(): void {
    const slots = this.slots;
    const words = this.words;
    this.slots = new Int32Array(2 * slots.length);
    this.words = new Array<string | undefined>(2 * words.length).fill(undefined);
    for (let s = 0; s < words.length; s++) {
      if (slots[STRIDE * s + 2] !== 0) this.place(slots[STRIDE * s], slots[STRIDE * s + 1], words[s]!, slots[STRIDE * s + 2]);
    }
  }
}
