/**
 * `npm run ingest [-- --force | --fresh]`: builds the index (when stale; always with --force;
 * --fresh also re-embeds every chunk instead of re-using unchanged ones) with a
 * progress bar, then prints a summary: reports, articles, chunks, embedder, seconds, size.
 */
import { ConfigError, loadConfig } from '../config.js';
import { createEmbedder } from '../embed/load.js';
import type { BuildSummary } from '../index/build.js';
import { createLogger } from '../logger.js';
import { prepareIndex } from '../server/compose.js';
import { buildProgressBar } from './progress.js';
import { quantile } from '../util/stats.js';
import { type CliSpec, cliArgs } from './args.js';

const CLI = {
  name: 'ingest',
  usage: 'npm run ingest [-- --force | --fresh]  (production: node dist/cli/ingest.js)',
  about:
    'Builds the index (INDEX_DIR) from the corpus when it is missing or stale, with a progress bar, then prints a summary: reports, articles, chunks, embedder, seconds, size.',
  options: {
    force: { type: 'boolean', help: 'rebuild even when the index is up to date' },
    fresh: { type: 'boolean', help: 'rebuild and re-embed every chunk instead of re-using unchanged ones (implies --force)' },
  },
} satisfies CliSpec;

async function main(): Promise<void> {
  // Before any work: a wrong flag must not start a build.
  const { values: flags } = cliArgs(CLI);
  const fresh = flags.fresh;
  const force = fresh || flags.force;
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
  const embedder = await createEmbedder(config, { info: (m) => console.error(m), warn: (m) => console.error(`\n${m}\n`) });
  const bar = buildProgressBar();
  let summary: BuildSummary | undefined;
  const index = await prepareIndex(config, embedder, logger, { force, fresh, onProgress: (p) => bar.update(p), onBuilt: (s) => (summary = s) });
  bar.stop();
  const m = index.manifest;
  if (!summary) {
    console.log(`Index is up to date (built ${m.builtAt}, ${m.counts.chunks} chunks, embedder ${m.embedder.id}). Use --force to rebuild.`);
    return;
  }
  const lens = summary.chunkLengths;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    [
      '',
      `Index built in ${summary.seconds.toFixed(2)} s → ${config.paths.index} (build ${summary.buildName})`,
      `  reports   ${summary.reports}`,
      `  articles  ${summary.articles}`,
      `  chunks    ${summary.chunks} (re-used embeddings: ${summary.reusedEmbeddings})`,
      `  chunk length (chars): min ${Math.min(...lens)}, p50 ${quantile(lens, 0.5)}, p90 ${quantile(lens, 0.9)}, max ${Math.max(...lens)}, mean ${(lens.reduce((a, b) => a + b, 0) / Math.max(1, lens.length)).toFixed(0)}`,
      `  glossary  ${summary.glossary} bilingual pairs`,
      `  embedder  ${summary.embedder} (${m.embedder.dimensions}-d)`,
      `  embedding ${(summary.embedSeconds * 1000).toFixed(0)} ms for ${summary.chunks - summary.reusedEmbeddings} chunks (${summary.chunks - summary.reusedEmbeddings ? ((summary.embedSeconds * 1000) / (summary.chunks - summary.reusedEmbeddings)).toFixed(2) : '-'} ms/chunk)`,
      `  size      ${(summary.bytes / 1024).toFixed(0)} KiB`,
      `  peak RSS  ${rss.toFixed(0)} MiB`,
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
