// Which methods an /api path answers to, read from the OpenAPI document (the one list of routes,
// checked against the registered ones by test/server.test.ts). A wrong method on a real endpoint
// is a 405 that names the right ones, not a 404 that suggests the endpoint does not exist.
import { openApiDocument } from './openapi.js';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

let table: { pattern: RegExp; methods: string[] }[] | null = null;

function routeTable(): { pattern: RegExp; methods: string[] }[] {
  if (table) return table;
  const paths = (openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths;
  table = Object.entries(paths).map(([path, ops]) => ({
    // "/api/events/{id}" → ^/api/events/[^/]+$ (OpenAPI paths hold no other regex syntax).
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    methods: Object.keys(ops).filter((m) => HTTP_METHODS.has(m)).map((m) => m.toUpperCase()),
  }));
  return table;
}

/** The methods the path is served with (HEAD included with GET); empty when no endpoint matches. */
export function allowedMethods(path: string): string[] {
  const route = routeTable().find((r) => r.pattern.test(path));
  if (!route) return [];
  return route.methods.includes('GET') ? [...route.methods, 'HEAD'] : route.methods;
}
