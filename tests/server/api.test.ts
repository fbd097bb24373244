/** The HTTP contract (shared/docs/api.md) against the real server on the real index. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Every [n] has a citation and every citation is used. */
function expectConsistentMarkers(answer: string, citations: Array<{ id: number }>) {
  const used = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  expect([...used].sort()).toEqual(citations.map((c) => c.id).sort());
}

describe('GET /healthz and /api/articles', () => {
  it('reports the index', async () => {
    const r = await fetch(`${s.url}/healthz`);
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.status).toBe('ok');
    expect(body.index.articles).toBe(20);
    expect(body.index.chunks).toBeGreaterThan(100);
    expect(body.index.embedder).toMatch(/^hashed/);
    expect(new Date(body.index.builtAt).getTime()).toBeGreaterThan(0);
  });

  it('lists the table of contents', async () => {
    const list = await (await fetch(`${s.url}/api/articles`)).json();
    expect(list).toHaveLength(20);
    expect(list[0]).toMatchObject({ section: '산업 트렌드', number: '01', title: '구현 지능 산업 심층 분석', page: 1 });
    expect(list[0].source.url).toBe('https://mp.weixin.qq.com/s/bU0IvRJudlL3UHUidW-6aw');
    expect(list.at(-1)).toMatchObject({ section: '전시회 소식', number: '01', page: 72 });
  });
});

describe('GET /api/search', () => {
  it('ranks the Unitree passage first for a Korean question', async () => {
    const r = await fetch(`${s.url}/api/search?q=${encodeURIComponent('유니트리의 사족 로봇 시장 점유율은?')}&k=5`);
    const { results } = await r.json();
    expect(results).toHaveLength(5);
    expect(results[0]).toMatchObject({ rank: 1, section: '산업 트렌드', article: { number: '01', title: '구현 지능 산업 심층 분석' } });
    expect(results.slice(0, 3).some((x: { text: string }) => x.text.includes('69.75%'))).toBe(true);
    expect(typeof results[0].page).toBe('number');
  });

  it('rejects a missing query and a bad k with 400 naming the field', async () => {
    const a = await fetch(`${s.url}/api/search`);
    expect(a.status).toBe(400);
    expect((await a.json()).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'q' });
    const b = await fetch(`${s.url}/api/search?q=x&k=0`);
    expect(b.status).toBe(400);
    expect((await b.json()).error.field).toBe('k');
  });
});

describe('POST /api/chat', () => {
  it('answers a Korean question with the fact and a citation to the right section', async () => {
    const r = await post('/api/chat', { message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' });
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.language).toBe('ko');
    expect(body.found).toBe(true);
    expect(body.answer).toContain('69.75');
    expect(body.citations.length).toBeGreaterThan(0);
    expect(body.citations[0]).toMatchObject({ id: 1, section: '산업 트렌드', article: { number: '01', title: '구현 지능 산업 심층 분석' } });
    expect(typeof body.citations[0].page).toBe('number');
    expect(body.citations[0].quote.length).toBeGreaterThan(10);
    expect(body.citations[0].source.url).toMatch(/^https:\/\/mp\.weixin\.qq\.com/);
    expectConsistentMarkers(body.answer, body.citations);
  });

  it('answers a Chinese question in Chinese with a citation to the Korean passage', async () => {
    const body = await (await post('/api/chat', { message: '优必选训练机器人时，真实数据和合成数据按什么比例？' })).json();
    expect(body.language).toBe('zh');
    expect(body.found).toBe(true);
    expect(body.answer).toMatch(/[\u4e00-\u9fff]/);
    expect(body.answer.replace(/\s/g, '')).toContain('80:20');
    expect(body.citations.some((c: { article: { number: string }; section: string }) => c.section === '산업 트렌드' && c.article.number === '01')).toBe(true);
    expectConsistentMarkers(body.answer, body.citations);
  });

  it('answers an English question', async () => {
    const body = await (await post('/api/chat', { message: "By what percentage did Nengke Technology's computing-power revenue rise in 2024?" })).json();
    expect(body.language).toBe('en');
    expect(body.answer).toMatch(/^From the report \(original Korean\):/);
    expect(body.answer).toContain('1256%');
  });

  it('gives a cited multi-point summary', async () => {
    const body = await (await post('/api/chat', { message: '중국 자동차 산업 통합 기사를 요약해줘' })).json();
    expect(body.found).toBe(true);
    const bullets = body.answer.split('\n').filter((l: string) => /^\s*[-•]/.test(l));
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    for (const b of bullets) expect(b).toMatch(/\[\d+\]/);
    expect(body.citations.every((c: { section: string; article: { number: string } }) => c.section === '산업 트렌드' && c.article.number === '02')).toBe(true);
    expectConsistentMarkers(body.answer, body.citations);
  });

  it('continues a conversation: a follow-up is resolved against the previous turn', async () => {
    const first = await (await post('/api/chat', { message: '宇树科技的机器人用在哪些行业？' })).json();
    expect(first.sessionId).toBeTruthy();
    const second = await (await post('/api/chat', { message: '那它的四足机器人全球市占率有多高？', sessionId: first.sessionId })).json();
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.language).toBe('zh');
    expect(second.answer).toContain('69.75');
  });

  it('streams server-sent events ending with the citations', async () => {
    const r = await post('/api/chat', { message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' }, { accept: 'text/event-stream' });
    expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await r.text();
    const events = text.trim().split('\n\n').map((e) => ({
      event: /^event: (.*)$/m.exec(e)?.[1],
      data: JSON.parse(/^data: (.*)$/m.exec(e)![1]!),
    }));
    expect(events.filter((e) => e.event === 'delta').length).toBeGreaterThan(0);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data.citations.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.event === 'delta').map((e) => e.data.text).join('')).toBe(done.data.answer);
  });

  it('rejects bad input with a 4xx JSON error naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'message'],
      [{ message: '' }, 'message'],
      [{ message: 42 }, 'message'],
      [{ message: '질문', topK: 0 }, 'topK'],
      [{ message: '질문', topK: 'five' }, 'topK'],
      [{ message: '질문', language: 'fr' }, 'language'],
      [{ message: '질문', sessionId: 42 }, 'sessionId'],
      [{ message: 'x'.repeat(5000) }, 'message'],
      [{ message: '질문\u0000' }, 'message'],
    ];
    for (const [body, field] of cases) {
      const r = await post('/api/chat', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const { error } = await r.json();
      expect(error.field).toBe(field);
      expect(error.message).toBeTruthy();
    }
    const bad = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('INVALID_JSON');
    // Valid JSON of the wrong shape, and an unknown key: 400 naming what to fix.
    for (const [body, field] of [['[1,2]', 'body'], ['"유니트리"', 'body'], ['{"message":"hi","admin":true}', 'admin']] as const) {
      const r = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(r.status, body).toBe(400);
      expect((await r.json()).error.field, body).toBe(field);
    }
    const form = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(form.status).toBe(415);
    const nf = await fetch(`${s.url}/api/nothing`);
    expect(nf.status).toBe(404);
    expect((await nf.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('OpenAI-compatible API', () => {
  it('lists the model', async () => {
    const body = await (await fetch(`${s.url}/v1/models`)).json();
    expect(body.data[0].id).toBe('kic-report-assistant');
  });

  it('answers a chat completion with citations in the text and in an extra field', async () => {
    const r = await post('/v1/chat/completions', { model: 'kic-report-assistant', messages: [{ role: 'user', content: '유니트리의 글로벌 사족 로봇 시장 점유율은?' }] });
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.object).toBe('chat.completion');
    const content: string = body.choices[0].message.content;
    expect(content).toContain('69.75');
    expect(content).toMatch(/출처:\n\[1\] 산업 트렌드 › 01\. 구현 지능 산업 심층 분석/);
    expect(body.citations[0].id).toBe(1);
    expect(body.choices[0].finish_reason).toBe('stop');
  });

  it("puts the answer's note (a misspelt name read as the report's) between the answer and its sources", async () => {
    const content: string = (await (await post('/v1/chat/completions', { messages: [{ role: 'user', content: '카노프 로봇 제어기는 누적으로 몇 대 팔렸어?' }] })).json()).choices[0].message.content;
    expect(content).toMatch(/\n\n‘카노프’ → 보고서 표기 ‘카눠프’\(으\)로 찾았습니다\.\n\n출처:\n\[1\]/);
  });

  it('streams a chat completion in the OpenAI chunk format', async () => {
    const r = await post('/v1/chat/completions', {
      stream: true,
      messages: [
        { role: 'user', content: '宇树科技的机器人用在哪些行业？' },
        { role: 'assistant', content: '…' },
        { role: 'user', content: '那它的四足机器人全球市占率有多高？' },
      ],
    });
    const lines = (await r.text()).split('\n').filter((l) => l.startsWith('data: '));
    expect(lines.at(-1)).toBe('data: [DONE]');
    const chunks = lines.slice(0, -1).map((l) => JSON.parse(l.slice(6)));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    const text = chunks.map((c) => c.choices[0].delta.content ?? '').join('');
    expect(text).toContain('69.75');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1).citations.length).toBeGreaterThan(0);
  });

  it('rejects a request without a user message', async () => {
    const r = await post('/v1/chat/completions', { messages: [{ role: 'system', content: 'hi' }] });
    expect(r.status).toBe(400);
    expect((await r.json()).error.field).toBe('messages');
  });
});
