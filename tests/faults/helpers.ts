/** Shared by the fault tests: index copies, a capturing logger, child processes of the real CLIs. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../src/logger.js';
import { ROOT } from '../helpers/env.js';

export { type IndexCopy, copyTestIndex, fingerprint, rawRequest } from '../security/realServer.js';

/** A logger whose lines are kept, parsed. */
export function capturingLogger(level = 'info'): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

/** The live build's folder of an index. */
export function liveBuildDir(indexDir: string): string {
  const name = fs.readFileSync(path.join(indexDir, 'CURRENT'), 'utf8').trim();
  return path.join(indexDir, 'builds', name);
}

export interface Child {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<number | null>;
  /** Resolves with the first parsed JSON stdout line matching `pred`. */
  waitForLine(pred: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves when a raw stdout line contains `text`. */
  waitForText(text: string, timeoutMs?: number): Promise<void>;
}

/** `node --import tsx <script>` from the repository root, with the environment given. */
export function runScript(script: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const listeners = new Set<() => void>();
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    const parts = buf.split('\n');
    buf = parts.pop()!;
    stdout.push(...parts);
    for (const l of [...listeners]) l();
  });
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const parsed = () =>
    stdout.flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  const wait = <T>(find: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found !== undefined) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`${script}: no ${what} within ${timeoutMs} ms\nstdout:\n${stdout.join('\n').slice(-2000)}\nstderr:\n${stderr.join('').slice(-2000)}`));
      }, timeoutMs);
      listeners.add(check);
      void exit.then(() => {
        setTimeout(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`${script} exited before ${what}\nstdout:\n${stdout.join('\n').slice(-2000)}\nstderr:\n${stderr.join('').slice(-2000)}`));
          }
        }, 50);
      });
      check();
    });
  return {
    child,
    stdout,
    stderr,
    exit,
    waitForLine: (pred, timeoutMs = 120_000) => wait(() => parsed().find(pred), 'matching log line', timeoutMs),
    waitForText: (text, timeoutMs = 120_000) => wait(() => (stdout.some((l) => l.includes(text)) ? true : undefined), `"${text}"`, timeoutMs).then(() => {}),
  };
}

/** Environment of a child server/ingest on an index folder: built-in embedder, quiet, no limits. */
export function childEnv(indexDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    INDEX_DIR: indexDir,
    MODEL: 'hashed',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
    API_KEYS: '',
    LLM_BASE_URL: '',
    SESSION_FILE: '',
    // One process unless a test asks for a cluster (tests/deploy/cluster.test.ts does).
    WORKERS: '1',
    ...extra,
  };
}

/** Writes a POST's headers and the first half of its body; `finish()` sends the rest and reads the reply. */
export function slowPost(port: number, path: string, json: string): Promise<{ finish(): Promise<{ status: number; headers: string; body: string }> }> {
  const body = Buffer.from(json);
  const half = Math.floor(body.length / 2);
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1', () => {
      sock.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
      sock.write(body.subarray(0, half));
      let raw = '';
      sock.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      const ended = new Promise<void>((r) => sock.on('close', () => r()));
      resolve({
        async finish() {
          sock.write(body.subarray(half));
          await Promise.race([ended, new Promise((_, rej) => setTimeout(() => rej(new Error(`no complete reply: ${raw.slice(0, 300)}`)), 30_000))]);
          const [head, ...rest] = raw.split('\r\n\r\n');
          return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1]), headers: head ?? '', body: rest.join('\r\n\r\n') };
        },
      });
    });
    sock.on('error', reject);
  });
}
