/**
 * Index persistence: the only module of the index stage that touches the disk.
 *
 * Layout of INDEX_DIR:
 *   CURRENT               name of the live build (replaced atomically by rename)
 *   CURRENT.sha256        sha256 of the live build's manifest.json (`sha256sum -c` format),
 *                         with the next build's line added before CURRENT is switched to it
 *   builds/<name>/        one complete build: manifest.json (written last) + data files
 *   builds/.staging-*     a build in progress; removed when it fails, else by the next build or
 *                         start (sweepLeftovers) once its owner is gone
 *   .lock                 held while building (see lock.ts)
 *
 * Why: a build that crashes or is killed at any point leaves CURRENT pointing at the previous,
 * complete build. rename(2) of a file is atomic on POSIX; swapping a directory in place is not
 * (two renames), hence the pointer file. Every data file's sha256 is in the manifest, so a file
 * that was truncated or corrupted later is detected at load instead of serving garbage; and the
 * manifest's own sha256 is kept beside CURRENT, so that a changed digit in the manifest (which
 * the file checksums cannot see) is detected too. CURRENT.sha256 holds a line per build that
 * CURRENT may name during a commit (the live one and the one being switched to), so whichever
 * build CURRENT names when a commit is killed, its checksum is there. (A second line in CURRENT
 * itself would do the same, but every reader of CURRENT, scripts and tests included, takes its
 * whole content as the build name.)
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import type { Manifest } from '../types.js';
import { SCHEMA_VERSION, manifestChecksum, parseManifest } from './manifest.js';

export { SCHEMA_VERSION };
const CURRENT = 'CURRENT';
const BUILDS = 'builds';
const STAGING_PREFIX = '.staging-';
const SUMS = 'CURRENT.sha256';
const REBUILD = 'rebuild with `npm run ingest -- --force` (`npm start` does it by itself)';

/** How a build writes its files: the durable default, or a test's (e.g. one that fails with ENOSPC). */
export type WriteFile = (file: string, data: string | Uint8Array) => void;

export interface BuildHandle {
  dir: string;
  name: string;
  manifest: Manifest;
  /** Reads a data file of the build. */
  read(file: string): Buffer;
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Starts a staging folder for a new build; call `commit` when every data file is written. */
export function beginBuild(indexDir: string): { dir: string; name: string } {
  const name = `${new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
  const dir = path.join(indexDir, BUILDS, `${STAGING_PREFIX}${name}`);
  fs.mkdirSync(dir, { recursive: true });
  return { dir, name };
}

/** Writes a file durably (write + fsync) inside a staging folder. */
export function writeDurable(file: string, data: string | Uint8Array): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Checksums the staged files, writes the manifest last, moves the build into place and
 * switches CURRENT to it. Older builds are removed afterwards.
 */
export function commitBuild(
  indexDir: string,
  staging: { dir: string; name: string },
  manifest: Omit<Manifest, 'files' | 'schemaVersion'>,
  write: WriteFile = writeDurable,
): BuildHandle {
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(staging.dir).sort()) {
    if (f === 'manifest.json') continue;
    files[f] = sha256File(path.join(staging.dir, f));
  }
  const full: Manifest = { schemaVersion: SCHEMA_VERSION, ...manifest, files };
  const bytes = JSON.stringify(full, null, 2);
  write(path.join(staging.dir, 'manifest.json'), bytes);
  const finalDir = path.join(indexDir, BUILDS, staging.name);
  const tmp = path.join(indexDir, `${CURRENT}.${process.pid}.tmp`);
  const sumsTmp = path.join(indexDir, `${SUMS}.${process.pid}.tmp`);
  const line = sumLine(staging.name, manifestChecksum(bytes));
  const live = currentBuildName(indexDir);
  const liveLine = live === undefined ? undefined : readSums(indexDir).find((l) => l.name === live);
  try {
    write(sumsTmp, [...(liveLine ? [sumLine(liveLine.name, liveLine.sum)] : []), line].join(''));
    fs.renameSync(sumsTmp, path.join(indexDir, SUMS));
    fs.renameSync(staging.dir, finalDir);
    write(tmp, `${staging.name}\n`);
    fs.renameSync(tmp, path.join(indexDir, CURRENT));
  } catch (e) {
    // CURRENT still names the previous build (whose checksum line was kept): what this one left
    // is garbage (the caller removes the staging folder; the renamed folder and temp files are here).
    for (const p of [finalDir, tmp, sumsTmp]) fs.rmSync(p, { recursive: true, force: true });
    throw e;
  }
  fsyncDir(indexDir);
  removeOldBuilds(indexDir, staging.name);
  // The previous build is gone: its line goes too (best effort, the extra line is harmless).
  try {
    write(sumsTmp, line);
    fs.renameSync(sumsTmp, path.join(indexDir, SUMS));
  } catch {
    fs.rmSync(sumsTmp, { force: true });
  }
  return handle(finalDir, staging.name, full);
}

/** `sha256sum` format, so that `cd INDEX_DIR && sha256sum -c CURRENT.sha256` checks the live manifest. */
function sumLine(name: string, sum: string): string {
  return `${sum}  ${BUILDS}/${name}/manifest.json\n`;
}

function readSums(indexDir: string): Array<{ name: string; sum: string }> {
  let text: string;
  try {
    text = fs.readFileSync(path.join(indexDir, SUMS), 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((l) => {
    const m = new RegExp(`^([0-9a-f]{64})  ${BUILDS}/([\\w.-]+)/manifest\\.json$`).exec(l.trim());
    return m ? [{ sum: m[1]!, name: m[2]! }] : [];
  });
}

/** Removes every build but `keep`, and staging folders (only called under the build lock). */
export function removeOldBuilds(indexDir: string, keep: string | undefined): void {
  const root = path.join(indexDir, BUILDS);
  if (!fs.existsSync(root)) return;
  for (const f of fs.readdirSync(root)) {
    if (f === keep) continue;
    fs.rmSync(path.join(root, f), { recursive: true, force: true });
  }
}

/**
 * What dead builders left behind: staging folders and `*.tmp` files (the CURRENT pointer's
 * temp file). Only called under the build lock, so no live builder is using them. Returns the
 * names removed. Complete builds are left alone (removeOldBuilds deals with them at the next
 * commit).
 */
export function sweepStaging(indexDir: string): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, match: (name: string) => boolean) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const f of names.filter(match)) {
      fs.rmSync(path.join(dir, f), { recursive: true, force: true });
      removed.push(path.relative(indexDir, path.join(dir, f)));
    }
  };
  sweep(indexDir, (f) => f.endsWith('.tmp'));
  sweep(path.join(indexDir, BUILDS), (f) => f.startsWith(STAGING_PREFIX) || f.endsWith('.tmp'));
  return removed;
}

/** Name of the live build, or undefined when there is none. */
export function currentBuildName(indexDir: string): string | undefined {
  try {
    const name = fs.readFileSync(path.join(indexDir, CURRENT), 'utf8').trim();
    return /^[\w.-]+$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the live build and verifies it: the manifest's bytes match the checksum recorded beside
 * it, it parses against the schema (every field, every index file listed), and every data file
 * exists with its recorded checksum. Throws INDEX_MISSING / INDEX_CORRUPT with a message that
 * names what was wrong and says how to recover.
 */
export function openBuild(indexDir: string, opts: { verify?: boolean } = {}): BuildHandle {
  const pointer = path.join(indexDir, CURRENT);
  const name = currentBuildName(indexDir);
  if (!name) {
    if (fs.existsSync(pointer)) throw new AppError('INDEX_CORRUPT', `Index pointer ${pointer} does not hold a build name; ${REBUILD}.`);
    throw new AppError('INDEX_MISSING', `No index in ${indexDir}: run \`npm run ingest\` (or \`npm start\`, which builds it).`);
  }
  const dir = path.join(indexDir, BUILDS, name);
  const file = path.join(dir, 'manifest.json');
  const sumFile = path.join(indexDir, SUMS);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new AppError('INDEX_CORRUPT', `Index manifest ${file} is missing or unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${REBUILD}.`);
  }
  const expected = readSums(indexDir).find((l) => l.name === name)?.sum;
  if (!expected) throw new AppError('INDEX_CORRUPT', `Index manifest checksum for build ${name} is missing from ${sumFile}; ${REBUILD}.`);
  if (manifestChecksum(bytes) !== expected) {
    throw new AppError('INDEX_CORRUPT', `Index manifest ${file} does not match its checksum in ${sumFile} (changed after the build); ${REBUILD}.`);
  }
  const manifest = parseManifest(bytes, file);
  if (opts.verify !== false) {
    for (const [f, sum] of Object.entries(manifest.files)) {
      const p = path.join(dir, f);
      if (!fs.existsSync(p)) throw new AppError('INDEX_CORRUPT', `Index file ${p} is missing; ${REBUILD}.`);
      if (sha256File(p) !== sum) throw new AppError('INDEX_CORRUPT', `Index file ${p} is corrupted or truncated (checksum mismatch); ${REBUILD}.`);
    }
  }
  return handle(dir, name, manifest);
}

function handle(dir: string, name: string, manifest: Manifest): BuildHandle {
  return { dir, name, manifest, read: (f) => fs.readFileSync(path.join(dir, f)) };
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // Directory fsync is not supported everywhere (e.g. some network file systems); best effort.
  }
}
