/** What the HTTP layer needs from the composition root. */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { LoadedIndex } from '../index/load.js';
import type { HybridRetriever } from '../retrieve/retriever.js';
import type { Store } from 'express-rate-limit';
import type { BotRateLimiter, ChatService, DedupStore, Embedder, FeedbackStore, HealthSource, SessionStore } from '../types.js';

export interface AppContext {
  config: Config;
  index: LoadedIndex;
  retriever: HybridRetriever;
  chat: ChatService;
  embedder: Embedder;
  logger: Logger;
  sessions: SessionStore;
  /** Platform redelivery de-duplication (bots); per process by default, Redis when REDIS_URL is set. */
  dedup: DedupStore;
  /** Backends whose state /healthz and /metrics report (the session database, Redis). */
  dependencies?: HealthSource[];
  /** A new store for each rate limiter (Redis when REDIS_URL is set); unset: per process. */
  rateLimitStore?: () => Store;
  /** The bots' per-user limiter shared by a cluster's workers (SQLite); unset: per process. */
  botLimiter?: (opts: { perMinute: number; now: () => number }) => BotRateLimiter;
  /** Closes the session store and the Redis connection (shutdown). */
  closeState?: () => Promise<void>;
  /** Answer feedback from the web page (JSONL file by default). */
  feedback: FeedbackStore;
  /** Injected clock (bots verify timestamps with it). */
  now?: () => number;
}

/**
 * An AbortSignal that fires when the client goes away or the request times out. Inside the app
 * it is the one signal of the request-timeout middleware (src/server/limits.ts), which also
 * answers 504 when it fires; outside it (a route mounted on its own), one made here.
 */
export function requestSignal(res: import('express').Response, timeoutMs: number): AbortSignal {
  const shared = res.locals['signal'] as AbortSignal | undefined;
  if (shared) return shared;
  const ctrl = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) ctrl.abort(new Error('client closed the connection'));
  });
  return AbortSignal.any([ctrl.signal, AbortSignal.timeout(timeoutMs)]);
}
