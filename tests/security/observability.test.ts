/**
 * Observability on the real app over a fake context: request ids (X-Request-Id, in the error
 * log), no question text in the logs, /metrics in Prometheus format with route patterns (not
 * raw URLs), answer counters, index gauges and process metrics, one registry per app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { type FakeContext, fakeContext } from './fakeContext.js';
import { type Listening, fetchWithin, listen } from './listen.js';

const jsonHeaders = { 'content-type': 'application/json' };
const SECRET = 'ZQXJ-비밀질문-机密问题';

let f: FakeContext;
let s: Listening;
beforeAll(async () => {
  f = fakeContext();
  s = await listen(createApp(f.ctx));
});
afterAll(async () => s.close());

describe('request ids', () => {
  it('returns X-Request-Id on every response, echoing a well-formed one from the client', async () => {
    const a = await fetchWithin(`${s.url}/healthz`);
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const b = await fetchWithin(`${s.url}/api/nothing`, { headers: { 'x-request-id': 'client-trace.42' } });
    expect(b.headers.get('x-request-id')).toBe('client-trace.42');
    for (const bad of ['a b', 'x'.repeat(65), '<script>', '../../etc']) {
      const r = await fetchWithin(`${s.url}/healthz`, { headers: { 'x-request-id': bad } });
      expect(r.headers.get('x-request-id'), bad).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs a server fault with the request id, and answers 500 without internals', async () => {
    f.behaviour.fail = new Error('database exploded at /secret/path');
    try {
      const r = await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: '질문' }) });
      expect(r.status).toBe(500);
      const text = await r.text();
      expect(JSON.parse(text).error.code).toBe('INTERNAL');
      expect(text).not.toContain('exploded');
      expect(text).not.toContain('/secret/path');
      const id = r.headers.get('x-request-id');
      const line = f.logs.find((l) => l['msg'] === 'request failed');
      expect(line).toBeDefined();
      expect(line!['level']).toBe(50);
      expect((line!['req'] as { id?: string }).id).toBe(id);
      expect(JSON.stringify(line!['err'])).toContain('exploded');
    } finally {
      delete f.behaviour.fail;
    }
  });
});

describe('logs', () => {
  it('never contain question text (body, query string, OpenAI messages), nor the Authorization header', async () => {
    await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: { ...jsonHeaders, authorization: 'Bearer SECRET-KEY-VALUE' }, body: JSON.stringify({ message: SECRET }) });
    await fetchWithin(`${s.url}/api/search?q=${encodeURIComponent(SECRET)}&k=3`);
    await fetchWithin(`${s.url}/v1/chat/completions`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ messages: [{ role: 'user', content: SECRET }] }) });
    await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: SECRET, topK: 'bad' }) });
    await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: `{"message": "${SECRET}` });
    const all = JSON.stringify(f.logs);
    expect(f.logs.length).toBeGreaterThan(4);
    expect(all).not.toContain('ZQXJ');
    expect(all).not.toContain(encodeURIComponent(SECRET).slice(0, 12));
    expect(all).not.toContain('SECRET-KEY-VALUE');
    // The access log still says what happened.
    expect(f.logs.some((l) => (l['req'] as { url?: string } | undefined)?.url === '/api/search' && (l['res'] as { statusCode?: number } | undefined)?.statusCode === 200)).toBe(true);
  });
});

describe('GET /metrics', () => {
  const scrape = async (url = s.url) => {
    const r = await fetchWithin(`${url}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return r.text();
  };

  it('exposes request durations by route pattern and status, answers, index facts and process metrics', async () => {
    await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: '있는 질문' }) });
    await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: '없는 질문' }) });
    await fetchWithin(`${s.url}/api/search?q=${encodeURIComponent('유니트리')}&k=2`);
    await fetchWithin(`${s.url}/api/articles/..%2f..%2fetc%2fpasswd`);
    await fetchWithin(`${s.url}/random/${Date.now()}`);
    const text = await scrape();
    expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/chat",status="200"\} [1-9]/);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0\.05",method="GET",route="\/api\/search",status="200"\}/);
    expect(text).toMatch(/route="unmatched",status="404"/);
    // Raw URLs never become labels.
    expect(text).not.toContain('passwd');
    expect(text).not.toContain('/random/');
    expect(text).not.toContain('q=');
    expect(text).toMatch(/kic_answers_total\{found="true",answerer="fake"\} [1-9]/);
    expect(text).toMatch(/kic_answers_total\{found="false",answerer="fake"\} 1/);
    expect(text).toMatch(/^kic_index_chunks 3$/m);
    expect(text).toMatch(/^kic_index_articles 2$/m);
    expect(text).toMatch(/^kic_index_built_timestamp_seconds 1748736000$/m);
    expect(text).toMatch(/kic_index_info\{build="fake-build",embedder="hashed-test"\} 1/);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('counts failed answers by error code', async () => {
    f.behaviour.fail = new Error('boom');
    await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: '질문' }) });
    delete f.behaviour.fail;
    expect(await scrape()).toMatch(/kic_answer_errors_total\{code="INTERNAL"\} [1-9]/);
  });

  it('keeps one registry per app: several apps in one process count separately', async () => {
    const other = fakeContext();
    const t = await listen(createApp(other.ctx));
    try {
      await fetchWithin(`${t.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: '없는 질문' }) });
      const mine = await scrape(t.url);
      expect(mine).toMatch(/kic_answers_total\{found="false",answerer="fake"\} 1/);
      expect(mine).not.toMatch(/found="true"/);
      expect(mine).not.toMatch(/route="\/api\/search"/);
    } finally {
      await t.close();
    }
  });
});
