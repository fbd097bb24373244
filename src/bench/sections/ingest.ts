/** Full ingest time: `node dist/cli/ingest.js --force` into a fresh folder, wall clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { timeScript } from '../proc.js';
import { type BenchSection, fmt } from '../section.js';
import { serverEnv } from './env.js';

export const ingestSection: BenchSection = {
  name: 'ingest',
  async run(ctx) {
    ctx.say('bench: timing a full ingest (node dist/cli/ingest.js --force) …');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-bench-ingest-'));
    try {
      const r = await timeScript(ctx.root, 'dist/cli/ingest.js', ['--force'], serverEnv(dir, { LOG_LEVEL: 'warn' }), path.join(ctx.work, 'ingest.log'));
      ctx.results['ingest'] = r;
      return [{ metric: 'full ingest (forced, CLI wall clock)', value: `${fmt(r.ms / 1000, 2)} s${r.code === 0 ? '' : ` (exit ${r.code}, see .tmp/bench/ingest.log)`}` }];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
