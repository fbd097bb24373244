/**
 * Generates the tiny test model (see src/embed/tinyModel.ts) so that the Transformers.js path
 * can run without any download:
 *
 *   npx tsx scripts/make-tiny-model.ts [dir=.cache/tiny-model] [vocab files… = the corpus]
 *   MODEL=$PWD/.cache/tiny-model npm run ingest
 *
 * The vocabulary is every character of the given files (default: the .txt/.md files in
 * CORPUS_DIR); characters outside it become [UNK].
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { makeTinyModel } from '../src/embed/tinyModel.js';

const [dirArg, ...vocabFiles] = process.argv.slice(2);
const dir = path.resolve(dirArg ?? '.cache/tiny-model');
const config = loadConfig();
const files = vocabFiles.length > 0
  ? vocabFiles
  : readdirSync(config.paths.corpus).filter((f) => /\.(txt|md)$/i.test(f)).map((f) => path.join(config.paths.corpus, f));
const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');

const t0 = performance.now();
await makeTinyModel(dir, text);
console.log(`tiny model in ${dir} (vocabulary from ${files.length} file(s), ${text.length} chars) in ${(performance.now() - t0).toFixed(0)} ms`);
