/**
 * The answer side of `npm run eval` on any question file, with or without corpus statistics for
 * the extractive answerer — the eval's own runner and metrics (src/eval), on the real index
 * (MODEL, INDEX_DIR as for `npm run eval`):
 *
 *   npx tsx tests/answer/eval-answers.ts [--set=FILE] [--term-stats] [--misses]
 *
 * --set         questions in the dev-set format (default eval/dev.jsonl; the held-out set is
 *               tests/answer/fixtures/extra-questions.jsonl)
 * --term-stats  wire termStatsFromTexts over the index's chunks, as the composition root would
 * --misses      list the questions whose answer misses (keywords, gold citation, found)
 */
import fs from 'node:fs';
import path from 'node:path';
import { termStatsFromTexts } from '../../src/answer/corpus.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { DefaultChatService } from '../../src/chat/service.js';
import { loadConfig } from '../../src/config.js';
import { type QuestionResult, summarize } from '../../src/eval/metrics.js';
import { type GoldArticle, goldKeys, loadDevSet, runDevSet } from '../../src/eval/run.js';
import { createLogger } from '../../src/logger.js';
import { createContext } from '../../src/server/compose.js';

const arg = (name: string) => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1] ?? (process.argv.includes(`--${name}`) ? 'true' : undefined);

async function main(): Promise<void> {
  const env = { MODEL: 'hashed', ...process.env, LOG_LEVEL: 'warn' } as Record<string, string | undefined>;
  const config = loadConfig(env);
  const ctx = await createContext(config, { logger: createLogger('warn', process.stderr) });
  const termStats = arg('term-stats') ? termStatsFromTexts(ctx.index.chunks.map((c) => `${c.header} ${c.text}`)) : undefined;
  const answerer = new ExtractiveAnswerer(termStats ? { termStats } : {});
  const chat = new DefaultChatService({ retriever: ctx.retriever, answerer, sessions: ctx.sessions, defaultTopK: config.TOP_K });

  const root = process.cwd();
  const questions = loadDevSet(path.resolve(root, arg('set') ?? path.join('eval', 'dev.jsonl')));
  const gold = goldKeys(JSON.parse(fs.readFileSync(path.join(root, 'eval', 'articles.json'), 'utf8')) as GoldArticle[]);
  await ctx.retriever.search('워밍업 预热 warm-up', { k: 5 });
  const results = await runDevSet(questions, gold, chat, ctx.sessions, { answers: true });

  const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2));
  console.log(`answerer extractive${termStats ? ' + termStats' : ''} · ${questions.length} questions`);
  console.log('| lang | n  | keywords | cite prec | cited gold | unanswerable | [n] ok | chat p50 ms |');
  for (const lang of ['ko', 'zh', 'en', 'all'] as const) {
    const s = summarize(lang === 'all' ? results : results.filter((r) => r.lang === lang));
    console.log(`| ${lang.padEnd(4)} | ${String(s.n).padEnd(2)} | ${f(s.keywordCoverage).padEnd(8)} | ${f(s.citationPrecision).padEnd(9)} | ${f(s.citedGoldRate).padEnd(10)} | ${(s.unanswerableCorrect ?? '-').padEnd(12)} | ${f(s.markersOk).padEnd(6)} | ${(s.chatP50 ?? 0).toFixed(1).padEnd(11)} |`);
  }
  if (arg('misses')) {
    const missed = (r: QuestionResult) => (r.answerable ? !r.keywordsCovered || !r.citedGold : r.found);
    for (const r of results.filter(missed)) console.log(`- ${r.id} [${r.lang} ${r.type}] ${r.question}\n    ${(r.answer ?? '').replace(/\s+/g, ' ').slice(0, 200)}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
