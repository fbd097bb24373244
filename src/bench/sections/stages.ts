/** Where a question's time goes, stage by stage, in this process (no HTTP, no load). */
import { HashedEmbedder } from '../../embed/hashed.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { createContext } from '../../server/compose.js';
import { type BenchSection, fmt } from '../section.js';
import { stageTimings } from '../stages.js';
import { serverEnv } from './env.js';

export const stagesSection: BenchSection = {
  name: 'stages',
  async run(ctx) {
    ctx.say('bench: per-stage timings (in process) …');
    const config = loadConfig({ ...process.env, ...serverEnv(ctx.indexDir) }, ctx.root);
    const app = await createContext(config, { logger: createLogger('warn', process.stderr), embedder: new HashedEmbedder() });
    const questions = ctx.questions.bodies.map((b) => (JSON.parse(b) as { message: string }).message);
    const stages = await stageTimings(app, questions, ctx.quick ? 1 : 5);
    ctx.results['stages'] = stages;
    return stages.map((s) => ({ metric: `  stage: ${s.stage}`, value: `mean ${fmt(s.meanMs, 3)} ms, p95 ${fmt(s.p95Ms, 3)} ms` }));
  },
};
