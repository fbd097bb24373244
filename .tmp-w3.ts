import { loadConfig } from './src/config.js';
import { createContext } from './src/server/compose.js';
import { createLogger } from './src/logger.js';
import { HashedEmbedder } from './src/embed/hashed.js';
import { testConfig } from './tests/helpers/env.js';
import { loadDevSet } from './src/eval/run.js';
const a = await createContext(loadConfig({ ...process.env, MODEL: 'hashed', INDEX_DIR: '.tmp/eval-index-hashed-d-d-d', LOG_LEVEL: 'warn' }), { logger: createLogger('warn', process.stderr) });
const b = await createContext(testConfig(), { logger: createLogger('silent'), embedder: new HashedEmbedder() });
let diff = 0;
for (const q of loadDevSet('eval/dev.jsonl')) {
  const x = await a.retriever.search(q.question, { k: 5 });
  const y = await b.retriever.search(q.question, { k: 5 });
  const sx = x.hits.map((h) => h.chunk.id).join(','), sy = y.hits.map((h) => h.chunk.id).join(',');
  if (sx !== sy) { diff++; if (diff < 4) console.log(q.id, 'A=', sx.replace(/monthly-china-startup-2025-06:/g,''), 'B=', sy.replace(/monthly-china-startup-2025-06:/g,'')); }
}
console.log('diff', diff);
console.log(a.index.vector.constructor.name, a.retriever.tuning, b.retriever.tuning);
