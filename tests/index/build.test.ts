import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHUNKING } from '../../src/chunk/chunker.js';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { buildIndex } from '../../src/index/build.js';
import { hashCorpus } from '../../src/ingest/corpusFiles.js';
import { checkStaleness, loadIndex } from '../../src/index/load.js';
import { acquireBuildLock } from '../../src/index/lock.js';
import { currentBuildName } from '../../src/index/store.js';
import { ROOT } from '../helpers/env.js';

const CORPUS = path.join(ROOT, 'corpus');
let tmp: string;
let corpus: string;
let indexDir: string;
const embedder = new HashedEmbedder();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-index-'));
  corpus = path.join(tmp, 'corpus');
  indexDir = path.join(tmp, 'index');
  fs.cpSync(CORPUS, corpus, { recursive: true });
  await buildIndex({ corpusDir: corpus, indexDir, embedder, chunking: DEFAULT_CHUNKING });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('index build', () => {
  it('writes a manifest with schema, corpus hashes, embedder, chunking, counts and checksums', () => {
    const idx = loadIndex(indexDir);
    const m = idx.manifest;
    expect(m.schemaVersion).toBe(1);
    expect(Object.keys(m.corpus)).toEqual(['monthly-china-startup-2025-06.txt']);
    expect(m.corpus['monthly-china-startup-2025-06.txt']).toMatch(/^[0-9a-f]{64}$/);
    expect(m.embedder).toEqual(embedder.info);
    expect(m.chunking).toEqual(DEFAULT_CHUNKING);
    expect(m.counts.articles).toBe(20);
    expect(m.counts.chunks).toBe(idx.chunks.length);
    expect(m.counts.chunks).toBeGreaterThan(100);
    expect(m.counts.glossary).toBeGreaterThan(30);
    expect(Object.keys(m.files).sort()).toEqual(['args.json', 'articles.json', 'chunks.json', 'docstore.json', 'glossary.json', 'hnswlib.index', 'lexical.json', 'vectors.f32']);
    expect(idx.vector.size).toBe(idx.chunks.length);
    expect(idx.vectors).toHaveLength(idx.chunks.length);
  });

  it('is not stale right after a build, and detects a changed corpus, embedder or chunking', () => {
    const now = { corpus: hashCorpus(corpus), embedder: embedder.info, chunking: DEFAULT_CHUNKING };
    expect(checkStaleness(indexDir, now)).toEqual({ stale: false, reasons: [] });
    const edited = { ...now.corpus, 'monthly-china-startup-2025-06.txt': '0'.repeat(64) };
    expect(checkStaleness(indexDir, { ...now, corpus: edited }).reasons).toEqual(['changed: monthly-china-startup-2025-06.txt']);
    expect(checkStaleness(indexDir, { ...now, corpus: { ...now.corpus, 'new.md': 'x' } }).reasons).toEqual(['added: new.md']);
    expect(checkStaleness(indexDir, { ...now, embedder: { id: 'other', dimensions: 3, kind: 'hashed' } }).reasons[0]).toMatch(/^embedder /);
    expect(checkStaleness(indexDir, { ...now, chunking: { ...DEFAULT_CHUNKING, targetChars: 1 } }).reasons).toEqual(['chunking options changed']);
    expect(checkStaleness(path.join(tmp, 'nowhere'), now).stale).toBe(true);
  });

  it('re-uses the embeddings of unchanged chunks when re-ingesting', async () => {
    const extra = path.join(corpus, 'extra.md');
    fs.writeFileSync(extra, '# 월간 중국창업 2025년 7월호\n\n## 산업 트렌드\n\n### 01. 시험 기사\n\n시험용 문단입니다. 새로운 내용이 들어 있다.\n');
    try {
      const s = await buildIndex({ corpusDir: corpus, indexDir, embedder, chunking: DEFAULT_CHUNKING });
      expect(s.reports).toBe(2);
      expect(s.reusedEmbeddings).toBe(s.chunks - 1);
    } finally {
      fs.rmSync(extra);
      await buildIndex({ corpusDir: corpus, indexDir, embedder, chunking: DEFAULT_CHUNKING });
    }
  });

  it('refuses a second concurrent build (lock) and takes over a lock whose owner died', () => {
    const lock = acquireBuildLock(indexDir);
    try {
      fs.writeFileSync(path.join(indexDir, '.lock'), '999999\n'); // a pid that is not running
      const l2 = acquireBuildLock(indexDir);
      expect(() => acquireBuildLock(indexDir)).toThrow(/Another index build/);
      l2.release();
    } finally {
      lock.release();
    }
    const busy = spawn(process.execPath, ['-e', 'setTimeout(()=>{}, 30000)']);
    try {
      fs.writeFileSync(path.join(indexDir, '.lock'), `${busy.pid}\n`);
      expect(() => acquireBuildLock(indexDir)).toThrow(expect.objectContaining({ code: 'INDEX_BUSY' }));
    } finally {
      busy.kill('SIGKILL');
      fs.rmSync(path.join(indexDir, '.lock'), { force: true });
    }
  });

  it('a build killed with SIGKILL mid-way leaves the previous index intact and loadable', async () => {
    const before = currentBuildName(indexDir);
    const chunksBefore = loadIndex(indexDir).chunks.length;
    // A corpus change so that the killed build would have produced a different index.
    fs.appendFileSync(path.join(corpus, 'monthly-china-startup-2025-06.txt'), '\n\n추가된 문장입니다.\n');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/build-child.ts'), corpus, indexDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('STAGED')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const staged = fs.readdirSync(path.join(indexDir, 'builds')).filter((f) => f.startsWith('.staging-'));
    expect(staged).toHaveLength(1);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    expect(currentBuildName(indexDir)).toBe(before);
    const idx = loadIndex(indexDir);
    expect(idx.buildName).toBe(before);
    expect(idx.chunks.length).toBe(chunksBefore);
    // The next build takes over the dead owner's lock and clears its staging folder.
    const s = await buildIndex({ corpusDir: corpus, indexDir, embedder, chunking: DEFAULT_CHUNKING });
    expect(currentBuildName(indexDir)).toBe(s.buildName);
    expect(fs.readdirSync(path.join(indexDir, 'builds'))).toEqual([s.buildName]);
  });

  it('detects a corrupted or truncated index file at load', () => {
    const build = currentBuildName(indexDir)!;
    const file = path.join(indexDir, 'builds', build, 'chunks.json');
    const orig = fs.readFileSync(file);
    try {
      fs.writeFileSync(file, orig.subarray(0, orig.length - 100));
      expect(() => loadIndex(indexDir)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
      fs.rmSync(file);
      expect(() => loadIndex(indexDir)).toThrow(/missing/);
    } finally {
      fs.writeFileSync(file, orig);
    }
    expect(loadIndex(indexDir).buildName).toBe(build);
  });
});
