/**
 * Question cost (issue: bounded cost per question): random questions up to MAX_QUESTION_CHARS
 * (Korean, Chinese, English, mixed; each new, so no memo helps), in classes of kind × length,
 * against a typical dev-set question, in this process. Target: the costliest class at most 5×.
 */
import { HashedEmbedder } from '../../embed/hashed.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { createContext } from '../../server/compose.js';
import { type BenchSection, fmt, median } from '../section.js';
import { serverEnv } from './env.js';

/** A deterministic generator, so that every run asks the same questions. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

export function randomQuestion(kind: 'ko' | 'zh' | 'en' | 'mixed', chars: number, r: () => number): string {
  const hangul = () => String.fromCharCode(0xac00 + Math.floor(r() * 11172));
  const han = () => String.fromCharCode(0x4e00 + Math.floor(r() * 20902));
  const latin = () => (r() < 0.15 ? ' ' : String.fromCharCode(97 + Math.floor(r() * 26)));
  const digit = () => String(Math.floor(r() * 10));
  const pick = kind === 'ko' ? () => (r() < 0.2 ? ' ' : hangul()) : kind === 'zh' ? han : kind === 'en' ? latin : () => [hangul, han, latin, digit][Math.floor(r() * 4)]!();
  return Array.from({ length: chars }, pick).join('');
}

export const costSection: BenchSection = {
  name: 'question cost',
  async run(ctx) {
    ctx.say('bench: question cost (random questions up to MAX_QUESTION_CHARS, in process) …');
    const config = loadConfig({ ...process.env, ...serverEnv(ctx.indexDir) }, ctx.root);
    const app = await createContext(config, { logger: createLogger('warn', process.stderr), embedder: new HashedEmbedder() });
    const typical = ctx.questions.bodies.map((b) => (JSON.parse(b) as { message: string }).message);
    const time = async (message: string) => {
      const t0 = performance.now();
      await app.chat.ask({ message });
      return performance.now() - t0;
    };
    for (const q of typical.slice(0, 10)) await time(q); // warm-up: segmenters, tables
    const typicalMs = [];
    for (const q of typical) typicalMs.push(await time(q));
    const r = rng(20261201);
    // Each kind × length is a class of question; its cost is the median of several fresh
    // questions (a single sample is as likely to measure a garbage collection as the question).
    const rounds = ctx.quick ? 5 : 9;
    const cells: Array<{ kind: string; chars: number; medianMs: number; maxMs: number }> = [];
    for (const kind of ['ko', 'zh', 'en', 'mixed'] as const) {
      for (const chars of [200, 1000, config.MAX_QUESTION_CHARS]) {
        const ms: number[] = [];
        for (let i = 0; i < rounds; i++) ms.push(await time(randomQuestion(kind, chars, r)));
        cells.push({ kind, chars, medianMs: median(ms), maxMs: Math.max(...ms) });
      }
    }
    const med = median(typicalMs);
    const worst = cells.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
    const slowest = Math.max(...cells.map((c) => c.maxMs));
    const ratio = worst.medianMs / med;
    ctx.results['cost'] = { typicalMedianMs: med, cells };
    return [
      { metric: 'typical question (dev set), in process', value: `median ${fmt(med, 2)} ms` },
      { metric: `costliest class of random question (${cells.length} classes × ${rounds})`, value: `median ${fmt(worst.medianMs, 1)} ms (${worst.kind}, ${worst.chars} chars); slowest single ${fmt(slowest, 1)} ms` },
      { metric: 'costliest class / typical question', value: `${fmt(ratio, 1)}×`, target: '≤ 5×', ok: ratio <= 5 },
    ];
  },
};
