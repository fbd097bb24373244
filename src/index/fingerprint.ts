/**
 * The pipeline fingerprint: a hash of the source of every stage that shapes the index (ingest,
 * chunk, embed, index, retrieve). Recorded in the manifest, so that a change of the parser,
 * the analyzer or the glossary miner rebuilds the index even when the corpus did not change —
 * version constants that someone must remember to bump are how stale indexes survive.
 * Rebuilds stay cheap: embeddings are re-used by chunk content hash.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAGES = ['ingest', 'chunk', 'embed', 'index', 'retrieve', 'text'];
/**
 * In a production build (dist/), written by scripts/build.mjs: the fingerprint of the
 * TypeScript sources dist/ was compiled from. Hashing dist's .js instead would give another
 * value than the sources, and every switch between `npm run ingest` (tsx, sources) and
 * `npm start` (dist) would rebuild the index.
 */
export const FINGERPRINT_FILE = 'pipeline-fingerprint.txt';

let cached: string | undefined;

export function pipelineFingerprint(): string {
  if (cached) return cached;
  const stamped = path.join(SRC, FINGERPRINT_FILE);
  cached = fs.existsSync(stamped) ? fs.readFileSync(stamped, 'utf8').trim() : hashStages(SRC);
  return cached;
}

/** The hash of the index-shaping stages' source files under `srcDir`. */
export function hashStages(srcDir: string): string {
  const h = createHash('sha256');
  for (const stage of STAGES) {
    const dir = path.join(srcDir, stage);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((x) => /\.[cm]?[tj]s$/.test(x)).sort()) {
      h.update(`${stage}/${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
    }
  }
  return h.digest('hex').slice(0, 16);
}
