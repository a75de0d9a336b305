// POST /api/articles body: one document, validated, turned into the RawDocument ingest expects.
import { z } from 'zod';
import type { SaveOutcome } from '../app/save.js';
import { documentFromRecord } from '../ingest/record.js';
import type { RawDocument } from '../model.js';
import { HttpError } from './errors.js';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export const postedDocumentSchema = z
  .object({
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    url: z.url().max(2048).nullish(),
    published: z.iso.date().nullish(),
    title: z.string().max(1000).nullish(),
  })
  .strict()
  .refine((d) => (d.text === undefined) !== (d.html === undefined), { message: 'give exactly one of "text" or "html"' })
  .meta({ id: 'PostedDocument', description: 'Exactly one of text or html' });

export type PostedDocument = z.output<typeof postedDocumentSchema>;

export interface IngestOutcome {
  id: string;
  /** False when the same content was already stored (re-ingest is a no-op). */
  stored: boolean;
  events: number;
  /** The earlier article this one is a near-copy of. */
  duplicate_of: string | null;
}

/** The same RawDocument (and content-hash id) `demarche ingest` builds from a JSON Lines record. */
export function toRawDocument(doc: PostedDocument): RawDocument {
  const raw = documentFromRecord(doc, 'api');
  if ('error' in raw) throw new HttpError(400, raw.error);
  return raw;
}

/** A save's outcome as the API answers it; a document nothing could be made of is a 422. */
export function httpOutcome(o: SaveOutcome): IngestOutcome {
  if (o.kind === 'problem') throw new HttpError(422, `document not ingested: ${o.problem.error}`);
  if (o.kind === 'skipped') return { id: o.id, stored: false, events: 0, duplicate_of: null };
  return { id: o.id, stored: true, events: o.events, duplicate_of: o.duplicate_of };
}
