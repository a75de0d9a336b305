// The OpenAPI 3.1 document, generated from the registered /api routes and their zod schemas
// (route-table.ts): parameters from querystring/params, the request body, every response. Schemas
// with an id (Event, MergedEvent, ...) become components referenced from the paths.
import { z } from 'zod';
import type { ApiRoute, RouteSchema } from './route-table.js';

type Json = Record<string, unknown>;

const INFO = {
  title: 'demarche API',
  version: '0.1.0',
  description:
    'Coded diplomatic/political events with their evidence. Read endpoints are public unless the server runs with --private; ' +
    'POST /api/articles always needs the bearer token. Errors are {"error": "..."}.',
};

/** JSON Schema of a zod schema, its named parts moved into `components` and referenced from there. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: Json): Json {
  const { $schema: _s, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json & { $defs?: Json };
  Object.assign(components, $defs ?? {});
  return rest;
}

/** Bounds zod adds to every integer (the safe-integer range) say nothing here. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'minimum' || k === 'maximum') && Math.abs(v as number) === Number.MAX_SAFE_INTEGER) continue;
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/$defs/', '#/components/schemas/');
    else out[k] = tidy(v);
  }
  return out;
}

/** The query or path parameters of one request part. */
function parameters(part: z.ZodObject | undefined, where: 'query' | 'path', components: Json): Json[] {
  if (!part) return [];
  const object = jsonSchema(part, 'input', components) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, { description, ...schema }]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    ...(description ? { description } : {}),
    schema,
  }));
}

function operation(schema: RouteSchema, components: Json): Json {
  const responses: Json = {};
  for (const [status, answer] of Object.entries(schema.response)) {
    const { description, ...body } = jsonSchema(answer, 'output', components);
    responses[status] = { description: description ?? 'OK', content: { 'application/json': { schema: body } } };
  }
  return {
    summary: schema.summary,
    ...(schema.description ? { description: schema.description } : {}),
    parameters: [...parameters(schema.params, 'path', components), ...parameters(schema.querystring, 'query', components)],
    ...(schema.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(schema.body, 'input', components) } } } } : {}),
    security: schema.security ?? [{}, { bearer: [] }],
    responses,
  };
}

export function openApiDocument(routes: ApiRoute[]): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  for (const { method, url, schema } of routes) {
    if (!schema) continue;
    const path = url.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation(schema, components) };
  }
  return tidy({
    openapi: '3.1.0',
    info: INFO,
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: components },
  }) as Json;
}
