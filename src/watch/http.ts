// One HTTP GET with Node's own fetch: no redirect followed (the fetcher decides), a deadline for the
// whole exchange, and a size limit checked while the body streams in, so a 20 MB page costs at most
// the limit in memory. Failures become FetchErrors that say in one line what went wrong and whether
// trying again later could help.
import { formatDuration } from './duration.js';

export class FetchError extends Error {
  constructor(
    message: string,
    /** A later attempt may succeed (timeouts, refused connections, 429, 5xx). */
    readonly transient: boolean,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** The server's Retry-After, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Thrown when the caller's signal stops a request (Ctrl-C): not the server's fault, never reported per page. */
export class FetchAborted extends Error {
  constructor() {
    super('stopped');
  }
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  /** Empty for redirects and 304. */
  body: Buffer;
}

export interface RequestOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Statuses worth another try later: the server is busy, down or asks us to wait. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Retry-After as milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** What a network failure is called in a report ("connection refused", not "fetch failed"). */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (err as { code?: string })?.code;
  const names: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed (temporary)',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'connection closed by the server',
    UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
  };
  if (code && names[code]) return names[code];
  return cause?.message ?? (err instanceof Error ? err.message : String(err));
}

export async function httpGet(url: string, opts: RequestOptions): Promise<HttpResponse> {
  if (opts.signal?.aborted) throw new FetchAborted();
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
  const failed = (err: unknown): never => {
    if (opts.signal?.aborted) throw new FetchAborted();
    if (deadline.aborted) throw new FetchError(`timed out after ${formatDuration(opts.timeoutMs)}`, true);
    if (err instanceof FetchError) throw err;
    throw new FetchError(networkReason(err), true);
  };
  let res: Response;
  try {
    res = await fetch(url, { headers: opts.headers, redirect: 'manual', signal });
  } catch (err) {
    return failed(err);
  }
  const declared = Number(res.headers.get('content-length'));
  if (res.status >= 200 && res.status < 300 && declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchError(`too large (${mb(declared)} > limit ${mb(opts.maxBytes)})`, false, res.status);
  }
  // Error pages and redirects are not read: their bodies are of no use and may be large.
  if (res.status < 200 || res.status >= 300 || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    return { url, status: res.status, headers: res.headers, body: Buffer.alloc(0) };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > opts.maxBytes) {
        // The body may be compressed, or its length unannounced: the limit is on what arrives, decoded.
        throw new FetchError(`too large (over the limit of ${mb(opts.maxBytes)})`, false, res.status);
      }
      chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
  } catch (err) {
    await res.body.cancel().catch(() => undefined);
    return failed(err);
  }
  return { url, status: res.status, headers: res.headers, body: Buffer.concat(chunks, size) };
}
