// The /api routes as they are registered (fastify's onRoute hook), with their schemas: the one
// list of endpoints. The 405 answer (errors.ts) and the OpenAPI document (openapi.ts) read it, so
// neither can list an endpoint the server does not have, nor miss one it has.
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { z } from 'zod';

/** A route's schema: fastify's request parts in zod, its responses, and the documentation keys fastify leaves alone. */
export interface RouteSchema extends FastifySchema {
  summary: string;
  description?: string;
  /** Who may call it: [{}, {bearer: []}] = anyone (the token when the server is private); [{bearer: []}] = the token. */
  security?: Record<string, string[]>[];
  querystring?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  response: Record<number, z.ZodType>;
}

export interface ApiRoute {
  method: string;
  /** As registered: /api/events/:id */
  url: string;
  schema: RouteSchema | undefined;
}

/** Starts recording the /api routes registered on `app` from now on (HEAD ones come with GET). */
export function recordApiRoutes(app: FastifyInstance): ApiRoute[] {
  const routes: ApiRoute[] = [];
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: r.url, schema: r.schema as RouteSchema | undefined });
    }
  });
  return routes;
}

/** The methods a concrete path is served with (HEAD included with GET); empty when no endpoint matches. */
export function allowedMethods(routes: ApiRoute[], path: string): string[] {
  const methods: string[] = [];
  for (const r of routes) {
    // "/api/events/:id" -> ^/api/events/[^/]+$ (the registered paths hold no other pattern syntax).
    if (new RegExp(`^${r.url.replace(/:\w+/g, '[^/]+')}$`).test(path) && !methods.includes(r.method)) methods.push(r.method);
  }
  return methods.includes('GET') ? [...methods, 'HEAD'] : methods;
}
