/**
 * Shared state through Redis, on REAL child processes (`src/cli/start.ts`) and a real
 * redis-server started on a free port by the test:
 * - two servers sharing one Redis continue one conversation across them and share one rate limit;
 * - Redis killed mid-conversation: answers keep coming (without history), /healthz says
 *   degraded (200), ONE warning per outage is logged, Redis restarted on the same port: the
 *   servers reconnect by themselves, /healthz ok, the conversation goes on; no crash.
 * And the SQLite store under kill -9: no temporary files, the conversation survives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Child, childEnv, runScript } from '../faults/helpers.js';
import { TEST_INDEX } from '../helpers/env.js';
import { startTestServer } from '../helpers/server.js';
import { type TestRedis, haveRedis, startRedis } from '../helpers/redis.js';
import { API_SESSION_ID } from '../../src/types.js';

const missing = !haveRedis();
if (missing && process.env['CI']) throw new Error('redis-server is required in CI (.ci/run installs it)');

const children: Child[] = [];
async function startServer(env: Record<string, string>): Promise<{ url: string; child: Child }> {
  const child = runScript('src/cli/start.ts', [], childEnv(TEST_INDEX, env));
  children.push(child);
  const ready = await child.waitForLine((l) => typeof l['msg'] === 'string' && l['msg'].startsWith('listening on '), 240_000);
  return { url: String(ready['url']).replace(/\/$/, ''), child };
}
const ask = async (url: string, body: unknown) => {
  const r = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as { sessionId: string; standaloneQuestion: string; found: boolean; answer: string; error?: { code: string } } };
};
const health = async (url: string) => (await fetch(`${url}/healthz`)).json() as Promise<{ status: string; dependencies: Record<string, string> }>;
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${timeoutMs} ms: ${what}`);
}
/** The warnings matching `msg` among lines [from, to) of the child's output (one outage). */
const warningLines = (c: Child, msg: RegExp, from = 0, to = c.stdout.length) =>
  c.stdout.slice(from, to).filter((l) => {
    try {
      const j = JSON.parse(l) as { level: number; msg: string };
      return j.level === 40 && msg.test(j.msg);
    } catch {
      return false;
    }
  });


afterAll(() => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
});

describe.skipIf(missing)('two server processes sharing one Redis', () => {
  let redis: TestRedis;
  let a: { url: string; child: Child };
  let b: { url: string; child: Child };
  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '8' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  }, 300_000);
  afterAll(async () => {
    for (const c of [a, b]) c?.child.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('continue one conversation across them and share one rate limit', async () => {
    // Both connected (a request before that would pass the limiter uncounted, by design).
    for (const srv of [a, b]) await until('redis connected', async () => (await health(srv.url)).status === 'ok');
    expect(await health(a.url)).toMatchObject({ status: 'ok', dependencies: { redis: 'ok' } });
    const first = await ask(a.url, { message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    expect(first.status).toBe(200);
    expect(first.body.sessionId).toMatch(API_SESSION_ID);
    // The follow-up lands on the other process, which knows the conversation.
    const second = await ask(b.url, { message: '그 회사의 출하량은?', sessionId: first.body.sessionId });
    expect(second.body.sessionId).toBe(first.body.sessionId);
    expect(second.body.standaloneQuestion).not.toBe('그 회사의 출하량은?');
    const read = await (await fetch(`${a.url}/api/sessions/${first.body.sessionId}`)).json();
    expect(read.turns.map((t: { question: string }) => t.question)).toEqual(['유니트리의 글로벌 사족 로봇 시장 점유율은?', '그 회사의 출하량은?']);
    // 2 requests so far (+1 GET) of 8 per minute, counted together: the next 5 pass, alternating
    // between the processes, and the one after is refused by either.
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask(i % 2 ? a.url : b.url, { message: '유니트리' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const over = await ask(b.url, { message: '유니트리' });
    expect(over.status).toBe(429);
    expect(over.body.error!.code).toBe('RATE_LIMITED');
    expect((await ask(a.url, { message: '유니트리' })).status).toBe(429);
  });

  it('while Redis is down the limit is not enforced (requests pass); after a restart it is again, on both', async () => {
    await redis.kill();
    for (let i = 0; i < 10; i++) expect((await ask(i % 2 ? a.url : b.url, { message: '유니트리' })).status).toBe(200);
    await redis.restart();
    for (const srv of [a, b]) await until('redis connected', async () => (await health(srv.url)).status === 'ok');
    // A fresh Redis: fresh counters (and no scripts loaded: the limiter loads them again).
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await ask(i % 2 ? a.url : b.url, { message: '유니트리' })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses[8]).toBe(429);
  });
});

describe.skipIf(missing)('Redis killed mid-conversation and restarted', () => {
  let redis: TestRedis;
  let a: { url: string; child: Child };
  beforeAll(async () => {
    redis = await startRedis();
    a = await startServer({ REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '1000' });
  }, 300_000);
  afterAll(async () => {
    a?.child.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('answers keep coming, /healthz degraded then ok, one warning per outage, no crash', async () => {
    const first = await ask(a.url, { message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    expect(first.status).toBe(200);
    const outage1 = a.child.stdout.length;
    // The server listened only once Redis was connected: the first request met no outage.
    expect(warningLines(a.child, /^redis is failing/, 0, outage1)).toEqual([]);
    await redis.kill();
    // Answered without history: the id is unknown to a store that cannot be reached, so a new session.
    for (let i = 0; i < 10; i++) {
      const r = await ask(a.url, { message: '그 회사의 출하량은?', sessionId: first.body.sessionId });
      expect(r.status).toBe(200);
      expect(typeof r.body.found).toBe('boolean');
    }
    const hr = await fetch(`${a.url}/healthz`);
    expect(hr.status).toBe(200);
    expect(await hr.json()).toMatchObject({ status: 'degraded', dependencies: { redis: 'down' } });
    expect(await (await fetch(`${a.url}/metrics`)).text()).toMatch(/^kic_dependency_up\{dependency="redis"\} 0$/m);
    // The lines themselves in the message, so that a failure shows what was logged.
    expect(warningLines(a.child, /^redis is failing/, outage1)).toHaveLength(1);

    await redis.restart();
    await until('/healthz ok again', async () => (await health(a.url)).status === 'ok');
    expect((await health(a.url)).dependencies).toEqual({ redis: 'ok' });
    const fresh = await ask(a.url, { message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    const follow = await ask(a.url, { message: '그 회사의 출하량은?', sessionId: fresh.body.sessionId });
    expect(follow.body.sessionId).toBe(fresh.body.sessionId);
    expect(follow.body.standaloneQuestion).not.toBe('그 회사의 출하량은?');

    // A second outage is warned about once more.
    const outage2 = a.child.stdout.length;
    await redis.kill();
    for (let i = 0; i < 3; i++) expect((await ask(a.url, { message: '유니트리' })).status).toBe(200);
    expect(warningLines(a.child, /^redis is failing/, outage2)).toHaveLength(1);
    expect(a.child.child.exitCode).toBeNull();
    expect(a.child.stderr.join('')).not.toMatch(/Unhandled|unhandledRejection/i);
  });
});

describe('the SQLite store under kill -9', () => {
  let child: Child | undefined;
  afterEach(() => {
    if (child?.child.exitCode === null) child.child.kill('SIGKILL');
  });

  it('leaves no temporary file and keeps the conversation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-kill-'));
    const db = path.join(dir, 'sessions.db');
    let s = await startServer({ SESSION_DB: db });
    child = s.child;
    const first = await ask(s.url, { message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    // Killed while requests are being answered and written.
    const inflight = Array.from({ length: 10 }, () => ask(s.url, { message: '유니트리의 점유율은?' }).catch(() => undefined));
    s.child.child.kill('SIGKILL');
    await s.child.exit;
    await Promise.all(inflight);
    expect(fs.readdirSync(dir).filter((f) => !/^sessions\.db(-wal|-shm)?$/.test(f))).toEqual([]);
    s = await startServer({ SESSION_DB: db });
    child = s.child;
    const next = await ask(s.url, { message: '그 회사의 출하량은?', sessionId: first.body.sessionId });
    expect(next.body.sessionId).toBe(first.body.sessionId);
    expect(await health(s.url)).toMatchObject({ status: 'ok', dependencies: { sessions: 'ok' } });
  }, 300_000);
});

describe.skipIf(missing)('a Redis that hangs (SIGSTOP: connected, answering nothing)', () => {
  it('questions are still answered, /healthz degraded; after SIGCONT ok again', async () => {
    const redis = await startRedis();
    const s = await startTestServer({ REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '1000' });
    try {
      await until('redis connected', async () => (await health(s.url)).status === 'ok');
      const first = await ask(s.url, { message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
      redis.pause();
      // Each command waits at most the command timeout, and after one timed out none is sent
      // for a while: these are answered (without history), none fails.
      for (let i = 0; i < 5; i++) {
        const r = await ask(s.url, { message: '그 회사의 출하량은?', sessionId: first.body.sessionId });
        expect(r.status).toBe(200);
      }
      expect(await health(s.url)).toMatchObject({ status: 'degraded', dependencies: { redis: 'down' } });
      redis.resume();
      await until('redis answering again', async () => {
        await ask(s.url, { message: '유니트리' });
        return (await health(s.url)).status === 'ok';
      });
      const again = await ask(s.url, { message: '그 회사의 출하량은?', sessionId: first.body.sessionId });
      expect(again.body.sessionId).toBe(first.body.sessionId);
    } finally {
      await s.close();
      await redis.stop();
    }
  });
});
