/**
 * Builds the shared test index once per run (real corpus, real HNSW + BM25, built-in embedder)
 * so that integration tests load it instead of each building their own. Rebuilt only when
 * stale, exactly like `npm start`.
 */
import { testConfig } from './helpers/env.js';

export default async function setup(): Promise<void> {
  const config = testConfig();
  // Imported lazily so that unit tests of a single stage still run while another stage is
  // being rewritten (a broken import then fails the integration tests, not every test).
  try {
    const [{ HashedEmbedder }, { createLogger }, { prepareIndex }] = await Promise.all([
      import('../src/embed/hashed.js'),
      import('../src/logger.js'),
      import('../src/server/compose.js'),
    ]);
    await prepareIndex(config, new HashedEmbedder(), createLogger('silent'));
  } catch (e) {
    console.warn(`[global-setup] could not build the shared test index: ${(e as Error).message}`);
  }
}
