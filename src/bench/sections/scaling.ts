/**
 * POST /api/chat under load, in one run so that the ratios hold: WORKERS=1 and WORKERS=2, each
 * with in-memory state and with REDIS_URL set (a private redis-server on a free port; those rows
 * compare only once the server reads REDIS_URL: until then they say so and measure the same
 * server). Each configuration: a fresh server from dist/, a warm-up, autocannon with N
 * connections for D seconds (two halves of D/2, alternated A B B A) rotating the Korean and Chinese dev questions, then RSS of every
 * worker. With WORKERS=1, in memory, also GET /api/search and GET /healthz (the HTTP stack
 * alone), and with --profile a CPU profile of that server. Last, WORKERS=2 as `npm start` runs by
 * default (StateKind 'defaults'), against the in-memory row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { configSchema } from '../../config.js';
import { type LoadResult, mergeLoads, runLoad } from '../load.js';
import { startServer } from '../proc.js';
import { summariseProfile } from '../profile.js';
import { startRedis } from '../redis.js';
import { type BenchContext, type BenchRow, type BenchSection, fmt } from '../section.js';
import { serverEnv } from './env.js';

export const TARGETS = { scale: 1.5, p975Ms: 50, errors: 0, rssMb: 250, redisWithin: 0.15 };

/**
 * memory: per-process state, no rate limit; redis: REDIS_URL; defaults: what `npm start` runs on
 * one machine (the workers' sessions and bot claims in SQLite, the rate limit counted by the
 * cluster's primary over IPC, at a limit no client reaches), WORKERS=2 only.
 */
type StateKind = 'memory' | 'redis' | 'defaults';

interface RunResult {
  workers: number;
  state: StateKind;
  chat: LoadResult;
  rssMb: number[];
  exitCode: number | null;
}

const MB = 1024 * 1024;

function stateEnv(ctx: BenchContext, state: StateKind, redisUrl: string | undefined, tag: string): Record<string, string> {
  if (state === 'redis') return { REDIS_URL: redisUrl! };
  if (state === 'defaults') return { SESSION_DB: path.join(ctx.work, `sessions-${tag}.db`), RATE_LIMIT_PER_MINUTE: '1000000' };
  return { SESSION_STORE: 'memory' };
}

async function measure(ctx: BenchContext, workers: number, state: StateKind, redisUrl: string | undefined, rows: BenchRow[], round: number, durationSec: number): Promise<RunResult> {
  const tag = `w${workers}-${state}-${round}`;
  const profDir = path.join(ctx.work, 'profile');
  const profiling = ctx.profile && workers === 1 && state === 'memory' && round === 0;
  if (profiling) fs.rmSync(profDir, { recursive: true, force: true });
  const server = await startServer({
    root: ctx.root,
    // "In memory" is per-process memory with any number of workers (unset, a cluster's workers share SQLite).
    env: serverEnv(ctx.indexDir, { WORKERS: String(workers), ...stateEnv(ctx, state, redisUrl, tag) }),
    logFile: path.join(ctx.work, `server-${tag}.log`),
    ...(profiling ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {}),
  });
  const { bodies, queries } = ctx.questions;
  const c = ctx.connections;
  let chat: LoadResult;
  let rss: number[];
  let exitCode: number | null;
  try {
    await runLoad({ url: server.url, method: 'POST', paths: ['/api/chat'], bodies, connections: c, durationSec: ctx.quick ? 1 : 3 });
    ctx.say(`bench: POST /api/chat, WORKERS=${workers}, ${state}, ${c} connections, ${durationSec} s …`);
    chat = await runLoad({ url: server.url, method: 'POST', paths: ['/api/chat'], bodies, connections: c, durationSec });
    rss = server.rssPerWorker();
    if (workers === 1 && state === 'memory' && round === 0) {
      const sec = Math.max(3, Math.round(ctx.durationSec / 3));
      ctx.say(`bench: GET /api/search, ${sec} s; GET /healthz, ${sec} s …`);
      const search = await runLoad({ url: server.url, method: 'GET', paths: queries, connections: c, durationSec: sec });
      const health = await runLoad({ url: server.url, method: 'GET', paths: ['/healthz'], connections: c, durationSec: sec });
      ctx.results['search'] = search;
      ctx.results['health'] = health;
      rows.push(
        { metric: 'GET /api/search, WORKERS=1', value: `${fmt(search.rps, 0)} req/s, p50 ${fmt(search.latencyMs.p50)} ms, p97.5 ${fmt(search.latencyMs.p975)} ms, ${search.errors + search.non2xx} errors` },
        { metric: 'GET /healthz (HTTP stack alone), WORKERS=1', value: `${fmt(health.rps, 0)} req/s, p50 ${fmt(health.latencyMs.p50)} ms` },
      );
    }
  } finally {
    exitCode = await server.stop();
  }
  if (profiling) {
    const files = fs.existsSync(profDir) ? fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    const file = files.sort((a, b) => fs.statSync(path.join(profDir, b)).size - fs.statSync(path.join(profDir, a)).size)[0];
    if (file) {
      const prof = summariseProfile(path.join(profDir, file));
      ctx.results['profile'] = prof;
      for (const a of prof.byArea.slice(0, 8)) rows.push({ metric: `  CPU (WORKERS=1): ${a.area}`, value: `${fmt(a.share * 100, 1)}% (${fmt(a.ms, 0)} ms)` });
    }
  }
  return { workers, state, chat, rssMb: rss.map((b) => b / MB), exitCode };
}

export const scalingSection: BenchSection = {
  name: 'scaling',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const extra: BenchRow[] = [];
    const redisRead = 'REDIS_URL' in configSchema.shape;
    const redis = await startRedis();
    if (!redis) ctx.say('bench: redis-server is not installed: no REDIS_URL rows (apt-get install -y redis-server)');
    const runs: RunResult[] = [];
    try {
      // A B B A: each configuration in two halves, alternated, so that a machine getting
      // busier or quieter during the run does not favour one side of a ratio (--quick: A B).
      const rounds = ctx.quick ? [[1, 2]] : [[1, 2], [2, 1]];
      const half = ctx.quick ? ctx.durationSec : Math.max(1, Math.round(ctx.durationSec / 2));
      for (const state of ['memory', 'redis', 'defaults'] as const) {
        if (state === 'redis' && !redis) continue;
        const parts: RunResult[] = [];
        const only = (ws: number[]) => (state === 'defaults' ? ws.filter((w) => w === 2) : ws);
        for (const [round, order] of rounds.entries()) for (const workers of only(order)) parts.push(await measure(ctx, workers, state, state === 'redis' ? redis!.url : undefined, extra, round, half));
        for (const workers of only([1, 2])) {
          const mine = parts.filter((p) => p.workers === workers);
          runs.push({
            workers,
            state,
            chat: mergeLoads(mine.map((p) => p.chat)),
            // After the last load of this configuration.
            rssMb: mine.at(-1)!.rssMb,
            exitCode: mine.find((p) => p.exitCode !== 0)?.exitCode ?? 0,
          });
        }
      }
    } finally {
      await redis?.stop();
    }
    ctx.results['scaling'] = runs;
    const get = (w: number, s: string) => runs.find((r) => r.workers === w && r.state === s);
    for (const r of runs) {
      const l = r.chat.latencyMs;
      const errors = r.chat.errors + r.chat.non2xx;
      const maxRss = Math.max(...r.rssMb);
      const label = r.state === 'redis' && !redisRead ? 'REDIS_URL set (not read by this build)' : r.state === 'redis' ? 'REDIS_URL' : r.state === 'defaults' ? 'npm start defaults (SQLite, rate limit in the primary)' : 'in memory';
      rows.push({
        metric: `POST /api/chat, WORKERS=${r.workers}, ${label}`,
        value: `${fmt(r.chat.rps, 0)} req/s, p50 ${fmt(l.p50)} / p97.5 ${fmt(l.p975)} / p99 ${fmt(l.p99)} ms, ${errors} errors of ${r.chat.requests}, RSS/worker ${r.rssMb.map((m) => fmt(m, 0)).join(' + ')} MB`,
        target: `0 errors${r.workers === 2 ? `, p97.5 ≤ ${TARGETS.p975Ms} ms` : ''}, ≤ ${TARGETS.rssMb} MB`,
        ok: errors === TARGETS.errors && maxRss <= TARGETS.rssMb && (r.workers !== 2 || l.p975 <= TARGETS.p975Ms) && r.exitCode === 0,
      });
    }
    const w1 = get(1, 'memory');
    const w2 = get(2, 'memory');
    if (w1 && w2) {
      const ratio = w2.chat.rps / w1.chat.rps;
      rows.push({ metric: 'throughput WORKERS=2 / WORKERS=1 (in memory)', value: `${fmt(ratio, 2)}×`, target: `≥ ${TARGETS.scale}×`, ok: ratio >= TARGETS.scale });
    }
    for (const w of [1, 2]) {
      const m = get(w, 'memory');
      const r = get(w, 'redis');
      if (!m || !r) continue;
      const ratio = r.chat.rps / m.chat.rps;
      rows.push({
        metric: `throughput REDIS_URL / in memory, WORKERS=${w}`,
        value: `${fmt(ratio, 2)}×${redisRead ? '' : ' (same server: REDIS_URL is not read yet)'}`,
        target: `≥ ${fmt(1 - TARGETS.redisWithin, 2)}×`,
        ok: ratio >= 1 - TARGETS.redisWithin,
      });
    }
    const d = get(2, 'defaults');
    if (w2 && d) {
      const ratio = d.chat.rps / w2.chat.rps;
      rows.push({ metric: 'throughput npm start defaults / in memory, WORKERS=2', value: `${fmt(ratio, 2)}×`, target: `≥ ${fmt(1 - TARGETS.redisWithin, 2)}×`, ok: ratio >= 1 - TARGETS.redisWithin });
    }
    return [...rows, ...extra];
  },
};
