/**
 * Index rebuilds never disturb serving, and never run two at a time (tested through the public
 * entry points: prepareIndex and the `npm run ingest` CLI):
 * - two concurrent forced builds in one process: one builds, the other fails with INDEX_BUSY;
 * - `ingest --force` while another process holds the build lock: exits 1 naming the owner;
 *   once that owner is killed (SIGKILL), the next ingest takes the stale lock over;
 * - `ingest --force` into the INDEX_DIR a server is serving from: every request during and
 *   after the build succeeds (the server keeps its loaded index), and the new build is live
 *   on disk for the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { prepareIndex } from '../../src/server/compose.js';
import { ROOT, testConfig } from '../helpers/env.js';
import { startTestServer } from '../helpers/server.js';
import { type Child, type IndexCopy, capturingLogger, childEnv, copyTestIndex, rawRequest, runScript } from './helpers.js';

let copy: IndexCopy | undefined;
const children: Child[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  copy?.remove();
});

const current = (dir: string) => fs.readFileSync(path.join(dir, 'CURRENT'), 'utf8').trim();

describe('the build lock, through the public entry points', () => {
  it('two concurrent forced builds: one builds, the other fails with INDEX_BUSY', async () => {
    copy = copyTestIndex('reindex');
    const config = testConfig({ INDEX_DIR: copy.dir });
    const log = capturingLogger('silent').logger;
    const results = await Promise.allSettled([
      prepareIndex(config, new HashedEmbedder(), log, { force: true }),
      prepareIndex(config, new HashedEmbedder(), log, { force: true }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const busy = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(busy).toHaveLength(1);
    expect(busy[0]!.reason).toMatchObject({ code: 'INDEX_BUSY' });
    expect(String(busy[0]!.reason.message)).toMatch(/Another index build \(pid \d+\) is running/);
    // The winner's build is live and complete.
    expect(fs.existsSync(path.join(copy.dir, 'builds', current(copy.dir), 'manifest.json'))).toBe(true);
    expect(fs.existsSync(path.join(copy.dir, '.lock'))).toBe(false);
  });

  it('`npm run ingest -- --force` refuses while another process builds, and takes over a dead builder\'s lock', async () => {
    copy = copyTestIndex('reindex');
    const live = fs.existsSync(path.join(copy.dir, 'CURRENT')) ? current(copy.dir) : undefined;
    // A builder that stops just before its commit, holding the lock (the crash test's child).
    const holder = runScript('tests/helpers/build-child.ts', [path.join(ROOT, 'corpus'), copy.dir], {});
    children.push(holder);
    await holder.waitForText('STAGED', 240_000);

    const refused = runScript('src/cli/ingest.ts', ['--force'], childEnv(copy.dir));
    children.push(refused);
    expect(await refused.exit).toBe(1);
    expect(refused.stderr.join('')).toMatch(new RegExp(`Another index build \\(pid ${holder.child.pid}\\) is running`));
    if (live) expect(current(copy.dir)).toBe(live);

    holder.child.kill('SIGKILL');
    await holder.exit;
    const ingest = runScript('src/cli/ingest.ts', ['--force'], childEnv(copy.dir));
    children.push(ingest);
    expect(await ingest.exit, ingest.stderr.join('')).toBe(0);
    expect(ingest.stdout.join('\n')).toMatch(/Index built in/);
    expect(current(copy.dir)).not.toBe(live);
    expect(fs.existsSync(path.join(copy.dir, '.lock'))).toBe(false);
  });
});

describe('rebuilding the index a server is serving from', () => {
  it('keeps every request succeeding during and after `npm run ingest -- --force`', async () => {
    copy = copyTestIndex('reindex');
    const s = await startTestServer({ INDEX_DIR: copy.dir });
    try {
      const before = current(copy.dir);
      const served = s.ctx.index.buildName;
      expect(served).toBe(before);

      const ingest = runScript('src/cli/ingest.ts', ['--force'], childEnv(copy.dir));
      children.push(ingest);
      let exited = false;
      void ingest.exit.then(() => (exited = true));

      const failures: string[] = [];
      let requests = 0;
      const hit = async (i: number) => {
        const r =
          i % 3 === 0
            ? await rawRequest(s.url, { path: `/api/search?q=${encodeURIComponent('유니트리 점유율')}&k=3`, timeoutMs: 15_000 })
            : i % 3 === 1
              ? await rawRequest(s.url, { method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' }), timeoutMs: 15_000 })
              : await rawRequest(s.url, { path: '/api/articles', timeoutMs: 15_000 });
        requests += 1;
        if (r.status !== 200) failures.push(`${r.status} ${r.text.slice(0, 200)}`);
        if (i % 3 === 1 && !JSON.parse(r.text).answer.includes('69.75')) failures.push('chat answer changed');
      };
      let i = 0;
      while (!exited) {
        await hit(i++);
        await new Promise((r) => setTimeout(r, 20));
      }
      // And after the build has replaced the files on disk.
      for (let k = 0; k < 6; k++) await hit(i++);

      expect(await ingest.exit, ingest.stderr.join('')).toBe(0);
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(6);
      // The new build is live on disk (for the next start), the old one is gone, and the server
      // still serves the one it loaded.
      const after = current(copy.dir);
      expect(after).not.toBe(before);
      expect(fs.existsSync(path.join(copy.dir, 'builds', before))).toBe(false);
      const health = JSON.parse((await rawRequest(s.url, { path: '/healthz' })).text);
      expect(health.index.build).toBe(served);
    } finally {
      await s.close();
    }
  });
});
