/**
 * Child process for the crash test: builds an index with the built-in embedder and, when
 * every file is staged, prints STAGED and waits to be killed (SIGKILL) before committing.
 * argv: corpusDir indexDir
 */
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { buildIndex } from '../../src/index/build.js';
import { DEFAULT_CHUNKING } from '../../src/chunk/chunker.js';

const [corpusDir, indexDir] = process.argv.slice(2) as [string, string];
await buildIndex({
  corpusDir,
  indexDir,
  embedder: new HashedEmbedder(),
  chunking: DEFAULT_CHUNKING,
  beforeCommit: async () => {
    process.stdout.write('STAGED\n');
    await new Promise((r) => setTimeout(r, 120_000));
  },
});
