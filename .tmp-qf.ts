import fs from 'node:fs';
import { loadConfig } from './src/config.js';
import { createContext } from './src/server/compose.js';
import { createLogger } from './src/logger.js';
import { loadDevSet } from './src/eval/run.js';
import { ExtractiveAnswerer } from './src/answer/extractive.js';
import { termStatsFromTexts } from './src/answer/corpus.js';
import type { DefaultChatService } from './src/chat/service.js';
const config = loadConfig({ ...process.env, MODEL: 'hashed', INDEX_DIR: '.tmp/eval-index-hashed-d-d-d', LOG_LEVEL: 'warn' });
const ctx = await createContext(config, { logger: createLogger('warn', process.stderr) });
const chunks = ctx.index.chunks;
const a = new ExtractiveAnswerer({ termStats: termStatsFromTexts(chunks.map((c) => `${c.header} ${c.text}`)), corpusSize: chunks.length, glossary: ctx.index.glossary });
const qs = loadDevSet('eval/dev.jsonl');
for (const q of qs) {
  if (q.turns.length) continue;
  const p = await (ctx.chat as DefaultChatService).prepare(q.question, q.lang, [], 5);
  if (p.direct) continue;
  const { trace } = a.explain({ question: q.question, lang: q.lang, hits: p.hits, query: p.query, frame: p.frame, summary: p.summary });
  console.log([q.article === null ? 'UNANS' : 'ans  ', q.split, q.lang, trace.pFound.toFixed(2), trace.questionFeatures.map((x) => x.toFixed(2)).join(" "), q.question.slice(0, 50)].join(' | '));
}
