/** `npm run eval -- --pooled`'s set: the dev set and every held-out set, each question in its file's split. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadPooledSets } from '../../src/eval/run.js';
import { ROOT } from '../helpers/env.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-pooled-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('holds eval/dev.jsonl and the eight held-out sets, both splits of each, with unique ids', () => {
  const qs = loadPooledSets(path.join(ROOT, 'eval'));
  const byFile = (prefix: RegExp) => qs.filter((q) => prefix.test(q.id));
  expect(qs).toHaveLength(150 + 120 + 90 + 100 + 100 + 100 + 100 + 100 + 100);
  expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
  expect(byFile(/^[qd]\d/).length).toBe(150);
  for (const split of ['tune', 'check']) expect(qs.some((q) => q.split === split && /^h-/.test(q.id))).toBe(true);
  for (const split of ['tune', 'check']) for (const set of [/^s7-/, /^s8-/]) expect(qs.filter((q) => q.split === split && set.test(q.id))).toHaveLength(50);
  // Not the tuning files: they have no check half and are not held out.
  expect(qs.some((q) => /^g\d-/.test(q.id))).toBe(false);
});

it('refuses two files that share an id, naming it', () => {
  const line = (id: string) => `${JSON.stringify({ id, lang: 'ko', question: '질문', article: null, split: 'tune' })}\n`;
  fs.writeFileSync(path.join(tmp, 'dev.jsonl'), line('x1') + line('x2'));
  fs.writeFileSync(path.join(tmp, 'a-heldout.jsonl'), line('x2'));
  expect(() => loadPooledSets(tmp)).toThrow(/x2/);
});
