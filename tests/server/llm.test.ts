/**
 * The LLM path through the real server and index, against a fake OpenAI-compatible server on
 * loopback: prompts and numbered sources go out, citations are verified on the way back, and a
 * failing model falls back to the extractive answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, messageText, startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

let llm: FakeOpenAI;
let s: TestServer;

beforeAll(async () => {
  llm = await startFakeOpenAI();
  s = await startTestServer({ LLM_BASE_URL: llm.baseURL, LLM_API_KEY: 'sk-test', LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '800' });
});
afterAll(async () => {
  await s?.close();
  await llm?.close();
});
beforeEach(() => llm.requests.splice(0));

const ask = async (body: Record<string, unknown>) =>
  (await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();

describe('answers through a configured LLM', () => {
  it('sends the prompt and the numbered sources, keeps valid citations and drops unused ones', async () => {
    llm.behave({ reply: '유니트리는 2023년 기준 글로벌 사족 로봇 시장에서 69.75%의 점유율로 1위를 차지했습니다 [1].' });
    const body = await ask({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    expect(body.found).toBe(true);
    expect(body.answer).toContain('69.75%');
    expect(body.answerer).toMatch(/^llm/);
    expect(body.citations).toHaveLength(1);
    expect(body.citations[0]).toMatchObject({ id: 1, section: '산업 트렌드', article: { number: '01' } });
    const sent = llm.chatRequests()[0]!;
    expect(sent.model).toBe('fake-model');
    const text = sent.messages.map(messageText).join('\n');
    expect(text).toMatch(/\[1\] 산업 트렌드 › 01\. 구현 지능 산업 심층 분석/);
    expect(text).toContain('69.75%');
    expect(llm.requests[0]!.headers.authorization).toBe('Bearer sk-test');
  });

  it('removes a marker that names no source', async () => {
    llm.behave({ reply: '점유율은 69.75%입니다 [1]. 근거 없는 주장 [7].' });
    const body = await ask({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    expect(body.answer).not.toContain('[7]');
    expect([...body.answer.matchAll(/\[(\d+)\]/g)].map((m: RegExpMatchArray) => Number(m[1]))).toEqual(body.citations.map((c: { id: number }) => c.id));
  });

  it('falls back to the extractive answer, with a note, when the model ignores the sources', async () => {
    llm.behave({ reply: '제가 알기로는 약 70% 정도입니다.' });
    const body = await ask({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    expect(body.answerer).toBe('extractive');
    expect(body.note).toMatch(/no valid citations/);
    expect(body.answer).toContain('69.75');
  });

  it('returns the extractive answer in time when the model hangs', async () => {
    llm.behave({ hang: true });
    const t0 = Date.now();
    const body = await ask({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(body.answerer).toBe('extractive');
    expect(body.note).toMatch(/LLM failed/);
    expect(body.answer).toContain('69.75');
  });

  it('says found:false when the model finds nothing in the sources', async () => {
    llm.behave({ reply: 'NOT_FOUND' });
    const body = await ask({ message: '유니트리의 주가는 얼마야?' });
    expect(body.found).toBe(false);
    expect(body.citations).toEqual([]);
  });

  it('lets the model rewrite a follow-up into a standalone question', async () => {
    // prompts/rewrite.md asks for "a standalone question"; the answer prompts do not.
    const isRewrite = (req: { messages: Parameters<typeof messageText>[0][] }) => req.messages.some((m) => messageText(m).includes('standalone question'));
    llm.behave({ reply: (req) => (isRewrite(req) ? '宇树科技的四足机器人全球市占率有多高？' : '69.75% [1]') });
    const first = await ask({ message: '宇树科技的机器人用在哪些行业？' });
    const second = await ask({ message: '那它的份额呢？', sessionId: first.sessionId });
    expect(second.standaloneQuestion).toBe('宇树科技的四足机器人全球市占率有多高？');
  });
});
