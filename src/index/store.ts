/**
 * Index persistence: the only module of the index stage that touches the disk.
 *
 * Layout of INDEX_DIR:
 *   CURRENT               name of the live build (replaced atomically by rename)
 *   builds/<name>/        one complete build: manifest.json (written last) + data files
 *   builds/.staging-*     a build in progress; removed by the next build if its owner is gone
 *   .lock                 held while building (see lock.ts)
 *
 * Why: a build that crashes or is killed at any point leaves CURRENT pointing at the previous,
 * complete build. rename(2) of a file is atomic on POSIX; swapping a directory in place is not
 * (two renames), hence the pointer file. Every data file's sha256 is in the manifest, so a file
 * that was truncated or corrupted later is detected at load instead of serving garbage.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import type { Manifest } from '../types.js';

export const SCHEMA_VERSION = 1;
const CURRENT = 'CURRENT';
const BUILDS = 'builds';

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
  const dir = path.join(indexDir, BUILDS, `.staging-${name}`);
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
export function commitBuild(indexDir: string, staging: { dir: string; name: string }, manifest: Omit<Manifest, 'files' | 'schemaVersion'>): BuildHandle {
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(staging.dir).sort()) {
    if (f === 'manifest.json') continue;
    files[f] = sha256File(path.join(staging.dir, f));
  }
  const full: Manifest = { schemaVersion: SCHEMA_VERSION, ...manifest, files };
  writeDurable(path.join(staging.dir, 'manifest.json'), JSON.stringify(full, null, 2));
  const finalDir = path.join(indexDir, BUILDS, staging.name);
  fs.renameSync(staging.dir, finalDir);
  const tmp = path.join(indexDir, `${CURRENT}.${process.pid}.tmp`);
  writeDurable(tmp, `${staging.name}\n`);
  fs.renameSync(tmp, path.join(indexDir, CURRENT));
  fsyncDir(indexDir);
  removeOldBuilds(indexDir, staging.name);
  return handle(finalDir, staging.name, full);
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
 * Opens the live build and verifies it: manifest parses, schema version matches, every data
 * file exists with the recorded checksum. Throws INDEX_MISSING / INDEX_CORRUPT with a message
 * that says how to recover.
 */
export function openBuild(indexDir: string, opts: { verify?: boolean } = {}): BuildHandle {
  const name = currentBuildName(indexDir);
  if (!name) throw new AppError('INDEX_MISSING', `No index in ${indexDir}: run \`npm run ingest\` (or \`npm start\`, which builds it).`);
  const dir = path.join(indexDir, BUILDS, name);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (e) {
    throw new AppError('INDEX_CORRUPT', `Index manifest ${path.join(dir, 'manifest.json')} is missing or unreadable (${(e as Error).message}); rebuild with \`npm run ingest -- --force\`.`);
  }
  if (manifest.schemaVersion !== SCHEMA_VERSION) {
    throw new AppError('INDEX_CORRUPT', `Index schema version ${manifest.schemaVersion} != ${SCHEMA_VERSION} (built by another version); rebuild with \`npm run ingest -- --force\`.`);
  }
  if (opts.verify !== false) {
    for (const [f, sum] of Object.entries(manifest.files ?? {})) {
      const p = path.join(dir, f);
      if (!fs.existsSync(p)) throw new AppError('INDEX_CORRUPT', `Index file ${p} is missing; rebuild with \`npm run ingest -- --force\`.`);
      if (sha256File(p) !== sum) throw new AppError('INDEX_CORRUPT', `Index file ${p} is corrupted or truncated (checksum mismatch); rebuild with \`npm run ingest -- --force\`.`);
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
