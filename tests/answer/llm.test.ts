import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, AnswerInput, SearchHit } from '../../src/types.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { FallbackAnswerer } from '../../src/answer/fallback.js';
import { LlmAnswerer, NOTE_NO_VALID_CITATIONS, SentinelGate } from '../../src/answer/llm.js';
import { createLlmAnswerer } from '../../src/answer/index.js';
import { loadConfig } from '../../src/config.js';
import { messageText, startFakeOpenAI, type FakeOpenAI } from '../helpers/fakeOpenAI.js';
import { GALBOT, TREND_01, UBTECH, UNITREE, makeHit, queryFor } from './corpusHits.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.behave({});
});

const PROMPT_KO = readFileSync(fileURLToPath(new URL('../../prompts/answer.ko.md', import.meta.url)), 'utf8');

function hits(): SearchHit[] {
  return [
    makeHit(1, TREND_01, UNITREE(), { headings: ['산업체인 분석', '다운 스트림: 다양한 응용 환경'], page: 9, ordinal: 14 }),
    makeHit(2, TREND_01, UBTECH(), { headings: ['발전의 추진 요소', '데이터 수집'], page: 8, ordinal: 10 }),
    makeHit(3, TREND_01, GALBOT(), { headings: ['발전의 추진 요소', '데이터 수집'], page: 8, ordinal: 9 }),
  ];
}

function input(question = '유니트리의 사족 로봇 시장 점유율은?', lang: AnswerInput['lang'] = 'ko'): AnswerInput {
  return { question, lang, hits: hits(), query: queryFor(question, lang) };
}

function llm(timeoutMs = 5000): LlmAnswerer {
  return new LlmAnswerer({ baseURL: fake.baseURL, model: 'fake-model', temperature: 0.1, timeoutMs });
}

function expectContract(a: Answer): void {
  const named = new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  expect(a.citations.map((c) => c.id)).toEqual(a.citations.map((_, i) => i + 1));
  for (const n of named) expect(a.citations.some((c) => c.id === n)).toBe(true);
  for (const c of a.citations) expect(named.has(c.id)).toBe(true);
}

describe('LlmAnswerer against an OpenAI-compatible server', () => {
  it('keeps the citation the model used and drops the unused sources', async () => {
    fake.behave({ reply: '유니트리는 2023 년 기준 글로벌 사족 로봇 시장에서 69.75%의 점유율로 1 위를 차지했습니다 [1].' });
    const a = await llm().answer(input());
    expect(a.found).toBe(true);
    expect(a.answerer).toBe('llm:fake-model');
    expect(a.answer).toContain('69.75%');
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]!).toMatchObject({ id: 1, page: 9, heading: '다운 스트림: 다양한 응용 환경', articleId: 'trend-01' });
    // The quote is the passage sentence the claim rests on, not the whole passage.
    expect(a.citations[0]!.quote).toContain('69.75%');
    expect(a.citations[0]!.quote).not.toContain('테슬라는');
    expect(a.note).toBeUndefined();
    expectContract(a);
  });

  it('renumbers when the model cites a later source only', async () => {
    fake.behave({ reply: '유비테크는 ‘80:20 법칙’에 따라 데이터를 수집합니다 [2].' });
    const a = await llm().answer(input('유비테크의 데이터 수집 법칙은?'));
    expect(a.answer).toBe('유비테크는 ‘80:20 법칙’에 따라 데이터를 수집합니다 [1].');
    expect(a.citations.map((c) => c.chunkId)).toEqual([hits()[1]!.chunk.id]);
  });

  it('removes a marker naming a source that does not exist', async () => {
    fake.behave({ reply: '점유율은 69.75%입니다 [1]. 출하량은 50% 이상 늘 전망입니다 [7].' });
    const a = await llm().answer(input());
    expect(a.answer).toBe('점유율은 69.75%입니다 [1]. 출하량은 50% 이상 늘 전망입니다.');
    expect(a.citations).toHaveLength(1);
    expect(a.note).toContain('7');
    expectContract(a);
  });

  it('falls back to the extractive answer when the model cites nothing', async () => {
    fake.behave({ reply: '유니트리의 점유율은 약 70%로 알려져 있습니다.' });
    const a = await llm().answer(input());
    expect(a.answerer).toBe('extractive');
    expect(a.note).toBe(NOTE_NO_VALID_CITATIONS);
    expect(a.found).toBe(true);
    expect(a.answer).toContain('69.75%');
    expect(a.answer).not.toContain('약 70%');
    expectContract(a);
  });

  it('turns the NOT_FOUND sentinel into found:false in the question language', async () => {
    fake.behave({ reply: 'NOT_FOUND\n보고서에서 해당 내용을 찾을 수 없습니다 [1].' });
    const ko = await llm().answer(input('테슬라 주가는?'));
    expect(ko).toMatchObject({ found: false, citations: [], answer: '보고서에서 해당 내용을 찾을 수 없습니다.' });
    fake.behave({ reply: '**NOT_FOUND**' });
    const zh = await llm().answer(input('特斯拉的股价是多少？', 'zh'));
    expect(zh).toMatchObject({ found: false, citations: [], answer: '报告中没有找到相关内容。' });
  });

  it('sends the system prompt from prompts/ with the numbered sources, and the question', async () => {
    fake.behave({ reply: '69.75% [1]' });
    await llm().answer(input());
    const [req] = fake.chatRequests();
    expect(req!.model).toBe('fake-model');
    expect(req!.temperature).toBe(0.1);
    const [system, user] = req!.messages;
    expect(system!.role).toBe('system');
    const sys = messageText(system!);
    // The prompt file's rules, verbatim, with the placeholders filled.
    expect(sys).toContain(PROMPT_KO.split('\n')[2]!);
    expect(sys).toContain('「월간 중국창업 6월호」');
    expect(sys).not.toMatch(/\{\{/);
    expect(sys).toContain('[1] 산업 트렌드 › 01. 구현 지능 산업 심층 분석 › 산업체인 분석 › 다운 스트림: 다양한 응용 환경 (p. 9)');
    expect(sys).toContain('[2] 산업 트렌드 › 01. 구현 지능 산업 심층 분석 › 발전의 추진 요소 › 데이터 수집 (p. 8)');
    expect(sys).toContain('[3] ');
    expect(sys).not.toContain('[4] ');
    expect(sys).toContain('69.75%의 점유율로 1 위');
    // Invisible PDF glyphs are not sent.
    expect(sys).not.toMatch(/[\uE000-\uF8FF]/);
    expect(user).toEqual({ role: 'user', content: '유니트리의 사족 로봇 시장 점유율은?' });
  });

  it('uses the prompt of the question language', async () => {
    fake.behave({ reply: 'UBTECH follows the 80:20 rule [2].' });
    await llm().answer(input('What rule does UBTECH follow for training data?', 'en'));
    expect(messageText(fake.chatRequests()[0]!.messages[0]!)).toContain('Base your answer ONLY on the numbered report excerpts');
  });

  it('does not call the model when nothing was retrieved', async () => {
    const a = await llm().answer({ question: '유니트리?', lang: 'ko', hits: [] });
    expect(a.found).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });

  it('throws an AppError on an HTTP error (without the endpoint message)', async () => {
    fake.behave({ status: 500, errorMessage: 'secret sk-123 broke' });
    await expect(llm().answer(input())).rejects.toMatchObject({ code: 'LLM_FAILED', message: expect.stringContaining('HTTP 500') });
    await expect(llm().answer(input())).rejects.not.toMatchObject({ message: expect.stringContaining('sk-123') });
  });
});

describe('FallbackAnswerer(LLM, extractive)', () => {
  const extractive = new ExtractiveAnswerer();

  it('answers extractively within the timeout when the model hangs', async () => {
    fake.behave({ hang: true });
    const events: unknown[] = [];
    const answerer = new FallbackAnswerer(llm(300), extractive, (e) => events.push(e));
    const t0 = Date.now();
    const a = await answerer.answer(input());
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(2000);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(a.answerer).toBe('extractive');
    expect(a.note).toMatch(/^LLM failed \(TIMEOUT: .*300 ms\)/);
    expect(a.answer).toContain('69.75%');
    expect(events).toHaveLength(1);
    expectContract(a);
  });

  it('answers extractively on an HTTP error, saying so', async () => {
    fake.behave({ status: 503 });
    const a = await new FallbackAnswerer(llm(), extractive).answer(input());
    expect(a.answerer).toBe('extractive');
    expect(a.note).toContain('HTTP 503');
    expect(a.found).toBe(true);
  });

  it('answers extractively when the endpoint is unreachable', async () => {
    const dead = new LlmAnswerer({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', temperature: 0, timeoutMs: 2000 });
    const a = await new FallbackAnswerer(dead, extractive).answer(input());
    expect(a.answerer).toBe('extractive');
    expect(a.note).toMatch(/^LLM failed/);
  });

  it('passes the caller’s own abort on instead of answering', async () => {
    fake.behave({ hang: true });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(new Error('client went away')), 100);
    await expect(new FallbackAnswerer(llm(5000), extractive).answer({ ...input(), signal: ctl.signal })).rejects.toThrow('client went away');
  });

  it('is what createLlmAnswerer builds when LLM_BASE_URL is set, and nothing otherwise', async () => {
    expect(createLlmAnswerer(loadConfig({}), new ExtractiveAnswerer())).toBeUndefined();
    const a = createLlmAnswerer(loadConfig({ LLM_BASE_URL: fake.baseURL, LLM_MODEL: 'fake-model' }), new ExtractiveAnswerer())!.answerer;
    expect(a.name).toBe('llm:fake-model|extractive');
    fake.behave({ reply: '69.75% [1]' });
    expect((await a.answer(input())).answerer).toBe('llm:fake-model');
  });
});

describe('streaming', () => {
  it('streams deltas and returns the verified answer', async () => {
    const text = '유니트리는 69.75%의 점유율로 1 위입니다 [1]. 갤봇은 GraspVLA를 개발했습니다 [3][9].';
    fake.behave({ reply: text, chunkChars: 5 });
    const deltas: string[] = [];
    const a = await llm().stream(input(), (d) => deltas.push(d));
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(text); // streamed as produced, markers unverified…
    expect(a.answer).toBe('유니트리는 69.75%의 점유율로 1 위입니다 [1]. 갤봇은 GraspVLA를 개발했습니다 [2].'); // …the final answer is verified
    expect(a.citations.map((c) => c.chunkId)).toEqual([hits()[0]!.chunk.id, hits()[2]!.chunk.id]);
    expect(fake.chatRequests()[0]!.stream).toBe(true);
    expectContract(a);
  });

  it('never streams the NOT_FOUND sentinel', async () => {
    fake.behave({ reply: 'NOT_FOUND\nThe report does not say.', chunkChars: 2 });
    const deltas: string[] = [];
    const a = await llm().stream(input('What is Tesla’s share price?', 'en'), (d) => deltas.push(d));
    expect(a).toMatchObject({ found: false, citations: [] });
    expect(deltas.join('')).not.toContain('NOT');
    expect(deltas.join('')).toBe('The report does not cover this.');
  });

  it('falls back within the timeout when the stream stalls midway', async () => {
    fake.behave({ reply: '유니트리는 69.75%의 점유율로 1 위입니다 [1].', chunkChars: 3, hangAfterChunks: 2 });
    const deltas: string[] = [];
    const t0 = Date.now();
    const a = await new FallbackAnswerer(llm(400), new ExtractiveAnswerer()).stream(input(), (d) => deltas.push(d));
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(a.answerer).toBe('extractive');
    expect(a.note).toMatch(/^LLM failed \(TIMEOUT/);
    expect(a.answer).toContain('69.75%');
    expectContract(a);
  });
});

describe('SentinelGate', () => {
  it('holds a possible sentinel prefix, then passes normal text through', () => {
    const out: string[] = [];
    const g = new SentinelGate((d) => out.push(d));
    g.push('NO');
    expect(out).toEqual([]);
    g.push('TE: 보고서');
    expect(out).toEqual(['NOTE: 보고서']);
    g.push(' 계속');
    expect(out).toEqual(['NOTE: 보고서', ' 계속']);
  });

  it('flushes a short held text at the end', () => {
    const out: string[] = [];
    const g = new SentinelGate((d) => out.push(d));
    g.push('NOT');
    g.end();
    expect(out).toEqual(['NOT']);
  });
});

describe('model answers that only say the report lacks it', () => {
  it.each([
    '보고서에서 해당 내용을 찾을 수 없습니다 [1].',
    '报告中没有找到相关内容。',
    'The report does not mention Tesla’s share price [2].',
  ])('are found:false without citations: %s', async (reply) => {
    fake.behave({ reply });
    const a = await llm().answer(input('테슬라 주가는?'));
    expect(a).toMatchObject({ found: false, citations: [] });
  });

  it('but an answer that notes a gap and then answers is an answer', async () => {
    fake.behave({ reply: '2024년 순이익은 언급되지 않았지만, 유니트리의 점유율은 69.75%입니다 [1]. 2025년 출하량은 50% 이상 증가할 전망입니다 [1].' });
    const a = await llm().answer(input());
    expect(a.found).toBe(true);
    expect(a.citations).toHaveLength(1);
  });

  it('an empty reply is treated as ignoring the sources', async () => {
    fake.behave({ reply: '' });
    const a = await llm().answer(input());
    expect(a.note).toBe(NOTE_NO_VALID_CITATIONS);
    expect(a.answerer).toBe('extractive');
  });
});
