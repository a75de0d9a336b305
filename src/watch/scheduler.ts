// Politeness: at most `concurrency` requests at once overall, one at a time per host, and a pause
// between two requests to the same host (the larger of ours and the site's Crawl-delay).
import { FetchAborted } from './http.js';

/** Waits ms, or less when the signal aborts (then throws FetchAborted). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new FetchAborted());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new FetchAborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface Host {
  /** The end of the last task queued for this host: the next one starts after it. */
  tail: Promise<void>;
  /** When the last request to this host finished (ms since epoch). */
  lastEnd: number;
  /** The site's own minimum gap (Crawl-delay), in ms. */
  siteGapMs: number;
}

export class HostScheduler {
  private readonly hosts = new Map<string, Host>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly gapMs: number,
    private readonly signal?: AbortSignal,
  ) {}

  /** The site asks for at least this long between requests (robots.txt Crawl-delay). */
  setSiteGap(host: string, ms: number): void {
    this.host(host).siteGapMs = ms;
  }

  /** Runs fn when `host` is free and its pause is over and a slot is free. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const h = this.host(host);
    const result = h.tail.then(async () => {
      await sleep(h.lastEnd + Math.max(this.gapMs, h.siteGapMs) - Date.now(), this.signal);
      await this.acquire();
      try {
        return await fn();
      } finally {
        h.lastEnd = Date.now();
        this.release();
      }
    });
    h.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private host(name: string): Host {
    let h = this.hosts.get(name);
    if (!h) this.hosts.set(name, (h = { tail: Promise.resolve(), lastEnd: 0, siteGapMs: 0 }));
    return h;
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes straight on
    else this.running--;
  }
}
