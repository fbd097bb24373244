/**
 * Session-store throughput (part of `npm run bench`; alone: `npm run bench -- --sessions-only`):
 * memory, SQLite (a temp file) and Redis (its own redis-server on a free loopback port, when
 * `redis-server` is installed), each driven as the chat drives it: one get and one save per
 * question, conversations growing to 10 exchanges. Two workloads: typical turns (a 60-character
 * question, an 800-character answer, 3 citations) and long ones (2,000-character questions:
 * the records hit SESSION_MAX_BYTES and are trimmed). A store's p99 per question is also how
 * long it can hold the event loop (SQLite is synchronous).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { HashedEmbedder } from '../embed/hashed.js';
import { createLogger } from '../logger.js';
import { createApp } from '../server/app.js';
import { createContext } from '../server/compose.js';
import { serve } from '../server/serve.js';
import { RedisConnection } from '../state/redis.js';
import { MemorySessionStore } from '../state/sessions-memory.js';
import { RedisSessionStore } from '../state/sessions-redis.js';
import { SqliteSessionStore } from '../state/sessions-sqlite.js';
import type { Citation, Session, SessionStore } from '../types.js';
import { quantile } from '../util/stats.js';

export interface SessionBenchRow {
  store: string;
  workload: string;
  questions: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Bytes stored at the end (memory, SQLite). */
  storedBytes?: number;
}

export interface HealthUnderLoadRow {
  store: string;
  sessions: number;
  keptSessions: number;
  storedBytes: number;
  healthzP50Ms: number;
  healthzP99Ms: number;
  healthzMaxMs: number;
  /** Growth of this process's RSS while the sessions were written. */
  rssGrowthBytes: number;
}

export interface SessionBenchResult {
  rows: SessionBenchRow[];
  /** /healthz of a real server (HTTP on loopback) while 5,000 long sessions are written to its store. */
  health: HealthUnderLoadRow[];
  notes: string[];
}

const LIMITS = { maxTurns: 20, maxBytes: 64 * 1024, ttlMs: 3_600_000, maxSessions: 10_000, maxTotalBytes: 128 * 1024 * 1024 };

const citation = (i: number): Citation => ({
  id: i,
  section: '산업 분석',
  article: { number: '01', title: '구현 지능 산업 심층 분석' },
  heading: '시장 규모',
  page: 9,
  quote: '2023년 기준 유니트리는 글로벌 사족 로봇 시장에서 69.75%의 점유율로 1위를 차지했다. '.repeat(3),
  source: { title: '후이보즈쉰(慧博资讯). 구현 지능 산업 심층 분석', url: 'https://example.com/report' },
  chunkId: `r:trend-01:${i}`,
  articleId: 'trend-01',
});

function workload(questionChars: number) {
  const q = '유니트리의 글로벌 사족 로봇 시장 점유율과 출하량 전망은 무엇인가요? '.repeat(Math.ceil(questionChars / 30)).slice(0, questionChars);
  const answer = '보고서에 따르면 유니트리는 69.75%의 점유율로 1위입니다 [1]. '.repeat(20).slice(0, 800);
  return (s: Session, n: number): Session => ({
    ...s,
    turns: [
      ...s.turns,
      { role: 'user', content: q, standalone: q, at: n },
      { role: 'assistant', content: answer.slice(0, 400), answer, articleIds: ['r:trend-01'], citations: [citation(1), citation(2), citation(3)], at: n },
    ],
  });
}

async function drive(store: SessionStore, questionChars: number, sessions: number, turns: number): Promise<Omit<SessionBenchRow, 'store' | 'workload'>> {
  const next = workload(questionChars);
  const lat: number[] = [];
  const t0 = performance.now();
  // Interleaved: turn t of every conversation, then turn t+1, as concurrent users would.
  for (let t = 0; t < turns; t++) {
    for (let i = 0; i < sessions; i++) {
      const id = `s_bench${String(i).padStart(17, '0')}`;
      const a = performance.now();
      const s = (await store.get(id)) ?? { id, turns: [], createdAt: t, updatedAt: t };
      await store.save(next(s, t));
      lat.push(performance.now() - a);
    }
  }
  const total = performance.now() - t0;
  const sorted = lat.sort((x, y) => x - y);
  return { questions: lat.length, perSecond: (lat.length / total) * 1000, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), maxMs: sorted.at(-1)! };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startRedis(): Promise<{ url: string; proc: ChildProcess } | undefined> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  return { url: `redis://127.0.0.1:${port}`, proc };
}

/** A long conversation: 10 exchanges of 2,000-character questions (records hit SESSION_MAX_BYTES). */
function longSession(i: number): Session {
  const next = workload(2000);
  let s: Session = { id: `s_long${String(i).padStart(18, '0')}`, turns: [], createdAt: 0, updatedAt: 0 };
  for (let t = 0; t < 10; t++) s = next(s, t);
  return s;
}

/**
 * The real server (this process, HTTP on loopback) with the given store configuration; while
 * `count` long sessions are written to its store (one save per session, yielding to the event
 * loop between them as separate requests would), /healthz is requested back to back.
 */
async function healthWhilePersisting(config: Config, store: string, count: number): Promise<HealthUnderLoadRow> {
  const ctx = await createContext(config, { logger: createLogger('silent'), embedder: new HashedEmbedder() });
  const server = await serve(createApp(ctx), ctx, { host: '127.0.0.1', port: 0, signals: false });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  const rss0 = process.memoryUsage().rss;
  const lat: number[] = [];
  let filling = true;
  const probe = (async () => {
    while (filling) {
      const t0 = performance.now();
      await (await fetch(url)).arrayBuffer();
      lat.push(performance.now() - t0);
    }
  })();
  const sessions = [longSession(0), longSession(1)];
  for (let i = 0; i < count; i++) {
    await ctx.sessions.save({ ...sessions[i % 2]!, id: `s_long${String(i).padStart(18, '0')}` });
    await new Promise((r) => setImmediate(r));
  }
  filling = false;
  await probe;
  const rssGrowthBytes = process.memoryUsage().rss - rss0;
  const st = ctx.sessions as unknown as { size?: number; bytes?: number; stats?: () => { sessions: number; bytes: number } };
  const kept = st.stats ? st.stats() : { sessions: st.size ?? 0, bytes: st.bytes ?? 0 };
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await ctx.closeState?.();
  const sorted = lat.sort((a, b) => a - b);
  return {
    store,
    sessions: count,
    keptSessions: kept.sessions,
    storedBytes: kept.bytes,
    healthzP50Ms: quantile(sorted, 0.5),
    healthzP99Ms: quantile(sorted, 0.99),
    healthzMaxMs: sorted.at(-1) ?? 0,
    rssGrowthBytes,
  };
}

export async function benchSessions(opts: { sessions?: number; turns?: number; config?: Config } = {}): Promise<SessionBenchResult> {
  const sessions = opts.sessions ?? 1000;
  const turns = opts.turns ?? 10;
  const rows: SessionBenchRow[] = [];
  const health: HealthUnderLoadRow[] = [];
  const notes: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-bench-sessions-'));
  const redis = await startRedis();
  if (!redis) notes.push('redis-server is not installed: the Redis store was not measured');
  try {
    for (const [workloadName, chars] of [
      ['typical turns', 60],
      ['2,000-char questions', 2000],
    ] as const) {
      const memory = new MemorySessionStore(LIMITS);
      rows.push({ store: 'memory', workload: workloadName, ...(await drive(memory, chars, sessions, turns)), storedBytes: memory.bytes });
      const sqlite = new SqliteSessionStore({ ...LIMITS, file: path.join(dir, `${chars}.db`) });
      rows.push({ store: 'sqlite', workload: workloadName, ...(await drive(sqlite, chars, sessions, turns)), storedBytes: sqlite.stats().bytes });
      await sqlite.close();
      if (redis) {
        const conn = new RedisConnection({ url: redis.url, prefix: `bench${chars}:` });
        await new Promise<void>((resolve, reject) => {
          conn.client.once('ready', () => resolve());
          setTimeout(() => reject(new Error('redis-server did not start')), 10_000).unref();
        });
        rows.push({ store: 'redis', workload: workloadName, ...(await drive(new RedisSessionStore(conn, LIMITS), chars, sessions, turns)) });
        await conn.close();
      }
    }
    if (opts.config) {
      const base = { ...opts.config, SESSION_STORE: undefined, SESSION_FILE: undefined, REDIS_URL: undefined, RATE_LIMIT_PER_MINUTE: 0, LOG_LEVEL: 'silent' as const };
      health.push(await healthWhilePersisting({ ...base, SESSION_STORE: 'memory' }, 'memory', 5_000));
      health.push(await healthWhilePersisting({ ...base, SESSION_STORE: 'sqlite', SESSION_DB: path.join(dir, 'server.db') }, 'sqlite', 5_000));
    }
  } finally {
    redis?.proc.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  notes.unshift(`${sessions} conversations × ${turns} questions each (one get + one save per question), SESSION_MAX_BYTES 64 KiB`);
  return { rows, health, notes };
}

export function formatSessionBench(r: SessionBenchResult): string[] {
  const f = (n: number, d = 1) => n.toFixed(d);
  const mib = (b: number) => f(b / 2 ** 20);
  const health = r.health.map(
    (h) =>
      `  ${h.store.padEnd(7)} ${h.sessions} long sessions written, ${h.keptSessions} kept (${mib(h.storedBytes)} MiB, SESSIONS_MAX_BYTES bound): /healthz p50 ${f(h.healthzP50Ms)} ms  p99 ${f(h.healthzP99Ms)} ms  max ${f(h.healthzMaxMs)} ms; RSS +${mib(h.rssGrowthBytes)} MiB`,
  );
  return [
    ...(health.length ? ['/healthz of the server while 5,000 long sessions (10 × 2,000-char questions) are persisted:', ...health, ''] : []),
    `Session stores (${r.notes.join('; ')}):`,
    ...r.rows.map(
      (x) =>
        `  ${x.store.padEnd(7)} ${x.workload.padEnd(21)} ${f(x.perSecond, 0).padStart(7)} questions/s  p50 ${f(x.p50Ms, 3)} ms  p99 ${f(x.p99Ms, 3)} ms  max ${f(x.maxMs, 1)} ms${x.storedBytes === undefined ? '' : `  stored ${f(x.storedBytes / 2 ** 20)} MiB`}`,
    ),
  ];
}
