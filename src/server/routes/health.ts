/** GET /healthz: liveness plus the facts of the loaded index. Never behind an API key. */
import cluster from 'node:cluster';
import { Router } from 'express';
import type { AppContext } from '../context.js';

export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    const m = ctx.index.manifest;
    res.json({
      status: 'ok',
      index: {
        chunks: m.counts.chunks,
        articles: m.counts.articles,
        reports: m.counts.reports,
        embedder: m.embedder.id,
        builtAt: m.builtAt,
        build: ctx.index.buildName,
      },
      // Which process answered: with WORKERS > 1 each worker has its own sessions and limits
      // (unless REDIS_URL is set), so operators and tests need to tell them apart.
      process: { pid: process.pid, ...(cluster.isWorker && cluster.worker ? { worker: cluster.worker.id } : {}) },
    });
  });
  return r;
}
