/**
 * The default SessionStore: per process, in memory, bounded in bytes. Each session is held as
 * its encoded JSON record in a Buffer (outside the JS heap, exactly the bytes counted), so the
 * bound on bytes is a bound on memory, whatever the shape of the turns; parsing a record back on
 * `get` also hands every caller its own copy. A Map iterates in insertion order: re-inserting on
 * access makes it an LRU, and the total bound (SESSIONS_MAX_BYTES) and count bound (MAX_SESSIONS)
 * evict the least recently used sessions first. The clock is injected so expiry is testable.
 */
import type { Session, SessionStore } from '../types.js';
import { encodeSession, type SessionLimits } from './session-record.js';

export interface MemorySessionOptions {
  maxTurns: number;
  ttlMs: number;
  maxSessions: number;
  /** Bytes of one record (default 64 KiB, as SESSION_MAX_BYTES). */
  maxBytes?: number;
  /** Bytes of all records together (default 128 MiB, as SESSIONS_MAX_BYTES). */
  maxTotalBytes?: number;
  now?: () => number;
}

interface Entry {
  record: Buffer;
  updatedAt: number;
}

export class MemorySessionStore implements SessionStore {
  readonly kind = 'memory';
  private readonly sessions = new Map<string, Entry>();
  private readonly now: () => number;
  private total = 0;
  private readonly limits: SessionLimits;
  private readonly maxTotalBytes: number;

  constructor(private readonly opts: MemorySessionOptions) {
    this.now = opts.now ?? Date.now;
    this.limits = { maxTurns: opts.maxTurns, maxBytes: opts.maxBytes ?? 64 * 1024 };
    this.maxTotalBytes = opts.maxTotalBytes ?? 128 * 1024 * 1024;
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Bytes held by all records. */
  get bytes(): number {
    return this.total;
  }

  async get(id: string): Promise<Session | undefined> {
    const e = this.sessions.get(id);
    if (!e) return undefined;
    this.sessions.delete(id);
    if (this.now() - e.updatedAt > this.opts.ttlMs) {
      this.total -= e.record.length;
      return undefined;
    }
    this.sessions.set(id, e);
    // Only records this store encoded itself are held (nothing is loaded from outside), so they
    // are parsed without the zod check the persistent stores make (which would triple the cost).
    return JSON.parse(e.record.toString('utf8')) as Session;
  }

  async save(session: Session): Promise<void> {
    const updatedAt = this.now();
    const { json, bytes } = encodeSession({ ...session, updatedAt }, this.limits);
    // Not Buffer.from: a small one is a slice of a shared 8 KiB pool, which it would keep alive
    // (uncounted) for as long as the session lives.
    const record = Buffer.allocUnsafeSlow(bytes);
    record.write(json, 'utf8');
    this.drop(session.id);
    this.sessions.set(session.id, { record, updatedAt });
    this.total += record.length;
    // The least recently used sessions first: expired ones go even under the bounds.
    for (const [id, e] of this.sessions) {
      if (updatedAt - e.updatedAt <= this.opts.ttlMs) break;
      this.drop(id);
    }
    while (this.sessions.size > 1 && (this.sessions.size > this.opts.maxSessions || this.total > this.maxTotalBytes)) {
      this.drop(this.sessions.keys().next().value as string);
    }
  }

  async delete(id: string): Promise<void> {
    this.drop(id);
  }

  private drop(id: string): void {
    const e = this.sessions.get(id);
    if (!e) return;
    this.total -= e.record.length;
    this.sessions.delete(id);
  }
}
