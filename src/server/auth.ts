// Bearer-token checks. The token compare is constant-time so it cannot be guessed byte by byte.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Throws 401 unless the request carries `Authorization: Bearer <token>`; 403 when no token is configured. */
export function requireToken(req: FastifyRequest, token: string | null): void {
  if (!token) throw new HttpError(403, 'this endpoint is disabled: start the server with --token or DEMARCHE_TOKEN');
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)');
  if (!tokenMatches(m[1], token)) throw new HttpError(401, 'invalid bearer token');
}
