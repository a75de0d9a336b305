// One error shape for every API failure: {error: "..."} with a 4xx/5xx status, never a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify';
import { allowedMethods, type ApiRoute } from './route-table.js';

/** A failure the client caused (bad parameter, missing resource, bad token). */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, `${what} not found`);

/** Fastify's own client errors (bad JSON, body too large, ...) get a readable message. */
function clientMessage(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'request body too large';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'invalid JSON body';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported content type (send application/json)';
    default:
      return err.message;
  }
}

/** `routes`: the /api routes (route-table.ts), for the 405 answer that names the right methods. */
export function installErrorHandlers(app: FastifyInstance, routes: ApiRoute[]): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      // Details go to the server log only; clients learn nothing about internals.
      req.log.error(err);
      return reply.status(status).send({ error: 'internal server error' });
    }
    return reply.status(status).send({ error: clientMessage(err) });
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    const allowed = allowedMethods(routes, path);
    if (allowed.length > 0) {
      reply.status(405).header('allow', allowed.join(', ')).send({ error: `${req.method} is not allowed on ${path} (use ${allowed.filter((m) => m !== 'HEAD').join(' or ')})` });
      return;
    }
    reply.status(404).send({ error: `no such endpoint: ${req.method} ${path}` });
  });
}
