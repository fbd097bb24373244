/**
 * The bots' per-user limit (BOT_RATE_LIMIT_PER_MINUTE, src/bots/guard.ts) counted in Redis, when
 * REDIS_URL is set: one limit per platform user for every process and machine sharing the Redis
 * (per process it was one limit per process, so a user's messages spread by the platform over
 * N machines got N × the limit). The same fixed one-minute window from the user's first message
 * as the in-memory and SQLite limiters: INCR, and PEXPIRE when the count is 1, in one script, so
 * that two processes cannot both start a window and no counter is left without its expiry.
 *
 * Written here, not taken from rate-limiter-flexible or express-rate-limit's Redis store: the
 * check runs inside the platform SDK's handler after it verified the update (no middleware fits
 * there, guard.ts), and over the limit the bot answers once with a notice ('first-refusal'),
 * which the count alone tells. Redis down or slow: the message goes through (the limit is a
 * courtesy to the service, not a security boundary), and the connection's health says so.
 */
import { type BotRateLimiter, type LimitVerdict, limitVerdict } from '../types.js';
import type { RedisConnection } from './redis.js';

const WINDOW_MS = 60_000;
/** KEYS[1]: the user's counter; ARGV[1]: the window in ms. Returns the count in the window. */
const COUNT_SCRIPT = "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return c";

export class RedisBotLimiter implements BotRateLimiter {
  constructor(
    private readonly redis: RedisConnection,
    private readonly opts: { perMinute: number },
  ) {}

  async check(key: string): Promise<LimitVerdict> {
    if (this.opts.perMinute <= 0 || !this.redis.usable()) return 'ok';
    try {
      // EVAL with the script each time (a few dozen bytes): Redis caches it by its hash, and no
      // EVALSHA/NOSCRIPT round trip is needed after a Redis restart.
      const count = Number(await this.redis.client.eval(COUNT_SCRIPT, 1, `${this.redis.prefix}botlimit:${key}`, WINDOW_MS));
      this.redis.succeeded();
      return limitVerdict(count, this.opts.perMinute);
    } catch (e) {
      this.redis.failed(e, 'bot limit');
      return 'ok';
    }
  }
}
