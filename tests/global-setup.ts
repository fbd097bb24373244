/**
 * Builds the shared test index once per run (real corpus, real HNSW + BM25, built-in embedder)
 * so that integration tests load it instead of each building their own. Rebuilt only when
 * stale, exactly like `npm start`.
 */
import { HashedEmbedder } from '../src/embed/hashed.js';
import { createLogger } from '../src/logger.js';
import { prepareIndex } from '../src/server/compose.js';
import { testConfig } from './helpers/env.js';

export default async function setup(): Promise<void> {
  await prepareIndex(testConfig(), new HashedEmbedder(), createLogger('silent'));
}
