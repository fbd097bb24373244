/** A generated tiny model folder per test file (no hub is reachable in tests, ever). */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeTinyModel, type TinyModelOptions } from '../../src/embed/tinyModel.js';
import { SAMPLES } from './contract.js';

const CORPUS = path.resolve('corpus/monthly-china-startup-2025-06.txt');

/** Vocabulary: the test sentences, plus the corpus when it is there (so realistic text rarely hits [UNK]). */
export function vocabText(): string {
  return [...SAMPLES, 'query passage 유니트리 사족 로봇 점유율 번째 문단', existsSync(CORPUS) ? readFileSync(CORPUS, 'utf8') : ''].join('\n');
}

export async function tempDir(prefix = 'embed-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function tinyModelIn(dir: string, opts?: TinyModelOptions): Promise<string> {
  await makeTinyModel(dir, vocabText(), opts);
  return dir;
}
