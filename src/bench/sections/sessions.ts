/** Session-store throughput (memory, SQLite, Redis when a redis-server is on PATH) and /healthz while persisting. */
import { loadConfig } from '../../config.js';
import { benchSessions } from '../sessions.js';
import { type BenchSection, fmt } from '../section.js';
import { serverEnv } from './env.js';

export const sessionsSection: BenchSection = {
  name: 'session stores',
  async run(ctx) {
    ctx.say('bench: session stores …');
    const config = loadConfig({ ...process.env, ...serverEnv(ctx.indexDir) }, ctx.root);
    const r = await benchSessions({ config });
    ctx.results['sessions'] = r;
    return [
      ...r.rows.map((x) => ({
        metric: `  sessions: ${x.store}, ${x.workload}`,
        value: `${fmt(x.perSecond, 0)} questions/s, p99 ${fmt(x.p99Ms, 2)} ms`,
      })),
      ...r.health.map((h) => ({
        metric: `  /healthz while ${h.store} persists ${h.sessions} long sessions`,
        value: `p99 ${fmt(h.healthzP99Ms, 1)} ms (${h.keptSessions} kept, RSS +${fmt(h.rssGrowthBytes / 2 ** 20, 0)} MiB)`,
        target: 'p99 ≤ 50 ms',
        ok: h.healthzP99Ms <= 50,
      })),
    ];
  },
};
