/**
 * The server under test as a child process (`node --import tsx src/cli/start.ts`), so that the
 * load generator does not share its event loop, and its memory is its own: peak RSS is the
 * kernel's high-water mark (/proc/<pid>/status VmHWM), sampled VmRSS as a fallback.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readyMs: number;
  /** Peak resident memory so far, in bytes (undefined off Linux). */
  peakRss(): number | undefined;
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

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface SpawnOptions {
  root: string;
  env: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Where the server's stdout/stderr go. */
  logFile: string;
  /** Give up waiting for /healthz after this long. */
  timeoutMs?: number;
}

export async function startServer(opts: SpawnOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(opts.root, 'src/cli/start.ts')], {
    cwd: opts.root,
    env: { ...process.env, ...opts.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exited = code))));

  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, procStatus(child.pid!, 'VmRSS') ?? 0);
  }, 200);
  sampler.unref();
  const peakRss = () => {
    const hwm = procStatus(child.pid!, 'VmHWM');
    return hwm ?? (peak || undefined);
  };

  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  let readyMs: number | undefined;
  while (performance.now() < deadline) {
    if (exited !== undefined) break;
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) {
        readyMs = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const stop = async (graceMs = 15_000) => {
    clearInterval(sampler);
    if (exited !== undefined) return exited;
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exit;
    clearTimeout(kill);
    return code;
  };
  if (readyMs === undefined) {
    await stop(2000);
    const tail = fs.readFileSync(opts.logFile, 'utf8').split('\n').slice(-20).join('\n');
    throw new Error(`the server did not become ready (see ${opts.logFile}):\n${tail}`);
  }
  return { child, url, readyMs, peakRss, stop };
}

/** Runs a CLI script to completion and times it. */
export async function timeScript(root: string, script: string, args: string[], env: Record<string, string>, logFile: string): Promise<{ ms: number; code: number | null }> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { ms: performance.now() - t0, code };
}
