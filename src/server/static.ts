// Serves the built web UI (dist/web) from memory. No directory listing, no path escaping the root.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { isApiPath, UI_ROUTE } from './access.js';
import { packageFile } from '../package-root.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const BUILD_HINT = 'The web UI is not built. Run: npx vite build --config web/vite.config.ts';

/** dist/web of the package this file belongs to (works from src/ under vitest and from dist/ once compiled). */
export function defaultWebRoot(): string {
  return packageFile('dist', 'web');
}

export function webUiRoutes(app: FastifyInstance, root: string): void {
  const files = new Map<string, Buffer>();
  const base = resolve(root);

  function load(urlPath: string): Buffer | null {
    const cached = files.get(urlPath);
    if (cached) return cached;
    const file = resolve(base, '.' + urlPath);
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
    const body = readFileSync(file);
    files.set(urlPath, body);
    return body;
  }

  app.get(UI_ROUTE, async (req, reply) => {
    const raw = req.url.split('?')[0];
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(raw);
    } catch {
      return reply.status(400).send({ error: 'malformed path' });
    }
    // An API path in any spelling (/API/x, /%2561pi/x) is never a file: the API's 404.
    if (isApiPath(raw) || urlPath.includes('\0')) {
      return reply.status(404).send({ error: `no such endpoint: ${req.method} ${raw}` });
    }
    if (urlPath === '/' || urlPath === '') urlPath = '/index.html';
    const body = load(urlPath);
    if (!body) {
      if (urlPath === '/index.html') return reply.status(503).send({ error: BUILD_HINT });
      return reply.status(404).send({ error: `no such file: ${raw}` });
    }
    // Vite puts a content hash in asset names, so those never change; index.html must be re-checked.
    const immutable = urlPath.startsWith('/assets/');
    return reply
      .type(TYPES[extname(urlPath)] ?? 'application/octet-stream')
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(body);
  });
}
