/**
 * 5,000 long sessions (10 exchanges of 2,000-character Korean questions each: the probe that
 * took main to 3.16 GB RSS and stalled /healthz for seconds) held by the real server, memory
 * store and SQLite store (real file): the stores stay within SESSIONS_MAX_BYTES, the process's
 * RSS grows by less than that bound plus a stated allowance, and /healthz keeps answering while
 * sessions are written. Latency figures are printed (the bench measures them properly, `npm run
 * bench`); the only latency check is a generous sanity ceiling against stalls of seconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quantile } from '../../src/util/stats.js';
import { SqliteSessionStore } from '../../src/state/sessions-sqlite.js';
import { MemorySessionStore } from '../../src/state/sessions-memory.js';
import type { Session } from '../../src/types.js';
import { type TestServer, startTestServer } from '../helpers/server.js';
import { citation } from './sessions.contract.js';

const SESSIONS = 5_000;
const TOTAL = 32 * 1024 * 1024;
/** Heap and allocator slack on top of the stored bytes (JSON encoding garbage, V8 heap growth). */
const ALLOWANCE = 200 * 1024 * 1024;

const longSession = (i: number): Session => {
  const q = `${i} ${'유니트리의 글로벌 사족 로봇 시장 점유율과 출하량 전망은 '.repeat(80)}`.slice(0, 2000);
  const turns = Array.from({ length: 10 }, (_, t) => [
    { role: 'user' as const, content: q, standalone: q, at: t },
    { role: 'assistant' as const, content: `답 ${t} `.repeat(60), answer: `답 ${t} `.repeat(400), articleIds: ['r:trend-01'], citations: [citation(1, '인용 '.repeat(200))], at: t },
  ]).flat();
  return { id: `s_${String(i).padStart(22, '0')}`, turns, createdAt: 0, updatedAt: 0 };
};

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function fillWhileProbing(srv: TestServer): Promise<{ p50: number; p99: number; max: number; rssGrowth: number }> {
  const rss0 = process.memoryUsage().rss;
  const lat: number[] = [];
  let filling = true;
  const probe = (async () => {
    while (filling) {
      const t0 = performance.now();
      const r = await fetch(`${srv.url}/healthz`);
      await r.arrayBuffer();
      lat.push(performance.now() - t0);
    }
  })();
  // The server's own store, written as the chat writes it (one save per session), yielding to
  // the event loop between saves as separate requests would.
  for (let i = 0; i < SESSIONS; i++) {
    await srv.ctx.sessions.save(longSession(i));
    await new Promise((r) => setImmediate(r));
  }
  // And real questions, long ones, persisted with the rest.
  for (let i = 0; i < 5; i++) {
    const r = await fetch(`${srv.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: longSession(i).turns[0]!.content }) });
    expect(r.status).toBe(200);
  }
  filling = false;
  await probe;
  const sorted = [...lat].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1)!, rssGrowth: process.memoryUsage().rss - rss0 };
}

describe('5,000 long sessions', () => {
  it('memory store: bytes within SESSIONS_MAX_BYTES, RSS growth bounded, /healthz answering', async () => {
    s = await startTestServer({ SESSIONS_MAX_BYTES: String(TOTAL) });
    const m = await fillWhileProbing(s);
    const store = s.ctx.sessions as MemorySessionStore;
    console.log(`memory store: ${store.size} sessions kept, ${(store.bytes / 2 ** 20).toFixed(1)} MiB; RSS +${(m.rssGrowth / 2 ** 20).toFixed(0)} MiB; /healthz p50 ${m.p50.toFixed(1)} ms p99 ${m.p99.toFixed(1)} ms max ${m.max.toFixed(1)} ms`);
    expect(store.bytes).toBeLessThanOrEqual(TOTAL);
    expect(store.size).toBeGreaterThan(100);
    expect(m.rssGrowth).toBeLessThan(TOTAL + ALLOWANCE);
    expect(m.p99).toBeLessThan(1_000);
    // The newest session is whole within its own bound; the oldest are gone.
    expect(await s.ctx.sessions.get(longSession(0).id)).toBeUndefined();
    expect((await s.ctx.sessions.get(longSession(SESSIONS - 1).id))!.turns.length).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it('SQLite store (real file): the database stays within SESSIONS_MAX_BYTES, RSS growth bounded, /healthz answering', async () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kic-bounds-')), 'sessions.db');
    s = await startTestServer({ SESSION_DB: db, SESSIONS_MAX_BYTES: String(TOTAL) });
    const m = await fillWhileProbing(s);
    const stats = (s.ctx.sessions as SqliteSessionStore).stats();
    console.log(`sqlite store: ${stats.sessions} sessions kept, ${(stats.bytes / 2 ** 20).toFixed(1)} MiB; RSS +${(m.rssGrowth / 2 ** 20).toFixed(0)} MiB; /healthz p50 ${m.p50.toFixed(1)} ms p99 ${m.p99.toFixed(1)} ms max ${m.max.toFixed(1)} ms`);
    expect(stats.bytes).toBeLessThanOrEqual(TOTAL);
    expect(stats.sessions).toBeGreaterThan(100);
    expect(m.rssGrowth).toBeLessThan(TOTAL + ALLOWANCE);
    expect(m.p99).toBeLessThan(1_000);
    expect((await fetch(`${s.url}/healthz`).then((r) => r.json())).dependencies).toEqual({ sessions: 'ok' });
  }, 300_000);
});
