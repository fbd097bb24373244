/**
 * The server under test as a child process built from dist/ (`node dist/cli/start.js`, what
 * `npm start` runs), so that the load generator does not share its event loop and its memory
 * is its own. Ready = the start line ("listening on …", printed when every worker listens).
 * Memory: RSS of each server process (the workers; the process itself with WORKERS=1), from
 * /proc/<pid>/status.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the start line. */
  readyMs: number;
  /** Resident memory of each serving process now, in bytes (the workers, or the one process). */
  rssPerWorker(): number[];
  /** SIGTERM, then wait for the exit (SIGKILL after `graceMs`); resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/** A free TCP port on 127.0.0.1 (bound and released; the bench runs alone on loopback). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Pids whose parent is `pid` (from /proc: no procps needed; empty off Linux). */
export function childPids(pid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces or parentheses.
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === pid ? [Number(e)] : [];
    } catch {
      return [];
    }
  });
}

/** Builds dist/ when missing or stale (scripts/build.mjs, the same check as `npm start`). */
export async function ensureDist(root: string): Promise<void> {
  const b = (await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href)) as {
    readStamp(root: string): { sourceHash: string } | undefined;
    sourceHash(root: string): string;
    build(root: string): Promise<unknown>;
  };
  if (b.readStamp(root)?.sourceHash !== b.sourceHash(root)) await b.build(root);
}

export interface SpawnOptions {
  root: string;
  env: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Where the server's stdout/stderr go. */
  logFile: string;
  /** Give up waiting for the start line after this long. */
  timeoutMs?: number;
}

export async function startServer(opts: SpawnOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  // The server writes its log straight to the file (not through a pipe this process, busy
  // generating load, would have to drain); readiness is found by polling that file.
  const log = fs.openSync(opts.logFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join(opts.root, 'dist/cli/start.js')], {
    cwd: opts.root,
    env: { ...process.env, ...opts.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exited = code))));
  let readyMs: number | undefined;
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  while (readyMs === undefined && exited === undefined && performance.now() < deadline) {
    if (fs.readFileSync(opts.logFile, 'utf8').includes('"msg":"listening on ')) readyMs = performance.now() - t0;
    else await new Promise((r) => setTimeout(r, 10));
  }

  const rssPerWorker = () => {
    const kids = childPids(child.pid!);
    return (kids.length ? kids : [child.pid!]).map((p) => procStatus(p, 'VmRSS') ?? 0).filter((n) => n > 0);
  };
  const stop = async (graceMs = 15_000) => {
    if (exited === undefined) {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(kill);
    }
    return exited ?? null;
  };
  if (readyMs === undefined) {
    await stop(2000);
    const last = fs.readFileSync(opts.logFile, 'utf8').split('\n').slice(-20).join('\n');
    throw new Error(`the server did not become ready (see ${opts.logFile}):\n${last}`);
  }
  return { child, url, readyMs, rssPerWorker, stop };
}

/** Runs a built CLI (dist/…) to completion and times it. */
export async function timeScript(root: string, script: string, args: string[], env: Record<string, string>, logFile: string): Promise<{ ms: number; code: number | null }> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { ms: performance.now() - t0, code };
}
