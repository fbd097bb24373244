/**
 * SessionStore on Redis (REDIS_URL): one string key per session (`<prefix>session:<id>`, the
 * JSON record), written with the idle TTL as its expiry (PX), so Redis itself forgets idle
 * conversations. Records are bounded as in session-record.ts; the total is bounded by Redis's
 * own `maxmemory` (with `volatile-lru` or `allkeys-lru` it evicts the least recently used).
 * Shared by every process: a conversation continues on whichever process the next request
 * reaches. Redis down: `get` answers "no session" (the question is answered without history),
 * `save` is lost; never an error to the caller (see RedisConnection for the waits).
 */
import type { DependencyHealth, Session, SessionStore } from '../types.js';
import type { HealthLog } from './health.js';
import type { RedisConnection } from './redis.js';
import { decodeSession, encodeSession, type SessionLimits } from './session-record.js';

export interface RedisSessionOptions extends SessionLimits {
  ttlMs: number;
  log?: HealthLog;
  now?: () => number;
}

export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis';
  private readonly now: () => number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly opts: RedisSessionOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  private key(id: string): string {
    return `${this.redis.prefix}session:${id}`;
  }

  health(): DependencyHealth {
    return this.redis.health();
  }

  async get(id: string): Promise<Session | undefined> {
    if (!this.redis.usable()) return undefined;
    let json: string | null;
    try {
      json = await this.redis.client.get(this.key(id));
      this.redis.succeeded();
    } catch (e) {
      this.redis.failed(e, 'session read');
      return undefined;
    }
    if (json === null) return undefined;
    const r = decodeSession(json);
    if (r.ok && r.session.id === id && this.now() - r.session.updatedAt <= this.opts.ttlMs) return r.session;
    if (!r.ok || r.session.id !== id) {
      this.opts.log?.warn({ store: 'redis', error: r.ok ? 'id mismatch' : r.error }, 'dropped an invalid session record');
    }
    await this.delete(id);
    return undefined;
  }

  async save(session: Session): Promise<void> {
    if (!this.redis.usable()) return;
    const { json } = encodeSession({ ...session, updatedAt: this.now() }, this.opts);
    try {
      await this.redis.client.set(this.key(session.id), json, 'PX', this.opts.ttlMs);
      this.redis.succeeded();
    } catch (e) {
      this.redis.failed(e, 'session write');
    }
  }

  async delete(id: string): Promise<void> {
    if (!this.redis.usable()) return;
    try {
      await this.redis.client.del(this.key(id));
      this.redis.succeeded();
    } catch (e) {
      this.redis.failed(e, 'session delete');
    }
  }
}
