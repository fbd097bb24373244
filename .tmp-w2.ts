import { loadConfig } from './src/config.js';
import { createContext } from './src/server/compose.js';
import { createLogger } from './src/logger.js';
const ctx = await createContext(loadConfig({ ...process.env, MODEL: 'hashed', INDEX_DIR: '.tmp/eval-index-hashed-d-d-d', LOG_LEVEL: 'warn' }), { logger: createLogger('warn', process.stderr) });
console.log(ctx.index.chunks.length, ctx.index.manifest.chunking, ctx.embedder.info, ctx.index.manifest.pipeline);
