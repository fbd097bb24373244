/**
 * Listening and graceful shutdown: on SIGTERM/SIGINT stop accepting connections, let in-flight
 * requests finish (bounded), close the session store, exit 0.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import type { Express } from 'express';
import { botTasks } from '../bots/routes.js';
import type { AppContext } from './context.js';
import { hardenServer, serverOptions } from './protocol.js';

export interface ServeOptions {
  host: string;
  port: number;
  /** Longest wait for in-flight requests on shutdown. */
  drainMs?: number;
  /** Install SIGTERM/SIGINT handlers (off in tests). */
  signals?: boolean;
}

export async function serve(app: Express, ctx: AppContext, opts: ServeOptions): Promise<http.Server> {
  // Time limits and JSON replies for Node's own protocol errors: src/server/protocol.ts.
  const server = http.createServer(serverOptions(ctx.config), app);
  hardenServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  let stopping = false;
  // While draining, every response closes its connection (those in flight at the signal too,
  // unless their headers are already out), so keep-alive clients do not hold the server open.
  // Prepended: runs before the app writes anything.
  const inFlight = new Set<http.ServerResponse>();
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (stopping) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  if (opts.signals !== false) {
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      ctx.logger.info({ signal, inFlight: inFlight.size }, 'shutting down: draining in-flight requests');
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      const drainMs = opts.drainMs ?? 10_000;
      const force = setTimeout(() => {
        ctx.logger.warn('drain timed out; closing remaining connections');
        server.closeAllConnections();
      }, drainMs);
      force.unref();
      server.close(async () => {
        // Bot replies still being sent after their webhook was answered get the rest of the drain time.
        const bounded = new Promise<void>((r) => setTimeout(r, drainMs));
        await Promise.race([botTasks(ctx).idle(), bounded]).catch(() => {});
        // Sessions are written as they change; closing checkpoints the database and the Redis connection.
        await Promise.race([ctx.closeState?.(), new Promise<void>((r) => setTimeout(r, 2_000).unref())]).catch((e: Error) =>
          ctx.logger.warn({ err: e.message }, 'could not close the session store'),
        );
        ctx.logger.info('stopped');
        // A cluster worker: the primary may have handed this worker a connection just before
        // it learnt that the server closed (round-robin handoff). Answered from here, the
        // handoff is refused and the primary passes the connection to another worker; a worker
        // that exits first leaves that connection hanging in the primary. A short grace lets
        // those messages arrive.
        if (cluster.isWorker) await new Promise((r) => setTimeout(r, 250));
        process.exit(0);
      });
      server.closeIdleConnections();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  }
  return server;
}
