/** A real context (the real corpus, the test index, the built-in embedder) for one describe block. */
import { afterAll, beforeAll } from 'vitest';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { createLogger } from '../../src/logger.js';
import { createContext } from '../../src/server/compose.js';
import type { AppContext } from '../../src/server/context.js';
import { testConfig } from './env.js';

/** Opens the context before the block's tests and closes it after; call the result inside a test. */
export function useRealContext(): () => AppContext {
  let ctx: AppContext | undefined;
  beforeAll(async () => {
    ctx = await createContext(testConfig(), { logger: createLogger('silent'), embedder: new HashedEmbedder() });
  }, 120_000);
  afterAll(async () => {
    await ctx?.closeState?.();
  });
  return () => {
    if (!ctx) throw new Error('the context is opened in beforeAll');
    return ctx;
  };
}
