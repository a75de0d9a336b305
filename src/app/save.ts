// Saving one document, the same way whichever face it came through (`demarche ingest`, POST
// /api/articles, a queue worker): no text left after cleaning is a problem, not an article; a
// near-duplicate is marked against what is stored; the article and its events are one transaction.
import type { DuplicateFinder } from '../dedupe/finder.js';
import type { Fingerprint } from '../dedupe/minhash.js';
import { errorMessage } from '../errors.js';
import type { IngestProblem, Processed, RawDocument } from '../model.js';
import { loadPipeline } from '../pipeline.js';
import { completeProcessed } from './complete.js';
import type { Store } from '../store/types.js';

export type SaveOutcome =
  | { kind: 'stored'; id: string; source: string; events: number; sentences: number; duplicate_of: string | null }
  | { kind: 'skipped'; id: string; source: string }
  | { kind: 'problem'; problem: IngestProblem };

/**
 * Stores a processed document. With a `finder`, near-duplicates are marked now, in the saving
 * transaction (and the text's MinHash signature stored); without one they are left to the queue's
 * marker (a null signature means "not checked yet"). A `fingerprint` computed in a pipeline
 * thread saves shingling here.
 */
export async function saveProcessed(
  store: Store,
  raw: RawDocument,
  processed: Processed & { fingerprint?: Fingerprint },
  finder: DuplicateFinder | null,
): Promise<SaveOutcome> {
  const { article, events, fingerprint } = processed;
  if (article.text.trim() === '') {
    return { kind: 'problem', problem: { source: raw.source, error: 'no article text left after cleaning' } };
  }
  completeProcessed(raw, processed);
  let saved: boolean;
  if (finder && store.saveMarked) {
    // Decided inside the write transaction, against everything any writer has stored.
    saved = await store.saveMarked(article, events, finder.marking(article.id, article.text, fingerprint));
  } else {
    let signature: Uint32Array | undefined;
    if (finder) {
      const checked = finder.check(article.id, article.text, fingerprint);
      article.duplicate_of = checked.duplicateOf;
      signature = checked.signature;
    }
    saved = await store.saveArticle(article, events, signature);
  }
  if (!saved) return { kind: 'skipped', id: article.id, source: raw.source };
  return {
    kind: 'stored', id: article.id, source: raw.source, events: events.length, sentences: article.sentences.length,
    duplicate_of: article.duplicate_of,
  };
}

/**
 * One raw document from start to end (a queue worker's job): skipped when its content is stored
 * already, else processed by the pipeline and saved. A pipeline failure is a problem of this
 * document; store failures throw (they are nobody's document's fault).
 */
export async function saveDocument(store: Store, raw: RawDocument, finder: DuplicateFinder | null = null): Promise<SaveOutcome> {
  if (await store.hasArticle(raw.id)) return { kind: 'skipped', id: raw.id, source: raw.source };
  let processed: Processed;
  try {
    processed = await (await loadPipeline()).run(raw);
  } catch (err) {
    return { kind: 'problem', problem: { source: raw.source, error: `pipeline failed: ${errorMessage(err)}` } };
  }
  return saveProcessed(store, raw, processed, finder);
}
