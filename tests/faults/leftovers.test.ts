/**
 * Leftovers never block recovery (real files, real builds, real processes):
 * - a build lock naming a live but unrelated pid (pids repeat after a container restart: here
 *   our parent's pid with a wrong start time) is taken over, with one warning;
 * - a lock of a live builder with its real start time and a fresh heartbeat is respected, and
 *   taken over once its heartbeat goes stale;
 * - a `.lock` that is a directory, or holds garbage, is replaced;
 * - a build that fails with ENOSPC (an injected write function) leaves no staging folder and the
 *   previous index live;
 * - a SIGKILLed build's staging folder and stray temp files are swept at the next start, but
 *   not while a live builder is using them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHUNKING } from '../../src/chunk/chunker.js';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { buildIndex, sweepLeftovers } from '../../src/index/build.js';
import { acquireBuildLock, processStartTime } from '../../src/index/lock.js';
import { loadIndex } from '../../src/index/load.js';
import { currentBuildName, writeDurable } from '../../src/index/store.js';
import { createContext, prepareIndex } from '../../src/server/compose.js';
import { ROOT, testConfig } from '../helpers/env.js';
import { type Child, type IndexCopy, capturingLogger, copyTestIndex, runScript } from './helpers.js';

let copy: IndexCopy | undefined;
const children: Child[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  copy?.remove();
  copy = undefined;
});

const lockFile = (dir: string) => path.join(dir, '.lock');
const staging = (dir: string) => (fs.existsSync(path.join(dir, 'builds')) ? fs.readdirSync(path.join(dir, 'builds')).filter((f) => f.startsWith('.staging-')) : []);
const CORPUS = path.join(ROOT, 'corpus');
const build = (indexDir: string, extra: Partial<Parameters<typeof buildIndex>[0]> = {}) =>
  buildIndex({ corpusDir: CORPUS, indexDir, embedder: new HashedEmbedder(), chunking: DEFAULT_CHUNKING, ...extra });

describe('the build lock', () => {
  it('records pid, start time, boot id and a token, and removes only its own file', () => {
    copy = copyTestIndex('lock');
    const lock = acquireBuildLock(copy.dir);
    const owner = JSON.parse(fs.readFileSync(lockFile(copy.dir), 'utf8'));
    expect(owner.pid).toBe(process.pid);
    expect(owner.startTime).toBe(processStartTime(process.pid));
    expect(owner.startTime).toMatch(/^\d+$/);
    expect(owner.bootId).toMatch(/^[0-9a-f-]{36}$/);
    // Someone else's lock in its place (it was taken over): release must not remove it.
    fs.writeFileSync(lockFile(copy.dir), JSON.stringify({ ...owner, token: 'other' }));
    lock.release();
    expect(fs.existsSync(lockFile(copy.dir))).toBe(true);
  });

  it('takes over a lock naming a live, unrelated pid (our parent, with a wrong start time), with one warning', () => {
    copy = copyTestIndex('lock');
    const ppid = process.ppid;
    const real = processStartTime(ppid)!;
    expect(real).toBeDefined();
    fs.writeFileSync(lockFile(copy.dir), JSON.stringify({ pid: ppid, startTime: String(Number(real) + 12345), token: 'x', since: new Date().toISOString() }));
    const warnings: string[] = [];
    const lock = acquireBuildLock(copy.dir, { onTakeover: (r) => warnings.push(r) });
    try {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(new RegExp(`pid ${ppid} is running but is another process`));
      expect(JSON.parse(fs.readFileSync(lockFile(copy.dir), 'utf8')).pid).toBe(process.pid);
    } finally {
      lock.release();
    }
  });

  it('takes over a lock of a live pid recorded before the last boot', () => {
    copy = copyTestIndex('lock');
    fs.writeFileSync(lockFile(copy.dir), JSON.stringify({ pid: process.ppid, bootId: '00000000-0000-0000-0000-000000000000', token: 'x', since: '' }));
    const warnings: string[] = [];
    acquireBuildLock(copy.dir, { onTakeover: (r) => warnings.push(r) }).release();
    expect(warnings[0]).toMatch(/before the last boot/);
  });

  it('respects a live builder (real start time, fresh heartbeat) and takes it over once the heartbeat is stale', () => {
    copy = copyTestIndex('lock');
    const ppid = process.ppid;
    fs.writeFileSync(lockFile(copy.dir), JSON.stringify({ pid: ppid, startTime: processStartTime(ppid), token: 'x', since: '' }));
    expect(() => acquireBuildLock(copy!.dir)).toThrow(expect.objectContaining({ code: 'INDEX_BUSY', message: expect.stringContaining(`pid ${ppid}`) }));
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(lockFile(copy.dir), old, old);
    const warnings: string[] = [];
    acquireBuildLock(copy.dir, { onTakeover: (r) => warnings.push(r) }).release();
    expect(warnings[0]).toMatch(/heartbeat is \d+ s old/);
  });

  it('an older pid-only lock of a live pid is respected while fresh, taken over when stale', () => {
    copy = copyTestIndex('lock');
    fs.writeFileSync(lockFile(copy.dir), `${process.ppid}\n`);
    expect(() => acquireBuildLock(copy!.dir)).toThrow(expect.objectContaining({ code: 'INDEX_BUSY' }));
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(lockFile(copy.dir), old, old);
    acquireBuildLock(copy.dir).release();
  });

  it('heartbeat() refreshes the lock file mtime', () => {
    copy = copyTestIndex('lock');
    const lock = acquireBuildLock(copy.dir);
    try {
      const old = new Date(Date.now() - 10 * 60_000);
      fs.utimesSync(lockFile(copy.dir), old, old);
      lock.heartbeat();
      expect(Date.now() - fs.statSync(lockFile(copy.dir)).mtimeMs).toBeLessThan(60_000);
    } finally {
      lock.release();
    }
  });

  it('replaces a .lock that is a directory (with files in it) or holds garbage', () => {
    copy = copyTestIndex('lock');
    fs.mkdirSync(path.join(lockFile(copy.dir), 'inner'), { recursive: true });
    fs.writeFileSync(path.join(lockFile(copy.dir), 'inner', 'f'), 'x');
    const warnings: string[] = [];
    acquireBuildLock(copy.dir, { onTakeover: (r) => warnings.push(r) }).release();
    expect(warnings[0]).toMatch(/not a file/);
    expect(fs.existsSync(lockFile(copy.dir))).toBe(false);

    fs.writeFileSync(lockFile(copy.dir), '\u0000garbage{');
    acquireBuildLock(copy.dir, { onTakeover: (r) => warnings.push(r) }).release();
    expect(warnings[1]).toMatch(/holds no owner/);
  });

  it('through the start: a directory .lock and an unrelated pid lock do not stop a (forced) build', async () => {
    copy = copyTestIndex('lock');
    const config = testConfig({ INDEX_DIR: copy.dir });
    fs.mkdirSync(lockFile(copy.dir));
    const { logger, lines } = capturingLogger('info');
    await prepareIndex(config, new HashedEmbedder(), logger, { force: true });
    expect(lines.filter((l) => /taking over the build lock/.test(String(l['msg'])))).toHaveLength(1);
    fs.writeFileSync(lockFile(copy.dir), JSON.stringify({ pid: process.ppid, startTime: '1', token: 'x', since: '' }));
    const idx = await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger, { force: true });
    expect(idx.chunks.length).toBeGreaterThan(100);
    expect(fs.existsSync(lockFile(copy.dir))).toBe(false);
  });
});

describe('failed and killed builds leave nothing behind', () => {
  const enospc = (after: number) => {
    let n = 0;
    return (file: string, data: string | Uint8Array) => {
      if (++n > after) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      writeDurable(file, data);
    };
  };

  for (const after of [0, 2, 5, 6, 7]) {
    // 0–4: the data files; 5: manifest.json; 6: CURRENT.sha256; 7: the CURRENT pointer.
    it(`ENOSPC on write #${after + 1} of the build: no staging folder, no temp file, the previous index live`, async () => {
      copy = copyTestIndex('leftovers');
      const config = testConfig({ INDEX_DIR: copy.dir });
      const before = (await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger)).buildName;
      await expect(build(copy.dir, { writeFile: enospc(after) })).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(staging(copy.dir)).toEqual([]);
      expect(fs.readdirSync(path.join(copy.dir, 'builds'))).toEqual([before]);
      expect(fs.readdirSync(copy.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(fs.existsSync(lockFile(copy.dir))).toBe(false);
      expect(currentBuildName(copy.dir)).toBe(before);
      expect(loadIndex(copy.dir).buildName).toBe(before);
    });
  }

  it("a SIGKILLed build's staging folder and temp files are swept at the next start, not while a live builder uses them", async () => {
    copy = copyTestIndex('leftovers');
    const config = testConfig({ INDEX_DIR: copy.dir });
    await prepareIndex(config, new HashedEmbedder(), capturingLogger('silent').logger);
    const holder = runScript('tests/helpers/build-child.ts', [CORPUS, copy.dir], {});
    children.push(holder);
    await holder.waitForText('STAGED', 240_000);
    expect(staging(copy.dir)).toHaveLength(1);
    // A live builder: its staging folder is left alone.
    expect(sweepLeftovers(copy.dir)).toMatchObject({ removed: [], skipped: expect.stringContaining(`pid ${holder.child.pid}`) });
    expect(staging(copy.dir)).toHaveLength(1);

    holder.child.kill('SIGKILL');
    await holder.exit;
    fs.writeFileSync(path.join(copy.dir, 'CURRENT.4242.tmp'), 'half');
    expect(fs.existsSync(lockFile(copy.dir))).toBe(true);

    // The next start: the index is not stale (same corpus), so no build would clean up.
    const { logger, lines } = capturingLogger('info');
    const ctx = await createContext(config, { logger, embedder: new HashedEmbedder() });
    expect(lines.some((l) => l['msg'] === 'building the index')).toBe(false);
    const swept = lines.find((l) => l['msg'] === 'removed what an interrupted index build left behind');
    expect(swept?.['removed']).toEqual(expect.arrayContaining(['CURRENT.4242.tmp', expect.stringMatching(/^builds\/\.staging-/)]));
    expect(staging(copy.dir)).toEqual([]);
    expect(fs.existsSync(path.join(copy.dir, 'CURRENT.4242.tmp'))).toBe(false);
    expect(fs.existsSync(lockFile(copy.dir))).toBe(false);
    expect(ctx.index.chunks.length).toBeGreaterThan(100);
  });
});
