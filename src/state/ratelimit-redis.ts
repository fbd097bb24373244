/**
 * The rate limiter's counters in Redis (rate-limit-redis, for the existing express-rate-limit),
 * so that every process shares one limit per client. Redis down: the limiter lets requests
 * through (`passOnStoreError` in limits.ts) and the connection's health says so.
 */
import type { IncrementResponse, Options, Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { RedisConnection } from './redis.js';

/**
 * rate-limit-redis loads its scripts in `init` and keeps the promise: one made while Redis was
 * not yet connected (at start: the limiter is created before the connection is ready) or down
 * stays rejected, and every later increment fails with it although Redis is back (only a
 * NOSCRIPT reply makes it load again), so the limit would silently never apply. Here the load
 * waits for the connection, and is done anew after a failure.
 */
class ReloadingRedisStore extends RedisStore {
  constructor(
    private readonly redis: RedisConnection,
    options: ConstructorParameters<typeof RedisStore>[0],
  ) {
    super(options);
  }

  override async init(options: Options): Promise<void> {
    if (this.redis.client.status === 'ready') return super.init(options);
    this.windowMs = options.windowMs;
    this.redis.client.once('ready', () => void super.init(options).catch(() => {}));
  }

  override async increment(key: string): Promise<IncrementResponse> {
    try {
      return await super.increment(key);
    } catch (e) {
      this.incrementScriptSha = this.loadIncrementScript();
      this.incrementScriptSha.catch(() => {});
      throw e;
    }
  }
}

/** A new store per limiter (express-rate-limit refuses one store shared by two limiters). */
export function redisRateLimitStore(redis: RedisConnection, name = 'api'): Store {
  return new ReloadingRedisStore(redis, {
    prefix: `${redis.prefix}rl:${name}:`,
    sendCommand: async (...args: string[]) => {
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
