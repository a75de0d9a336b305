// Alert hits POSTed to a webhook as JSON, retried with backoff. Each hit carries its id in the body
// and as the Idempotency-Key header, so a receiver can drop the copy a crash may resend.
import { FetchAborted, FetchError, isTransientStatus } from './http.js';
import { sleep } from './scheduler.js';

export interface WebhookOptions {
  userAgent: string;
  timeoutMs: number;
  /** Attempts now (the first included); what still fails is tried again after the next round. */
  attempts: number;
  retryBaseMs: number;
  signal?: AbortSignal;
}

/** POSTs one JSON body; resolves when a 2xx came back, throws a FetchError (one line) otherwise. */
export async function postJson(url: string, id: string, body: unknown, opts: WebhookOptions): Promise<void> {
  const payload = JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    try {
      return await postOnce(url, id, payload, opts);
    } catch (err) {
      if (err instanceof FetchAborted || !(err instanceof FetchError) || !err.transient || attempt >= opts.attempts) throw err;
      await sleep(opts.retryBaseMs * 2 ** (attempt - 1), opts.signal);
    }
  }
}

async function postOnce(url: string, id: string, payload: string, opts: WebhookOptions): Promise<void> {
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': opts.userAgent, 'idempotency-key': id },
      body: payload,
      redirect: 'error',
      signal: opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline,
    });
  } catch (err) {
    if (opts.signal?.aborted) throw new FetchAborted();
    if (deadline.aborted) throw new FetchError('webhook timed out', true);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchError(`webhook unreachable: ${cause?.code ?? cause?.message ?? (err as Error).message}`, true);
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.status >= 200 && res.status < 300) return;
  throw new FetchError(`webhook answered HTTP ${res.status}`, isTransientStatus(res.status), res.status);
}

