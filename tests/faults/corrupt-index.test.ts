/**
 * A corrupted, truncated or missing index file is detected at start (checksums in the
 * manifest), with a warning that names the file and says how to recover, and rebuilt: the
 * server then serves. Tested through the public entry points, createContext and prepareIndex.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { createContext, prepareIndex } from '../../src/server/compose.js';
import { testConfig } from '../helpers/env.js';
import { chatWorks } from './chat.js';
import { type IndexCopy, capturingLogger, copyTestIndex, liveBuildDir } from './helpers.js';

let copy: IndexCopy | undefined;
afterEach(() => copy?.remove());

type Damage = { name: string; file: string; apply(file: string): void };

const damages: Damage[] = [
  {
    name: 'a flipped byte in the chunk store',
    file: 'chunks.json',
    apply: (f) => {
      const b = fs.readFileSync(f);
      const i = Math.floor(b.length / 2);
      b[i] = b[i]! ^ 0x20;
      fs.writeFileSync(f, b);
    },
  },
  { name: 'a truncated HNSW graph', file: 'hnswlib.index', apply: (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)) },
  { name: 'an empty vector file', file: 'vectors.f32', apply: (f) => fs.truncateSync(f, 0) },
  { name: 'a deleted lexical index', file: 'lexical.json', apply: (f) => fs.rmSync(f) },
];

describe('a damaged index is detected at start and rebuilt', () => {
  for (const d of damages) {
    it(`${d.name} (${d.file}): warns naming the file, rebuilds, serves`, async () => {
      copy = copyTestIndex('corrupt');
      const config = testConfig({ INDEX_DIR: copy.dir });
      // Make sure there is a good build to damage (the copy is empty when the shared index is missing).
      await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger);
      const damagedBuild = path.basename(liveBuildDir(copy.dir));
      d.apply(path.join(liveBuildDir(copy.dir), d.file));

      const { logger, lines } = capturingLogger('info');
      const ctx = await createContext(config, { logger, embedder: new HashedEmbedder() });

      const warning = lines.find((l) => l['level'] === 40 && /corrupt/.test(String(l['msg'])));
      expect(warning, JSON.stringify(lines)).toBeDefined();
      expect(String(warning!['err'])).toContain(d.file);
      expect(String(warning!['err'])).toMatch(/npm run ingest -- --force/);
      expect(lines.some((l) => l['msg'] === 'building the index')).toBe(true);
      expect(ctx.index.buildName).not.toBe(damagedBuild);
      expect(ctx.index.chunks.length).toBeGreaterThan(100);

      await chatWorks(ctx);
    });
  }

  it('a garbled manifest is rebuilt too', async () => {
    copy = copyTestIndex('corrupt');
    const config = testConfig({ INDEX_DIR: copy.dir });
    await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger);
    fs.writeFileSync(path.join(liveBuildDir(copy.dir), 'manifest.json'), '{"schemaVersion": 1, "files": ');
    const { logger, lines } = capturingLogger('info');
    const index = await prepareIndex(config, new HashedEmbedder(), logger);
    const warning = lines.find((l) => l['level'] === 40);
    expect(String(warning?.['err'])).toContain('manifest.json');
    expect(index.chunks.length).toBeGreaterThan(100);
  });
});
