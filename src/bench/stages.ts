/**
 * Per-stage timings of one question, in process (no HTTP): analysis, query embedding, each
 * index, the fused search, the answer, the whole chat service call, and the response's JSON
 * encoding. Tells where a request's CPU time goes when the server misses its throughput target.
 */
import { ExtractiveAnswerer } from '../answer/extractive.js';
import type { AppContext } from '../server/context.js';
import { quantile } from '../util/stats.js';

export interface StageTiming {
  stage: string;
  meanMs: number;
  p95Ms: number;
}

export async function stageTimings(ctx: AppContext, questions: string[], rounds = 5): Promise<StageTiming[]> {
  const samples = new Map<string, number[]>();
  const time = async <T>(stage: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    const list = samples.get(stage) ?? [];
    list.push(performance.now() - t0);
    samples.set(stage, list);
    return out;
  };
  const answerer = new ExtractiveAnswerer();
  const k = ctx.config.TOP_K;
  const depth = ctx.retriever.tuning.candidates;
  // One untimed pass warms the JIT and caches.
  for (const q of questions) await ctx.chat.ask({ message: q });
  samples.clear();
  for (let r = 0; r < rounds; r++) {
    for (const question of questions) {
      const query = await time('analyze (normalise, segment, glossary)', () => ctx.retriever.analyze(question));
      const vec = await time('embed query', () => ctx.embedder.embedQuery([query.normalized, ...query.expansions].join(' ')));
      await time(`vector index search (k=${depth})`, () => ctx.index.vector.search(vec, depth));
      await time(`lexical index search (k=${depth})`, () => ctx.index.lexical.search(query, depth));
      const hits = await time('hybrid search (both + fusion)', () => ctx.retriever.searchAnalyzed(query, { k }));
      await time('extractive answer', () => answerer.answer({ question, lang: query.lang, hits, query }));
      const out = await time('chat service ask (all of the above + session)', () => ctx.chat.ask({ message: question }));
      await time('JSON encoding of the response', () => JSON.stringify(out));
    }
  }
  return [...samples].map(([stage, xs]) => {
    return { stage, meanMs: xs.reduce((a, b) => a + b, 0) / xs.length, p95Ms: quantile(xs, 0.95) };
  });
}
