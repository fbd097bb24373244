/**
 * Conversation sessions behind the SessionStore seam. The default keeps sessions in memory,
 * bounded in count (least recently used evicted), turns, and idle time, and optionally
 * persists them to a JSON file (SESSION_FILE) so that a restart does not forget ongoing
 * conversations (bots especially: a user's chat outlives a deploy). The clock is injected so
 * expiry is testable without waiting.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Session, SessionStore } from '../types.js';

/**
 * Callers get their own session object and turn list, so that a request that fails half-way
 * leaves the stored session as it was. Turns themselves are never mutated once written, so a
 * shallow copy suffices (structuredClone cost a measurable share of a request under load).
 */
const copy = (s: Session): Session => ({ ...s, turns: [...s.turns] });

export interface MemorySessionOptions {
  maxTurns: number;
  ttlMs: number;
  maxSessions: number;
  /** Persist to this file (written atomically, debounced). */
  file?: string;
  now?: () => number;
  /** Debounce of writes to `file`, ms. */
  flushDelayMs?: number;
}

export class MemorySessionStore implements SessionStore {
  // A Map iterates in insertion order: re-inserting on access makes it an LRU.
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: MemorySessionOptions) {
    this.now = opts.now ?? Date.now;
    if (opts.file) this.loadFile(opts.file);
  }

  get size(): number {
    return this.sessions.size;
  }

  async get(id: string): Promise<Session | undefined> {
    const s = this.sessions.get(id);
    if (!s) return undefined;
    if (this.now() - s.updatedAt > this.opts.ttlMs) {
      this.sessions.delete(id);
      this.scheduleFlush();
      return undefined;
    }
    this.sessions.delete(id);
    this.sessions.set(id, s);
    return copy(s);
  }

  async save(session: Session): Promise<void> {
    const s = copy(session);
    s.updatedAt = this.now();
    if (s.turns.length > this.opts.maxTurns) s.turns = s.turns.slice(-this.opts.maxTurns);
    this.sessions.delete(s.id);
    this.sessions.set(s.id, s);
    while (this.sessions.size > this.opts.maxSessions) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.delete(oldest);
    }
    this.scheduleFlush();
  }

  async delete(id: string): Promise<void> {
    if (this.sessions.delete(id)) this.scheduleFlush();
  }

  /** Writes pending changes now (on shutdown). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.opts.file) return;
    const cutoff = this.now() - this.opts.ttlMs;
    const live = [...this.sessions.values()].filter((s) => s.updatedAt >= cutoff);
    const tmp = `${this.opts.file}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(this.opts.file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ version: 1, sessions: live }));
    fs.renameSync(tmp, this.opts.file);
  }

  private scheduleFlush(): void {
    if (!this.opts.file || this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      try {
        this.flush();
      } catch {
        // Persistence is best effort; the in-memory sessions keep working.
      }
    }, this.opts.flushDelayMs ?? 1000);
    this.flushTimer.unref();
  }

  private loadFile(file: string): void {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; sessions: Session[] };
      if (data.version !== 1 || !Array.isArray(data.sessions)) return;
      const cutoff = this.now() - this.opts.ttlMs;
      for (const s of data.sessions) if (s && typeof s.id === 'string' && s.updatedAt >= cutoff) this.sessions.set(s.id, s);
    } catch {
      // Missing or unreadable file: start empty (a corrupt session file must not stop the server).
    }
  }
}
