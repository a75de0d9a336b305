// The job the queue carries: one RawDocument per graphile-worker job, keyed by its content hash.
import type { RawDocument } from '../model.js';

/** graphile-worker task identifier for "process and store one document". */
export const DOCUMENT_TASK = 'demarche_document';

/** Attempts before a job is left failed in the queue (transient errors: database down, restarts). */
export const MAX_ATTEMPTS = 12;

/** A payload that can never succeed: reported once, never retried. */
export class BadPayload extends Error {}

const FORMATS = new Set(['text', 'html']);

function stringOrNull(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

/** Checks a job payload really is a RawDocument (jobs may come from other program versions). */
export function parseDocumentPayload(payload: unknown): RawDocument {
  const p = payload as Partial<RawDocument> | null;
  if (typeof p !== 'object' || p === null) throw new BadPayload('job payload is not an object');
  if (typeof p.id !== 'string' || !/^[0-9a-f]{8,64}$/.test(p.id)) throw new BadPayload('job payload has no valid content-hash id');
  if (typeof p.source !== 'string') throw new BadPayload(`job ${p.id}: source missing`);
  if (typeof p.content !== 'string') throw new BadPayload(`job ${p.id}: content missing`);
  if (!FORMATS.has(p.format as string)) throw new BadPayload(`job ${p.id}: format must be text or html`);
  if (!stringOrNull(p.url) || !stringOrNull(p.published) || !stringOrNull(p.title)) {
    throw new BadPayload(`job ${p.id}: url, published and title must be strings or null`);
  }
  return { id: p.id, source: p.source, url: p.url, format: p.format!, content: p.content, published: p.published, title: p.title };
}
