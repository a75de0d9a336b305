// Near-duplicate finding over the MinHash index (minhash.ts): seeded once from the store's signatures, then
// updated as articles arrive, so syndicated copies are marked incrementally across runs.
//
// With several writers on one store (two `demarche ingest` runs, the server beside one), a finder
// also learns what the others stored: a writer's decision is taken inside its write transaction
// (Store.saveMarked), after catching up with every article stored since the finder's cursor and
// comparing exactly (stored texts for candidates whose shingles are not in memory). So every
// article is compared with every article committed before it, whoever wrote them.
import { fingerprint, minhashSignature, NearDuplicateIndex, type Fingerprint } from './minhash.js';
import type { DuplicateMarking, StoredSignature, Store } from '../store/types.js';

export class DuplicateFinder {
  /** The newest stored article (insertion counter) this finder has seen. */
  private cursor = 0;

  private constructor(private readonly index: NearDuplicateIndex) {}

  static async fromStore(store: Store): Promise<DuplicateFinder> {
    const finder = new DuplicateFinder(new NearDuplicateIndex());
    finder.learn(await store.minhashes());
    return finder;
  }

  /** Articles stored by someone else (another worker) since this finder was seeded. */
  remember(id: string, signature: Uint32Array): void {
    this.index.seed([{ id, signature }]);
  }

  /** Stored articles, oldest first; those without a signature (not checked yet) are left to the queue's marker. */
  learn(rows: Iterable<{ id: string; signature: Uint32Array | null; duplicate_of?: string | null; seq?: number }>): void {
    for (const r of rows) {
      if (r.signature) this.index.seed([{ id: r.id, signature: r.signature, duplicate_of: r.duplicate_of ?? null }]);
      if (r.seq !== undefined && r.seq > this.cursor) this.cursor = r.seq;
    }
  }

  /**
   * The earlier article this text copies (or null), and the signature to store with it. A
   * fingerprint computed elsewhere (a pipeline worker: fingerprint(text)) gives the same answer
   * without shingling the text on this thread.
   */
  check(id: string, text: string, precomputed?: Fingerprint): { duplicateOf: string | null; signature: Uint32Array } {
    if (precomputed) return { duplicateOf: this.index.addFingerprint(id, precomputed), signature: precomputed.signature };
    const signature = minhashSignature(text);
    return { duplicateOf: this.index.add(id, text, signature), signature };
  }

  /** The decision for one article, taken by the store inside its write transaction (see DuplicateMarking). */
  marking(id: string, text: string, precomputed?: Fingerprint): DuplicateMarking {
    const fp = precomputed ?? fingerprint(text);
    let decided: string | null = null;
    return {
      cursor: () => this.cursor,
      learn: (rows: StoredSignature[]) => this.learn(rows),
      textsNeeded: () => this.index.candidatesWithoutText(fp),
      giveText: (candidate: string, candidateText: string) => this.index.restoreText(candidate, candidateText),
      decide: () => {
        decided = this.index.match(fp);
        return { duplicate_of: decided, signature: fp.signature };
      },
      stored: (seq: number) => {
        this.index.addDecided(id, fp, decided);
        if (seq > this.cursor) this.cursor = seq;
      },
    };
  }
}
