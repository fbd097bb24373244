/**
 * Measurement script (not a test): article-level lexical retrieval quality on eval/dev.jsonl,
 * the glossary's coverage of the Chinese/English questions, and latencies. Runs the real
 * ingest + chunker on the corpus, then only the lexical side (no embeddings).
 *
 *   npx tsx tests/retrieve/dev-bench.ts [--verbose] [--no-glossary] [--gram=0.5] [--exp=0.8] [--header=1.5]
 *
 * It reports; it does not tune anything automatically. The dev questions are a sanity check,
 * not a target: the system is judged on unseen questions.
 */
import { readFileSync } from 'node:fs';
import { parseReportText } from '../../src/ingest/parseText.js';
import { chunkReports } from '../../src/chunk/chunker.js';
import { extractGlossary, Glossary } from '../../src/retrieve/glossary.js';
import { MiniSearchLexicalIndex } from '../../src/retrieve/lexical.js';
import { analyzeQuery } from '../../src/retrieve/query.js';
import { analyzeForIndex } from '../../src/retrieve/analyzer.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const verbose = args.includes('--verbose');

const raw = readFileSync('corpus/monthly-china-startup-2025-06.txt', 'utf8');
const report = parseReportText(raw, { id: 'monthly-china-startup-2025-06', file: 'monthly-china-startup-2025-06.txt' });
const chunks = chunkReports([report]);

let t0 = performance.now();
const entries = extractGlossary([raw]);
const tGloss = performance.now() - t0;
const glossary = Glossary.fromEntries(args.includes('--no-glossary') ? [] : entries, { seed: !args.includes('--no-glossary') });

t0 = performance.now();
const index = MiniSearchLexicalIndex.build(
  chunks.map((c, label) => ({ label, header: c.header, text: c.text })),
  flag('header') ? { headerBoost: Number(flag('header')) } : {},
);
const tBuild = performance.now() - t0;

interface Q { id: string; lang: 'ko' | 'zh' | 'en'; question: string; article: string | null; also: string[]; type: string; turns: string[]; answer_keywords?: string[][] }
// --extra: hand-written Chinese/English paraphrases (tests/retrieve/fixtures/extra-questions.jsonl),
// a second sanity check written without looking at the dev questions' wording.
const file = args.includes('--extra') ? 'tests/retrieve/fixtures/extra-questions.jsonl' : 'eval/dev.jsonl';
const qs: Q[] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => ({ turns: [], type: 'extra', ...(JSON.parse(l) as Partial<Q>) }) as Q);

const weights = {
  ...(flag('gram') ? { gram: Number(flag('gram')) } : {}),
  ...(flag('exp') ? { expansion: Number(flag('exp')) } : {}),
};
const byLang: Record<string, { n: number; h1: number; h5: number; mrr: number }> = {};
// Chunk level: rank of the first chunk that contains a string of the first answer-keyword group
// (white space removed, as eval/README.md says), for questions that have keywords.
const squash = (s: string): string => s.replace(/\s+/g, '').toLowerCase();
const chunkLevel = { n: 0, h1: 0, h5: 0, mrr: 0 };
const times: number[] = [];
for (const q of qs) {
  if (!q.article) continue;
  // Follow-ups: the chat layer rewrites them; here the previous turn is simply prepended.
  const text = [...q.turns, q.question].join(' ');
  const t1 = performance.now();
  const aq = analyzeQuery(text, glossary, { lang: q.lang, weights, expand: !args.includes('--no-glossary') });
  const hits = index.search(aq, 10);
  times.push(performance.now() - t1);
  const gold = new Set([q.article, ...q.also]);
  const arts = hits.map((h) => chunks[h.label]!.articleId);
  const rank = arts.findIndex((a) => gold.has(a));
  const s = (byLang[q.lang] ??= { n: 0, h1: 0, h5: 0, mrr: 0 });
  const all = (byLang.all ??= { n: 0, h1: 0, h5: 0, mrr: 0 });
  for (const x of [s, all]) {
    x.n++;
    if (rank === 0) x.h1++;
    if (rank >= 0 && rank < 5) x.h5++;
    if (rank >= 0) x.mrr += 1 / (rank + 1);
  }
  const kw = q.answer_keywords?.[0];
  if (kw?.length) {
    const r = hits.findIndex((h) => kw.some((k) => squash(chunks[h.label]!.text).includes(squash(k))));
    chunkLevel.n++;
    if (r === 0) chunkLevel.h1++;
    if (r >= 0 && r < 5) chunkLevel.h5++;
    if (r >= 0) chunkLevel.mrr += 1 / (r + 1);
    if (verbose && r !== 0) console.log(`   chunk-level ${r < 0 ? 'MISS' : `@${r + 1}`} ${q.id}`);
  }
  if (verbose || rank !== 0) {
    console.log(`${rank === 0 ? 'ok ' : rank < 0 ? 'MISS' : `@${rank + 1} `} ${q.id} ${q.lang} ${q.article} ← ${arts.slice(0, 5).join(',')} | ${q.question}`);
    if (q.lang !== 'ko' || verbose) console.log(`      expansions: ${aq.expansions.join(', ')}`);
  }
}
for (const [lang, s] of Object.entries(byLang)) {
  console.log(`${lang}: n=${s.n} hit@1=${(s.h1 / s.n).toFixed(2)} hit@5=${(s.h5 / s.n).toFixed(2)} MRR=${(s.mrr / s.n).toFixed(3)}`);
}

if (chunkLevel.n) {
  const c = chunkLevel;
  console.log(`chunk-level (answer keyword in chunk): n=${c.n} hit@1=${(c.h1 / c.n).toFixed(2)} hit@5=${(c.h5 / c.n).toFixed(2)} MRR=${(c.mrr / c.n).toFixed(3)}`);
}

// Analyzer and query latency.
t0 = performance.now();
let nTerms = 0;
for (const c of chunks) nTerms += analyzeForIndex(`${c.header} ${c.text}`).length;
const tAnalyze = performance.now() - t0;
times.sort((a, b) => a - b);
const warm: number[] = [];
for (let r = 0; r < 20; r++) {
  for (const q of qs) {
    const t1 = performance.now();
    index.search(analyzeQuery(q.question, glossary, { lang: q.lang }), 10);
    warm.push(performance.now() - t1);
  }
}
warm.sort((a, b) => a - b);
const searchOnly: number[] = [];
const analyzed = qs.map((q) => analyzeQuery(q.question, glossary, { lang: q.lang }));
for (let r = 0; r < 50; r++) for (const aq of analyzed) {
  const t1 = performance.now();
  index.search(aq, 10);
  searchOnly.push(performance.now() - t1);
}
searchOnly.sort((a, b) => a - b);
const pct = (xs: number[], p: number): string => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(3);
console.log(`chunks=${chunks.length} glossary extracted=${entries.length} (in use ${glossary.size}) extract=${tGloss.toFixed(0)}ms build=${tBuild.toFixed(0)}ms`);
console.log(`analyzer: ${nTerms} terms from ${chunks.length} chunks in ${tAnalyze.toFixed(1)}ms (${(tAnalyze / chunks.length).toFixed(3)} ms/chunk)`);
console.log(`analyzeQuery+search warm: p50=${pct(warm, 0.5)}ms p95=${pct(warm, 0.95)}ms; search only: p50=${pct(searchOnly, 0.5)}ms p95=${pct(searchOnly, 0.95)}ms`);
const json = JSON.stringify(index.toJSON());
console.log(`serialized lexical index: ${(json.length / 1024).toFixed(0)} KiB`);
