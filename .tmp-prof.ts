import { loadConfig } from './src/config.js';
import { createContext } from './src/server/compose.js';
import { createLogger } from './src/logger.js';
import { randomQuestion } from './src/bench/sections/cost.js';
import { clipForAnalysis } from './src/chat/service.js';
import { analyzeQuestion } from './src/frame/frame.js';
import { detectLanguage } from './src/retrieve/language.js';
const ctx = await createContext(loadConfig({ ...process.env, MODEL: 'hashed', INDEX_DIR: '.tmp/bench-index', LOG_LEVEL: 'warn' }), { logger: createLogger('warn', process.stderr) });
let s = 5; const r = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const t = (f: () => unknown) => { const a = performance.now(); f(); return performance.now() - a; };
for (let i = 0; i < 5; i++) {
  const q = randomQuestion('mixed', 2000, r);
  const c = clipForAnalysis(q, 400);
  const lang = detectLanguage(q);
  const tl = t(() => detectLanguage(q));
  const tf = t(() => analyzeQuestion(c, lang, { glossary: ctx.retriever.glossary }));
  const ta = t(() => ctx.retriever.analyze(c, lang));
  const a0 = performance.now(); const p = await (ctx.chat as any).prepare(c, lang, [], 5); const tp = performance.now() - a0;
  const a1 = performance.now(); await ctx.chat.ask({ message: q }); const tall = performance.now() - a1;
  console.log(lang, c.length, 'detect', tl.toFixed(1), 'frame', tf.toFixed(1), 'analyze', ta.toFixed(1), 'prepare', tp.toFixed(1), 'ask', tall.toFixed(1), 'terms', p.query.terms.length);
}
const { ExtractiveAnswerer } = await import('./src/answer/extractive.js');
for (let i = 0; i < 4; i++) {
  const q = randomQuestion('mixed', 2000, r);
  const c = clipForAnalysis(q, 400);
  const lang = detectLanguage(q);
  const p = await (ctx.chat as any).prepare(c, lang, [], 5);
  const ans = (ctx.chat as any).deps.answerer;
  const a = performance.now(); const out = ans.explain({ question: c, lang, hits: p.hits, query: p.query, frame: p.frame, summary: p.summary }); const ta = performance.now() - a;
  console.log('answer', ta.toFixed(1), 'cands', out.trace.scored.length);
  const b = performance.now(); await ctx.chat.ask({ message: q }); console.log('ask', (performance.now() - b).toFixed(1));
}
