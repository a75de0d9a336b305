// Per-client limits, so that no client can take the server for itself: at most `concurrent`
// requests of one client in progress, and a token bucket of `rate` requests per second (bursts up
// to `burst`). Beyond either: 429 with Retry-After, answered at once. A client is its address.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

export interface ClientLimits {
  /** Requests of one client in progress at once. */
  concurrent: number;
  /** Sustained requests per second of one client. */
  rate: number;
  /** Requests one client may send at once above the rate. */
  burst: number;
}

/**
 * Generous for people and scripts (a dashboard sends a handful at once; fifty connections of a load
 * tool fit), tight enough that one client cannot queue thousands of reads ahead of everyone.
 */
export const DEFAULT_CLIENT_LIMITS: ClientLimits = { concurrent: 64, rate: 300, burst: 600 };

/** Too many requests: the status and the seconds to wait. */
export class TooManyRequests extends HttpError {
  constructor(message: string, retryAfter: number) {
    super(429, message, retryAfter);
  }
}

interface ClientState {
  inFlight: number;
  tokens: number;
  /** When tokens was last brought up to date (ms). */
  at: number;
}

export class Admission {
  private readonly clients = new Map<string, ClientState>();
  private sweepAt = 0;

  constructor(private readonly limits: ClientLimits) {}

  /** Admits one request of `client` or throws TooManyRequests; every admitted request must be released. */
  admit(client: string, now = Date.now()): void {
    const { concurrent, rate, burst } = this.limits;
    let s = this.clients.get(client);
    if (!s) this.clients.set(client, (s = { inFlight: 0, tokens: burst, at: now }));
    s.tokens = Math.min(burst, s.tokens + ((now - s.at) / 1000) * rate);
    s.at = now;
    if (s.inFlight >= concurrent) {
      throw new TooManyRequests(`too many requests at once from this client (at most ${concurrent}); wait for some to finish`, 1);
    }
    if (s.tokens < 1) {
      throw new TooManyRequests(`too many requests from this client (at most ${rate} per second)`, Math.max(1, Math.ceil((1 - s.tokens) / rate)));
    }
    s.tokens -= 1;
    s.inFlight++;
    this.sweep(now);
  }

  release(client: string): void {
    const s = this.clients.get(client);
    if (s && s.inFlight > 0) s.inFlight--;
  }

  /** Clients tracked (idle ones are forgotten once their bucket is full again). */
  get size(): number {
    return this.clients.size;
  }

  /** Forgets idle clients whose bucket has refilled, at most once a second: memory stays bounded by active clients. */
  private sweep(now: number): void {
    if (now - this.sweepAt < 1000) return;
    this.sweepAt = now;
    const { rate, burst } = this.limits;
    for (const [client, s] of this.clients) {
      if (s.inFlight === 0 && s.tokens + ((now - s.at) / 1000) * rate >= burst) this.clients.delete(client);
    }
  }
}

const ADMITTED = Symbol('admitted client');

/** Checks every API request against its client's limits (the UI's static files are exempt). */
export function limitClients(app: FastifyInstance, limits: ClientLimits, exempt: (req: FastifyRequest) => boolean): Admission {
  const admission = new Admission(limits);
  app.addHook('onRequest', async (req) => {
    if (exempt(req)) return;
    admission.admit(req.ip);
    (req as unknown as Record<symbol, string>)[ADMITTED] = req.ip;
  });
  const release = async (req: FastifyRequest): Promise<void> => {
    const client = (req as unknown as Record<symbol, string | undefined>)[ADMITTED];
    if (client === undefined) return;
    (req as unknown as Record<symbol, string | undefined>)[ADMITTED] = undefined;
    admission.release(client);
  };
  app.addHook('onResponse', release);
  // A client that hangs up before its answer frees its place too.
  app.addHook('onRequestAbort', release);
  return admission;
}
