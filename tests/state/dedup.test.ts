/**
 * The DedupStore contract against the in-memory store, the SQLite one (two connections on one
 * file, as two workers) and the Redis one (a real redis-server):
 * a key is claimed once within its TTL, even by concurrent claims (and, for Redis, by claims from
 * two connections, as two processes would), a release gives it back, expiry frees it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryDedupStore } from '../../src/state/dedup.js';
import { RedisDedupStore } from '../../src/state/dedup-redis.js';
import { SqliteDedupStore } from '../../src/state/dedup-sqlite.js';
import { SqliteSessionStore } from '../../src/state/sessions-sqlite.js';
import { RedisConnection } from '../../src/state/redis.js';
import type { DedupStore } from '../../src/types.js';
import { type TestRedis, haveRedis, startRedis } from '../helpers/redis.js';

interface DedupUnderTest {
  /** Two handles on one shared store (two processes); the same object for a per-process store. */
  a: DedupStore;
  b: DedupStore;
  /** Lets `ms` pass for the store. */
  advance(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

function dedupContract(name: string, make: () => Promise<DedupUnderTest>, skip = false): void {
  describe.skipIf(skip)(`DedupStore contract: ${name}`, () => {
    it('claims a key once; other keys are independent; release gives it back', async () => {
      const s = await make();
      expect(await s.a.claim('telegram:1', 60_000)).toBe(true);
      expect(await s.a.claim('telegram:1', 60_000)).toBe(false);
      expect(await s.b.claim('telegram:1', 60_000)).toBe(false);
      expect(await s.b.claim('telegram:2', 60_000)).toBe(true);
      await s.a.release('telegram:1');
      expect(await s.b.claim('telegram:1', 60_000)).toBe(true);
      await s.cleanup();
    });

    it('exactly one of many concurrent claims wins', async () => {
      const s = await make();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? s.a : s.b).claim('slack:Ev1', 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      await s.cleanup();
    });

    it('a claim expires after its TTL', async () => {
      const s = await make();
      expect(await s.a.claim('kakao:x', 100)).toBe(true);
      expect(await s.a.claim('kakao:x', 100)).toBe(false);
      await s.advance(250);
      expect(await s.b.claim('kakao:x', 100)).toBe(true);
      await s.cleanup();
    });
  });
}

dedupContract('memory', async () => {
  let now = 1_000;
  const store = new MemoryDedupStore({ now: () => now });
  return { a: store, b: store, advance: async (ms) => void (now += ms), cleanup: async () => {} };
});

const missing = !haveRedis();
let redis: TestRedis | undefined;
beforeAll(async () => {
  if (!missing) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
let n = 0;
const ready = (c: RedisConnection) => new Promise<void>((r) => (c.health().state === 'ok' ? r() : c.client.once('ready', () => r())));

dedupContract(
  'redis',
  async () => {
    const prefix = `d${++n}:`;
    const c1 = new RedisConnection({ url: redis!.url, prefix });
    const c2 = new RedisConnection({ url: redis!.url, prefix });
    await Promise.all([ready(c1), ready(c2)]);
    return {
      a: new RedisDedupStore(c1),
      b: new RedisDedupStore(c2),
      // Redis expires keys on its own clock.
      advance: (ms) => new Promise((r) => setTimeout(r, ms)),
      cleanup: async () => {
        await c1.close();
        await c2.close();
      },
    };
  },
  missing,
);

describe.skipIf(missing)('RedisDedupStore with Redis down', () => {
  it('grants the claim (answer rather than drop) and reports the connection down', async () => {
    const r = await startRedis();
    const c = new RedisConnection({ url: r.url, prefix: 'z:' });
    await ready(c);
    const store = new RedisDedupStore(c);
    await r.kill();
    expect(await store.claim('k', 60_000)).toBe(true);
    expect(c.health().state).toBe('down');
    await store.release('k');
    await c.close();
  });
});

// Two stores on one file are two connections, as two workers of one machine have.
dedupContract('sqlite', async () => {
  let now = 1_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-dedup-'));
  const file = path.join(dir, 'sessions.db');
  const a = new SqliteDedupStore({ file, now: () => now });
  const b = new SqliteDedupStore({ file, now: () => now });
  return {
    a,
    b,
    advance: async (ms) => void (now += ms),
    cleanup: async () => {
      await a.close();
      await b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteDedupStore', () => {
  it('shares the file with the session store: both keep working, and the sessions schema is left alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-dedup-'));
    const file = path.join(dir, 'sessions.db');
    const sessions = new SqliteSessionStore({ file, ttlMs: 60_000, maxSessions: 10, maxTotalBytes: 1 << 20, maxTurns: 10, maxBytes: 65_536 });
    const dedup = new SqliteDedupStore({ file });
    expect(await dedup.claim('feishu:om_1', 60_000)).toBe(true);
    await sessions.save({ id: 's_1', turns: [{ role: 'user', content: 'q', at: 1 }], createdAt: 1, updatedAt: 1 });
    expect((await sessions.get('s_1'))?.turns).toHaveLength(1);
    expect(await dedup.claim('feishu:om_1', 60_000)).toBe(false);
    expect(sessions.health().state).toBe('ok');
    await sessions.close();
    await dedup.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('grants the claim when the database cannot be opened (answer rather than drop)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-dedup-'));
    // A directory where the file should be.
    fs.mkdirSync(path.join(dir, 'sessions.db'));
    const store = new SqliteDedupStore({ file: path.join(dir, 'sessions.db') });
    expect(await store.claim('k', 60_000)).toBe(true);
    expect(await store.claim('k', 60_000)).toBe(true);
    await store.release('k');
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a claim that meets a lock held past the busy timeout waits for it: a retried delivery stays a duplicate', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-dedup-'));
    const file = path.join(dir, 'sessions.db');
    const store = new SqliteDedupStore({ file });
    expect(await store.claim('k', 60_000)).toBe(true);
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    setTimeout(() => {
      other.exec('ROLLBACK');
      other.close();
    }, 600);
    // Given up at the lock, the claim would be granted (true) and the webhook answered twice.
    expect(await store.claim('k', 60_000)).toBe(false);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('keeps at most `max` claims: expired ones are swept, then the soonest to expire', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      let now = 1_000;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-dedup-'));
      const store = new SqliteDedupStore({ file: path.join(dir, 'sessions.db'), max: 5, now: () => now });
      for (let i = 0; i < 8; i++) await store.claim(`old:${i}`, 10);
      for (let i = 0; i < 8; i++) await store.claim(`new:${i}`, 60_000 + i);
      now += 100;
      vi.advanceTimersByTime(60_000);
      expect(store.size()).toBe(5);
      // The latest to expire are kept.
      expect(await store.claim('new:7', 60_000)).toBe(false);
      expect(await store.claim('new:0', 60_000)).toBe(true);
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
