/**
 * `npm run fit`: refits the answer stage's weights (src/answer/weights.json) on the `tune` split
 * of eval/dev.jsonl, with the built-in embedder, and writes them (atomically). `--check` only
 * compares a refit with the file (exit 1 when they differ). `--drop=a,b` leaves features out
 * (the README's ablations: `npm run fit -- --drop=typeMatch --out=.tmp/w.json`, then
 * `npm run eval -- --weights=.tmp/w.json`). `--synthetic` adds made-up unanswerable twins to the
 * found model's training data, `--found-also` the tuning files' questions, `--found-extra=A,B`
 * the `tune` split of more question files (all three measured, off by default: see fit.ts),
 * `--ranking-also=F` another file of questions for the sentence ranking, `--held-out` reports the ranking's keywords on questions it was not fitted on.
 * `--help` lists the flags; any other flag is an error (exit 2) before anything runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUESTION_FEATURES, SENTENCE_FEATURES } from '../answer/features.js';
import { fitDepsFor, fitWeights } from '../answer/fit.js';
import { ConfigError, loadConfig } from '../config.js';
import { type GoldArticle, goldKeys, loadDevSet } from '../eval/run.js';
import { createLogger } from '../logger.js';
import { createContext } from '../server/compose.js';
import { type CliSpec, cliArgs, usageFail } from './args.js';

const CLI = {
  name: 'fit',
  usage: 'npm run fit [-- options]',
  about:
    "Refits the answer stage's weights on the `tune` split of eval/dev.jsonl, with the built-in embedder, and writes them to src/answer/weights.json (atomically). Takes about 10 s.",
  options: {
    check: { type: 'boolean', help: 'only compare a refit with src/answer/weights.json: exit 0 when reproduced, 1 when not; writes nothing' },
    drop: { type: 'string', arg: 'A,B', help: 'leave these features out (ablations; with --out, then npm run eval -- --weights=FILE)' },
    out: { type: 'string', arg: 'FILE', help: 'write the weights to FILE instead of src/answer/weights.json' },
    set: { type: 'string', arg: 'FILE', help: 'question file in the dev-set format (default eval/dev.jsonl; its `tune` split is fitted)' },
    synthetic: { type: 'boolean', help: "add made-up unanswerable twins to the found model's training data (measured, off by default)" },
    'found-also': { type: 'boolean', help: "the found model learns from the tuning files' questions too (measured, off by default)" },
    'found-extra': { type: 'string', arg: 'A,B', help: "question files whose `tune` split the found model (only) also learns from (measured, off by default)" },
    'ranking-also': { type: 'string', arg: 'FILE', help: "the sentence ranking's extra questions from FILE instead of eval/team-tuning.jsonl and eval/written-tuning.jsonl" },
    'held-out': { type: 'boolean', help: "also report the ranking's keywords on questions it was not fitted on (5-fold over the pooled tuning questions; about 30 s more)" },
  },
} satisfies CliSpec;

export const WEIGHTS_PATH = fileURLToPath(new URL('../answer/weights.json', import.meta.url));

async function main(): Promise<void> {
  // Before anything is loaded or written: `--help` once ran a full refit over weights.json.
  const { values: flags } = cliArgs(CLI);
  const drop = flags.drop?.split(',').filter(Boolean) ?? [];
  const features: readonly string[] = [...SENTENCE_FEATURES, ...QUESTION_FEATURES];
  // An unknown feature name would be left out of nothing, silently.
  const unknown = drop.filter((d) => !features.includes(d));
  if (unknown.length) usageFail(CLI, `--drop: no feature ${unknown.join(', ')} (features: ${features.join(', ')})`);
  const env = { ...process.env, LOG_LEVEL: 'warn', MODEL: 'hashed' } as Record<string, string | undefined>;
  env.INDEX_DIR ??= path.join('.tmp', 'eval-index-hashed-d-d-d');
  const config = loadConfig(env);
  const ctx = await createContext(config, { logger: createLogger('warn', process.stderr) });
  const root = process.cwd();
  const questions = loadDevSet(path.resolve(root, flags.set ?? path.join('eval', 'dev.jsonl')));
  const gold = goldKeys(JSON.parse(fs.readFileSync(path.join(root, 'eval', 'articles.json'), 'utf8')) as GoldArticle[]);
  const report = await fitWeights(
    questions,
    fitDepsFor(ctx, gold),
    { drop, ...(flags.synthetic ? { synthetic: true } : {}), ...(flags['found-also'] ? { foundAlso: true } : {}), ...(flags['found-extra'] ? { foundExtra: flags['found-extra'].split(',').flatMap((f) => loadDevSet(path.resolve(root, f)).filter((q) => q.split === 'tune')) } : {}), ...(flags['held-out'] ? { heldOut: true } : {}), ...(flags['ranking-also'] ? { rankingAlso: loadDevSet(path.resolve(root, flags['ranking-also'])) } : {}), fittedOn: `eval/dev.jsonl split=tune (${questions.filter((q) => q.split === 'tune').length} questions; the sentence ranking and the selection ratio also on eval/team-tuning.jsonl and eval/written-tuning.jsonl)${drop.length ? `, without ${drop.join(',')}` : ''}` },
  );
  const text = `${JSON.stringify(report.weights, null, 1)}\n`;
  console.error(
    `fitted on ${report.questions} tune questions, ${report.sentences} sentences (${report.positives} evidence): found threshold ${report.weights.foundThreshold} (accuracy ${report.tuneAccuracy.toFixed(2)}; held-out ${report.cvAccuracy.toFixed(3)} (${report.foundBags > 1 ? `${report.foundBags} bagged models, out of bag` : `5-fold CV, L2 ${report.questionL2}`}) against ${report.baseRate.toFixed(3)} for always answering), add ratio ${report.weights.addRatio} (per language ${JSON.stringify(report.weights.addRatioByLang ?? {})}; keywords ${report.tuneKeywords.toFixed(2)} on tune and the tuning files)`,
  );
  const h = report.rankingHeldOut;
  if (h) console.error(`held-out ranking keywords ${h.keywords.toFixed(3)} on ${h.n} pooled tuning questions (${Object.entries(h.byLang).map(([l, v]) => `${l} ${v.toFixed(3)}`).join(', ')}; 5-fold, answers always found, no summaries)`);
  if (flags.check) {
    const same = fs.readFileSync(WEIGHTS_PATH, 'utf8') === text;
    console.error(same ? 'weights.json is reproduced by the refit' : 'weights.json differs from a refit: run npm run fit');
    process.exit(same ? 0 : 1);
  }
  const out = flags.out ? path.resolve(flags.out) : WEIGHTS_PATH;
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, out);
  console.error(`written: ${path.relative(root, out)}`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : err);
  process.exit(1);
});
