import { loadConfig } from './src/config.js';
import { createContext } from './src/server/compose.js';
import { createLogger } from './src/logger.js';
import { randomQuestion } from './src/bench/sections/cost.js';
const ctx = await createContext(loadConfig({ ...process.env, MODEL: 'hashed', INDEX_DIR: '.tmp/bench-index', LOG_LEVEL: 'warn' }), { logger: createLogger('warn', process.stderr) });
let s = 11; const r = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
for (const kind of ['ko', 'zh', 'en', 'mixed'] as const) for (const n of [200, 2000]) {
  const ts: number[] = [];
  for (let i = 0; i < 15; i++) { const q = randomQuestion(kind, n, r); const a = performance.now(); await ctx.chat.ask({ message: q }); ts.push(performance.now() - a); }
  ts.sort((a, b) => a - b);
  console.log(kind, n, 'median', ts[7]!.toFixed(1), 'max', ts[14]!.toFixed(1));
}
