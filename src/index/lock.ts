/**
 * The build lock: one index build at a time per INDEX_DIR (two `npm run ingest`, or a server
 * rebuilding while an ingest runs). A lock file created with O_EXCL holds the owner's pid; a
 * lock whose owner is dead (killed mid-build) is taken over. Written by hand rather than with
 * proper-lockfile because pid liveness is exact on one host, whereas mtime-based staleness
 * would need a refresh timer during the CPU-bound embedding loop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

export interface Lock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireBuildLock(indexDir: string): Lock {
  fs.mkdirSync(indexDir, { recursive: true });
  const file = path.join(indexDir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(pid) && alive(pid)) {
        throw new AppError('INDEX_BUSY', `Another index build (pid ${pid}) is running in ${indexDir}; try again when it finishes.`);
      }
      fs.rmSync(file, { force: true }); // stale: its owner died mid-build
    }
  }
  throw new AppError('INDEX_BUSY', `Could not take the build lock in ${indexDir}.`);
}
