/**
 * Measures the embed stage on this machine: hashed-embedder throughput on ~500-character
 * Korean windows of the corpus, a crude retrieval check on eval/dev.jsonl, and the tiny
 * model's load/embed times.
 *
 * The retrieval check does not need the chunker: the corpus is cut into 500-character windows
 * (stride 250) and a window counts as relevant when it contains the most answer-keyword groups
 * any window contains (whitespace removed, as eval/README.md prescribes). Good enough to compare
 * hashed-embedder variants against each other, not a substitute for the real eval.
 *
 *   npx tsx scripts/measure-embed.ts [corpus.txt] [--dims 256,512,1024,2048]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HashedEmbedder } from '../src/embed/hashed.js';
import { makeTinyModel } from '../src/embed/tinyModel.js';
import { TransformersEmbedder } from '../src/embed/transformers.js';

const args = process.argv.slice(2);
const dimsArg = args.indexOf('--dims');
const dimsList = dimsArg >= 0 ? args[dimsArg + 1]!.split(',').map(Number) : [256, 512, 1024, 2048];
const corpusFile = args.find((a, i) => !a.startsWith('--') && i !== dimsArg + 1) ?? 'corpus/monthly-china-startup-2025-06.txt';

const text = readFileSync(corpusFile, 'utf8').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n');
const windows: string[] = [];
for (let i = 0; i < text.length; i += 250) windows.push(text.slice(i, i + 500));

interface Q { id: string; lang: string; question: string; turns: string[]; answer_keywords: string[][] }
const questions = readFileSync('eval/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Q)
  .filter((q) => q.answer_keywords.length > 0);
const squash = (s: string) => s.replace(/\s+/g, '');
const squashed = windows.map(squash);
const relevant = questions.map((q) => {
  const groups = squashed.map((w) => q.answer_keywords.filter((g) => g.some((k) => w.includes(squash(k)))).length);
  const best = Math.max(...groups);
  return new Set(best > 0 ? groups.flatMap((g, i) => (g === best ? [i] : [])) : []);
});

const dot = (a: Float32Array, b: Float32Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!; return s; };

async function evaluate(name: string, embedQuery: (q: string) => Promise<Float32Array>, passages: Float32Array[]) {
  const byLang: Record<string, { n: number; hit5: number; rr: number }> = {};
  for (const [qi, q] of questions.entries()) {
    // Follow-ups are searched with their conversation, as the chat stage will rewrite them.
    const v = await embedQuery([...q.turns, q.question].join(' '));
    const order = passages.map((p, i) => [dot(v, p), i] as const).sort((a, b) => b[0] - a[0]);
    const rank = order.findIndex(([, i]) => relevant[qi]!.has(i));
    const s = (byLang[q.lang] ??= { n: 0, hit5: 0, rr: 0 });
    s.n++;
    if (rank >= 0 && rank < 5) s.hit5++;
    if (rank >= 0) s.rr += 1 / (rank + 1);
  }
  const cells = Object.entries(byLang).map(([l, s]) => `${l}: hit@5 ${s.hit5}/${s.n} mrr ${(s.rr / s.n).toFixed(2)}`);
  console.log(`${name.padEnd(28)} ${cells.join('  |  ')}`);
}

console.log(`${windows.length} windows of 500 chars, ${questions.length} questions with keywords`);
for (const d of dimsList) {
  const e = new HashedEmbedder({ dimensions: d });
  const passages = await e.embedPassages(windows); // also warms the JIT
  const passes = 8;
  const t0 = performance.now();
  for (let i = 0; i < passes; i++) await e.embedPassages(windows);
  const ms = performance.now() - t0;
  const n = passes * windows.length;
  console.log(`${e.info.id}: ${Math.round(n / (ms / 1000))} texts/s (${n} × 500 chars in ${ms.toFixed(0)} ms)`);
  await evaluate(e.info.id, (q) => e.embedQuery(q), passages);
}

const dir = path.resolve('.cache/tiny-model-measure');
let t0 = performance.now();
await import('@huggingface/transformers');
console.log(`import @huggingface/transformers: ${(performance.now() - t0).toFixed(0)} ms`);
t0 = performance.now();
await makeTinyModel(dir, text);
const tMake = performance.now() - t0;
t0 = performance.now();
const tiny = await TransformersEmbedder.load({ model: dir, allowRemoteModels: false });
const tLoad = performance.now() - t0;
t0 = performance.now();
const tinyPassages = await tiny.embedPassages(windows);
const tEmbed = performance.now() - t0;
console.log(`tiny model (${tiny.info.id}): make ${tMake.toFixed(0)} ms, load ${tLoad.toFixed(0)} ms, embed ${(tEmbed / windows.length).toFixed(2)} ms/text`);
await evaluate('tiny model', (q) => tiny.embedQuery(q), tinyPassages);
await tiny.close();
