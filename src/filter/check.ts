// The checks a store or a use case makes on a filter a program built (no zod: the store loads it
// at every command's start). What people type is checked by the schema (./index.ts) first.
import { isCalendarDate } from '../date-values.js';
import { DATE_FORMS } from './fields.js';

/** Throws a one-line Error for values that cannot be right (an unparsed date, negative paging). */
export function checkEventFilter(filter: {
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
  dyad?: readonly string[];
  min_confidence?: number;
}): void {
  for (const key of ['since', 'until'] as const) {
    const v = filter[key];
    if (v !== undefined && !isCalendarDate(v)) throw new Error(`${key} must be ${DATE_FORMS}, got "${v}"`);
  }
  for (const key of ['limit', 'offset'] as const) {
    const v = filter[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new Error(`${key} must be a non-negative integer, got ${v}`);
  }
  const c = filter.min_confidence;
  if (c !== undefined && !(typeof c === 'number' && c >= 0 && c <= 1)) throw new Error(`min_confidence must be a number from 0 to 1, got ${c}`);
  if (filter.dyad !== undefined && (filter.dyad.length !== 2 || filter.dyad.some((c) => !c))) {
    throw new Error('dyad must be two actor codes');
  }
}
