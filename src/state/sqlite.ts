/**
 * Opening and closing the SQLite file the session store and the bots' delivery claims share
 * (better-sqlite3): each store holds its own connection, the way two processes would.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

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

/** Closes a connection that may already have failed: a second report of the same failure is not worth making. */
export function closeQuietly(db: Database.Database | undefined): void {
  try {
    db?.close();
  } catch {
    // already failing
  }
}
