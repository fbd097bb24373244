/**
 * The bots' per-user limit in the SQLite file a cluster's workers share (src/state/bot-limit-sqlite.ts)
 * and in Redis (src/state/bot-limit-redis.ts): two limiters on one file or one Redis (two workers,
 * two machines) count one window per user; a failing file or Redis lets messages through.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BotLimiter } from '../../src/bots/guard.js';
import { loadConfig } from '../../src/config.js';
import { RedisBotLimiter } from '../../src/state/bot-limit-redis.js';
import { SqliteBotLimiter } from '../../src/state/bot-limit-sqlite.js';
import { silentLog } from '../../src/state/health.js';
import { createState } from '../../src/state/index.js';
import { RedisConnection } from '../../src/state/redis.js';
import { type TestRedis, haveRedis, startRedis } from '../helpers/redis.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-botlimit-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('SqliteBotLimiter', () => {
  it('counts one window per user across two limiters on one file, as the in-memory one does in one process', () => {
    let now = 1_000;
    const file = path.join(tmp(), 'sessions.db');
    const a = new SqliteBotLimiter({ file, perMinute: 2, now: () => now });
    const b = new SqliteBotLimiter({ file, perMinute: 2, now: () => now });
    const mem = new BotLimiter({ perMinute: 2, now: () => now });
    const shared = [a.check('telegram:1'), b.check('telegram:1'), a.check('telegram:1'), b.check('telegram:1')];
    const single = [mem.check('telegram:1'), mem.check('telegram:1'), mem.check('telegram:1'), mem.check('telegram:1')];
    expect(shared).toEqual(['ok', 'ok', 'first-refusal', 'refused']);
    expect(shared).toEqual(single);
    // Another user has a window of its own; the next minute starts over.
    expect(b.check('slack:U2')).toBe('ok');
    now += 60_000;
    expect(b.check('telegram:1')).toBe('ok');
    a.close();
    b.close();
  });

  it('lets messages through when the file cannot be opened, and does nothing at 0', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'sessions.db'));
    const broken = new SqliteBotLimiter({ file: path.join(dir, 'sessions.db'), perMinute: 1, now: () => 0 });
    expect([broken.check('k'), broken.check('k'), broken.check('k')]).toEqual(['ok', 'ok', 'ok']);
    broken.close();
    const off = new SqliteBotLimiter({ file: path.join(tmp(), 'sessions.db'), perMinute: 0, now: () => 0 });
    expect([off.check('k'), off.check('k')]).toEqual(['ok', 'ok']);
    off.close();
  });
});

const redisMissing = !haveRedis();

describe.skipIf(redisMissing)('RedisBotLimiter (a real redis-server)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const ready = (c: RedisConnection) => new Promise<void>((r) => (c.health().state === 'ok' ? r() : c.client.once('ready', () => r())));

  it('counts one window per user for two processes (two connections), as the in-memory one does in one', async () => {
    const c1 = new RedisConnection({ url: redis.url, prefix: 'bl1:' });
    const c2 = new RedisConnection({ url: redis.url, prefix: 'bl1:' });
    await Promise.all([ready(c1), ready(c2)]);
    const a = new RedisBotLimiter(c1, { perMinute: 2 });
    const b = new RedisBotLimiter(c2, { perMinute: 2 });
    const shared = [await a.check('telegram:1'), await b.check('telegram:1'), await a.check('telegram:1'), await b.check('telegram:1')];
    expect(shared).toEqual(['ok', 'ok', 'first-refusal', 'refused']);
    expect(await b.check('slack:U2')).toBe('ok');
    // The window is the user's first message plus a minute, on Redis's clock: every counter expires.
    const ttl = await c1.client.pttl('bl1:botlimit:telegram:1');
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Concurrent checks from both: exactly perMinute pass, one is told.
    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).check('kakao:many')));
    expect(many.filter((v) => v === 'ok')).toHaveLength(2);
    expect(many.filter((v) => v === 'first-refusal')).toHaveLength(1);
    await c1.close();
    await c2.close();
  });

  it('with REDIS_URL the state gives every process the Redis limiter (createState twice: two servers)', async () => {
    const config = loadConfig({ REDIS_URL: redis.url, REDIS_PREFIX: 'bl2:' });
    const s1 = await createState(config, silentLog);
    const s2 = await createState(config, silentLog);
    const l1 = s1.botLimiter!({ perMinute: 1, now: Date.now });
    const l2 = s2.botLimiter!({ perMinute: 1, now: Date.now });
    expect([await l1.check('wecom:u'), await l2.check('wecom:u'), await l1.check('wecom:u')]).toEqual(['ok', 'first-refusal', 'refused']);
    await s1.close();
    await s2.close();
  });

  it('lets messages through while Redis is down and reports the connection down; does nothing at 0', async () => {
    const r = await startRedis();
    const c = new RedisConnection({ url: r.url, prefix: 'bl3:' });
    await ready(c);
    const limiter = new RedisBotLimiter(c, { perMinute: 1 });
    expect(await limiter.check('k')).toBe('ok');
    await r.kill();
    expect([await limiter.check('k'), await limiter.check('k')]).toEqual(['ok', 'ok']);
    expect(c.health().state).toBe('down');
    await c.close();
    const c0 = new RedisConnection({ url: redis.url, prefix: 'bl4:' });
    await ready(c0);
    const off = new RedisBotLimiter(c0, { perMinute: 0 });
    expect([await off.check('k'), await off.check('k')]).toEqual(['ok', 'ok']);
    expect(await c0.client.exists('bl4:botlimit:k')).toBe(0);
    await c0.close();
  });
});
