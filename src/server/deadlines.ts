// Time limits per request: an answer has a deadline (past it the work is abandoned and the client
// gets a 503 with Retry-After), and a request body must arrive within its own deadline (a client
// trickling bytes holds no connection for long). The readers and the writer get the deadline as
// an AbortSignal.
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rawErrorResponse } from './errors.js';

export interface Deadlines {
  /** Longest a read may take, in ms. */
  readMs: number;
  /** Longest an ingest (POST) may take once its body has arrived, in ms. */
  ingestMs: number;
  /** Longest a request body may take to arrive, in ms. */
  bodyMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = { readMs: 5_000, ingestMs: 120_000, bodyMs: 30_000 };

const SIGNAL = Symbol('deadline');

interface Timed {
  [SIGNAL]?: { controller: AbortController; timer: NodeJS.Timeout; ms: number };
}

/** The request's deadline, as a signal for the work done for it. */
export function deadlineOf(req: FastifyRequest): AbortSignal | undefined {
  return (req as unknown as Timed)[SIGNAL]?.controller.signal;
}

/** How long the request's answer may take, in seconds (for messages). */
export function deadlineSeconds(req: FastifyRequest): number {
  return Math.round(((req as unknown as Timed)[SIGNAL]?.ms ?? 0) / 1000);
}

/** A request that carries a body (Content-Length above 0 or chunked). */
function hasBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

export function installDeadlines(app: FastifyInstance, deadlines: Deadlines): void {
  app.addHook('onRequest', async (req) => {
    const ms = req.method === 'POST' ? deadlines.ingestMs : deadlines.readMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms + (hasBody(req) ? deadlines.bodyMs : 0));
    timer.unref();
    (req as unknown as Timed)[SIGNAL] = { controller, timer, ms };
    if (!hasBody(req)) return;
    // The body must be in by its deadline: a 408 then, and the connection closed (its remaining
    // bytes would otherwise be read, however slowly they come).
    const bodyTimer = setTimeout(() => {
      if (req.raw.complete) return;
      rawErrorResponse(req.raw.socket as Socket, 408, `the request body did not arrive within ${Math.round(deadlines.bodyMs / 1000)} s`);
    }, deadlines.bodyMs);
    bodyTimer.unref();
    req.raw.once('end', () => clearTimeout(bodyTimer));
    req.raw.once('close', () => clearTimeout(bodyTimer));
  });
  app.addHook('onResponse', async (req) => {
    const t = (req as unknown as Timed)[SIGNAL];
    if (t) clearTimeout(t.timer);
  });
  app.addHook('onRequestAbort', async (req) => {
    const t = (req as unknown as Timed)[SIGNAL];
    if (!t) return;
    clearTimeout(t.timer);
    t.controller.abort(); // nobody is waiting for the answer any more
  });
}
