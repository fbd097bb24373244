/**
 * One ioredis connection shared by the Redis-backed state (sessions, rate-limit counters, bot
 * de-duplication), and its health. Options chosen so that a dead Redis never holds a request:
 * no offline queue (a command while disconnected fails at once instead of waiting for the
 * reconnection), one retry per command, a command timeout; reconnection goes on in the
 * background forever with a capped back-off. Every failure is counted; the first one of an
 * outage is logged (one warning, not one per request) and so is the recovery.
 */
import { Redis } from 'ioredis';
import type { DependencyHealth, HealthSource } from '../types.js';
import { type HealthLog, HealthTracker, silentLog } from './health.js';

/** After a command timed out: how long no command is sent. */
const BACKOFF_MS = 2_000;

/** Thrown instead of sending a command while commands are held back (see `usable`). */
export class RedisUnavailable extends Error {
  constructor() {
    super('Redis did not answer in time; commands are held back briefly');
    this.name = 'RedisUnavailable';
  }
}

export interface RedisOptions {
  url: string;
  /** Prefix of every key (REDIS_PREFIX). */
  prefix: string;
  log?: HealthLog;
  /** Longest wait for one command, ms. */
  commandTimeoutMs?: number;
}

export class RedisConnection implements HealthSource {
  readonly name = 'redis';
  readonly client: Redis;
  readonly prefix: string;
  private readonly tracker: HealthTracker;
  private closing = false;
  private pausedUntil = 0;

  constructor(opts: RedisOptions) {
    this.prefix = opts.prefix;
    // Down until the first 'ready': /healthz must not say ok before Redis was ever reached.
    this.tracker = new HealthTracker('redis', opts.log ?? silentLog, 'down');
    this.client = new Redis(opts.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: opts.commandTimeoutMs ?? 500,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(100 * times, 2_000),
      // The rate limiter loads its scripts at start; keep the connection eager so that it is
      // usually ready by the first request.
      lazyConnect: false,
    });
    this.client.on('ready', () => this.tracker.ok());
    // Without an 'error' listener ioredis prints every reconnection failure; the tracker logs
    // the first of an outage instead.
    this.client.on('error', (e: Error) => this.tracker.fail(e, 'connection'));
    this.client.on('close', () => {
      if (!this.closing) this.tracker.fail(new Error('connection closed'), 'connection');
    });
  }

  health(): DependencyHealth {
    return this.tracker.health();
  }

  /**
   * Resolves true once the connection is ready, false after `timeoutMs`. The server waits for
   * this before it listens: otherwise the first requests after start meet a connection still
   * handshaking (no offline queue, so their commands fail at once), lose their session and log
   * an outage that is not one. A Redis that stays unreachable does not hold the start up
   * longer than `timeoutMs`: the server then starts degraded and reconnects in the background.
   */
  async whenReady(timeoutMs: number): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      timer.unref();
      this.client.once('ready', onReady);
    });
  }

  /**
   * Whether commands should be sent now. A Redis that accepts connections but does not answer
   * (stopped, swapping, overloaded) costs every command the full command timeout; after one
   * timed out, commands are not sent for BACKOFF_MS (the callers carry on without Redis), then
   * one is tried again. A closed connection needs none of this: without an offline queue its
   * commands fail at once.
   */
  usable(): boolean {
    return Date.now() >= this.pausedUntil;
  }

  /** For the stores: a command failed (Redis down, timed out, refused). */
  failed(e: unknown, what: string): void {
    this.tracker.fail(e, what);
    if (e instanceof Error && /timed out/i.test(e.message)) this.pausedUntil = Date.now() + BACKOFF_MS;
  }

  /** For the stores: a command succeeded. */
  succeeded(): void {
    this.pausedUntil = 0;
    this.tracker.ok();
  }

  async close(): Promise<void> {
    this.closing = true;
    // quit() waits for a reply that a dead Redis never sends: bound it, then drop the socket.
    await Promise.race([this.client.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 500).unref())]);
    this.client.disconnect();
  }
}
