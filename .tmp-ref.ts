import { loadConfig } from './src/config.js';
import { createContext } from './src/server/compose.js';
import { createLogger } from './src/logger.js';
import { analyzeQuestion } from './src/frame/frame.js';
const config = loadConfig({ ...process.env, MODEL: 'hashed', INDEX_DIR: '.tmp/eval-index-hashed-d-d-d', LOG_LEVEL: 'warn' });
const ctx = await createContext(config, { logger: createLogger('warn', process.stderr) });
const toc = ctx.index.articles.map((a) => ({ key: `${a.reportId}:${a.articleId}`, section: a.section, number: a.number, title: a.title, page: a.page }));
for (const q of ['중국 자동차 산업 통합 기사를 요약해줘']) {
  const f = analyzeQuestion(q, 'ko', { glossary: ctx.retriever.glossary, toc });
  console.log(f.kind, f.reference, ctx.retriever.glossary.entriesIn(q, 'en').map((e) => e.ko));
}
