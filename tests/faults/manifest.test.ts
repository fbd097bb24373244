/**
 * The manifest is untrusted: each class of corruption the probe found (a digit changed in
 * `dimensions`, an empty or partial `files` map, a missing `embedder`, a field of the wrong
 * type, a corrupted CURRENT pointer, a manifest that no longer matches its checksum) is
 * detected at start with one warning naming what was wrong, rebuilt, and the server then
 * answers /api/chat — never a TypeError at start or a 500 at the first question.
 *
 * Most damages are applied twice: leaving the checksum beside CURRENT stale (what a stray edit
 * or a bit flip does), and with the checksum recomputed, so that the checks behind it (schema,
 * file list, dimensions against the HNSW file and the embedder) are exercised too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { loadIndex } from '../../src/index/load.js';
import { createContext, prepareIndex } from '../../src/server/compose.js';
import { testConfig } from '../helpers/env.js';
import { chatWorks } from './chat.js';
import { type IndexCopy, capturingLogger, copyTestIndex, liveBuildDir } from './helpers.js';

let copy: IndexCopy | undefined;
afterEach(() => copy?.remove());

type Json = Record<string, unknown>;

function editManifest(indexDir: string, edit: (m: Json) => void, opts: { resum: boolean }): void {
  const file = path.join(liveBuildDir(indexDir), 'manifest.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  edit(m);
  const bytes = JSON.stringify(m, null, 2);
  fs.writeFileSync(file, bytes);
  if (opts.resum) {
    const sums = path.join(indexDir, 'CURRENT.sha256');
    const rel = path.relative(indexDir, file);
    fs.writeFileSync(sums, `${createHash('sha256').update(bytes).digest('hex')}  ${rel}\n`);
  }
}

const embedderOf = (m: Json) => m['embedder'] as Json;

interface Damage {
  name: string;
  apply(indexDir: string): void;
  /** What the warning must name. */
  names: RegExp;
}

const damages: Damage[] = [
  {
    name: 'one digit changed in dimensions (checksum stale)',
    apply: (d) => editManifest(d, (m) => (embedderOf(m)['dimensions'] = Number(embedderOf(m)['dimensions']) + 1), { resum: false }),
    names: /does not match its checksum/,
  },
  {
    name: 'one digit changed in dimensions (checksum recomputed)',
    apply: (d) => editManifest(d, (m) => (embedderOf(m)['dimensions'] = Number(embedderOf(m)['dimensions']) * 10), { resum: true }),
    names: /dimensions/,
  },
  { name: 'an empty files map (checksum stale)', apply: (d) => editManifest(d, (m) => (m['files'] = {}), { resum: false }), names: /does not match its checksum/ },
  { name: 'an empty files map (checksum recomputed)', apply: (d) => editManifest(d, (m) => (m['files'] = {}), { resum: true }), names: /files\.\w+\.\w+: missing/ },
  {
    name: 'a partial files map (checksum recomputed)',
    apply: (d) => editManifest(d, (m) => delete (m['files'] as Json)['hnswlib.index'], { resum: true }),
    names: /files\.hnswlib\.index: missing/,
  },
  { name: 'a missing embedder (checksum recomputed)', apply: (d) => editManifest(d, (m) => delete m['embedder'], { resum: true }), names: /embedder: Required/ },
  { name: 'a missing corpus (checksum recomputed)', apply: (d) => editManifest(d, (m) => delete m['corpus'], { resum: true }), names: /corpus: Required/ },
  {
    name: 'dimensions as a string (checksum recomputed)',
    apply: (d) => editManifest(d, (m) => (embedderOf(m)['dimensions'] = String(embedderOf(m)['dimensions'])), { resum: true }),
    names: /embedder\.dimensions: Expected number, received string/,
  },
  { name: 'a harmless-looking edit (builtAt) without a new checksum', apply: (d) => editManifest(d, (m) => (m['builtAt'] = '2020-01-01T00:00:00.000Z'), { resum: false }), names: /does not match its checksum/ },
  { name: 'a deleted checksum file', apply: (d) => fs.rmSync(path.join(d, 'CURRENT.sha256')), names: /checksum .* is missing/ },
  { name: 'a garbled CURRENT pointer', apply: (d) => fs.writeFileSync(path.join(d, 'CURRENT'), '\u0000\u00ff../x\n'), names: /pointer .*CURRENT does not hold a build name/ },
  { name: 'a CURRENT pointer naming no build', apply: (d) => fs.writeFileSync(path.join(d, 'CURRENT'), '20200101-000000-abcdef\n'), names: /manifest .* is missing/ },
];

describe('a corrupted manifest is detected at start, named in one warning, and rebuilt', () => {
  for (const d of damages) {
    it(d.name, async () => {
      copy = copyTestIndex('manifest');
      const config = testConfig({ INDEX_DIR: copy.dir });
      await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger);
      d.apply(copy.dir);

      const { logger, lines } = capturingLogger('info');
      const ctx = await createContext(config, { logger, embedder: new HashedEmbedder() });
      const warnings = lines.filter((l) => l['level'] === 40);
      expect(warnings, JSON.stringify(lines)).toHaveLength(1);
      expect(String(warnings[0]!['err']), JSON.stringify(warnings[0])).toMatch(d.names);
      expect(lines.some((l) => l['msg'] === 'building the index')).toBe(true);
      expect(ctx.index.chunks.length).toBeGreaterThan(100);
      await chatWorks(ctx);
    });
  }
});

describe('dimensions are cross-checked at load, not at the first question', () => {
  it('a manifest whose dimensions disagree with the HNSW file is INDEX_CORRUPT even with a valid checksum', async () => {
    copy = copyTestIndex('manifest');
    const config = testConfig({ INDEX_DIR: copy.dir });
    await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger);
    const dims = loadIndex(copy.dir).manifest.embedder.dimensions;
    editManifest(copy.dir, (m) => (embedderOf(m)['dimensions'] = dims + 1), { resum: true });
    expect(() => loadIndex(copy!.dir)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT', message: expect.stringMatching(new RegExp(`hnswlib\\.index holds ${dims}-dimensional vectors, manifest\\.json says ${dims + 1}`)) }));
  });

  it('an embedder of other dimensions than the index is INDEX_CORRUPT at load', async () => {
    copy = copyTestIndex('manifest');
    const config = testConfig({ INDEX_DIR: copy.dir });
    const idx = await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger);
    const dims = idx.manifest.embedder.dimensions;
    expect(() => loadIndex(copy!.dir, { dimensions: dims + 1 })).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT', message: expect.stringContaining(`gives ${dims + 1}`) }));
    expect(loadIndex(copy.dir, { dimensions: dims }).vector.size).toBe(idx.chunks.length);
  });

  it('a vector file of the right checksum but the wrong length is INDEX_CORRUPT', async () => {
    copy = copyTestIndex('manifest');
    const config = testConfig({ INDEX_DIR: copy.dir });
    await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger);
    const dir = liveBuildDir(copy.dir);
    const vec = path.join(dir, 'vectors.f32');
    fs.writeFileSync(vec, fs.readFileSync(vec).subarray(0, 4 * 10));
    const sum = createHash('sha256').update(fs.readFileSync(vec)).digest('hex');
    editManifest(copy.dir, (m) => ((m['files'] as Json)['vectors.f32'] = sum), { resum: true });
    expect(() => loadIndex(copy!.dir)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT', message: expect.stringContaining('vectors.f32 has 40 bytes') }));
  });
});
