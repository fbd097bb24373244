/** Shared test configuration: the real corpus, a test index folder, the built-in embedder. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, loadConfig } from '../../src/config.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_INDEX = path.join(ROOT, '.tmp', 'test-index');

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ MODEL: 'hashed', INDEX_DIR: TEST_INDEX, LOG_LEVEL: 'silent', PORT: '0', RATE_LIMIT_PER_MINUTE: '0', ...overrides }, ROOT);
}
