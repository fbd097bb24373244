/** Start-to-ready on the built index: spawn of `node dist/cli/start.js` to its start line (median of 3; 1 with --quick). */
import path from 'node:path';
import { startServer } from '../proc.js';
import { type BenchSection, fmt, median } from '../section.js';
import { serverEnv } from './env.js';

export const READY_TARGET_MS = 1500;

export const readySection: BenchSection = {
  name: 'ready',
  async run(ctx) {
    const runs = ctx.quick ? 1 : 3;
    const rows = [];
    const out: Record<string, number[]> = {};
    for (const workers of [1, 2]) {
      ctx.say(`bench: timing start-to-ready, WORKERS=${workers} (${runs} start${runs > 1 ? 's' : ''}) …`);
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = await startServer({ root: ctx.root, env: serverEnv(ctx.indexDir, { WORKERS: String(workers) }), logFile: path.join(ctx.work, `ready-${workers}-${i}.log`) });
        ms.push(s.readyMs);
        await s.stop();
      }
      out[`workers${workers}`] = ms;
      const m = median(ms);
      rows.push({ metric: `start-to-ready, WORKERS=${workers} (built index)`, value: `${fmt(m, 0)} ms (runs: ${ms.map((r) => r.toFixed(0)).join(', ')})`, target: `≤ ${READY_TARGET_MS} ms`, ok: m <= READY_TARGET_MS });
    }
    ctx.results['readyMs'] = out;
    return rows;
  },
};
