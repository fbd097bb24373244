/**
 * The session stores: the shared contract against memory, SQLite (real files) and Redis (a real
 * redis-server on a free port), then what is particular to each: SQLite's persistence across a
 * reopen, its failures in health(), the SESSION_FILE import; Redis's TTL and its outage.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createState } from '../../src/state/index.js';
import { importSessionFile } from '../../src/state/migrate.js';
import { RedisConnection } from '../../src/state/redis.js';
import { MemorySessionStore } from '../../src/state/sessions-memory.js';
import { RedisSessionStore } from '../../src/state/sessions-redis.js';
import { SqliteSessionStore } from '../../src/state/sessions-sqlite.js';
import type { HealthLog } from '../../src/state/health.js';
import { type TestRedis, haveRedis, startRedis } from '../helpers/redis.js';
import { sessionOf, sessionStoreContract } from './sessions.contract.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kic-sess-'));
const recorder = () => {
  const warnings: string[] = [];
  const infos: string[] = [];
  const log: HealthLog = { warn: (_o, m) => warnings.push(m), info: (_o, m) => infos.push(m) };
  return { warnings, infos, log };
};

// The memory store loads nothing from outside (it holds only records it encoded), so it has no
// validation on read to test.
sessionStoreContract(
  'memory',
  async (l) => ({ store: new MemorySessionStore({ ...l, maxSessions: 10_000 }), warnings: [], cleanup: async () => {} }),
  { boundsTotal: true, validatesOnRead: false },
);

sessionStoreContract('sqlite', async (l) => {
  const { warnings, log } = recorder();
  const file = path.join(tmp(), 'sessions.db');
  const store = new SqliteSessionStore({ ...l, file, maxSessions: 10_000, log });
  return {
    store,
    warnings,
    writeRaw: async (id, json) => {
      const db = new Database(file);
      db.prepare('INSERT OR REPLACE INTO sessions (id, owner, data, bytes, updated_at) VALUES (?, NULL, ?, ?, ?)').run(id, json, json.length, l.now());
      db.close();
    },
    cleanup: () => store.close(),
  };
});

const redisMissing = !haveRedis();
if (redisMissing && process.env['CI']) throw new Error('redis-server is required in CI (.ci/run installs it)');
let redis: TestRedis | undefined;
beforeAll(async () => {
  if (!redisMissing) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

let prefixes = 0;
sessionStoreContract(
  'redis',
  async (l) => {
    const { warnings, log } = recorder();
    const conn = new RedisConnection({ url: redis!.url, prefix: `t${++prefixes}:`, log });
    await new Promise<void>((resolve) => (conn.health().state === 'ok' ? resolve() : conn.client.once('ready', () => resolve())));
    const store = new RedisSessionStore(conn, { ...l, log });
    return {
      store,
      warnings,
      writeRaw: async (id, json) => void (await conn.client.set(`${conn.prefix}session:${id}`, json)),
      cleanup: () => conn.close(),
    };
  },
  { boundsTotal: false, skip: redisMissing },
);

describe('SqliteSessionStore', () => {
  const limits = { maxTurns: 20, maxBytes: 64 * 1024, ttlMs: 60_000, maxSessions: 1000, maxTotalBytes: 1 << 24 };

  it('keeps sessions across a reopen (one row per session, WAL), and leaves no temporary file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'sub', 'sessions.db');
    const a = new SqliteSessionStore({ ...limits, file });
    for (let i = 0; i < 20; i++) await a.save(sessionOf(`s${i}`, 2));
    expect(a.stats().sessions).toBe(20);
    await a.close();
    const b = new SqliteSessionStore({ ...limits, file });
    expect((await b.get('s7'))!.turns).toHaveLength(4);
    expect(b.health().state).toBe('ok');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await b.close();
    expect(fs.readdirSync(path.join(dir, 'sub')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a database that cannot be opened (a directory in the way) shows in health() at once, logged once; get/save do not throw', async () => {
    const dir = tmp();
    const file = path.join(dir, 'sessions.db');
    fs.mkdirSync(file);
    const { warnings, log } = recorder();
    const store = new SqliteSessionStore({ ...limits, file, log });
    expect(store.health().state).toBe('down');
    expect(store.health().failures).toBe(1);
    await store.save(sessionOf('a', 1));
    expect(await store.get('a')).toBeUndefined();
    expect(warnings).toHaveLength(1);
    await store.close();
  });

  it('a write that fails later (another connection holds the write lock: SQLITE_BUSY) is reported when it happens, then recovers', async () => {
    const file = path.join(tmp(), 'sessions.db');
    const { warnings, infos, log } = recorder();
    const store = new SqliteSessionStore({ ...limits, file, log });
    await store.save(sessionOf('a', 1));
    // A real write failure of the real file: SQLite answers SQLITE_BUSY.
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    await store.save(sessionOf('b', 1));
    expect(store.health().state).toBe('down');
    expect(warnings).toHaveLength(1);
    other.exec('ROLLBACK');
    other.close();
    await store.save(sessionOf('c', 1));
    expect(store.health().state).toBe('ok');
    expect(infos.some((m) => /working again/.test(m))).toBe(true);
    expect(await store.get('c')).toBeDefined();
    await store.close();
  }, 30_000);

  it('a lock held past the busy timeout but released soon loses no write: the save is tried again after a pause', async () => {
    const file = path.join(tmp(), 'sessions.db');
    const { warnings, log } = recorder();
    const store = new SqliteSessionStore({ ...limits, file, log });
    await store.save(sessionOf('a', 1));
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    // Held 600 ms: longer than the store's busy timeout (250 ms), shorter than its pauses.
    const release = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec('ROLLBACK');
        other.close();
        resolve();
      }, 600),
    );
    // While the lock is held, the event loop still runs (the timer above fires during the save).
    await store.save(sessionOf('b', 2));
    await release;
    expect((await store.get('b'))!.turns).toHaveLength(4);
    expect(store.health().state).toBe('ok');
    expect(warnings).toEqual([]);
    await store.close();
  }, 30_000);

  it('imports the old SESSION_FILE once (bad records dropped), removes its .tmp leftovers', async () => {
    const dir = tmp();
    const json = path.join(dir, 'sessions.json');
    const now = 5_000_000;
    fs.writeFileSync(json, JSON.stringify({ version: 1, sessions: [{ ...sessionOf('old', 1), updatedAt: now }, { id: 'broken', turns: 'x' }] }));
    fs.writeFileSync(`${json}.1234.tmp`, 'partial');
    const { warnings, log } = recorder();
    const store = new SqliteSessionStore({ ...limits, file: path.join(dir, 'sessions.db'), now: () => now });
    expect(await importSessionFile(json, store, log, { ttlMs: 60_000, now: () => now })).toBe(1);
    expect((await store.get('old'))!.turns).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['sessions.db', 'sessions.db-shm', 'sessions.db-wal', 'sessions.json.imported']);
    await store.close();
  });
});

describe.skipIf(redisMissing)('RedisSessionStore', () => {
  it('sets the idle TTL on the key; with Redis gone get answers undefined and save is lost, health down then ok', async () => {
    const r = await startRedis();
    const { warnings, log } = recorder();
    const conn = new RedisConnection({ url: r.url, prefix: 'x:', log });
    await new Promise((res) => conn.client.once('ready', res));
    const store = new RedisSessionStore(conn, { maxTurns: 20, maxBytes: 64 * 1024, ttlMs: 60_000, log });
    await store.save(sessionOf('a', 1));
    const pttl = await conn.client.pttl('x:session:a');
    expect(pttl).toBeGreaterThan(50_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await r.kill();
    expect(await store.get('a')).toBeUndefined();
    await store.save(sessionOf('b', 1));
    expect(conn.health().state).toBe('down');
    expect(warnings).toHaveLength(1);
    await r.restart();
    // The client reconnects by itself (perhaps already during the restart).
    while (conn.health().state !== 'ok') await new Promise((res) => setTimeout(res, 50));
    await store.save(sessionOf('c', 1));
    expect(await store.get('c')).toBeDefined();
    await conn.close();
    await r.stop();
  });
});

describe.skipIf(redisMissing)('createState with REDIS_URL', () => {
  it('resolves only once the connection is ready, so the first request after start has Redis', async () => {
    const r = await startRedis();
    const { warnings, log } = recorder();
    const state = await createState(loadConfig({ REDIS_URL: r.url }), log);
    try {
      expect(state.dependencies.map((d) => [d.name, d.health().state])).toEqual([['redis', 'ok']]);
      await state.sessions.save(sessionOf('first', 1));
      expect(await state.sessions.get('first')).toBeDefined();
      expect(warnings).toEqual([]);
    } finally {
      await state.close();
      await r.stop();
    }
  });

  it('does not hold the start up beyond its wait when Redis is unreachable: degraded, one warning', async () => {
    const r = await startRedis();
    await r.stop(); // a port nothing listens on
    const { warnings, log } = recorder();
    const t0 = Date.now();
    const state = await createState(loadConfig({ REDIS_URL: r.url }), log);
    try {
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(state.dependencies[0]!.health().state).toBe('down');
      expect(warnings.filter((w) => /^redis not reachable/.test(w))).toHaveLength(1);
    } finally {
      await state.close();
    }
  });
});
