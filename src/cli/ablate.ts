/**
 * `npm run ablate`: the answer stage's ablation table. For each named feature, the weights are
 * refitted on `tune` without it and the dev set is answered with them; the table gives keyword
 * coverage, refusals and answerable questions answered "not found" (hedged) on `check` (and
 * tune), beside the full model. Prints Markdown (the README's Design section holds the last
 * run). Then each rule after the model switched off (no refit): the "not found" rules and the
 * selection rules (a definition's gloss first, announced items after their announcement).
 * `--rules-only` prints the full model and the rule rows alone (seconds, not minutes).
 * Built-in embedder, extractive answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type AnswerWeights, ExtractiveAnswerer, REFUSAL_RULES, type AnswerRule, SELECTION_RULES } from '../answer/extractive.js';
import { QUESTION_FEATURES, SENTENCE_FEATURES } from '../answer/features.js';
import { fitDepsFor, fitWeights } from '../answer/fit.js';
import { MemorySessionStore } from '../chat/sessions.js';
import { ConfigError, loadConfig } from '../config.js';
import { summarize } from '../eval/metrics.js';
import { type GoldArticle, goldKeys, loadDevSet, runDevSet } from '../eval/run.js';
import { createLogger } from '../logger.js';
import { createContext } from '../server/compose.js';
import { type CliSpec, cliArgs } from './args.js';

const CLI = {
  name: 'ablate',
  usage: 'npm run ablate [-- --rules-only] [-- --set=FILE]',
  about:
    "The answer stage's ablation table: for each feature, the weights are refitted on `tune` without it and the dev set is answered with them; then each \"not found\" rule is switched off; prints keyword coverage and refusals on `check` (and tune) beside the full model, as Markdown. Built-in embedder, extractive answers. Takes minutes.",
  options: {
    'rules-only': { type: 'boolean', help: 'only the full model and the rows without each rule after the model ("not found" rules, selection rules; no refits but the full one)' },
    set: { type: 'string', arg: 'FILE', help: 'answer this question file instead of eval/dev.jsonl (its split field, if any, gives the columns; the fit stays on eval/dev.jsonl)' },
  },
} satisfies CliSpec;

async function main(): Promise<void> {
  // An unknown flag is a mistake, said before the minutes of refits.
  const { values: flags } = cliArgs(CLI);
  const env = { ...process.env, LOG_LEVEL: 'warn', MODEL: 'hashed' } as Record<string, string | undefined>;
  env.INDEX_DIR ??= path.join('.tmp', 'eval-index-hashed-d-d-d');
  const ctx = await createContext(loadConfig(env), { logger: createLogger('warn', process.stderr) });
  const root = process.cwd();
  const questions = loadDevSet(path.join(root, 'eval', 'dev.jsonl'));
  const gold = goldKeys(JSON.parse(fs.readFileSync(path.join(root, 'eval', 'articles.json'), 'utf8')) as GoldArticle[]);
  const answered = flags.set ? loadDevSet(path.resolve(flags.set)) : questions;
  const deps = fitDepsFor(ctx, gold);
  const { answererOptions, makeChat } = deps;

  const row = async (name: string, drop: string[], fitted?: AnswerWeights, withoutRules: AnswerRule[] = []) => {
    const weights = fitted ?? (await fitWeights(questions, deps, { drop })).weights;
    const sessions = new MemorySessionStore({ maxTurns: 20, ttlMs: 3_600_000, maxSessions: 1000 });
    const chat = makeChat(new ExtractiveAnswerer({ ...answererOptions, weights, withoutRules }), sessions, { asProduct: true });
    const results = await runDevSet(answered, gold, chat, sessions, { answers: true });
    const cell = (split: string, lang?: string) => summarize(results.filter((r) => r.split === split && (!lang || r.lang === lang)));
    const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(2));
    const c = cell('check');
    const t = cell('tune');
    return `| ${name} | ${f(t.keywordCoverage)} | ${t.unanswerableCorrect} | ${f(c.keywordCoverage)} | ${f(cell('check', 'ko').keywordCoverage)} | ${f(cell('check', 'zh').keywordCoverage)} | ${f(cell('check', 'en').keywordCoverage)} | ${f(c.firstCitedGold)} | ${c.unanswerableCorrect} | ${c.hedged} |`;
  };
  console.log('| without | tune keywords | tune refused | check keywords | check ko | check zh | check en | check 1st cite gold | check refused | check hedged |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const { weights: full } = await fitWeights(questions, deps, {});
  console.log(await row('(full model)', [], full));
  if (!flags['rules-only']) for (const f of [...SENTENCE_FEATURES, ...QUESTION_FEATURES]) console.log(await row(f, [f]));
  for (const rule of [...REFUSAL_RULES, ...SELECTION_RULES]) console.log(await row(`rule: ${rule}`, [], full, [rule]));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : err);
  process.exit(1);
});
