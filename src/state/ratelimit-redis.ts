/**
 * The rate limiter's counters in Redis (rate-limit-redis, for the existing express-rate-limit),
 * so that every process shares one limit per client. Redis down: the limiter lets requests
 * through (`passOnStoreError` in limits.ts) and the connection's health says so.
 */
import type { IncrementResponse, Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { RedisConnection } from './redis.js';

/**
 * rate-limit-redis keeps the promise of its `SCRIPT LOAD`: one made while Redis was unreachable
 * (at start, say) stays rejected, and every later increment fails with it although Redis is
 * back (only a NOSCRIPT reply makes it load again). After a failure the script is loaded anew.
 */
class ReloadingRedisStore extends RedisStore {
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
  return new ReloadingRedisStore({
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
