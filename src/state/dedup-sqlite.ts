/**
 * DedupStore on SQLite: claims in a table of the session database, so that the workers of one
 * machine (the default `npm start` runs one per core, connections spread round-robin) answer a
 * platform's redelivery once, where each worker's memory would answer it once per worker it
 * reaches; and a redelivery after a restart is still recognised. A claim is one IMMEDIATE
 * transaction (an expired row is replaced, a live one refuses), atomic across the processes that
 * share the file. Redis, when configured, does the same across machines (dedup-redis.ts).
 *
 * Failures (no disk, a locked or corrupt file) grant the claim, as the Redis store does:
 * answering a redelivery twice is better than never answering. They are logged once per outage.
 * Rows are bounded: expired ones are swept every minute, and past `max` the soonest to expire go.
 */
import type Database from 'better-sqlite3';
import type { DedupStore } from '../types.js';
import { type HealthLog, HealthTracker, silentLog } from './health.js';
import { LazySqlite, retryBusy } from './sqlite.js';

export interface SqliteDedupOptions {
  file: string;
  /** Most claims kept (default 50,000, as the memory store). */
  max?: number;
  log?: HealthLog;
  now?: () => number;
}

/** A claim waits this long for another process's write lock (better-sqlite3 blocks the event loop meanwhile). */
const BUSY_TIMEOUT_MS = 250;
const SWEEP_MS = 60_000;

interface Statements {
  drop: Database.Statement<[string, number]>;
  insert: Database.Statement<[string, number]>;
  del: Database.Statement<[string]>;
  expire: Database.Statement<[number]>;
  count: Database.Statement<[], { n: number }>;
  trim: Database.Statement<[number]>;
}

export class SqliteDedupStore implements DedupStore {
  private readonly now: () => number;
  private readonly tracker: HealthTracker;
  private readonly file: LazySqlite<Statements>;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly opts: SqliteDedupOptions) {
    this.now = opts.now ?? Date.now;
    this.tracker = new HealthTracker('dedup', opts.log ?? silentLog);
    this.file = new LazySqlite({
      file: opts.file,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      now: this.now,
      tracker: this.tracker,
      prepare: (db) => {
        // A table of its own beside the sessions; the file's user_version is the session store's.
        db.exec(`CREATE TABLE IF NOT EXISTS bot_dedup (key TEXT PRIMARY KEY, until INTEGER NOT NULL);
          CREATE INDEX IF NOT EXISTS bot_dedup_until ON bot_dedup(until);`);
        return {
          drop: db.prepare('DELETE FROM bot_dedup WHERE key = ? AND until <= ?'),
          insert: db.prepare('INSERT OR IGNORE INTO bot_dedup (key, until) VALUES (?, ?)'),
          del: db.prepare('DELETE FROM bot_dedup WHERE key = ?'),
          expire: db.prepare('DELETE FROM bot_dedup WHERE until <= ?'),
          count: db.prepare('SELECT COUNT(*) AS n FROM bot_dedup'),
          trim: db.prepare('DELETE FROM bot_dedup WHERE key IN (SELECT key FROM bot_dedup ORDER BY until LIMIT ?)'),
        };
      },
    });
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const f = await this.file.ready();
    if (!f) return true;
    const now = this.now();
    try {
      // Locked past the busy timeout (another worker's claim on a loaded machine): tried again
      // after a pause, since a claim given up delivers the retried webhook a second answer.
      const claimed = await retryBusy(() =>
        f.db
          .transaction(() => {
            f.st.drop.run(key, now);
            return f.st.insert.run(key, now + Math.max(1, Math.round(ttlMs))).changes === 1;
          })
          .immediate(),
      );
      this.tracker.ok();
      return claimed;
    } catch (e) {
      this.tracker.fail(e, 'claim');
      return true;
    }
  }

  async release(key: string): Promise<void> {
    const f = await this.file.ready();
    if (!f) return;
    try {
      f.st.del.run(key);
      this.tracker.ok();
    } catch (e) {
      this.tracker.fail(e, 'release');
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.file.close();
  }

  /** Claims stored (tests). */
  size(): number {
    return this.file.open()?.st.count.get()?.n ?? 0;
  }

  private sweep(): void {
    const f = this.file.open();
    if (!f) return;
    try {
      f.st.expire.run(this.now());
      const n = f.st.count.get()!.n;
      const max = this.opts.max ?? 50_000;
      if (n > max) f.st.trim.run(n - max);
    } catch (e) {
      this.tracker.fail(e, 'sweep');
    }
  }
}
