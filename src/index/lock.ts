/**
 * The build lock: one index build at a time per INDEX_DIR (two `npm run ingest`, or a server
 * rebuilding while an ingest runs). The lock file is created with O_EXCL and holds who owns it:
 * pid, the process's start time (Linux: /proc/<pid>/stat field 22, in clock ticks since boot),
 * the boot id, and a random token; its mtime is the owner's heartbeat, refreshed on a timer
 * and by `heartbeat()` (the build calls it on progress) while building.
 *
 * A lock is taken over (with one warning naming why) when
 *  - it is not a lock file at all: a directory, unreadable, or content that does not parse;
 *  - its owner is gone: the pid is not running, or was started on another boot, or is running
 *    but started at another time (pids repeat, e.g. after a container restart, where pid 1 or a
 *    low pid is always alive);
 *  - its heartbeat is stale (older than `staleMs`): an owner that hangs, or one whose identity
 *    cannot be checked (no /proc, or a lock written by an older version holding only a pid).
 * Otherwise the build is refused with INDEX_BUSY naming the owner.
 *
 * Written by hand rather than with proper-lockfile because that library judges staleness only
 * by mtime; identity by pid + start time is exact on one host and needs no refresh at all for
 * the common case (a killed builder), and the heartbeat only covers what it cannot decide.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

export interface Lock {
  /** Refreshes the heartbeat (the lock file's mtime); cheap, call it on progress. */
  heartbeat(): void;
  release(): void;
}

export interface LockOptions {
  /** A heartbeat older than this means the owner is hung or unknowable: the lock is taken over. */
  staleMs?: number;
  /** How often the owner refreshes its heartbeat on a timer. */
  heartbeatMs?: number;
  /** Told once when a lock is taken over or replaced, with why. */
  onTakeover?: (reason: string) => void;
}

/** Defaults: a heartbeat every 5 s, stale after 2 min (the embedding loop yields far more often). */
export const LOCK_DEFAULTS = { staleMs: 120_000, heartbeatMs: 5_000 } as const;

/** What the lock file holds. */
export interface LockOwner {
  pid: number;
  /** Process start time (clock ticks since boot), when the platform tells. */
  startTime?: string;
  bootId?: string;
  token: string;
  /** ISO time the lock was taken (for people reading the file). */
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (starttime); undefined off Linux or when the process is gone. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) is in parentheses and may hold spaces or ')': split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // rest[0] is field 3 (state), so field 22 is rest[19].
    const v = rest[19];
    return v && /^\d+$/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

let bootIdCache: string | null | undefined;
function bootId(): string | undefined {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache ?? undefined;
}

/** The owner record of a lock file's content: JSON, or a bare pid (older versions); undefined if neither. */
export function parseLockOwner(text: string): Partial<LockOwner> & { pid: number } | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t) };
  try {
    const o = JSON.parse(t) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && Number.isInteger(o.pid) && o.pid > 0) return o as Partial<LockOwner> & { pid: number };
  } catch {
    /* not JSON */
  }
  return undefined;
}

type Verdict = { busy: true; pid: number } | { busy: false; reason: string; seen?: string };

/** Decides whether the existing lock at `file` still has a live owner. */
function judge(file: string, staleMs: number): Verdict {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return { busy: false, reason: 'gone' };
  }
  if (!st.isFile()) return { busy: false, reason: 'the lock is not a file (a directory?)' };
  let seen: string;
  try {
    seen = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { busy: false, reason: `the lock is unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const verdict = judgeOwner(parseLockOwner(seen), st, staleMs);
  return verdict.busy ? verdict : { ...verdict, seen };
}

function judgeOwner(owner: ReturnType<typeof parseLockOwner>, st: fs.Stats, staleMs: number): Verdict {
  if (!owner) return { busy: false, reason: 'the lock holds no owner' };
  const { pid } = owner;
  if (!alive(pid)) return { busy: false, reason: `its owner (pid ${pid}) is not running` };
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return { busy: false, reason: `its owner (pid ${pid}) ran before the last boot` };
  const start = processStartTime(pid);
  if (owner.startTime && start && owner.startTime !== start) {
    return { busy: false, reason: `pid ${pid} is running but is another process (started at ${start}, the owner at ${owner.startTime})` };
  }
  const age = Date.now() - st.mtimeMs;
  if (age > staleMs) return { busy: false, reason: `its heartbeat is ${Math.round(age / 1000)} s old (owner pid ${pid})` };
  return { busy: true, pid };
}

export function acquireBuildLock(indexDir: string, opts: LockOptions = {}): Lock {
  const staleMs = opts.staleMs ?? LOCK_DEFAULTS.staleMs;
  const heartbeatMs = opts.heartbeatMs ?? LOCK_DEFAULTS.heartbeatMs;
  fs.mkdirSync(indexDir, { recursive: true });
  const file = path.join(indexDir, '.lock');
  const me: LockOwner = { pid: process.pid, token: randomBytes(8).toString('hex'), since: new Date().toISOString() };
  const start = processStartTime(process.pid);
  if (start) me.startTime = start;
  const boot = bootId();
  if (boot) me.bootId = boot;
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      return held(file, me.token, heartbeatMs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const verdict = judge(file, staleMs);
      if (verdict.busy) {
        throw new AppError('INDEX_BUSY', `Another index build (pid ${verdict.pid}) is running in ${indexDir}; try again when it finishes.`);
      }
      if (verdict.reason === 'gone') continue;
      // Compare-and-remove: only the lock that was judged. Two processes judging the same stale
      // lock at once: one removes it and wins the O_EXCL create, the other sees new content and
      // judges again. (A window of microseconds between this re-read and the removal remains;
      // two builders at once only waste work, since each commit is an atomic switch of CURRENT.)
      if (verdict.seen !== undefined && readOrUndefined(file) !== verdict.seen) continue;
      opts.onTakeover?.(`taking over the build lock ${file}: ${verdict.reason}`);
      fs.rmSync(file, { recursive: true, force: true });
    }
  }
  throw new AppError('INDEX_BUSY', `Could not take the build lock in ${indexDir}.`);
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function held(file: string, token: string, heartbeatMs: number): Lock {
  let released = false;
  const beat = () => {
    if (released) return;
    try {
      const now = new Date();
      fs.utimesSync(file, now, now);
    } catch {
      /* taken over or removed: release() will notice it is not ours */
    }
  };
  const timer = setInterval(beat, heartbeatMs);
  timer.unref();
  return {
    heartbeat: beat,
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      try {
        if (parseLockOwner(fs.readFileSync(file, 'utf8'))?.token === token) fs.unlinkSync(file);
      } catch {
        /* already gone */
      }
    },
  };
}
