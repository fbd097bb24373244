/**
 * `npm run bench [-- --duration=30 --connections=20 --profile]`: the server's figures on this
 * machine, next to their targets.
 *
 * 1. Builds (when stale) a dedicated index with the built-in embedder in .tmp/bench-index.
 * 2. Full ingest time: `src/cli/ingest.ts --force` into a fresh temp folder, wall clock.
 * 3. Start-to-ready: spawns `node --import tsx src/cli/start.ts` on the built index and times
 *    it until /healthz answers (median of 3 starts).
 * 4. Load: the server as a child process on a free loopback port (API_KEYS unset,
 *    RATE_LIMIT_PER_MINUTE=0, extractive answerer, default LOG_LEVEL to a file), autocannon
 *    with N connections for D seconds on POST /api/chat, rotating the Korean and Chinese
 *    questions of eval/dev.jsonl; then GET /api/search for D/3 seconds, and GET /healthz for
 *    5 s (the HTTP stack alone: every middleware, no retrieval).
 * 5. Peak RSS of the server process (VmHWM) over the whole load.
 * 6. Per-stage timings of a question in this process (analysis, embedding, each index, fusion,
 *    answer, chat service, JSON), to show where a request's time goes.
 * With --profile the load server runs under --cpu-prof and the bench prints where its CPU
 * time went (by area and by function). Results also go to bench-results/latest.json.
 *
 * Loopback only: the bench never sends load anywhere but 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadResult, runLoad } from '../bench/load.js';
import { startServer, timeScript } from '../bench/proc.js';
import { type ProfileSummary, summariseProfile } from '../bench/profile.js';
import { benchSessions, formatSessionBench } from '../bench/sessions.js';
import { type StageTiming, stageTimings } from '../bench/stages.js';
import { loadConfig } from '../config.js';
import { HashedEmbedder } from '../embed/hashed.js';
import { createLogger } from '../logger.js';
import { createContext, prepareIndex } from '../server/compose.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = path.join(ROOT, '.tmp', 'bench');
const INDEX_DIR = path.join(ROOT, '.tmp', 'bench-index');

const TARGETS = { chatRps: 400, chatP95Ms: 50, errors: 0, peakRssMb: 300, readyMs: 1500 };

function flag(name: string, def: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got ${raw})`);
  return n;
}

/** The server's environment: built-in embedder, no keys, no rate limit, extractive answers. */
function serverEnv(indexDir: string): Record<string, string> {
  return {
    INDEX_DIR: indexDir,
    MODEL: 'hashed',
    API_KEYS: '',
    RATE_LIMIT_PER_MINUTE: '0',
    LLM_BASE_URL: '',
    SESSION_FILE: '',
    SESSION_STORE: '',
    SESSION_DB: '',
    REDIS_URL: '',
    CORS_ORIGINS: '',
    LOG_LEVEL: process.env['LOG_LEVEL'] || 'info',
  };
}

function questions(): { bodies: string[]; queries: string[]; ko: number; zh: number } {
  const rows = fs
    .readFileSync(path.join(ROOT, 'eval', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { lang: string; question: string });
  const picked = rows.filter((r) => r.lang === 'ko' || r.lang === 'zh');
  return {
    bodies: picked.map((r) => JSON.stringify({ message: r.question })),
    queries: picked.map((r) => `/api/search?k=5&q=${encodeURIComponent(r.question)}`),
    ko: picked.filter((r) => r.lang === 'ko').length,
    zh: picked.filter((r) => r.lang === 'zh').length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'ok' : 'MISSED');

async function main(): Promise<void> {
  const durationSec = flag('duration', 30);
  const connections = flag('connections', 20);
  const profile = process.argv.includes('--profile');
  fs.mkdirSync(WORK, { recursive: true });
  const say = (s: string) => process.stderr.write(`${s}\n`);
  if (process.argv.includes('--sessions-only')) {
    const config = loadConfig({ ...process.env, ...serverEnv(INDEX_DIR) }, ROOT);
    await prepareIndex(config, new HashedEmbedder(), createLogger('warn', process.stderr));
    console.log(formatSessionBench(await benchSessions({ config })).join('\n'));
    return;
  }

  say(`bench: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`);

  // 1. The bench index (built when missing or stale; not timed).
  say('bench: preparing the index in .tmp/bench-index …');
  const config = loadConfig({ ...process.env, ...serverEnv(INDEX_DIR) }, ROOT);
  const index = await prepareIndex(config, new HashedEmbedder(), createLogger('warn', process.stderr));
  const facts = { chunks: index.manifest.counts.chunks, articles: index.manifest.counts.articles, embedder: index.manifest.embedder.id };

  // 2. Full ingest time, forced, into a fresh folder.
  say('bench: timing a full ingest (npm run ingest -- --force) …');
  const ingestDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-bench-ingest-'));
  const ingest = await timeScript(ROOT, 'src/cli/ingest.ts', ['--force'], { ...serverEnv(ingestDir), LOG_LEVEL: 'warn' }, path.join(WORK, 'ingest.log'));
  fs.rmSync(ingestDir, { recursive: true, force: true });
  if (ingest.code !== 0) say(`bench: ingest exited ${ingest.code} (see .tmp/bench/ingest.log)`);

  // 3. Start-to-ready on the built index.
  say('bench: timing start-to-ready (3 starts) …');
  const readies: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await startServer({ root: ROOT, env: serverEnv(INDEX_DIR), logFile: path.join(WORK, `ready-${i}.log`) });
    readies.push(s.readyMs);
    await s.stop();
  }

  // 4. Load.
  const q = questions();
  const profDir = path.join(WORK, 'profile');
  if (profile) fs.rmSync(profDir, { recursive: true, force: true });
  const server = await startServer({
    root: ROOT,
    env: serverEnv(INDEX_DIR),
    logFile: path.join(WORK, 'server.log'),
    ...(profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {}),
  });
  let chat: LoadResult;
  let search: LoadResult;
  let health: LoadResult;
  let peakRss: number | undefined;
  let exitCode: number | null;
  try {
    // A short warm-up (JIT, caches), not counted.
    say('bench: warm-up 3 s …');
    await runLoad({ url: server.url, method: 'POST', paths: ['/api/chat'], bodies: q.bodies, connections, durationSec: 3 });
    say(`bench: POST /api/chat, ${connections} connections, ${durationSec} s, ${q.bodies.length} questions (${q.ko} ko, ${q.zh} zh) rotated …`);
    chat = await runLoad({ url: server.url, method: 'POST', paths: ['/api/chat'], bodies: q.bodies, connections, durationSec });
    const searchSec = Math.max(5, Math.round(durationSec / 3));
    say(`bench: GET /api/search, ${connections} connections, ${searchSec} s …`);
    search = await runLoad({ url: server.url, method: 'GET', paths: q.queries, connections, durationSec: searchSec });
    // The HTTP stack alone (every middleware, no retrieval): what the server's own layer costs.
    say(`bench: GET /healthz (HTTP stack alone), ${connections} connections, 5 s …`);
    health = await runLoad({ url: server.url, method: 'GET', paths: ['/healthz'], connections, durationSec: 5 });
    peakRss = server.peakRss();
  } finally {
    exitCode = await server.stop();
  }
  // 6. Where a question's CPU time goes, stage by stage, in this process (no HTTP, no load).
  say('bench: per-stage timings (in process) …');
  const ctx = await createContext(config, { logger: createLogger('warn', process.stderr), embedder: new HashedEmbedder() });
  const stages: StageTiming[] = await stageTimings(ctx, q.bodies.map((b) => (JSON.parse(b) as { message: string }).message));
  say('bench: session stores …');
  const sessionBench = await benchSessions({ config });

  let prof: ProfileSummary | undefined;
  if (profile) {
    // One profile per thread (tsx's module loader runs in its own): the main thread's is the largest.
    const files = fs.existsSync(profDir) ? fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    const file = files.sort((a, b) => fs.statSync(path.join(profDir, b)).size - fs.statSync(path.join(profDir, a)).size)[0];
    if (file) prof = summariseProfile(path.join(profDir, file));
    else say('bench: no CPU profile was written (the server did not exit cleanly?)');
  }

  const readyMs = median(readies);
  const peakMb = peakRss === undefined ? undefined : peakRss / 1024 / 1024;
  const chatErrors = chat.errors + chat.non2xx;
  const rows: Array<[string, string, string, string]> = [
    ['POST /api/chat requests/s', fmt(chat.rps, 0), `≥ ${TARGETS.chatRps}`, mark(chat.rps >= TARGETS.chatRps)],
    ['POST /api/chat latency p50', `${fmt(chat.latencyMs.p50)} ms`, '', ''],
    ['POST /api/chat latency p95', `${fmt(chat.latencyMs.p95)} ms`, `≤ ${TARGETS.chatP95Ms} ms`, mark(chat.latencyMs.p95 <= TARGETS.chatP95Ms)],
    ['POST /api/chat latency p99', `${fmt(chat.latencyMs.p99)} ms`, '', ''],
    ['POST /api/chat errors / non-2xx', `${chat.errors} / ${chat.non2xx} (of ${chat.requests})`, `${TARGETS.errors}`, mark(chatErrors === TARGETS.errors)],
    ['server peak RSS', peakMb === undefined ? 'n/a' : `${fmt(peakMb, 0)} MB`, `≤ ${TARGETS.peakRssMb} MB`, peakMb === undefined ? '' : mark(peakMb <= TARGETS.peakRssMb)],
    ['start-to-ready (built index)', `${fmt(readyMs, 0)} ms (runs: ${readies.map((r) => r.toFixed(0)).join(', ')})`, `≤ ${TARGETS.readyMs} ms`, mark(readyMs <= TARGETS.readyMs)],
    ['full ingest (forced, CLI wall clock)', `${fmt(ingest.ms / 1000, 2)} s${ingest.code === 0 ? '' : ` (exit ${ingest.code})`}`, '', ''],
    ['GET /healthz (HTTP stack alone)', `${fmt(health.rps, 0)} req/s, p50 ${fmt(health.latencyMs.p50)} ms`, '', ''],
    ['GET /api/search latency p50', `${fmt(search.latencyMs.p50)} ms (${fmt(search.rps, 0)} req/s, p95 ${fmt(search.latencyMs.p95)} ms, ${search.errors + search.non2xx} errors)`, '', ''],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['metric', 'value', 'target'][i]!.length));
  const line = (r: string[]) => `| ${r.map((c, i) => (i < 3 ? c.padEnd(w[i]!) : c)).join(' | ')} |`;
  const out = [
    '',
    `Bench: ${durationSec} s × ${connections} connections on 127.0.0.1, index ${facts.chunks} chunks / ${facts.articles} articles (${facts.embedder}), extractive answerer, LOG_LEVEL=${serverEnv(INDEX_DIR).LOG_LEVEL}`,
    '',
    line(['metric', 'value', 'target', '']),
    line(w.map((n) => '-'.repeat(n)).concat('---')),
    ...rows.map(line),
    '',
    `statuses: /api/chat ${JSON.stringify(chat.statuses)}, /api/search ${JSON.stringify(search.statuses)}; server exit code after SIGTERM: ${exitCode}`,
  ];
  const perRequestMs = 1000 / chat.rps;
  out.push('', `Per-stage time of one question, in process, mean / p95 over ${stages[0] ? 5 * q.bodies.length : 0} runs (server CPU per /api/chat request under load: ${fmt(perRequestMs, 2)} ms = 1 s / req/s):`);
  for (const st of stages) out.push(`  ${st.stage.padEnd(48)} ${fmt(st.meanMs, 3).padStart(8)} ms ${fmt(st.p95Ms, 3).padStart(8)} ms`);
  out.push('', ...formatSessionBench(sessionBench));
  if (prof) {
    out.push('', `CPU profile of the server (${fmt(prof.totalMs / 1000, 1)} s, busy ${fmt(prof.busyShare * 100, 0)}%): self time by area`);
    for (const a of prof.byArea) out.push(`  ${a.area.padEnd(28)} ${fmt(a.ms, 0).padStart(7)} ms  ${fmt(a.share * 100, 1).padStart(5)}%`);
    out.push('by function:');
    for (const f of prof.byFunction) out.push(`  ${fmt(f.share * 100, 1).padStart(5)}%  ${f.fn}  ${f.where}`);
  }
  console.log(out.join('\n'));

  const results = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
    settings: { durationSec, connections, index: facts, logLevel: serverEnv(INDEX_DIR).LOG_LEVEL, questions: { ko: q.ko, zh: q.zh } },
    targets: TARGETS,
    chat,
    search,
    health,
    peakRssBytes: peakRss ?? null,
    readyMs: { median: readyMs, runs: readies },
    ingest: { ms: ingest.ms, exitCode: ingest.code },
    stages,
    sessions: sessionBench,
    met: {
      chatRps: chat.rps >= TARGETS.chatRps,
      chatP95: chat.latencyMs.p95 <= TARGETS.chatP95Ms,
      errors: chatErrors === TARGETS.errors,
      peakRss: peakMb === undefined ? null : peakMb <= TARGETS.peakRssMb,
      ready: readyMs <= TARGETS.readyMs,
    },
    ...(prof ? { profile: prof } : {}),
  };
  const dir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  say(`bench: wrote bench-results/latest.json`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
