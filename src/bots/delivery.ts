/**
 * Sending replies: background tasks (the webhook is answered first, the reply sent after),
 * retries with backoff for failed platform calls, and one log line with the platform's own
 * error code when a reply is finally given up. Slack's WebClient and grammY's auto-retry plugin
 * retry their own calls; WeCom, Feishu and Kakao calls go through {@link deliver}.
 */
import pRetry from 'p-retry';
import type { Logger } from 'pino';

/**
 * Replies sent after the webhook was answered. Tracked so that tests can await them
 * (`await tasks.idle()`) and failures are logged rather than lost.
 */
export class BackgroundTasks {
  private readonly pending = new Set<Promise<void>>();

  /** `max` bounds the replies in flight (memory): past it a new one is dropped with a warning. */
  constructor(
    private readonly log: Logger,
    private readonly max = 1000,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  run(what: string, work: () => Promise<void>): Promise<void> {
    if (this.pending.size >= this.max) {
      this.log.warn({ task: what, pending: this.pending.size }, 'too many bot replies in flight; this one is dropped');
      return Promise.resolve();
    }
    const p = Promise.resolve()
      .then(work)
      .catch((err: unknown) => this.log.error({ err, task: what }, 'bot reply failed'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
    return p;
  }

  /** Resolves once every task started so far, and any they start, has settled. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}

/** A platform API call that failed: HTTP status and the platform's own error code (errcode, code, error). */
export class PlatformError extends Error {
  readonly status: number | undefined;
  readonly code: string | number | undefined;
  /** Worth another try: rate limited, the platform busy or down, the network. */
  readonly retryable: boolean;
  /** The platform's Retry-After, when it gave one. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, o: { status?: number; code?: string | number; retryable: boolean; retryAfterMs?: number; cause?: unknown }) {
    super(message, o.cause === undefined ? undefined : { cause: o.cause });
    this.name = 'PlatformError';
    this.status = o.status;
    this.code = o.code;
    this.retryable = o.retryable;
    this.retryAfterMs = o.retryAfterMs;
  }
}

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  /** Longest Retry-After honoured, ms. */
  maxRetryAfterMs?: number;
}

/**
 * Runs a platform call, retrying a retryable {@link PlatformError} (or a network failure) with
 * exponential backoff from `baseMs` (p-retry), after the platform's Retry-After when it gave
 * one. Gives up by logging the platform's error code; never throws (a reply that cannot be
 * delivered must not crash anything). Returns whether it was delivered.
 */
export async function deliver(log: Logger, what: string, call: () => Promise<void>, policy: RetryPolicy): Promise<boolean> {
  try {
    await pRetry(call, {
      retries: policy.attempts,
      minTimeout: policy.baseMs,
      factor: 2,
      maxTimeout: policy.baseMs * 16,
      randomize: true,
      shouldRetry: ({ error }) => !(error instanceof PlatformError) || error.retryable,
      onFailedAttempt: async ({ error, retriesLeft }) => {
        const e = error as PlatformError;
        log.warn({ what, status: e.status, code: e.code, retriesLeft }, `${what} failed; retrying`);
        if (retriesLeft > 0 && e.retryAfterMs) await new Promise((r) => setTimeout(r, Math.min(e.retryAfterMs!, policy.maxRetryAfterMs ?? 30_000)));
      },
    });
    return true;
  } catch (err) {
    const e = err as Partial<PlatformError>;
    log.error({ what, status: e.status, code: e.code, err: e.message }, `${what} failed; reply dropped`);
    return false;
  }
}

/** A Retry-After header (seconds) in ms. */
export function retryAfterMs(value: string | null | undefined): number | undefined {
  const s = Number(value);
  return value && Number.isFinite(s) && s >= 0 ? s * 1000 : undefined;
}

/**
 * A JSON call to a platform API (WeCom, Kakao's callback) with a timeout. HTTP 429 and 5xx and
 * network failures become retryable PlatformErrors; the platform-level error code in a 200
 * body is the caller's to check.
 */
export async function callJson(url: string, init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string>; timeoutMs?: number }): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'POST',
      headers: { ...(init.body !== undefined ? { 'Content-Type': 'application/json; charset=utf-8' } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
    });
  } catch (cause) {
    throw new PlatformError(`network: ${(cause as Error).message}`, { code: (cause as { cause?: { code?: string } }).cause?.code ?? 'network', retryable: true, cause });
  }
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (res.status === 429 || res.status >= 500) {
    const ra = retryAfterMs(res.headers.get('retry-after'));
    throw new PlatformError(`HTTP ${res.status}`, { status: res.status, code: res.status, retryable: true, ...(ra !== undefined ? { retryAfterMs: ra } : {}) });
  }
  if (res.status >= 300) throw new PlatformError(`HTTP ${res.status}`, { status: res.status, code: res.status, retryable: false });
  return body;
}
