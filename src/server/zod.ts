// Route schemas in zod, through fastify's own schema support: a route declares its querystring,
// params, body and responses (zod schemas) in `schema`, fastify validates the request parts with
// them before the handler runs (the handler gets the parsed values), and the OpenAPI document is
// generated from the same declarations (openapi.ts). Responses are documented, never filtered:
// they are serialised with JSON.stringify, as fastify does for routes without a response schema.
import type { FastifySchemaCompiler, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import { HttpError } from './errors.js';
import type { RouteSchema } from './route-table.js';

/** The name of the first offending parameter and what is wrong with it, as one line: a 400. */
export function invalid(error: z.ZodError, where: string): HttpError {
  const issue = error.issues[0]!;
  const name = issue.path.length ? issue.path.join('.') : where;
  return new HttpError(400, `invalid ${name}: ${issue.message}`);
}

// Fastify types the compiler for its own schema shape; every request part we declare is a zod schema.
const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => (data) => {
  const result = (schema as z.ZodType).safeParse(data ?? {});
  return result.success ? { value: result.data } : { error: invalid(result.error, httpPart === 'querystring' ? 'query' : (httpPart ?? 'request')) };
};

const serializerCompiler = () => (data: unknown) => JSON.stringify(data);

/**
 * Route options carrying the schema and the compilers that read it as zod, per route (not per
 * server), so the routes can be registered on any fastify instance (the tests list them on a bare one).
 */
export function withSchema(schema: RouteSchema, options: RouteShorthandOptions = {}): RouteShorthandOptions {
  return { ...options, schema, validatorCompiler, serializerCompiler };
}
