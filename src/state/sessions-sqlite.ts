/**
 * SessionStore on SQLite (better-sqlite3 12; 13 crashes on Node 20): one row per session,
 * written by one small transaction per save, so persistence costs one row, never a rewrite of
 * every session. WAL journal (readers never block the writer, a killed process loses at most the
 * last transaction and leaves no temporary file of ours), `synchronous=NORMAL` (durable across a
 * process kill; a power cut may lose the last transactions, which is right for chat history).
 *
 * Bounds: each record as in session-record.ts; all records together by SESSIONS_MAX_BYTES and
 * MAX_SESSIONS (the least recently saved first), idle time by the TTL (checked on read, swept
 * every minute). Failures (disk full, a directory where the file should be, no permission, a
 * corrupt file) never reach the caller: a read answers "no session", a write is lost (a lock held
 * past the busy timeout is waited for first, by timers: retryBusy), the
 * failure is logged once per outage and shows in `health()` (→ /healthz, /metrics). While the
 * database cannot be opened, opening is retried at most every REOPEN_MS; a file locked by another
 * worker opening it at the same moment is waited for instead (LazySqlite.ready).
 */
import type Database from 'better-sqlite3';
import type { DependencyHealth, Session, SessionStore } from '../types.js';
import { type HealthLog, HealthTracker, silentLog } from './health.js';
import { decodeSession, encodeSession, type SessionLimits } from './session-record.js';
import { LazySqlite, retryBusy } from './sqlite.js';

export interface SqliteSessionOptions extends SessionLimits {
  file: string;
  ttlMs: number;
  maxSessions: number;
  maxTotalBytes: number;
  log?: HealthLog;
  now?: () => number;
}

/** PRAGMA user_version of the layout below. */
const SCHEMA_VERSION = 1;
const REOPEN_MS = 5_000;
const BUSY_TIMEOUT_MS = 250;
const RECOUNT_MS = 10_000;
const SWEEP_MS = 60_000;
/** Rows looked at per eviction step. */
const EVICT_BATCH = 64;

interface Statements {
  get: Database.Statement<[string], { data: string; updated_at: number }>;
  bytesOf: Database.Statement<[string], { bytes: number }>;
  upsert: Database.Statement<[string, string | null, string, number, number]>;
  del: Database.Statement<[string]>;
  totals: Database.Statement<[], { n: number; bytes: number | null }>;
  oldest: Database.Statement<[number], { id: string; bytes: number }>;
  expire: Database.Statement<[number]>;
}

export class SqliteSessionStore implements SessionStore {
  readonly kind = 'sqlite';
  private readonly file: LazySqlite<Statements>;
  private readonly now: () => number;
  private readonly tracker: HealthTracker;
  private readonly log: HealthLog;
  /** Rows and bytes as this process last knew them (recounted before evicting: other processes may write too). */
  private count = 0;
  private total = 0;
  private countedAt = 0;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly opts: SqliteSessionOptions) {
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? silentLog;
    this.tracker = new HealthTracker('sessions', this.log);
    this.file = new LazySqlite({
      file: opts.file,
      // A write that cannot get the lock within BUSY_TIMEOUT_MS is retried (retryBusy), then reported and lost.
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      now: this.now,
      tracker: this.tracker,
      reopenMs: REOPEN_MS,
      prepare: (db) => this.prepare(db),
    });
    // Opened now, so that /healthz shows a database that cannot be opened from the start.
    void this.file.ready();
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  health(): DependencyHealth {
    return this.tracker.health();
  }

  async get(id: string): Promise<Session | undefined> {
    const st = (await this.file.ready())?.st;
    if (!st) return undefined;
    try {
      const row = await retryBusy(() => st.get.get(id));
      this.tracker.ok();
      if (!row) return undefined;
      if (this.now() - row.updated_at > this.opts.ttlMs) {
        this.remove(st, id);
        return undefined;
      }
      const r = decodeSession(row.data);
      if (r.ok && r.session.id === id) return r.session;
      // One warning per bad record: it is deleted, so it is never read (nor warned about) again.
      this.log.warn({ store: 'sqlite', error: r.ok ? 'id mismatch' : r.error }, 'dropped an invalid session record');
      this.remove(st, id);
      return undefined;
    } catch (e) {
      this.tracker.fail(e, 'read');
      return undefined;
    }
  }

  async save(session: Session): Promise<void> {
    const f = await this.file.ready();
    if (!f) return;
    const { db, st } = f;
    const updatedAt = this.now();
    const { json, bytes } = encodeSession({ ...session, updatedAt }, this.opts);
    try {
      await retryBusy(() =>
        db.transaction(() => {
          const old = st.bytesOf.get(session.id);
          st.upsert.run(session.id, session.owner ?? null, json, bytes, updatedAt);
          this.total += bytes - (old?.bytes ?? 0);
          if (!old) this.count++;
          if (this.total > this.opts.maxTotalBytes || this.count > this.opts.maxSessions) this.evict(st, session.id);
          // IMMEDIATE: take the write lock first (a deferred transaction that reads, then writes,
          // cannot wait for another writer and fails at once). Locked past the busy timeout, it
          // is tried again after a pause (retryBusy) before the write is given up.
        }).immediate(),
      );
      this.tracker.ok();
    } catch (e) {
      this.tracker.fail(e, 'write');
    }
  }

  async delete(id: string): Promise<void> {
    const st = (await this.file.ready())?.st;
    if (!st) return;
    try {
      this.remove(st, id);
      this.tracker.ok();
    } catch (e) {
      this.tracker.fail(e, 'delete');
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.file.close();
  }

  /** Rows and bytes stored (for tests and the bench). */
  stats(): { sessions: number; bytes: number } {
    const st = this.file.open()?.st;
    if (!st) return { sessions: 0, bytes: 0 };
    const t = st.totals.get()!;
    return { sessions: t.n, bytes: t.bytes ?? 0 };
  }

  private remove(st: Statements, id: string): void {
    const old = st.bytesOf.get(id);
    if (!old) return;
    st.del.run(id);
    this.total -= old.bytes;
    this.count--;
  }

  /** Inside the save transaction: drops the least recently saved sessions (never `keep`) until under the bounds. */
  private evict(st: Statements, keep: string): void {
    // Other processes may write the same file: recount now and then, not on every save.
    if (this.now() - this.countedAt > RECOUNT_MS) {
      const t = st.totals.get()!;
      this.count = t.n;
      this.total = t.bytes ?? 0;
      this.countedAt = this.now();
    }
    while (this.total > this.opts.maxTotalBytes || this.count > this.opts.maxSessions) {
      const rows = st.oldest.all(EVICT_BATCH).filter((r) => r.id !== keep);
      if (!rows.length) return;
      for (const r of rows) {
        if (this.total <= this.opts.maxTotalBytes && this.count <= this.opts.maxSessions) return;
        st.del.run(r.id);
        this.total -= r.bytes;
        this.count--;
      }
    }
  }

  private sweep(): void {
    const st = this.file.open()?.st;
    if (!st) return;
    try {
      const n = st.expire.run(this.now() - this.opts.ttlMs).changes;
      if (n) {
        const t = st.totals.get()!;
        this.count = t.n;
        this.total = t.bytes ?? 0;
      }
    } catch (e) {
      this.tracker.fail(e, 'expiry sweep');
    }
  }

  /** Creates (or checks) the layout and prepares the statements: LazySqlite's `prepare`, run on each (re)open. */
  private prepare(db: Database.Database): Statements {
    // The record last: SQLite reads a row's columns in order, so the small ones before a
    // large record are read without following its overflow pages (eviction and the totals
    // read only those).
    db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      id TEXT PRIMARY KEY,
      owner TEXT,
      bytes INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS sessions_updated ON sessions(updated_at);`);
    // A database of another layout (a newer version, a foreign file) fails loudly here,
    // reported like any other failure, rather than being written into.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) db.pragma(`user_version = ${SCHEMA_VERSION}`);
    else if (version !== SCHEMA_VERSION) throw new Error(`session database schema version ${version}, expected ${SCHEMA_VERSION}`);
    const st: Statements = {
      get: db.prepare('SELECT data, updated_at FROM sessions WHERE id = ?'),
      bytesOf: db.prepare('SELECT bytes FROM sessions WHERE id = ?'),
      upsert: db.prepare(
        'INSERT INTO sessions (id, owner, data, bytes, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, bytes = excluded.bytes, updated_at = excluded.updated_at, data = excluded.data',
      ),
      del: db.prepare('DELETE FROM sessions WHERE id = ?'),
      totals: db.prepare('SELECT COUNT(*) AS n, SUM(bytes) AS bytes FROM sessions'),
      oldest: db.prepare('SELECT id, bytes FROM sessions ORDER BY updated_at LIMIT ?'),
      expire: db.prepare('DELETE FROM sessions WHERE updated_at < ?'),
    };
    st.expire.run(this.now() - this.opts.ttlMs);
    const t = st.totals.get()!;
    this.count = t.n;
    this.total = t.bytes ?? 0;
    return st;
  }
}
