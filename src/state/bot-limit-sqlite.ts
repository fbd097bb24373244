/**
 * The bots' per-user limit (BOT_RATE_LIMIT_PER_MINUTE, src/bots/guard.ts) counted in the SQLite
 * file the workers of one `npm start` share, so that a user has one limit however the platform's
 * deliveries are spread over the workers (per worker it was WORKERS × the limit). Synchronous,
 * as the in-memory limiter is: better-sqlite3 is, and the check is one short IMMEDIATE
 * transaction on a fixed one-minute window per key. A failing database lets the message through
 * (the limit is a courtesy to the service, not a security boundary: the platforms authenticate
 * the users), logged once per outage. Windows are swept every minute.
 */
import type Database from 'better-sqlite3';
import { type BotRateLimiter, type LimitVerdict, limitVerdict } from '../types.js';
import { type HealthLog, HealthTracker, silentLog } from './health.js';
import { LazySqlite } from './sqlite.js';

export interface SqliteBotLimiterOptions {
  file: string;
  perMinute: number;
  now: () => number;
  log?: HealthLog;
}

const WINDOW_MS = 60_000;
/** A check waits this long for another process's write lock (better-sqlite3 blocks the event loop meanwhile). */
const BUSY_TIMEOUT_MS = 250;

interface Statements {
  get: Database.Statement<[string], { start: number; count: number }>;
  put: Database.Statement<[string, number, number]>;
  expire: Database.Statement<[number]>;
}

export class SqliteBotLimiter implements BotRateLimiter {
  private readonly tracker: HealthTracker;
  private readonly file: LazySqlite<Statements>;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly opts: SqliteBotLimiterOptions) {
    this.tracker = new HealthTracker('bot limits', opts.log ?? silentLog);
    this.file = new LazySqlite({
      file: opts.file,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      now: opts.now,
      tracker: this.tracker,
      prepare: (db) => {
        db.exec(`CREATE TABLE IF NOT EXISTS bot_limits (key TEXT PRIMARY KEY, start INTEGER NOT NULL, count INTEGER NOT NULL);
          CREATE INDEX IF NOT EXISTS bot_limits_start ON bot_limits(start);`);
        return {
          get: db.prepare('SELECT start, count FROM bot_limits WHERE key = ?'),
          put: db.prepare('INSERT INTO bot_limits (key, start, count) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET start = excluded.start, count = excluded.count'),
          expire: db.prepare('DELETE FROM bot_limits WHERE start < ?'),
        };
      },
    });
    this.sweeper = setInterval(() => this.sweep(), WINDOW_MS);
    this.sweeper.unref();
  }

  check(key: string): LimitVerdict {
    if (this.opts.perMinute <= 0) return 'ok';
    const f = this.file.open();
    if (!f) return 'ok';
    const now = this.opts.now();
    try {
      const count = f.db
        .transaction(() => {
          const w = f.st.get.get(key);
          const next = w && now - w.start < WINDOW_MS ? { start: w.start, count: w.count + 1 } : { start: now, count: 1 };
          f.st.put.run(key, next.start, next.count);
          return next.count;
        })
        .immediate();
      this.tracker.ok();
      return limitVerdict(count, this.opts.perMinute);
    } catch (e) {
      this.tracker.fail(e, 'bot limit');
      return 'ok';
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    this.file.close();
  }

  private sweep(): void {
    const f = this.file.open();
    if (!f) return;
    try {
      f.st.expire.run(this.opts.now() - WINDOW_MS);
    } catch (e) {
      this.tracker.fail(e, 'bot limit sweep');
    }
  }
}
