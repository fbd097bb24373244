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
const STAGES = ['ingest', 'chunk', 'embed', 'index', 'retrieve'];

let cached: string | undefined;

export function pipelineFingerprint(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  for (const stage of STAGES) {
    const dir = path.join(SRC, stage);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((x) => /\.[cm]?[tj]s$/.test(x)).sort()) {
      h.update(`${stage}/${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
    }
  }
  cached = h.digest('hex').slice(0, 16);
  return cached;
}
