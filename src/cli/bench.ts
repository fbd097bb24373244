/**
 * `npm run bench [-- --quick --duration=30 --connections=20 --profile --sessions-only]`: the
 * server's figures on this machine, next to their targets, as one table.
 *
 * The server always runs as a child process built from dist/ (built first when stale), on a
 * free loopback port, on a dedicated index (.tmp/bench-index, built-in embedder). The bench is
 * the list of SECTIONS below, each a module of src/bench/sections/ returning table rows; add a
 * measurement by adding a section. --quick: 5 s loads, one start per ready figure.
 * --sessions-only: the session stores' section alone (not written to bench-results/). --help
 * lists the flags; any other flag is an error (exit 2) before anything is built.
 * Results also go to bench-results/latest.json. Loopback only: load goes to 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDist } from '../bench/proc.js';
import type { BenchContext, BenchQuestions, BenchRow, BenchSection } from '../bench/section.js';
import { serverEnv } from '../bench/sections/env.js';
import { ingestSection } from '../bench/sections/ingest.js';
import { readySection } from '../bench/sections/ready.js';
import { scalingSection } from '../bench/sections/scaling.js';
import { stagesSection } from '../bench/sections/stages.js';
import { costSection } from '../bench/sections/cost.js';
import { sessionsSection } from '../bench/sections/sessions.js';
import { loadConfig } from '../config.js';
import { HashedEmbedder } from '../embed/hashed.js';
import { createLogger } from '../logger.js';
import { prepareIndex } from '../server/compose.js';
import { type CliSpec, cliArgs, usageFail } from './args.js';

const CLI = {
  name: 'bench',
  usage: 'npm run bench [-- options]',
  about:
    "The server's figures on this machine, next to their targets, as one table. The server runs as a child process built from dist/ (built first when stale) on a free loopback port, on .tmp/bench-index (built-in embedder); results also go to bench-results/latest.json. Takes minutes.",
  options: {
    quick: { type: 'boolean', help: '5 s loads, one start per ready figure' },
    duration: { type: 'number', arg: 'S', help: 'seconds per load (default 30, 5 with --quick)' },
    connections: { type: 'number', arg: 'N', help: 'concurrent connections of the load (default 20)' },
    profile: { type: 'boolean', help: "also CPU-profile the 1-worker server's first load (self time by area)" },
    'sessions-only': { type: 'boolean', help: 'only the session stores section (src/bench/sessions.ts): no dist/, no load, bench-results/ left as it is' },
  },
} satisfies CliSpec;

const SECTIONS: BenchSection[] = [readySection, scalingSection, ingestSection, stagesSection, costSection, sessionsSection];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function positive(name: string, value: number | undefined, def: number): number {
  if (value === undefined) return def;
  if (value <= 0) usageFail(CLI, `--${name} must be a positive number (got ${value})`);
  return value;
}

function questions(): BenchQuestions {
  const rows = fs
    .readFileSync(path.join(ROOT, 'eval', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { lang: string; question: string });
  const picked = rows.filter((r) => r.lang === 'ko' || r.lang === 'zh');
  return {
    bodies: picked.map((r) => JSON.stringify({ message: r.question })),
    queries: picked.map((r) => `/api/search?q=${encodeURIComponent(r.question)}`),
    ko: picked.filter((r) => r.lang === 'ko').length,
    zh: picked.filter((r) => r.lang === 'zh').length,
  };
}

function table(rows: BenchRow[]): string[] {
  const cells = rows.map((r) => [r.metric, r.value, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED']);
  const head = ['metric', 'value', 'target', ''];
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i]!)).join(' | ')} |`;
  return [line(head), line(w.map((n) => '-'.repeat(Math.max(3, n)))), ...cells.map(line)];
}

async function main(): Promise<void> {
  // Before any work: the bench builds dist/ and an index, and takes minutes.
  const { values: flags } = cliArgs(CLI);
  const quick = flags.quick;
  const sessionsOnly = flags['sessions-only'];
  const ctx: BenchContext = {
    root: ROOT,
    work: path.join(ROOT, '.tmp', 'bench'),
    indexDir: path.join(ROOT, '.tmp', 'bench-index'),
    quick,
    durationSec: positive('duration', flags.duration, quick ? 5 : 30),
    connections: positive('connections', flags.connections, 20),
    profile: flags.profile,
    questions: questions(),
    say: (s) => process.stderr.write(`${s}\n`),
    results: {},
  };
  fs.mkdirSync(ctx.work, { recursive: true });
  ctx.say(`bench: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`);
  // The session stores run in this process: they need the index, not dist/.
  ctx.say(sessionsOnly ? 'bench: the index in .tmp/bench-index …' : 'bench: dist/ (built when stale) and the index in .tmp/bench-index …');
  if (!sessionsOnly) await ensureDist(ROOT);
  const config = loadConfig({ ...process.env, ...serverEnv(ctx.indexDir) }, ROOT);
  const index = await prepareIndex(config, new HashedEmbedder(), createLogger('warn', process.stderr));
  const m = index.manifest;

  const rows: BenchRow[] = [];
  for (const s of sessionsOnly ? [sessionsSection] : SECTIONS) rows.push(...(await s.run(ctx)));

  console.log(
    [
      '',
      `Bench${quick ? ' (--quick)' : ''}${sessionsOnly ? ' (--sessions-only)' : `: ${ctx.durationSec} s × ${ctx.connections} connections on 127.0.0.1`}, ${os.cpus().length} cores, index ${m.counts.chunks} chunks / ${m.counts.articles} articles (${m.embedder.id}), extractive answerer, LOG_LEVEL=${serverEnv(ctx.indexDir).LOG_LEVEL}, ${ctx.questions.bodies.length} questions (${ctx.questions.ko} ko, ${ctx.questions.zh} zh) rotated`,
      '',
      ...table(rows),
    ].join('\n'),
  );
  // A partial run would replace the last full run's figures.
  if (sessionsOnly) return;
  const results = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
    settings: { quick, durationSec: ctx.durationSec, connections: ctx.connections, index: { chunks: m.counts.chunks, embedder: m.embedder.id } },
    rows,
    ...ctx.results,
  };
  const dir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  ctx.say('bench: wrote bench-results/latest.json');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
