// Near-duplicate marking after the fact, for articles queue workers stored without checking
// (queue/dedup.ts decides which one process does it): the articles not yet seen, oldest first,
// checked against a MinHash index of everything stored, their signature and duplicate_of written back.
import { DuplicateFinder } from '../dedupe/finder.js';
import type { PostgresStore } from '../store/postgres.js';

export interface DuplicateMark {
  id: string;
  signature: Uint32Array;
  duplicate_of: string | null;
}

export class DuplicateBacklog {
  private constructor(
    private readonly store: PostgresStore,
    private readonly finder: DuplicateFinder,
    private cursor: number,
  ) {}

  /** Starts at what is stored now (rows stored meanwhile are seen twice, harmlessly). */
  static async open(store: PostgresStore): Promise<DuplicateBacklog> {
    const cursor = await store.lastSeq(); // first: the finder is seeded after it
    return new DuplicateBacklog(store, await DuplicateFinder.fromStore(store), cursor);
  }

  /**
   * Checks the next `limit` backlog rows: those stored with a signature (by someone who checked them)
   * join the index, the others get their marks. Returns the marks to write and how many rows were read.
   */
  async next(limit: number): Promise<{ marks: DuplicateMark[]; rows: number }> {
    const rows = await this.store.dedupBacklog(this.cursor, limit);
    const marks: DuplicateMark[] = [];
    for (const row of rows) {
      if (row.signature) this.finder.remember(row.id, row.signature);
      else {
        const { duplicateOf, signature } = this.finder.check(row.id, row.text ?? '');
        marks.push({ id: row.id, signature, duplicate_of: duplicateOf });
      }
      this.cursor = Math.max(this.cursor, row.seq);
    }
    return { marks, rows: rows.length };
  }

  /** Writes signatures and duplicate_of (only where no signature is set yet). */
  write(marks: DuplicateMark[]): Promise<void> {
    return this.store.markDuplicates(marks);
  }
}
