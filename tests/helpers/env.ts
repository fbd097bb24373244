/** Shared test configuration: the real corpus, a test index folder, the built-in embedder. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, loadConfig } from '../../src/config.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_INDEX = path.join(ROOT, '.tmp', 'test-index');

export function testConfig(overrides: Record<string, string> = {}): Config {
  // Feedback goes to a per-process file under .tmp, never to the project's data/ folder.
  return loadConfig({ MODEL: 'hashed', INDEX_DIR: TEST_INDEX, FEEDBACK_FILE: path.join(ROOT, '.tmp', `feedback-${process.pid}.jsonl`), LOG_LEVEL: 'silent', PORT: '0', RATE_LIMIT_PER_MINUTE: '0', ...overrides }, ROOT);
}
