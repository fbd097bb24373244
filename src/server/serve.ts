/**
 * Listening and graceful shutdown: on SIGTERM/SIGINT stop accepting connections, let in-flight
 * requests finish (bounded), flush persisted sessions, exit 0.
 */
import http from 'node:http';
import type { Express } from 'express';
import type { AppContext } from './context.js';

export interface ServeOptions {
  host: string;
  port: number;
  /** Longest wait for in-flight requests on shutdown. */
  drainMs?: number;
  /** Install SIGTERM/SIGINT handlers (off in tests). */
  signals?: boolean;
}

export async function serve(app: Express, ctx: AppContext, opts: ServeOptions): Promise<http.Server> {
  const server = http.createServer(app);
  // Slow-loris protection: headers and bodies must arrive in bounded time.
  server.headersTimeout = 15_000;
  server.requestTimeout = ctx.config.REQUEST_TIMEOUT_MS + 5_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  if (opts.signals !== false) {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      ctx.logger.info({ signal }, 'shutting down: draining in-flight requests');
      const force = setTimeout(() => {
        ctx.logger.warn('drain timed out; closing remaining connections');
        server.closeAllConnections();
      }, opts.drainMs ?? 10_000);
      force.unref();
      server.close(() => {
        try {
          ctx.sessions.flush();
        } catch (e) {
          ctx.logger.warn({ err: (e as Error).message }, 'could not persist sessions');
        }
        ctx.logger.info('stopped');
        process.exit(0);
      });
      server.closeIdleConnections();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  }
  return server;
}
