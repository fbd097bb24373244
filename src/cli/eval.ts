/**
 * `npm run eval`: the dev set (eval/dev.jsonl) through retrieval and answers; prints a table
 * per language and overall, lists the misses, and writes the figures as JSON
 * (eval-results/latest.json) for CI history.
 *
 * Flags: experiments (defaults are the product's settings), declared with a line each in CLI
 * below, which `--help` prints; any other flag is an error (exit 2) before anything runs.
 * Environment: MODEL (default: hashed, the built-in embedder), CHUNK_TARGET_CHARS,
 * CHUNK_MAX_CHARS, CHUNK_OVERLAP_SENTENCES, INDEX_DIR (default .tmp/eval-index-<settings>).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AnswerWeights } from '../answer/extractive.js';
import { DefaultChatService } from '../chat/service.js';
import { ConfigError, loadConfig } from '../config.js';
import { type QuestionResult, type Summary, summarize } from '../eval/metrics.js';
import { type GoldArticle, goldKeys, loadDevSet, loadPooledSets, runDevSet } from '../eval/run.js';
import { createLogger } from '../logger.js';
import type { RetrievalTuning } from '../retrieve/retriever.js';
import { createContext } from '../server/compose.js';
import { type CliSpec, type CliValues, cliArgs, usageFail } from './args.js';
import { PER_PROCESS_STATE } from './shared.js';

const CLI = {
  name: 'eval',
  usage: 'npm run eval [-- options]',
  about:
    "Runs the dev set (eval/dev.jsonl) through retrieval and answers; prints a table per language and split, lists the misses, and writes the figures to eval-results/latest.json. The flags are experiments; without them it measures the product's settings. Environment: MODEL (default hashed), CHUNK_TARGET_CHARS, CHUNK_MAX_CHARS, CHUNK_OVERLAP_SENTENCES, INDEX_DIR (default .tmp/eval-index-<settings>).",
  options: {
    'retrieval-only': { type: 'boolean', help: 'skip answer scoring' },
    'no-glossary': { type: 'boolean', help: 'disable glossary expansion' },
    'no-readings': { type: 'boolean', help: 'no Sino-Korean readings for Chinese questions' },
    'no-vocabulary': { type: 'boolean', help: 'no lexicon words for Chinese/English questions (src/retrieve/lexicon.ts)' },
    'lexical-only': { type: 'boolean', help: 'BM25 only (dense weight 0)' },
    'dense-only': { type: 'boolean', help: 'dense vectors only (lexical weight 0)' },
    'lexical-weight': { type: 'number', arg: 'W', help: 'RRF weight of the lexical (BM25) list (default 1)' },
    'dense-weight': { type: 'number', arg: 'W', help: 'RRF weight of the dense list (default 1)' },
    'rrf-k': { type: 'number', arg: 'K', help: 'the RRF constant (default 60)' },
    'per-article': { type: 'number', arg: 'N', help: 'at most N passages per article in the results (default 5)' },
    candidates: { type: 'number', arg: 'N', help: 'candidates taken from each list before fusion (default 30)' },
    'figure-bonus': { type: 'number', arg: 'B', help: 'bonus for a passage holding the kind of figure asked for, in first-place RRF shares (default 0.25)' },
    weights: { type: 'string', arg: 'FILE', help: 'answer-stage weights other than src/answer/weights.json (ablations; npm run fit -- --out=FILE)' },
    'found-threshold': { type: 'number', arg: 'P', help: 'override the fitted found threshold (with --weights)' },
    set: { type: 'string', arg: 'FILE', help: 'another question file in the dev-set format (default eval/dev.jsonl, a copy of ../shared/eval/dev.jsonl)' },
    pooled: { type: 'boolean', help: "eval/dev.jsonl and every eval/*-heldout.jsonl as one set, each question in its file's split: the `check` rows are the nearest to questions never seen (the held-out sets were written after the dev set and are tuned on by their `tune` halves only)" },
    // Reading `check` misses invites fixing them, which makes `check` tuning data.
    misses: { type: 'string', arg: 'SPLIT', help: "which split's misses to list: tune (default), check or all (list check's only to report, never to choose a change)" },
    json: { type: 'boolean', help: 'print the JSON instead of tables' },
    unspaced: { type: 'boolean', help: 'Korean questions (and their earlier turns) with every space removed, as typed on a phone: a robustness measure' },
  },
} satisfies CliSpec;

function tuningFromFlags(flags: CliValues<typeof CLI.options>): Partial<RetrievalTuning> {
  const t: Partial<RetrievalTuning> = {};
  if (flags['no-glossary']) t.glossary = false;
  if (flags['no-readings']) t.readings = false;
  if (flags['no-vocabulary']) t.vocabulary = false;
  if (flags['lexical-only']) t.denseWeight = 0;
  if (flags['dense-only']) t.lexicalWeight = 0;
  const map: Array<['lexical-weight' | 'dense-weight' | 'rrf-k' | 'per-article' | 'candidates' | 'figure-bonus', keyof RetrievalTuning]> = [
    ['lexical-weight', 'lexicalWeight'],
    ['dense-weight', 'denseWeight'],
    ['rrf-k', 'rrfK'],
    ['per-article', 'perArticle'],
    ['candidates', 'candidates'],
    ['figure-bonus', 'figureBonus'],
  ];
  for (const [f, key] of map) {
    const v = flags[f];
    if (v !== undefined) (t as Record<string, number>)[key] = v;
  }
  return t;
}

const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(2));
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(1));

function render(head: string[], lines: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

/** One row per language × split: the figures the issue tracker compares, tune beside check. */
function table(rows: Array<[string, Summary]>, answers: boolean): string {
  const head = ['lang/split', 'n', 'R@1', 'R@5', 'MRR', 'Ev@5', 'search p50 ms'];
  if (answers) head.push('keywords', '1st cite gold', 'cite prec', 'refused', 'hedged', '[n] ok', 'answer chars p50', 'chat p50 ms', 'p95 ms');
  const lines = rows.map(([name, s]) => {
    const cells = [name, String(s.n), pct(s.recall1), pct(s.recall5), pct(s.mrr), pct(s.evidence5), ms(s.searchP50)];
    if (answers) cells.push(pct(s.keywordCoverage), pct(s.firstCitedGold), pct(s.citationPrecision), s.unanswerableCorrect ?? '-', s.hedged ?? '-', pct(s.markersOk), String(Number.isNaN(s.answerChars) ? '-' : s.answerChars), ms(s.chatP50), ms(s.chatP95));
    return cells;
  });
  return render(head, lines);
}

/** Keywords (answerable) or refusal (unanswerable) per question type and split. */
function typeTable(results: QuestionResult[]): string {
  const types = [...new Set(results.map((r) => r.type))].sort();
  const cell = (rs: QuestionResult[]) => {
    if (!rs.length) return '-';
    const ok = rs.filter((r) => (r.answerable ? r.keywordsCovered : r.found === false)).length;
    return `${ok}/${rs.length}`;
  };
  const lines = types.map((t) => {
    const rs = results.filter((r) => r.type === t);
    return [t, cell(rs.filter((r) => r.split === 'tune')), cell(rs.filter((r) => r.split === 'check')), cell(rs.filter((r) => !r.split))];
  });
  return render(['type (keywords, or refused)', 'tune', 'check', 'no split'], lines);
}

async function main(): Promise<void> {
  // Before any work: a misspelt flag (`--weight=x.json`) used to measure the defaults silently.
  const { values: flags } = cliArgs(CLI);
  const missSplit = flags.misses ?? 'tune';
  if (!['tune', 'check', 'all'].includes(missSplit)) usageFail(CLI, `--misses must be tune, check or all (got '${missSplit}')`);
  // Without --weights the threshold would be dropped: say so instead of measuring the defaults.
  if (flags['found-threshold'] !== undefined && !flags.weights) usageFail(CLI, '--found-threshold needs --weights=FILE');
  if (flags.pooled && flags.set) usageFail(CLI, '--pooled and --set are two different sets: give one');
  const answers = !flags['retrieval-only'];
  const env = { ...process.env, ...PER_PROCESS_STATE, LOG_LEVEL: 'warn' } as Record<string, string | undefined>;
  env.MODEL ??= 'hashed';
  const chunkTag = `${env.CHUNK_TARGET_CHARS ?? 'd'}-${env.CHUNK_MAX_CHARS ?? 'd'}-${env.CHUNK_OVERLAP_SENTENCES ?? 'd'}`;
  env.INDEX_DIR ??= path.join('.tmp', `eval-index-${env.MODEL.replace(/[^\w.-]/g, '_')}-${chunkTag}`);
  const config = loadConfig(env);
  const logger = createLogger('warn', process.stderr);
  const weightsFile = flags.weights;
  const answerWeights = weightsFile ? (JSON.parse(fs.readFileSync(weightsFile, 'utf8')) as AnswerWeights) : undefined;
  if (answerWeights && flags['found-threshold'] !== undefined) answerWeights.foundThreshold = flags['found-threshold'];
  const ctx = await createContext(config, { logger, tuning: tuningFromFlags(flags), ...(answerWeights ? { answerWeights } : {}) });
  const root = process.cwd();
  const loaded = flags.pooled ? loadPooledSets(path.join(root, 'eval')) : loadDevSet(path.resolve(root, flags.set ?? path.join('eval', 'dev.jsonl')));
  const squeeze = (t: string): string => t.replace(/\s+/g, '');
  const questions = flags.unspaced
    ? loaded.filter((q) => q.lang === 'ko').map((q) => ({ ...q, question: squeeze(q.question), turns: q.turns.map(squeeze) }))
    : loaded;
  const gold = goldKeys(JSON.parse(fs.readFileSync(path.join(root, 'eval', 'articles.json'), 'utf8')) as GoldArticle[]);

  // Warm-up: the first query pays for lazy initialisation (ICU segmenters, OpenCC tables).
  await ctx.retriever.search('워밍업 预热 warm-up', { k: 5 });
  const results = await runDevSet(questions, gold, ctx.chat as DefaultChatService, ctx.sessions, { answers });

  const langs = ['ko', 'zh', 'en', 'all'] as const;
  const splits = results.some((r) => r.split) ? (['tune', 'check'] as const) : ([undefined] as const);
  const rows: Array<[string, Summary]> = [];
  for (const l of langs) {
    for (const sp of splits) {
      const rs = results.filter((r) => (l === 'all' || r.lang === l) && (sp === undefined || r.split === sp));
      if (rs.length) rows.push([sp ? `${l} ${sp}` : l, summarize(rs)]);
    }
  }
  const report = {
    at: new Date().toISOString(),
    embedder: ctx.embedder.info.id,
    chunking: ctx.index.manifest.chunking,
    chunks: ctx.index.chunks.length,
    tuning: ctx.retriever.tuning,
    answerer: answers ? (ctx.config.LLM_BASE_URL ? 'llm' : 'extractive') : 'none',
    summary: Object.fromEntries(rows),
    results,
  };
  fs.mkdirSync('eval-results', { recursive: true });
  fs.writeFileSync(path.join('eval-results', 'latest.json'), JSON.stringify(report, null, 2));
  if (flags.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`embedder ${report.embedder} · ${report.chunks} chunks · chunking ${JSON.stringify(report.chunking)} · answerer ${report.answerer}`);
  console.log(table(rows, answers));
  if (answers) console.log(`\n${typeTable(results)}`);
  const misses = results.filter(
    (r: QuestionResult) =>
      (missSplit === 'all' || r.split === missSplit) &&
      ((r.answerable && (r.goldRank !== 1 || !r.evidence5)) || (answers && (r.answerable ? !r.keywordsCovered || !r.citedGold : r.found))),
  );
  if (misses.length) {
    console.log(`\nMisses on ${missSplit === 'all' ? 'both splits' : `the ${missSplit} split`} (gold rank, evidence@5, answer keywords, cited gold / found):`);
    for (const m of misses) {
      console.log(
        `- ${m.id} [${m.lang} ${m.type}] ${m.question}\n    rank ${m.goldRank ?? '—'} · ev5 ${m.evidence5 ? 'yes' : 'no'}${answers ? ` · kw ${m.keywordsCovered ? 'yes' : 'no'} · gold cites ${m.citedGold ?? 0}/${m.cited ?? 0} · found ${m.found}` : ''} · top: ${m.topArticles.slice(0, 3).join(', ')}`,
      );
      if (answers && m.answer) console.log(`    answer: ${m.answer.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  console.log('\nwritten: eval-results/latest.json');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : err);
  process.exit(1);
});
