#!/usr/bin/env node
/**
 * `npm run build`: the production build in dist/ (plain JS, so `node` runs it without tsx and
 * it keeps working after `npm prune --omit=dev`).
 *
 * 1. tsc -p tsconfig.build.json into a staging folder (src/ → .dist-staging-PID/);
 * 2. the web page's static files (src/web/public) beside the compiled routes; prompts/ stay at
 *    the package root, where dist/answer/prompts.js finds them (../../prompts, as from src/);
 * 3. pipeline-fingerprint.txt: the index-shaping stages' fingerprint computed from the
 *    TypeScript sources, so that an index built from src/ (tsx) is not "stale" for dist/;
 * 4. BUILD.json: the hash of the sources it was built from (scripts/start.mjs compares it);
 * 5. the staging folder replaces dist/ (renames: a failed build leaves the old dist/ intact).
 *
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the build depends on besides src/. */
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

/** sha256 over the paths and contents of src/** and the build's inputs (content, not mtimes: a git checkout touches mtimes). */
export function sourceHash(root = ROOT) {
  const h = createHash('sha256');
  const files = [...listFiles(path.join(root, 'src')), ...INPUTS.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f))];
  for (const f of files.map((x) => path.relative(root, x)).sort()) h.update(`${f}\0`).update(fs.readFileSync(path.join(root, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** dist/BUILD.json, or undefined when dist/ was never (completely) built. */
export function readStamp(root = ROOT) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'dist', 'BUILD.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The TypeScript compiler's entry script, when the dev dependencies are installed. */
export function compilerPath(root = ROOT) {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    const pkgFile = require.resolve('typescript/package.json');
    const bin = JSON.parse(fs.readFileSync(pkgFile, 'utf8')).bin?.tsc;
    return bin ? path.join(path.dirname(pkgFile), bin) : undefined;
  } catch {
    return undefined;
  }
}

export async function build(root = ROOT) {
  const tsc = compilerPath(root);
  if (!tsc) throw new Error('TypeScript is not installed (a production install?): install the dev dependencies to build dist/.');
  const t0 = performance.now();
  const hash = sourceHash(root);
  const staging = path.join(root, `.dist-staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', staging], { cwd: root, stdio: 'inherit' });
    fs.cpSync(path.join(root, 'src', 'web', 'public'), path.join(staging, 'web', 'public'), { recursive: true });
    const { hashStages, FINGERPRINT_FILE } = await import(pathToFileURL(path.join(staging, 'index', 'fingerprint.js')).href);
    fs.writeFileSync(path.join(staging, FINGERPRINT_FILE), `${hashStages(path.join(root, 'src'))}\n`);
    fs.writeFileSync(path.join(staging, 'BUILD.json'), `${JSON.stringify({ sourceHash: hash, builtAt: new Date().toISOString() }, null, 2)}\n`);
    const dist = path.join(root, 'dist');
    const old = path.join(root, `.dist-old-${process.pid}`);
    if (fs.existsSync(dist)) fs.renameSync(dist, old);
    fs.renameSync(staging, dist);
    fs.rmSync(old, { recursive: true, force: true });
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return { ms: performance.now() - t0, hash };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build()
    .then(({ ms }) => console.error(`built dist/ in ${(ms / 1000).toFixed(1)} s`))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
