/**
 * `npm start` (through scripts/start.mjs, which builds dist/ first when needed): the main job.
 * Builds the index when it is missing, stale or corrupt (with a progress bar), then serves the
 * chat on HOST:PORT, with one process (WORKERS=1) or a node:cluster of WORKERS processes on the
 * one port (src/server/cluster.ts). SIGTERM/SIGINT drain in-flight requests, in every worker.
 *
 * One readable start line when everything listens:
 *   listening on http://127.0.0.1:3000, 2 workers, index 170 chunks (build …), embedder …, answerer …
 */
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { type Config, ConfigError, loadConfig, sessionDbPath, sessionStoreKind } from '../config.js';
import { createLogger } from '../logger.js';
import { createEmbedder } from '../embed/load.js';
import { HashedEmbedder } from '../embed/hashed.js';
import { type WorkerReady, runPrimary } from '../server/cluster.js';
import { createContext, ensureIndex } from '../server/compose.js';
import { openBuild } from '../index/store.js';
import type { Embedder } from '../types.js';
import { type CliSpec, cliArgs } from './args.js';
import { buildProgressBar } from './progress.js';
// The HTTP app (express, the bots' SDKs) and the server are imported by the process that serves:
// a cluster primary serves nothing, and not loading them lets it fork its workers sooner.

/** The facts of the start line, in one sentence. */
function startLine(f: { url: string; workers: number; chunks: number; build: string; embedder: string; config: Config }): string {
  const answerer = f.config.LLM_BASE_URL ? `llm:${f.config.LLM_MODEL} at ${new URL(f.config.LLM_BASE_URL).host} (extractive on failure)` : 'extractive';
  const procs = f.workers === 1 ? '1 process' : `${f.workers} workers`;
  return `listening on ${f.url}, ${procs}, index ${f.chunks} chunks (build ${f.build}), embedder ${f.embedder}, answerer ${answerer}`;
}

/** The embedder, its fallback notice printed once: a paragraph on stderr for a person, nothing else. */
async function embedderFor(config: Config, logger: Logger, quiet: boolean): Promise<Embedder> {
  return createEmbedder(config, {
    info: (m) => logger.debug(m),
    warn: (m) => {
      if (quiet) logger.debug(m);
      else {
        console.error(`\n${m}\n`);
        // The JSON log gets a pointer, not the paragraph a second time.
        logger.warn({ fallback: true }, 'embedding model unavailable: using the built-in embedder (see the notice above)');
      }
    },
  });
}

function progressHooks(logger: Logger) {
  const bar = buildProgressBar();
  return {
    onProgress: bar.update.bind(bar),
    onBuilt: (s: { chunks: number; articles: number; seconds: number; embedder: string }) => {
      bar.stop();
      logger.info({ chunks: s.chunks, articles: s.articles, seconds: Number(s.seconds.toFixed(2)), embedder: s.embedder }, 'index built');
    },
  };
}

/** One process serving (WORKERS=1) or one cluster worker (the primary has built the index). */
async function serveHere(config: Config, logger: Logger, t0: number): Promise<void> {
  const worker = cluster.isWorker;
  const [{ createApp }, { serve }] = await Promise.all([import('../server/app.js'), import('../server/serve.js')]);
  const embedder = await embedderFor(config, logger, worker);
  const ctx = await createContext(config, { logger, embedder, ...(worker ? { build: false } : progressHooks(logger)) });
  const app = createApp(ctx);
  const server = await serve(app, ctx, { host: config.HOST, port: config.PORT, drainMs: config.SHUTDOWN_DRAIN_MS });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  const facts = { url, chunks: ctx.index.chunks.length, build: ctx.index.buildName, embedder: ctx.embedder.info.id };
  if (worker) {
    logger.debug({ ...facts, readyMs: Math.round(performance.now() - t0) }, 'worker ready');
    process.send?.({ type: 'ready', ...facts } satisfies WorkerReady);
    return;
  }
  logger.info({ ...facts, url: `${url}/`, workers: 1, readyMs: Math.round(performance.now() - t0) }, startLine({ ...facts, workers: 1, config }));
}

/** WORKERS > 1: build the index once here, then fork the workers. */
async function runCluster(config: Config, logger: Logger, t0: number): Promise<void> {
  // Without REDIS_URL the workers share conversations and bot claims through a SQLite file
  // (inferred), or keep them per worker (memory, when asked for), and share rate limits through
  // this process: say so once, at start.
  if (!config.REDIS_URL) {
    const sessions = sessionStoreKind(config, true);
    logger.warn(
      { workers: config.WORKERS, sessions },
      sessions === 'memory'
        ? `WORKERS=${config.WORKERS} without REDIS_URL: conversations and bot de-duplication are per worker (SESSION_STORE=memory: a follow-up that reaches another worker has no history); set REDIS_URL, or WORKERS=1`
        : `WORKERS=${config.WORKERS} without REDIS_URL: conversations, bot de-duplication and bot limits are shared through ${sessionDbPath(config)}, rate limits through the primary process; set REDIS_URL to share them across machines`,
    );
  }
  // The workers' shared rate-limit counters live here (src/state/ratelimit-cluster.ts).
  if (!config.REDIS_URL && config.RATE_LIMIT_PER_MINUTE > 0) (await import('../state/ratelimit-cluster.js')).startClusterRateLimits();
  const embedder = await embedderFor(config, logger, false);
  // Built (when needed) and verified, not loaded: the primary serves nothing.
  await ensureIndex(config, embedder, logger, progressHooks(logger));
  const facts = { embedder: openBuild(config.paths.index, { verify: false }).manifest.embedder.id };
  // The primary serves nothing: free the model (workers load their own).
  await embedder.close?.();
  runPrimary({
    workers: config.WORKERS,
    indexDir: config.paths.index,
    drainMs: config.SHUTDOWN_DRAIN_MS,
    logger,
    exec: fileURLToPath(import.meta.url),
    // After a fallback, workers use the built-in embedder without trying the model again
    // (a download probe per worker) and without repeating the notice.
    ...(embedder instanceof HashedEmbedder && config.MODEL.trim().toLowerCase() !== 'hashed' ? { env: { MODEL: 'hashed' } } : {}),
    onReady: (first) => {
      const url = first.url;
      logger.info(
        { url: `${url}/`, workers: config.WORKERS, readyMs: Math.round(performance.now() - t0), chunks: first.chunks, build: first.build, embedder: facts.embedder },
        startLine({ url, workers: config.WORKERS, chunks: first.chunks, build: first.build, embedder: facts.embedder, config }),
      );
    },
  });
}

const CLI = {
  name: 'start',
  usage: 'npm start  (node scripts/start.mjs; dist/cli/start.js)',
  about:
    'Serves the chat on HOST:PORT, with one process (WORKERS=1) or a cluster of WORKERS processes, after building the index when it is missing, stale or corrupt. Configured by environment variables only (README, Configuration); SIGTERM/SIGINT drain in-flight requests.',
  options: {},
} satisfies CliSpec;

async function main(): Promise<void> {
  // Settings are environment variables: a flag here is a mistake, said before anything listens.
  // (Cluster workers get the primary's arguments, checked already.)
  cliArgs(CLI);
  const t0 = performance.now();
  const config = loadConfig();
  const base = createLogger(config.LOG_LEVEL);
  const logger = cluster.isWorker ? base.child({ worker: cluster.worker?.id, pid: process.pid }) : base;
  if (cluster.isPrimary && config.WORKERS > 1) await runCluster(config, logger, t0);
  else await serveHere(config, logger, t0);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
