/** The JSONL feedback store on real files: whole lines, O_APPEND, rotation past the size bound, a cut last line. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonlFeedbackStore, MemoryFeedbackStore } from '../../src/feedback/store.js';
import { columns, feedbackTable, fit } from '../../src/feedback/table.js';
import { ROOT } from '../helpers/env.js';

let dir: string;
beforeEach(() => {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'feedback-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = (i: number, rating: 'up' | 'down' = i % 2 ? 'down' : 'up') => ({ question: `질문 ${i}`, answer: `답변 ${i} [1]`, rating, citations: [{ id: 1, page: 9 }] });

describe('JsonlFeedbackStore', () => {
  it('appends one JSON line per record with the server time, creating the folder, and lists newest first', async () => {
    let t = Date.parse('2026-01-02T03:04:05Z');
    const file = path.join(dir, 'sub', 'feedback.jsonl');
    const store = new JsonlFeedbackStore({ file, maxBytes: 1 << 20, now: () => (t += 1000) });
    await store.add(entry(1));
    await store.add({ ...entry(2), sessionId: 's-1', comment: '틀렸어요' });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({ at: '2026-01-02T03:04:06.000Z', ...entry(1) });
    const listed = await store.list();
    expect(listed.map((r) => r.question)).toEqual(['질문 2', '질문 1']);
    expect(listed[0]!.comment).toBe('틀렸어요');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps every line whole under concurrent appends (two stores on one file, as two processes would)', async () => {
    const file = path.join(dir, 'feedback.jsonl');
    const a = new JsonlFeedbackStore({ file, maxBytes: 1 << 20 });
    const b = new JsonlFeedbackStore({ file, maxBytes: 1 << 20 });
    await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).add({ ...entry(i), answer: 'x'.repeat(500 + i) })));
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    const questions = new Set(lines.map((l) => (JSON.parse(l) as { question: string }).question));
    expect(questions.size).toBe(200);
  });

  it('rotates to FILE.1 past maxBytes, so at most about twice the bound is kept, and still lists both files', async () => {
    const file = path.join(dir, 'feedback.jsonl');
    const store = new JsonlFeedbackStore({ file, maxBytes: 4096 });
    for (let i = 0; i < 100; i++) await store.add(entry(i));
    expect(fs.statSync(file).size).toBeLessThanOrEqual(4096);
    expect(fs.statSync(`${file}.1`).size).toBeLessThanOrEqual(4096);
    const listed = await store.list();
    expect(listed[0]!.question).toBe('질문 99');
    // Older records than FILE.1 holds are gone: the bound holds.
    expect(listed.length).toBeLessThan(100);
    expect(listed.length).toBeGreaterThan(20);
    const qs = listed.map((r) => Number(r.question.split(' ')[1]));
    expect(qs).toEqual([...qs].sort((x, y) => y - x));
  });

  it('refuses a record larger than the bound with PAYLOAD_TOO_LARGE, and writes nothing', async () => {
    const file = path.join(dir, 'feedback.jsonl');
    const store = new JsonlFeedbackStore({ file, maxBytes: 4096 });
    await expect(store.add({ ...entry(1), answer: '가'.repeat(3000) })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(fs.existsSync(file)).toBe(false);
    await store.add(entry(2)); // the queue is not poisoned by the refusal
    expect(await store.list()).toHaveLength(1);
  });

  it('skips a line cut by a crash mid-write and lines that are not feedback', async () => {
    const file = path.join(dir, 'feedback.jsonl');
    const store = new JsonlFeedbackStore({ file, maxBytes: 1 << 20 });
    await store.add(entry(1));
    fs.appendFileSync(file, '{"foo":1}\n{"at":"2026-01-01T00:00:00Z","rating":"up","question":"cut');
    await store.add(entry(2));
    expect((await store.list()).map((r) => r.question)).toEqual(['질문 2', '질문 1']);
  });

  it('lists nothing when no file exists yet', async () => {
    expect(await new JsonlFeedbackStore({ file: path.join(dir, 'none.jsonl'), maxBytes: 4096 }).list()).toEqual([]);
  });
});

describe('MemoryFeedbackStore (the test double)', () => {
  it('adds with the time and lists newest first', async () => {
    const store = new MemoryFeedbackStore(() => 0);
    await store.add(entry(1));
    await store.add(entry(2));
    expect((await store.list()).map((r) => [r.question, r.at])).toEqual([
      ['질문 2', '1970-01-01T00:00:00.000Z'],
      ['질문 1', '1970-01-01T00:00:00.000Z'],
    ]);
  });
});

describe('feedbackTable', () => {
  it('measures Korean and Chinese as two columns and cuts long text with an ellipsis', () => {
    expect(columns('ab가나')).toBe(6);
    expect(columns(fit('유니트리의 글로벌 사족 로봇 시장 점유율은?', 10))).toBe(10);
    expect(fit('유니트리의 글로벌 사족 로봇 시장 점유율은?', 10)).toMatch(/…\s*$/);
    expect(fit('short', 8)).toBe('short   ');
  });

  it('prints no control characters (a stored comment cannot drive the terminal)', () => {
    const out = feedbackTable([{ at: '2026-01-02T03:04:05.000Z', question: 'q\u001b[2J', answer: 'a\u009b31m', rating: 'down', comment: 'x\u001b]0;pwned\u0007y\nz' }]);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('x ]0;pwned y z');
  });

  it('prints one line per record, newest first as given, with a count', () => {
    const out = feedbackTable([
      { at: '2026-01-02T03:04:05.000Z', ...entry(2, 'down'), comment: 'wrong page' },
      { at: '2026-01-01T03:04:05.000Z', ...entry(1, 'up') },
    ]);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^time \(UTC\)\s+rating\s+question\s+answer\s+comment$/);
    expect(lines[2]).toMatch(/^2026-01-02 03:04:05\s+👎 down\s+질문 2\s+답변 2 \[1\]\s+wrong page$/);
    expect(lines[3]).toMatch(/^2026-01-01 03:04:05\s+👍 up\s+질문 1/);
    expect(out).toContain('2 ratings: 1 up, 1 down');
  });
});
