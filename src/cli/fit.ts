/**
 * `npm run fit`: refits the answer stage's weights (src/answer/weights.json) on the `tune` split
 * of eval/dev.jsonl, with the built-in embedder, and writes them (atomically). `--check` only
 * compares a refit with the file (exit 1 when they differ). `--drop=a,b` leaves features out
 * (the README's ablations: `npm run fit -- --drop=typeMatch --out=.tmp/w.json`, then
 * `npm run eval -- --weights=.tmp/w.json`). `--synthetic` adds made-up unanswerable twins to the
 * found model's training data, `--found-also` the tuning files' questions (both measured, off
 * by default: see fit.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitDepsFor, fitWeights } from '../answer/fit.js';
import { ConfigError, loadConfig } from '../config.js';
import { type GoldArticle, goldKeys, loadDevSet } from '../eval/run.js';
import { createLogger } from '../logger.js';
import { createContext } from '../server/compose.js';

function flag(name: string): string | undefined {
  const a = process.argv.find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
  if (!a) return undefined;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true';
}

export const WEIGHTS_PATH = fileURLToPath(new URL('../answer/weights.json', import.meta.url));

async function main(): Promise<void> {
  const env = { ...process.env, LOG_LEVEL: 'warn', MODEL: 'hashed' } as Record<string, string | undefined>;
  env.INDEX_DIR ??= path.join('.tmp', 'eval-index-hashed-d-d-d');
  const config = loadConfig(env);
  const ctx = await createContext(config, { logger: createLogger('warn', process.stderr) });
  const root = process.cwd();
  const questions = loadDevSet(path.resolve(root, flag('set') ?? path.join('eval', 'dev.jsonl')));
  const gold = goldKeys(JSON.parse(fs.readFileSync(path.join(root, 'eval', 'articles.json'), 'utf8')) as GoldArticle[]);
  const drop = flag('drop')?.split(',').filter(Boolean) ?? [];
  const report = await fitWeights(
    questions,
    fitDepsFor(ctx, gold),
    { drop, ...(flag('synthetic') ? { synthetic: true } : {}), ...(flag('found-also') ? { foundAlso: true } : {}), ...(flag('ranking-also') ? { rankingAlso: loadDevSet(path.resolve(root, flag('ranking-also')!)) } : {}), fittedOn: `eval/dev.jsonl split=tune (${questions.filter((q) => q.split === 'tune').length} questions; the sentence ranking also on eval/team-tuning.jsonl and eval/written-tuning.jsonl)${drop.length ? `, without ${drop.join(',')}` : ''}` },
  );
  const text = `${JSON.stringify(report.weights, null, 1)}\n`;
  console.error(
    `fitted on ${report.questions} tune questions, ${report.sentences} sentences (${report.positives} evidence): found threshold ${report.weights.foundThreshold} (accuracy ${report.tuneAccuracy.toFixed(2)}; 5-fold CV ${report.cvAccuracy.toFixed(3)} with L2 ${report.questionL2} against ${report.baseRate.toFixed(3)} for always answering), add ratio ${report.weights.addRatio} (keywords ${report.tuneKeywords.toFixed(2)})`,
  );
  if (flag('check')) {
    const same = fs.readFileSync(WEIGHTS_PATH, 'utf8') === text;
    console.error(same ? 'weights.json is reproduced by the refit' : 'weights.json differs from a refit: run npm run fit');
    process.exit(same ? 0 : 1);
  }
  const out = flag('out') ? path.resolve(flag('out')!) : WEIGHTS_PATH;
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, out);
  console.error(`written: ${path.relative(root, out)}`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : err);
  process.exit(1);
});
