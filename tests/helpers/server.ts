/** Starts the real server (real index, real HTTP on a loopback port) for integration tests. */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server/app.js';
import { createContext } from '../../src/server/compose.js';
import type { AppContext } from '../../src/server/context.js';
import { serve } from '../../src/server/serve.js';
import { testConfig } from './env.js';

export interface TestServer {
  url: string;
  ctx: AppContext;
  server: http.Server;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, opts: { now?: () => number } = {}): Promise<TestServer> {
  const config = testConfig(env);
  const ctx = await createContext(config, { logger: createLogger('silent'), embedder: new HashedEmbedder(), ...(opts.now ? { now: opts.now } : {}) });
  const app = createApp(ctx);
  const server = await serve(app, ctx, { host: '127.0.0.1', port: 0, signals: false });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // The session database and the Redis connection, when configured.
      await ctx.closeState?.();
    },
  };
}
