// Who may call what, decided on the route that will actually run - after the router decoded the
// path - never on the raw URL's spelling: `/%61pi/stats` runs /api/stats, so it needs what
// /api/stats needs. With --private everything needs the token except the web UI's own files.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireToken } from './auth.js';

/** The catch-all route that serves the web UI's files (static.ts). */
export const UI_ROUTE = '/*';

/**
 * The path as the most lenient reader could understand it: percent-escapes decoded until nothing
 * changes (double encoding included), backslashes as slashes, repeated slashes as one, dot
 * segments resolved, lower case. Null when it cannot be decoded.
 */
export function canonicalPath(url: string): string | null {
  let path = url.split(/[?#]/, 1)[0]!;
  for (let i = 0; i < 8; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (decoded === path) break;
    path = decoded;
  }
  if (path.includes('%')) return null; // still encoded after eight rounds: nobody means that
  const out: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`.toLowerCase();
}

/** True for /api and anything under it, however spelled. */
export function isApiPath(url: string): boolean {
  const path = canonicalPath(url);
  return path === null || path === '/api' || path.startsWith('/api/');
}

/** A request for one of the web UI's files: the UI route runs, and its path is not an API path in any spelling. */
export function isUiFileRequest(req: FastifyRequest): boolean {
  return req.routeOptions.url === UI_ROUTE && !isApiPath(req.url);
}

/**
 * --private: the token on every request but the UI's files - API routes, the OpenAPI document,
 * unknown paths and wrong methods (which would tell an anonymous client what exists) alike.
 */
export function requireTokenWhenPrivate(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (req) => {
    if (!isUiFileRequest(req)) requireToken(req, token);
  });
}
