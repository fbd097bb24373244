/**
 * Source files hold no control characters but tab and newline: a backspace typed where `\b` was
 * meant sat in a regular expression for several sessions ("sales volume" never matched, as a
 * raw backspace matches only itself), invisible in an editor and in `git diff`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/env.js';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
    return /\.(?:ts|mjs|js|json|md|html|css)$/.test(e.name) ? [p] : [];
  });
}

describe('source files', () => {
  it('hold no control characters but tab, newline and carriage return', () => {
    const found = ['src', 'scripts', 'tests', 'docs']
      .flatMap((d) => files(path.join(ROOT, d)))
      .flatMap((f) => {
        const m = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(fs.readFileSync(f, 'utf8'));
        return m ? [`${path.relative(ROOT, f)}: U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}`] : [];
      });
    expect(found).toEqual([]);
  });
});
