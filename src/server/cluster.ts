/**
 * WORKERS > 1: the primary process of a node:cluster. It owns no HTTP server; it forks N
 * workers that each load the read-only index and listen on the one port (the primary
 * accepts connections and hands them out round-robin), and it keeps them running:
 *
 * - a worker that dies unexpectedly is replaced, after a delay that doubles with each crash in
 *   a row (100 ms … 30 s), so a worker that crashes at start does not fork-bomb the machine;
 *   a worker that stayed up for a minute resets the count;
 * - when index/CURRENT changes (an `npm run ingest` into the served INDEX_DIR), workers are
 *   rolled one at a time: a new worker loads the new build and reports ready, then the old one
 *   drains and exits, so the service never drops below N-1 ready workers;
 * - SIGTERM/SIGINT: every worker gets SIGTERM and drains (see serve.ts); the primary exits 0
 *   when all are gone, SIGKILLing stragglers after the drain time.
 *
 * Workers learn nothing from the primary but the environment: they re-read the configuration
 * and the index themselves (a fork() shares no memory worth sharing in Node). Messages from
 * workers: `{ type: 'ready', build, chunks, readyMs }` once listening.
 */
import cluster, { type Worker } from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { currentBuildName } from '../index/store.js';

export interface WorkerReady {
  type: 'ready';
  build: string;
  chunks: number;
  /** Where the worker listens (all workers share it). */
  url: string;
}

export interface PrimaryOptions {
  workers: number;
  indexDir: string;
  drainMs: number;
  logger: Logger;
  /** The module workers run (this process's entry point). */
  exec: string;
  /** Extra environment of every worker (e.g. MODEL=hashed after the primary fell back to it). */
  env?: Record<string, string>;
  /** Called once, when the first N workers are all ready. */
  onReady?: (first: WorkerReady) => void;
  /** How often index/CURRENT is checked (ms). */
  watchIntervalMs?: number;
}

const MAX_BACKOFF_MS = 30_000;
const STABLE_AFTER_MS = 60_000;
/** Crashes in a row, before any worker was ever ready, after which the primary exits 1. */
const GIVE_UP_AFTER = 5;

export interface Primary {
  /** Live worker pids (tests, logs). */
  pids(): number[];
  stop(signal: string): void;
}

export function runPrimary(opts: PrimaryOptions): Primary {
  const log = opts.logger;
  cluster.setupPrimary({ exec: opts.exec, args: process.argv.slice(2) });
  /** Workers that serve (or are starting to) and the build each loaded. */
  const live = new Map<Worker, { startedAt: number; build?: string }>();
  /** Workers being replaced or stopped on purpose: their exit is not a crash. */
  const retiring = new Set<Worker>();
  let stopping = false;
  let crashesInARow = 0;
  let announced = false;
  let rolling = false;
  let served = currentBuildName(opts.indexDir);

  const fork = (): Worker => {
    const w = cluster.fork(opts.env ?? {});
    live.set(w, { startedAt: Date.now() });
    w.on('message', (m: unknown) => {
      if (!isReady(m)) return;
      const entry = live.get(w);
      if (entry) entry.build = m.build;
      if (!announced && [...live.values()].filter((e) => e.build).length >= opts.workers) {
        announced = true;
        opts.onReady?.(m);
      }
    });
    w.on('exit', (code, signal) => onExit(w, code, signal));
    // An IPC error (a worker gone mid-send) must not crash the primary (an unhandled 'error').
    w.on('error', (e: Error) => log.warn({ pid: w.process.pid, err: e.message }, 'worker channel error'));
    return w;
  };

  const onExit = (w: Worker, code: number | null, signal: string | null) => {
    const entry = live.get(w);
    live.delete(w);
    if (retiring.delete(w) || stopping) return;
    const upMs = entry ? Date.now() - entry.startedAt : 0;
    crashesInARow = upMs >= STABLE_AFTER_MS ? 1 : crashesInARow + 1;
    if (!announced && crashesInARow >= GIVE_UP_AFTER) {
      // Never ready and dying at start (port in use, unreadable index): retrying forever
      // would hide the error behind a restart loop.
      log.error({ pid: w.process.pid, code, signal, crashes: crashesInARow }, 'workers keep dying before they are ready; giving up (see the errors above)');
      stopping = true;
      for (const other of live.keys()) other.process.kill('SIGTERM');
      process.exitCode = 1;
      setTimeout(() => process.exit(1), opts.drainMs).unref();
      cluster.on('exit', () => live.size === 0 && process.exit(1));
      if (live.size === 0) process.exit(1);
      return;
    }
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** (crashesInARow - 1));
    log.warn({ pid: w.process.pid, code, signal, upMs, restartInMs: delay, crashesInARow }, 'worker died; replacing it');
    // Not unref'd: with every worker dead, this timer is what keeps the primary alive.
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  };

  /** Resolves true when `w` reports ready, false when it exits first. */
  const whenReady = (w: Worker) =>
    new Promise<boolean>((resolve) => {
      const onMsg = (m: unknown) => {
        if (isReady(m)) done(true);
      };
      const onGone = () => done(false);
      const done = (ok: boolean) => {
        w.off('message', onMsg);
        w.off('exit', onGone);
        resolve(ok);
      };
      w.on('message', onMsg);
      w.on('exit', onGone);
    });

  /** Replaces every worker serving another build than the live one, one at a time. */
  const roll = async () => {
    if (rolling || stopping) return;
    rolling = true;
    try {
      for (;;) {
        const target = currentBuildName(opts.indexDir);
        if (!target || stopping) return;
        const old = [...live.entries()].find(([w, e]) => e.build && e.build !== target && !retiring.has(w))?.[0];
        if (!old) return;
        const fresh = fork();
        if (!(await whenReady(fresh))) {
          log.warn({ build: target }, 'a worker could not load the new index build; keeping the running workers');
          return;
        }
        retiring.add(old);
        old.process.kill('SIGTERM');
      }
    } finally {
      rolling = false;
    }
  };

  // fs.watchFile polls stat(): it follows the path across the atomic rename that replaces
  // CURRENT, which fs.watch (inode-based on Linux) would lose after the first switch.
  const currentFile = path.join(opts.indexDir, 'CURRENT');
  const onCurrent = () => {
    const name = currentBuildName(opts.indexDir);
    if (!name || name === served) return;
    served = name;
    log.info({ build: name }, 'the index was rebuilt; rolling the workers onto the new build');
    void roll();
  };
  fs.watchFile(currentFile, { interval: opts.watchIntervalMs ?? 1000, persistent: false }, onCurrent);

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    fs.unwatchFile(currentFile, onCurrent);
    const workers = [...live.keys()];
    log.info({ signal, workers: workers.length }, 'shutting down: draining the workers');
    for (const w of workers) w.process.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const w of live.keys()) {
        log.warn({ pid: w.process.pid }, 'worker did not stop within the drain time; killing it');
        w.process.kill('SIGKILL');
      }
    }, opts.drainMs + 2_000);
    force.unref();
    const check = () => {
      if (live.size > 0) return;
      clearTimeout(force);
      log.info('stopped');
      process.exit(0);
    };
    cluster.on('exit', check);
    check();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < opts.workers; i++) fork();
  return { pids: () => [...live.keys()].map((w) => w.process.pid!).filter(Boolean), stop };
}

function isReady(m: unknown): m is WorkerReady {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready';
}
