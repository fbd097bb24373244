/**
 * The production path, for real:
 * - `npm run build` (scripts/build.mjs) writes dist/ with the web assets, the pipeline
 *   fingerprint of the sources and the build stamp;
 * - a copy of the built tree without sources (what the Dockerfile's runtime stage holds) gets a
 *   production install, `npm ci --omit=dev` from the local npm cache: no EBADENGINE warning,
 *   no compiler, no tsx; `node dist/cli/ingest.js` builds the index there; `npm start` with
 *   WORKERS=2 answers /api/chat; `kill -TERM` of the npm process stops npm, the primary and
 *   every worker within the drain time;
 * - `npm start` on a source tree builds dist/ when it is missing and again when a source file
 *   changed (and not when nothing did);
 * - the Dockerfile: multi-stage, non-root, HEALTHCHECK on /healthz, and every file it copies
 *   from the build context exists and is not excluded by .dockerignore.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPids } from '../../src/bench/proc.js';
import { pipelineFingerprint } from '../../src/index/fingerprint.js';
import { childEnv, rawRequest } from '../faults/helpers.js';
import { ROOT } from '../helpers/env.js';

const DRAIN_MS = 4_000;
const QUESTION = '유니트리의 글로벌 사족 로봇 시장 점유율은?';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-prod-'));
const procs: ChildProcess[] = [];

interface Proc {
  child: ChildProcess;
  out: () => string;
  exit: Promise<number | null>;
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Proc {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(child);
  let text = '';
  const listeners = new Set<() => void>();
  const take = (d: Buffer) => {
    text += d.toString('utf8');
    for (const l of [...listeners]) l();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    out: () => text,
    exit,
    waitFor: (re, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = text.match(re);
          if (m) {
            listeners.delete(check);
            clearTimeout(t);
            resolve(m);
          }
        };
        const t = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${re} within ${timeoutMs} ms:\n${text.slice(-3000)}`));
        }, timeoutMs);
        listeners.add(check);
        void exit.then(() => setTimeout(() => listeners.has(check) && (listeners.delete(check), clearTimeout(t), reject(new Error(`exited before ${re}:\n${text.slice(-3000)}`))), 50));
        check();
      }),
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const env = (extra: Record<string, string> = {}) => childEnv('index', { SHUTDOWN_DRAIN_MS: String(DRAIN_MS), ...extra });

afterAll(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run build', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('writes dist/ with the assets, the sources\' fingerprint and the build stamp', () => {
    const dist = path.join(ROOT, 'dist');
    for (const f of ['cli/start.js', 'cli/ingest.js', 'langchain.js', 'langchain.d.ts', 'web/public/index.html', 'web/public/app.js', 'BUILD.json']) {
      expect(fs.existsSync(path.join(dist, f)), f).toBe(true);
    }
    expect(fs.readFileSync(path.join(dist, 'pipeline-fingerprint.txt'), 'utf8').trim()).toBe(pipelineFingerprint());
    expect(fs.readdirSync(ROOT).filter((f) => f.startsWith('.dist-'))).toEqual([]);
  });
});

describe('a production install of the built tree (no sources, npm ci --omit=dev)', () => {
  const app = path.join(tmp, 'app');
  let ci: { status: number | null; output: string };

  beforeAll(() => {
    fs.mkdirSync(app);
    for (const f of ['package.json', 'package-lock.json', 'scripts', 'prompts', 'corpus', 'dist']) fs.cpSync(path.join(ROOT, f), path.join(app, f), { recursive: true });
    const r = spawnSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app, encoding: 'utf8', env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' } });
    ci = { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  }, 300_000);

  it('installs without engine warnings, compiler or tsx', () => {
    expect(ci.status, ci.output).toBe(0);
    expect(ci.output).not.toMatch(/EBADENGINE/);
    for (const dev of ['typescript', 'tsx', 'vitest', 'autocannon']) expect(fs.existsSync(path.join(app, 'node_modules', dev)), dev).toBe(false);
    expect(fs.existsSync(path.join(app, 'node_modules', 'hnswlib-node'))).toBe(true);
  });

  it('the LangChain entry point loads from the package export', async () => {
    const p = run(process.execPath, ['--input-type=module', '-e', "const m = await import('kic-report-assistant/langchain'); console.log(typeof m.openReportRetriever, typeof m.HNSWLib.load)"], app);
    expect(await p.exit, p.out()).toBe(0);
    expect(p.out().trim()).toBe('function function');
  });

  it('`node dist/cli/ingest.js` builds the index', async () => {
    const p = run(process.execPath, ['dist/cli/ingest.js'], app, env());
    expect(await p.exit, p.out()).toBe(0);
    expect(p.out()).toMatch(/Index built in/);
  });

  it('`npm start` (WORKERS=2) answers, and kill -TERM of npm stops every process within the drain time', async () => {
    const npm = run('npm', ['start'], app, env({ WORKERS: '2' }));
    const [, url] = await npm.waitFor(/"msg":"listening on (http:\/\/127\.0\.0\.1:\d+), 2 workers/);
    expect(npm.out()).not.toMatch(/building dist|older than src/);
    const r = await rawRequest(url!, { method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: QUESTION }), timeoutMs: 20_000 });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).answer).toContain('69.75');
    const page = await rawRequest(url!, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const pids = new Set<number>();
    for (let i = 0; i < 10; i++) pids.add(JSON.parse((await rawRequest(url!, { path: '/healthz' })).text).process.pid);
    expect(pids.size).toBe(2);
    const [primary] = childPids(npm.child.pid!);
    expect(primary).toBeGreaterThan(0);
    expect(childPids(primary!).sort()).toEqual([...pids].sort());

    npm.child.kill('SIGTERM');
    await npm.exit;
    const all = [npm.child.pid!, primary!, ...pids];
    await expect.poll(() => all.filter(alive), { timeout: DRAIN_MS + 2_000, interval: 100 }).toEqual([]);
    expect(npm.out()).toMatch(/"msg":"stopped"/);
  });
});

describe('npm start on a source tree', () => {
  const src = path.join(tmp, 'src-tree');
  beforeAll(() => {
    fs.mkdirSync(src);
    for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts', 'src', 'prompts', 'corpus']) fs.cpSync(path.join(ROOT, f), path.join(src, f), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'));
  });

  // The launcher's decision is what is tested here (serving is tested above): an invalid PORT
  // makes the compiled server stop at its configuration check, right after the launcher ran it.
  const startOnce = async () => {
    const p = run(process.execPath, ['scripts/start.mjs'], src, env({ WORKERS: '1', PORT: 'not-a-port' }));
    expect(await p.exit).toBe(1);
    expect(p.out()).toMatch(/Invalid configuration:\n {2}PORT/);
    return p.out();
  };

  it('builds dist/ when missing, not when fresh, again when a source changed', async () => {
    expect(await startOnce()).toMatch(/building dist\//);
    expect(fs.existsSync(path.join(src, 'dist', 'cli', 'start.js'))).toBe(true);
    expect(await startOnce()).not.toMatch(/building dist|rebuilding/);
    fs.appendFileSync(path.join(src, 'src', 'server', 'routes', 'health.ts'), '\n// changed\n');
    expect(await startOnce()).toMatch(/dist\/ is older than src\/: rebuilding it/);
  });
});

describe('the Dockerfile', () => {
  const text = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const ignored = fs
    .readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('is multi-stage, runs as a non-root user, checks /healthz', () => {
    expect(text.match(/^FROM /gm)).toHaveLength(2);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(text).toMatch(/npm prune --omit=dev/);
    expect(text).toMatch(/^CMD \["node", "scripts\/start.mjs"\]$/m);
  });

  it('copies only files that exist and are in the build context', () => {
    const sources = [...text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(sources.length).toBeGreaterThan(5);
    for (const s of sources) {
      expect(fs.existsSync(path.join(ROOT, s)), s).toBe(true);
      expect(ignored.includes(s) || ignored.includes(s.split('/')[0]!), `${s} is in .dockerignore`).toBe(false);
    }
    // What the runtime stage runs exists in the build output.
    for (const f of ['dist/cli/ingest.js', 'scripts/start.mjs']) expect(text).toContain(f.split('/').slice(-1)[0]!);
  });
});
