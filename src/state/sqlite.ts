/**
 * Opening and closing the SQLite file the session store and the bots' delivery claims share
 * (better-sqlite3): each store holds its own connection, the way two processes would.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { HealthTracker } from './health.js';

/**
 * Opens `file` (creating its folder) in WAL mode, so readers never block the writer and a killed
 * process loses at most its last transaction, with `synchronous=NORMAL` (durable across a process
 * kill). better-sqlite3 is synchronous: a wait for another process's lock blocks the event loop,
 * so `busyTimeoutMs` is kept short by the callers.
 */
export function openSqlite(file: string, busyTimeoutMs: number): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (e) {
    closeQuietly(db);
    throw e;
  }
}

/**
 * Waits before each retry of an operation that found the file locked past the busy timeout: a
 * timer, not a busy wait, so the event loop goes on serving meanwhile. Under load (two workers
 * and a sweep writing at once on a busy machine) a session's save timed out and was lost, and the
 * conversation's next question, on the other worker, started a new one.
 */
const BUSY_RETRY_MS = [25, 100, 250, 500] as const;

/** SQLite's "the database is locked" (SQLITE_BUSY and its extended codes). */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Runs `op`, again after a pause while SQLite answers "locked" (about 0.9 s of pauses in all), then gives up with its error. */
export async function retryBusy<T>(op: () => T): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return op();
    } catch (e) {
      if (!isBusy(e) || attempt >= BUSY_RETRY_MS.length) throw e;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS[attempt]));
    }
  }
}

/** Closes a connection that may already have failed: a second report of the same failure is not worth making. */
export function closeQuietly(db: Database.Database | undefined): void {
  try {
    db?.close();
  } catch {
    // already failing
  }
}

/**
 * A connection to the shared file and the statements prepared on it, opened on first use and,
 * after a failure, again at most every `reopenMs` (a missing disk is not retried per request).
 * Used by every store on the file (sessions, bot claims, bot limits); failures go to `tracker`.
 *
 * Opening can find the file locked: two workers starting together both create their tables and
 * switch the file to WAL, and SQLite then answers "database is locked" at once, without waiting
 * out the busy timeout (about two opens in five on a fresh file, measured with two processes).
 * `ready()` waits that out by timers (retryBusy); a lock is never held against the file for
 * `reopenMs`, since the next use may open it. Before this, a worker that lost the race kept no
 * conversation for five seconds and a follow-up on the other worker started a new one.
 */
export class LazySqlite<S> {
  private db: Database.Database | undefined;
  private st: S | undefined;
  private openedAt = -Infinity;
  private opening: Promise<{ db: Database.Database; st: S } | undefined> | undefined;

  constructor(
    private readonly o: {
      file: string;
      busyTimeoutMs: number;
      now: () => number;
      tracker: HealthTracker;
      /** Creates the store's tables (IF NOT EXISTS) and prepares its statements. */
      prepare: (db: Database.Database) => S;
      reopenMs?: number;
    },
  ) {}

  /** The open connection and its statements, or undefined while the file cannot be opened (one attempt, for callers that cannot wait). */
  open(): { db: Database.Database; st: S } | undefined {
    if (this.db && this.st) return { db: this.db, st: this.st };
    if (!this.due()) return undefined;
    try {
      return this.connect();
    } catch (e) {
      this.failed(e);
      return undefined;
    }
  }

  /** As open(), but a file locked by another process's open is waited for (by timers) before giving up. */
  ready(): Promise<{ db: Database.Database; st: S } | undefined> {
    if (this.db && this.st) return Promise.resolve({ db: this.db, st: this.st });
    if (this.opening) return this.opening;
    if (!this.due()) return Promise.resolve(undefined);
    // The first attempt now: an open that succeeds is usable at once, one that fails for
    // another reason (a directory in the way) shows in health() at once.
    try {
      return Promise.resolve(this.connect());
    } catch (e) {
      if (!isBusy(e)) {
        this.failed(e);
        return Promise.resolve(undefined);
      }
    }
    const opening = new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS[0]))
      .then(() => retryBusy(() => this.connect()))
      .catch((e: unknown) => {
        this.failed(e);
        return undefined;
      })
      .finally(() => {
        this.opening = undefined;
      });
    this.opening = opening;
    return opening;
  }

  close(): void {
    closeQuietly(this.db);
    this.db = undefined;
    this.st = undefined;
  }

  private due(): boolean {
    return this.o.now() - this.openedAt >= (this.o.reopenMs ?? 5_000);
  }

  private connect(): { db: Database.Database; st: S } {
    let db: Database.Database | undefined;
    try {
      db = openSqlite(this.o.file, this.o.busyTimeoutMs);
      const st = this.o.prepare(db);
      this.db = db;
      this.st = st;
      this.o.tracker.ok();
      return { db, st };
    } catch (e) {
      closeQuietly(db);
      throw e;
    }
  }

  private failed(e: unknown): void {
    // A lock is another process opening the file too: the next use tries again at once.
    if (!isBusy(e)) this.openedAt = this.o.now();
    this.o.tracker.fail(e, `open ${this.o.file}`);
  }
}
