// Fetching a feed or a page the way a well-behaved crawler does: robots.txt first, a clear
// User-Agent, conditional GET (ETag / Last-Modified), redirects followed within limits (loops
// caught), transient failures retried with exponential backoff (and the server's Retry-After),
// everything through the per-host scheduler.
import { formatDuration } from './duration.js';
import { FetchAborted, FetchError, httpGet, isTransientStatus, retryAfterMs, type HttpResponse } from './http.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type Robots } from './robots.js';
import { HostScheduler, sleep } from './scheduler.js';
import { hostOf } from './url.js';

export interface FetchPolicy {
  /** Sent with every request; its first word is the name robots.txt rules are matched against. */
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Further attempts after a transient failure. */
  retries: number;
  /** First backoff; doubled on each retry, with jitter. */
  retryBaseMs: number;
  /** Longest Retry-After honoured within a round; a longer one ends the attempts for now. */
  maxRetryAfterMs: number;
  hostDelayMs: number;
  concurrency: number;
  /** Honour robots.txt (on unless a test or an operator of both ends says otherwise). */
  robots: boolean;
}

export const DEFAULT_POLICY: Omit<FetchPolicy, 'userAgent'> = {
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  retryBaseMs: 1_000,
  maxRetryAfterMs: 60_000,
  hostDelayMs: 1_000,
  concurrency: 4,
  robots: true,
};

/** The cached validators of an earlier fetch of the same URL. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type Fetched =
  | { status: 'ok'; url: string; body: Buffer; contentType: string | null; validators: Validators }
  | { status: 'not-modified'; url: string };

/** robots.txt answers are kept this long (a watch running for days re-reads them). */
const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** A robots.txt that could not be read blocks its site only until the next round. */
const ROBOTS_UNREACHABLE_TTL_MS = 60 * 1000;
/** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt. */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** A Crawl-delay above this is taken as this (some sites ask for hours). */
const MAX_CRAWL_DELAY_MS = 60_000;

export class Fetcher {
  readonly scheduler: HostScheduler;
  private readonly robots = new Map<string, { at: number; ttl: number; rules: Promise<Robots> }>();
  private readonly agentToken: string;

  constructor(
    readonly policy: FetchPolicy,
    private readonly signal?: AbortSignal,
  ) {
    this.scheduler = new HostScheduler(policy.concurrency, policy.hostDelayMs, signal);
    this.agentToken = policy.userAgent.split(/[\s/]/)[0]!.toLowerCase();
  }

  /** GET with retries; throws FetchError (one line, says why) or FetchAborted. */
  async get(url: string, validators?: Validators): Promise<Fetched> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.follow(url, validators);
      } catch (err) {
        if (!(err instanceof FetchError) || !err.transient || err instanceof RobotsUnreachable || attempt >= this.policy.retries) {
          throw withAttempts(err, attempt);
        }
        const asked = err.retryAfterMs;
        if (asked !== undefined && asked > this.policy.maxRetryAfterMs) {
          throw new FetchError(`${err.message}; the server asks to wait ${formatDuration(asked)}`, true, err.status, asked);
        }
        // Full jitter: many watchers hitting one recovering server do not come back in step.
        const backoff = this.policy.retryBaseMs * 2 ** attempt * (0.5 + Math.random() / 2);
        await sleep(Math.max(asked ?? 0, backoff), this.signal);
      }
    }
  }

  /** One attempt: the request and the redirects it leads to. */
  private async follow(start: string, validators?: Validators): Promise<Fetched> {
    const chain = [start];
    let url = start;
    for (;;) {
      const res = await this.request(url, validators);
      if (res.status === 304) return { status: 'not-modified', url };
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        if (!location) throw new FetchError(`HTTP ${res.status} redirect without a Location`, false, res.status);
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FetchError(`redirect to a ${next.protocol} address`, false, res.status);
        next.hash = '';
        url = next.toString();
        if (chain.includes(url)) throw new FetchError(`redirect loop (${chain.length} hops back to ${url})`, false, res.status);
        if (chain.length > this.policy.maxRedirects) throw new FetchError(`more than ${this.policy.maxRedirects} redirects`, false, res.status);
        chain.push(url);
        continue;
      }
      if (res.status >= 200 && res.status < 300) {
        return {
          status: 'ok',
          url,
          body: res.body,
          contentType: res.headers.get('content-type'),
          validators: { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') },
        };
      }
      throw new FetchError(`HTTP ${res.status}${statusText(res.status)}`, isTransientStatus(res.status), res.status, retryAfterMs(res.headers.get('retry-after')));
    }
  }

  private async request(url: string, validators?: Validators): Promise<HttpResponse> {
    const host = hostOf(url);
    if (this.policy.robots) {
      const rules = await this.robotsFor(url);
      const u = new URL(url);
      if (!rules.allows(u.pathname + u.search)) {
        // "disallowed" would mislead when the file could not be read at all: say that instead.
        if (rules.unreachable) throw new RobotsUnreachable(`robots.txt could not be read (${rules.unreachable}); the site is not crawled until it can`, true);
        throw new FetchError('disallowed by robots.txt', false);
      }
    }
    const headers: Record<string, string> = { 'user-agent': this.policy.userAgent, accept: ACCEPT };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    return this.scheduler.run(host, () =>
      httpGet(url, { headers, timeoutMs: this.policy.timeoutMs, maxBytes: this.policy.maxBytes, signal: this.signal }),
    );
  }

  /** The site's robots.txt rules for us, read once per origin (and again after ROBOTS_TTL_MS). */
  private robotsFor(url: string): Promise<Robots> {
    const origin = new URL(url).origin;
    const cached = this.robots.get(origin);
    if (cached && Date.now() - cached.at < cached.ttl) return cached.rules;
    const entry = { at: Date.now(), ttl: ROBOTS_TTL_MS, rules: Promise.resolve(ALLOW_ALL) };
    entry.rules = this.readRobots(origin).then(
      (rules) => {
        const delay = rules.crawlDelay;
        if (delay !== null) this.scheduler.setSiteGap(hostOf(origin), Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
        return rules;
      },
      (err: unknown) => {
        if (err instanceof FetchAborted) throw err;
        // RFC 9309: a robots.txt that cannot be reached (5xx, network) means "assume complete disallow".
        entry.ttl = ROBOTS_UNREACHABLE_TTL_MS;
        return unreachable(err instanceof Error ? err.message : String(err));
      },
    );
    this.robots.set(origin, entry);
    return entry.rules;
  }

  private async readRobots(origin: string): Promise<Robots> {
    let url = `${origin}/robots.txt`;
    for (let hop = 0; hop <= this.policy.maxRedirects; hop++) {
      const res = await this.scheduler.run(hostOf(url), () =>
        httpGet(url, {
          headers: { 'user-agent': this.policy.userAgent, accept: 'text/plain' },
          timeoutMs: this.policy.timeoutMs,
          maxBytes: ROBOTS_MAX_BYTES,
          signal: this.signal,
        }).catch((err: unknown) => {
          // Only the first 500 KiB count: a larger file is read up to there.
          if (err instanceof FetchError && !err.transient && /too large/.test(err.message)) return null;
          throw err;
        }),
      );
      if (res === null) return ALLOW_ALL;
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        url = new URL(res.headers.get('location')!, url).toString();
        continue;
      }
      if (res.status >= 200 && res.status < 300) return parseRobots(res.body.toString('utf8'), this.agentToken);
      // 4xx: the site has no rules for crawlers; 5xx: unreachable.
      if (res.status >= 400 && res.status < 500) return ALLOW_ALL;
      throw new FetchError(`HTTP ${res.status}`, true, res.status);
    }
    return ALLOW_ALL; // too many redirects: RFC 9309 says treat as unavailable (4xx)
  }
}

/** Every path disallowed, with the reason kept for the report. */
function unreachable(reason: string): Robots {
  return { ...DISALLOW_ALL, unreachable: reason };
}

/** The site's robots.txt could not be read: worth trying in a later round, not again at once. */
export class RobotsUnreachable extends FetchError {}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 406: 'Not Acceptable',
  408: 'Request Timeout', 410: 'Gone', 429: 'Too Many Requests', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function statusText(status: number): string {
  return STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : '';
}

/** "HTTP 500 Internal Server Error (3 attempts)": the report says that it was retried. */
function withAttempts(err: unknown, retriesDone: number): unknown {
  if (!(err instanceof FetchError) || retriesDone === 0) return err;
  return new FetchError(`${err.message} (${retriesDone + 1} attempts)`, err.transient, err.status, err.retryAfterMs);
}
