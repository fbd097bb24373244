/** GET /healthz: liveness, the state of the dependencies (session database, Redis) and the facts of the loaded index. Never behind an API key. */
import cluster from 'node:cluster';
import { Router } from 'express';
import type { AppContext } from '../context.js';

export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    const m = ctx.index.manifest;
    // A failing session store or Redis degrades the service (answers go on, without history)
    // but does not make it unhealthy: the status code stays 200.
    const deps = Object.fromEntries((ctx.dependencies ?? []).map((d) => [d.name, d.health()]));
    const degraded = Object.values(deps).some((h) => h.state !== 'ok');
    res.json({
      status: degraded ? 'degraded' : 'ok',
      // The failure itself (which can name files) is in the log, not on this open endpoint.
      ...(Object.keys(deps).length ? { dependencies: Object.fromEntries(Object.entries(deps).map(([name, h]) => [name, h.state])) } : {}),
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
