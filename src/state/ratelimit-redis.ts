/**
 * The rate limiter's counters in Redis (rate-limit-redis, for the existing express-rate-limit),
 * so that every process shares one limit per client. Redis down: the limiter lets requests
 * through (`passOnStoreError` in limits.ts) and the connection's health says so.
 */
import type { IncrementResponse, Options, Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { type RedisConnection, RedisUnavailable } from './redis.js';

/**
 * rate-limit-redis loads its scripts in `init` and keeps the promise: one made while Redis was
 * not yet connected (at start: the limiter is created before the connection is ready) or down
 * stays rejected, and every later increment fails with it although Redis is back (only a
 * NOSCRIPT reply makes it load again), so the limit would silently never apply. Here the
 * scripts are loaded lazily: before the first increment, and again before the next increment
 * after any failure or reconnection (a restarted Redis has no scripts).
 */
class ReloadingRedisStore extends RedisStore {
  private stale = true;

  constructor(
    private readonly redis: RedisConnection,
    options: ConstructorParameters<typeof RedisStore>[0],
  ) {
    super(options);
    redis.client.on('ready', () => (this.stale = true));
  }

  override async init(options: Options): Promise<void> {
    this.windowMs = options.windowMs;
  }

  override async increment(key: string): Promise<IncrementResponse> {
    if (this.stale) {
      this.stale = false;
      this.incrementScriptSha = this.loadIncrementScript();
      this.getScriptSha = this.loadGetScript();
      // Awaited (and its failure handled) through the increment below.
      this.getScriptSha.catch(() => {});
    }
    try {
      return await super.increment(key);
    } catch (e) {
      this.stale = true;
      throw e;
    }
  }
}

/** A new store per limiter (express-rate-limit refuses one store shared by two limiters). */
export function redisRateLimitStore(redis: RedisConnection, name = 'api'): Store {
  return new ReloadingRedisStore(redis, {
    prefix: `${redis.prefix}rl:${name}:`,
    sendCommand: async (...args: string[]) => {
      if (!redis.usable()) throw new RedisUnavailable();
      try {
        const r = (await redis.client.call(args[0]!, ...args.slice(1))) as never;
        redis.succeeded();
        return r;
      } catch (e) {
        redis.failed(e, 'rate limit');
        throw e;
      }
    },
  });
}
