// How an answer anyone may read names where a document came from.
import { basename } from 'node:path';

/**
 * Where a document came from, as a public answer shows it: URLs, record ids and relative paths as
 * they were given; an absolute path (which says how the server's disk is laid out) by its file
 * name alone.
 */
export function publicSource(source: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  if (source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(source) || source.startsWith('\\\\')) return basename(source.replace(/\\/g, '/'));
  return source;
}
