/**
 * POST /api/feedback on the real server: 201 with the stored record in FEEDBACK_FILE, 400 naming
 * the field for each bad body, 415 for non-JSON, counted in /metrics by rating, and readable
 * with `npm run feedback` (the real command, on the same file).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/env.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

const run = promisify(execFile);
let s: TestServer;
let dir: string;
let file: string;

beforeAll(async () => {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'feedback-api-'));
  file = path.join(dir, 'feedback.jsonl');
  s = await startTestServer({ FEEDBACK_FILE: file });
});
afterAll(async () => {
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${s.url}/api/feedback`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

const good = { sessionId: 'sess-1', question: '유니트리의 점유율은?', answer: '유니트리는 69.75%로 1위다 [1].', citations: [{ id: 1, article: { number: '01', title: '구현 지능' }, page: 9 }], rating: 'down', comment: '출처 쪽수가 틀려요' };

async function metric(name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const m = text.match(new RegExp(`^${name}\\{${labels}\\} (\\d+)`, 'm'));
  return m ? Number(m[1]) : NaN;
}

describe('POST /api/feedback', () => {
  it('stores a rating (201) with the server time, counts it in /metrics, and npm run feedback lists it newest first', async () => {
    expect(await metric('kic_feedback_total', 'rating="down"')).toBe(0);
    const before = Date.now();
    const res = await post(good);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { ok: boolean; at: string };
    expect(body.ok).toBe(true);
    expect(Date.parse(body.at)).toBeGreaterThanOrEqual(before - 1000);
    const up = await post({ question: 'What is Unitree’s share?', answer: 'Unitree holds 69.75% [1].', rating: 'up' });
    expect(up.status).toBe(201);

    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ at: body.at, ...good });
    expect(await metric('kic_feedback_total', 'rating="down"')).toBe(1);
    expect(await metric('kic_feedback_total', 'rating="up"')).toBe(1);

    const { stdout } = await run('npm', ['run', '--silent', 'feedback'], { cwd: ROOT, env: { ...process.env, FEEDBACK_FILE: file } });
    const rows = stdout.split('\n');
    expect(rows[0]).toMatch(/time \(UTC\)\s+rating\s+question\s+answer/);
    expect(rows[2]).toMatch(/👍 up\s+What is Unitree’s share\?\s+Unitree holds 69\.75% \[1\]\./);
    expect(rows[3]).toMatch(/👎 down\s+유니트리의 점유율은\?\s+유니트리는 69\.75%로 1위다 \[1\]\.\s+출처 쪽수가 틀려요/);
    expect(stdout).toContain('2 ratings: 1 up, 1 down');
  });

  it.each([
    [{ ...good, rating: 'meh' }, 'rating'],
    [{ ...good, rating: undefined }, 'rating'],
    [{ ...good, question: '' }, 'question'],
    [{ ...good, question: 42 }, 'question'],
    [{ ...good, answer: undefined }, 'answer'],
    [{ ...good, answer: 'x'.repeat(20_001) }, 'answer'],
    [{ ...good, sessionId: 'bad id!' }, 'sessionId'],
    [{ ...good, citations: 'all' }, 'citations'],
    [{ ...good, citations: [{ id: 'one' }] }, 'citations.0.id'],
    [{ ...good, comment: 'x'.repeat(2001) }, 'comment'],
    [{ ...good, comment: 'bad \u001b[2J' }, 'comment'],
    [{ ...good, extra: true }, undefined],
  ])('400 for a bad body, naming the field (%#)', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;
    expect(err.code).toBe('VALIDATION_FAILED');
    if (field) expect(err.field).toBe(field);
    else expect(err.message).toMatch(/extra/);
  });

  it('400 for broken JSON, 415 for a non-JSON body; nothing stored', async () => {
    const size = fs.statSync(file).size;
    const broken = await post('{"rating":');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('INVALID_JSON');
    const form = await post('rating=up', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(fs.statSync(file).size).toBe(size);
  });
});

describe('small talk through /api/chat', () => {
  it.each([
    ['hi', 'en', /Hello!/],
    ['안녕', 'ko', /안녕하세요!/],
    ['你好', 'zh', /你好！/],
    ['고마워', 'ko', /도움이 되었다니/],
    ['thanks!', 'en', /welcome/],
  ])('%s gets a friendly reply with example questions, marked smalltalk, no citations', async (message, lang, re) => {
    const res = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
    expect(res.status).toBe(200);
    const out = (await res.json()) as { found: boolean; answer: string; citations: unknown[]; smalltalk?: boolean; language: string; sessionId: string };
    expect(out).toMatchObject({ found: true, citations: [], smalltalk: true, language: lang });
    expect(out.answer).toMatch(re);
    expect(out.answer.split('\n').filter((l) => l.startsWith('- ')).length).toBe(3);
    expect(out.answer).not.toMatch(/Hi Robot/i);
    expect(out.sessionId).toBeTruthy();
  });

  it('a real question that starts with a greeting word is answered from the report', async () => {
    const res = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '안녕, 유니트리의 글로벌 사족 로봇 시장 점유율은?' }) });
    const out = (await res.json()) as { smalltalk?: boolean; citations: unknown[]; answer: string };
    expect(out.smalltalk).toBeUndefined();
    expect(out.citations.length).toBeGreaterThan(0);
    expect(out.answer).toContain('69.75');
  });

  it('streams the reply as a delta then done, and the session continues with a real question', async () => {
    const res = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ message: '안녕하세요' }) });
    const text = await res.text();
    expect(text).toMatch(/^event: delta\ndata: \{"text":"안녕하세요!/);
    const done = JSON.parse(text.split('event: done\ndata: ')[1]!.split('\n')[0]!) as { sessionId: string; smalltalk: boolean };
    expect(done.smalltalk).toBe(true);
    const next = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?', sessionId: done.sessionId }) });
    const out = (await next.json()) as { sessionId: string; answer: string };
    expect(out.answer).toContain('69.75');
  });
});
