/**
 * `npm start`: the main job. Builds the index when it is missing, stale or corrupt (with a
 * progress bar), then serves the chat on HOST:PORT. SIGTERM/SIGINT drain in-flight requests.
 */
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createApp } from '../server/app.js';
import { createEmbedder } from '../embed/load.js';
import { createContext } from '../server/compose.js';
import { serve } from '../server/serve.js';
import { buildProgressBar } from './progress.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const t0 = performance.now();
  // The embedder's fallback notice is a paragraph meant for a person: print it as such on
  // stderr, and log it as structured JSON as well.
  const embedder = await createEmbedder(config, {
    info: (m) => logger.info(m),
    warn: (m) => {
      console.error(`\n${m}\n`);
      logger.warn(m);
    },
  });
  const bar = buildProgressBar();
  const ctx = await createContext(config, {
    logger,
    embedder,
    onProgress: (p) => bar.update(p),
    onBuilt: (s) => {
      bar.stop();
      logger.info({ chunks: s.chunks, articles: s.articles, seconds: Number(s.seconds.toFixed(2)), embedder: s.embedder }, 'index built');
    },
  });
  const app = createApp(ctx);
  const server = await serve(app, ctx, { host: config.HOST, port: config.PORT });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  logger.info(
    { url: `http://${config.HOST}:${port}/`, readyMs: Math.round(performance.now() - t0), chunks: ctx.index.chunks.length, embedder: ctx.embedder.info.id },
    'ready',
  );
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
