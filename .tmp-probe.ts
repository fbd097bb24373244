import { loadConfig } from './src/config.js';
import { createContext } from './src/server/compose.js';
import { createLogger } from './src/logger.js';
import { analyzeForIndex } from './src/retrieve/analyzer.js';
const config = loadConfig({ ...process.env, MODEL: 'hashed', INDEX_DIR: '.tmp/eval-index-hashed-d-d-d', LOG_LEVEL: 'warn' });
const ctx = await createContext(config, { logger: createLogger('warn', process.stderr) });
for (const q of ['유니트리의 사족 로봇 시장 점유율은?', '宇树科技在全球四足机器人市场的份额是多少？', "What is Unitree's market share?"]) {
  const a = ctx.retriever.analyze(q);
  console.log(q, a.lang, JSON.stringify(a.terms.slice(0, 40)), a.expansions);
}
console.log(analyzeForIndex('유니트리(Unitree宇树科技)는 69.75%의 점유율로 2023 년 1위를 차지했다.'));
console.log(ctx.index.chunks[5]);
