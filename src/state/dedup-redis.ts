/**
 * DedupStore on Redis: a claim is `SET <prefix>dedup:<key> 1 PX ttl NX`, atomic across every
 * process and machine sharing the Redis, so a platform's redelivery that lands on another
 * process is still answered once. Redis down: the claim is granted (answering a redelivery twice
 * is better than never answering), and the failure shows in the connection's health.
 */
import type { DedupStore } from '../types.js';
import type { RedisConnection } from './redis.js';

export class RedisDedupStore implements DedupStore {
  constructor(private readonly redis: RedisConnection) {}

  private key(key: string): string {
    return `${this.redis.prefix}dedup:${key}`;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (!this.redis.usable()) return true;
    try {
      const r = await this.redis.client.set(this.key(key), '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      this.redis.succeeded();
      return r === 'OK';
    } catch (e) {
      this.redis.failed(e, 'dedup claim');
      return true;
    }
  }

  async release(key: string): Promise<void> {
    if (!this.redis.usable()) return;
    try {
      await this.redis.client.del(this.key(key));
      this.redis.succeeded();
    } catch (e) {
      this.redis.failed(e, 'dedup release');
    }
  }
}
