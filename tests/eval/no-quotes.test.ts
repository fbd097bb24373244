/**
 * No evaluation or tuning question is quoted in the code, the tests or the README: a rule or a
 * test written around one question's wording is tuning to that question (the lesson).
 * A question counts as quoted when the file holds it whole, or any SPAN characters of it that
 * are not the report's own words (a title or a name the question repeats from the report) nor
 * the glossary's Chinese and English names for them (src/retrieve/seed-glossary.ts and
 * vocabulary.ts: lists of names, not scanned themselves).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDevSet } from '../../src/eval/run.js';
import { ROOT } from '../helpers/env.js';

const SPAN = 26;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(?:ts|js|md|html|css)$/.test(e.name) ? [p] : [];
  });
}

describe('evaluation questions', () => {
  it('are quoted nowhere in src/, tests/, docs/ or the README', () => {
    const corpus = squash(fs.readFileSync(path.join(ROOT, 'corpus', 'monthly-china-startup-2025-06.txt'), 'utf8'));
    const nameLists = ['seed-glossary.ts', 'vocabulary.ts'].map((f) => path.join(ROOT, 'src', 'retrieve', f));
    const names = nameLists.map((f) => squash(fs.readFileSync(f, 'utf8'))).join(' ');
    // Every held-out file, as `npm run eval -- --pooled` reads them (a list written out had missed the sixth).
    const heldOut = fs.readdirSync(path.join(ROOT, 'eval')).filter((f) => f.endsWith('-heldout.jsonl'));
    expect(heldOut.length).toBeGreaterThanOrEqual(7);
    const questions = ['dev.jsonl', 'team-tuning.jsonl', 'written-tuning.jsonl', ...heldOut].flatMap((f) =>
      loadDevSet(path.join(ROOT, 'eval', f)).flatMap((q) => [q.question, ...q.turns].map((t) => ({ id: `${f}:${q.id}`, text: squash(t) }))),
    );
    const texts = [...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'tests')), ...files(path.join(ROOT, 'docs')), path.join(ROOT, 'README.md')].filter((f) => !nameLists.includes(f)).map((f) => ({
      file: path.relative(ROOT, f),
      text: squash(fs.readFileSync(f, 'utf8')),
    }));
    const found: string[] = [];
    for (const { file, text } of texts) {
      for (const q of questions) {
        const whole = q.text.replace(/[?？.。!！]+$/u, '');
        if ([...whole].length >= 6 && text.includes(whole)) {
          found.push(`${file}: ${q.id} whole`);
          continue;
        }
        const chars = [...q.text];
        for (let i = 0; i + SPAN <= chars.length; i++) {
          const span = chars.slice(i, i + SPAN).join('');
          if (text.includes(span) && !corpus.includes(span) && !names.includes(span)) {
            found.push(`${file}: ${q.id} "${span}"`);
            break;
          }
        }
      }
    }
    expect(found).toEqual([]);
  });
});
