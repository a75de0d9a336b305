// Downloads: every list endpoint answers ?format=csv or ?format=json with a file instead of its
// JSON page. Event lists use the export's columns (report/export.ts, docs/EXPORT.md); other lists
// their own fields, one column each.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { csvRecord } from '../report/export.js';
import { wholeNumber } from '../filter/index.js';
import { DEFAULT_LIMIT } from './params.js';

export const DOWNLOAD_FORMATS = ['csv', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** Most rows one download holds (a page of the API holds at most MAX_LIMIT). */
export const MAX_DOWNLOAD = 20_000;

export const formatField = z
  .enum(DOWNLOAD_FORMATS, { error: 'expected csv or json' })
  .optional()
  .meta({ description: 'Download the rows as a file: csv (RFC 4180, a header row) or json (an array); without it, the JSON page' });

/** A limit that may go up to MAX_DOWNLOAD for downloads (the handler holds pages to MAX_LIMIT). */
export const downloadLimit = wholeNumber(1, MAX_DOWNLOAD)
  .default(DEFAULT_LIMIT)
  .meta({ description: `Rows (default ${DEFAULT_LIMIT}; a page holds at most 500, a download at most ${MAX_DOWNLOAD})` });

/** Sends `body` as a file named `name`.csv/.json. */
export function sendFile(reply: FastifyReply, format: DownloadFormat, name: string, body: string): FastifyReply {
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  return reply.type(type).header('content-disposition', `attachment; filename="${name}.${format}"`).send(body);
}

type Cell = string | number | boolean | null | undefined;

/** Plain rows (not events) as CSV with the given columns, or as a JSON array of objects with them. */
export function rowsFile(format: DownloadFormat, columns: readonly string[], rows: readonly object[]): string {
  const get = (r: object, c: string): unknown => (r as Record<string, unknown>)[c];
  if (format === 'json') return JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c, get(r, c) ?? null]))));
  const cell = (v: unknown): Cell => (v === undefined ? null : typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as Cell));
  return csvRecord([...columns]) + rows.map((r) => csvRecord(columns.map((c) => cell(get(r, c)) ?? null))).join('');
}
