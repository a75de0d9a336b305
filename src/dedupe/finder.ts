// Near-duplicate finding over the MinHash index (minhash.ts): seeded once from the store's signatures, then
// updated as articles arrive, so syndicated copies are marked incrementally across runs.
import { minhashSignature, NearDuplicateIndex, type Fingerprint } from './minhash.js';
import type { Store } from '../store/types.js';

export class DuplicateFinder {
  private constructor(private readonly index: NearDuplicateIndex) {}

  static async fromStore(store: Store): Promise<DuplicateFinder> {
    const index = new NearDuplicateIndex();
    index.seed(await store.minhashes());
    return new DuplicateFinder(index);
  }

  /** Articles stored by someone else (another worker) since this finder was seeded. */
  remember(id: string, signature: Uint32Array): void {
    this.index.seed([{ id, signature }]);
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
}
