// One error shape for every failure: {error: "..."} with a 4xx/5xx status and the security
// headers, never a stack trace - whether the route failed, no route matched, the router could not
// decode the path, or Node's HTTP parser refused the request before fastify saw it.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { BusyError, DeadlineError } from '../app/reads.js';
import { StoreWriteError } from '../app/writes.js';
import { allowedMethods, type ApiRoute } from './route-table.js';
import { SECURITY_HEADERS } from './security.js';

/** A failure the client caused (bad parameter, missing resource, bad token). */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string, readonly retryAfter?: number) {
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
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'the body does not match its Content-Length';
    default:
      return err.message;
  }
}

/** The server cannot answer now (deadline, queue full, store not writable): 503 and when to try again. */
function unavailable(err: unknown, method: string): HttpError | null {
  if (err instanceof DeadlineError) {
    return method === 'POST'
      ? new HttpError(503, 'the document took too long to ingest; it may still be stored (posting it again is safe)', 30)
      : new HttpError(503, 'the answer took too long; try again, or narrow the query', 5);
  }
  if (err instanceof BusyError) return new HttpError(503, 'the server is busy; try again shortly', 1);
  if (err instanceof StoreWriteError) return new HttpError(503, 'the store cannot be written now', 30);
  return null;
}

function sendError(reply: FastifyReply, status: number, message: string, retryAfter?: number): FastifyReply {
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply.status(status).type('application/json; charset=utf-8').send({ error: message });
}

/** `routes`: the /api routes (route-table.ts), for the 405 answer that names the right methods. */
export function installErrorHandlers(app: FastifyInstance, routes: ApiRoute[]): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const busy = unavailable(err, req.method);
    if (busy) {
      if (!(err instanceof DeadlineError)) req.log.warn(err);
      return sendError(reply, busy.statusCode, busy.message, busy.retryAfter);
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      // Details go to the server log only; clients learn nothing about internals.
      req.log.error(err);
      return sendError(reply, 500, 'internal server error');
    }
    return sendError(reply, status, clientMessage(err), err instanceof HttpError ? err.retryAfter : undefined);
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    const allowed = allowedMethods(routes, path);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendError(reply, 405, `${req.method} is not allowed on ${path} (use ${allowed.filter((m) => m !== 'HEAD').join(' or ')})`);
    }
    return sendError(reply, 404, `no such endpoint: ${req.method} ${path}`);
  });
}

/**
 * fastify's `frameworkErrors`: the router could not decode the path (`/%`) or a path parameter is
 * too long. These replies skip the hooks, so the headers are set here.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, _req: FastifyRequest, reply: FastifyReply) => {
  reply.headers(SECURITY_HEADERS);
  if (err.code === 'FST_ERR_BAD_URL') return void sendError(reply, 400, 'malformed URL (invalid percent-encoding in the path)');
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return void sendError(reply, 414, 'a path parameter is too long');
  return void sendError(reply, 500, 'internal server error');
};

const REASONS: Record<number, string> = {
  400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 414: 'URI Too Long',
  431: 'Request Header Fields Too Large', 500: 'Internal Server Error',
};

/**
 * An error answer written straight to the socket, then the connection closed: for requests Node
 * refused before there was a request object, or whose body stopped arriving. Nothing is written
 * when an answer has started on this socket already.
 */
export function rawErrorResponse(socket: Socket, status: number, message: string): void {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify({ error: message });
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
      ...SECURITY_HEADERS,
    };
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n${head}\r\n${body}`);
  }
  socket.destroySoon?.();
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** Node's parser errors (a broken request line, an invalid Content-Length, headers too large, too slow). */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || !socket.writable) return void socket.destroy();
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return rawErrorResponse(socket, 431, 'request headers (or the URL) too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return rawErrorResponse(socket, 408, 'the request did not arrive in time');
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return rawErrorResponse(socket, 400, 'invalid Content-Length');
    default:
      return rawErrorResponse(socket, 400, 'malformed HTTP request');
  }
}
