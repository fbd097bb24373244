#!/usr/bin/env node
/**
 * `npm start`: runs the production build (dist/cli/start.js) in THIS process, so that the
 * signals npm forwards (or `kill -TERM` of this pid) reach the server itself; no tsx, no
 * child process that could outlive its parent.
 *
 * dist/ is (re)built first when it is missing or older than the sources (content hash, see
 * build.mjs) and the compiler is installed. In a production install (`npm ci --omit=dev`,
 * no TypeScript) a built dist/ is served as it is; without one it says how to build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, build, compilerPath, readStamp, sourceHash } from './build.mjs';

const stamp = readStamp(ROOT);
const hasSources = fs.existsSync(path.join(ROOT, 'src'));
const fresh = stamp !== undefined && (!hasSources || stamp.sourceHash === sourceHash(ROOT));
if (!fresh) {
  if (hasSources && compilerPath(ROOT)) {
    process.stderr.write(stamp ? 'dist/ is older than src/: rebuilding it …\n' : 'building dist/ …\n');
    try {
      const { ms } = await build(ROOT);
      process.stderr.write(`built dist/ in ${(ms / 1000).toFixed(1)} s\n`);
    } catch (e) {
      process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
      process.exit(1);
    }
  } else if (!stamp) {
    process.stderr.write('dist/ is missing and TypeScript is not installed: run `npm run build` where the dev dependencies are installed, then copy dist/ here (see README, Production).\n');
    process.exit(1);
  } else {
    process.stderr.write('note: dist/ was built from other sources than src/ and TypeScript is not installed here: serving dist/ as built.\n');
  }
}
await import(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'start.js')).href);
