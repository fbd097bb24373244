/**
 * Limits on the real app over a fake context: body size on every route (declared and chunked),
 * per-client rate limiting (by key, else by IP; wrong keys counted), request timeouts (504 JSON
 * and the work aborted through the request's AbortSignal, JSON and SSE).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { type FakeContext, fakeContext } from './fakeContext.js';
import { type Listening, fetchWithin, listen } from './listen.js';

const jsonHeaders = { 'content-type': 'application/json' };
const ONE_MB = 1024 * 1024;
const BOT_SECRETS = { KAKAO_SKILL_SECRET: 'kakao-secret', TELEGRAM_BOT_TOKEN: '1:tok', TELEGRAM_WEBHOOK_SECRET: 'tg-secret', SLACK_SIGNING_SECRET: 'slack-secret', SLACK_BOT_TOKEN: 'xoxb-test' };

/** A JSON body of about `bytes` bytes: {"message": "가가가…"}. */
function bigJson(bytes: number): string {
  return JSON.stringify({ message: '가'.repeat(Math.ceil(bytes / 3)) });
}

/** The same body sent chunked (no Content-Length), so that only the parsers' limits can stop it. */
function chunked(body: string): RequestInit {
  const bytes = Buffer.from(body);
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.subarray(i, i + 64 * 1024));
      c.close();
    },
  });
  return { body: stream, duplex: 'half' } as RequestInit;
}

describe('request body size', () => {
  let s: Listening;
  beforeAll(async () => {
    s = await listen(createApp(fakeContext(BOT_SECRETS).ctx));
  });
  afterAll(async () => s.close());

  const routes: Array<[string, string]> = [
    ['POST', '/api/chat'],
    ['POST', '/v1/chat/completions'],
    ['POST', '/bots/kakao'],
    ['POST', '/bots/telegram'],
    ['POST', '/bots/slack'],
    ['POST', '/api/search'],
    ['POST', '/healthz'],
    ['POST', '/nowhere'],
    ['PUT', '/api/articles'],
  ];

  it('refuses a 1 MB body with 413 JSON on every route, and the connection stays usable', async () => {
    for (const [method, path] of routes) {
      const r = await fetchWithin(`${s.url}${path}`, { method, headers: jsonHeaders, body: bigJson(ONE_MB) });
      expect(r.status, `${method} ${path}`).toBe(413);
      const body = await r.json();
      expect(body.error.code, path).toBe('PAYLOAD_TOO_LARGE');
      expect(r.headers.get('x-request-id'), path).toBeTruthy();
    }
    expect((await fetchWithin(`${s.url}/healthz`)).status).toBe(200);
  });

  it('refuses a 1 MB chunked body (no Content-Length) on the JSON routes and the bots', async () => {
    for (const path of ['/api/chat', '/v1/chat/completions', '/bots/slack']) {
      const r = await fetchWithin(`${s.url}${path}`, { method: 'POST', headers: jsonHeaders, ...chunked(bigJson(ONE_MB)) });
      // Slack verifies the signature after reading the body; either way the body is refused with a 4xx.
      expect(r.status, path).toBe(413);
      expect((await r.json()).error.code, path).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('accepts a body just under the limit', async () => {
    const r = await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: '질문', pad: 'x'.repeat(1000) }) });
    // Unknown field → 400 from the schema, not 413.
    expect(r.status).toBe(400);
  });
});

describe('rate limiting', () => {
  const KEY_A = 'rate-key-a-123456';
  const KEY_B = 'rate-key-b-654321';
  let s: Listening;
  beforeAll(async () => {
    s = await listen(createApp(fakeContext({ RATE_LIMIT_PER_MINUTE: '3', API_KEYS: `${KEY_A},${KEY_B}` }).ctx));
  });
  afterAll(async () => s.close());

  const get = (authorization?: string) => fetchWithin(`${s.url}/api/articles`, authorization ? { headers: { authorization } } : {});

  it('gives each key its own bucket and answers 429 JSON with Retry-After past the limit', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await get(`Bearer ${KEY_A}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('ratelimit')).toMatch(/limit=3/);
    }
    const limited = await get(`Bearer ${KEY_A}`);
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    // Another key is unaffected.
    expect((await get(`Bearer ${KEY_B}`)).status).toBe(200);
  });

  it('counts requests with a wrong or missing key against the IP, then refuses them with 429 before 401', async () => {
    expect((await get('Bearer wrong-1')).status).toBe(401);
    expect((await get('Bearer wrong-2')).status).toBe(401);
    expect((await get()).status).toBe(401);
    const r = await get('Bearer wrong-3');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBeTruthy();
    // A valid key still has its own bucket.
    expect((await get(`Bearer ${KEY_B}`)).status).toBe(200);
  });

  it('never limits /healthz', async () => {
    for (let i = 0; i < 6; i++) {
      expect((await fetchWithin(`${s.url}/healthz`)).status).toBe(200);
    }
  });

  it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
    const open = await listen(createApp(fakeContext({ RATE_LIMIT_PER_MINUTE: '0' }).ctx));
    try {
      for (let i = 0; i < 20; i++) expect((await fetchWithin(`${open.url}/api/articles`)).status).toBe(200);
      expect((await fetchWithin(`${open.url}/api/articles`)).headers.get('ratelimit')).toBeNull();
    } finally {
      await open.close();
    }
  });
});

describe('rate limiting behind a proxy', () => {
  const get = (url: string, xff?: string) => fetchWithin(`${url}/api/articles`, xff ? { headers: { 'x-forwarded-for': xff } } : {});

  it('with TRUST_PROXY, keys by the address the proxy saw; a client-written X-Forwarded-For prefix changes nothing', async () => {
    const s = await listen(createApp(fakeContext({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'true' }).ctx));
    try {
      expect((await get(s.url, 'spoof-1, 10.0.0.1')).status).toBe(200);
      expect((await get(s.url, '9.9.9.9, 10.0.0.1')).status).toBe(200);
      expect((await get(s.url, '8.8.8.8, 10.0.0.1')).status).toBe(429);
      expect((await get(s.url, '10.0.0.2')).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('without TRUST_PROXY, ignores X-Forwarded-For entirely', async () => {
    const s = await listen(createApp(fakeContext({ RATE_LIMIT_PER_MINUTE: '2' }).ctx));
    try {
      expect((await get(s.url, '10.0.0.1')).status).toBe(200);
      expect((await get(s.url, '10.0.0.2')).status).toBe(200);
      expect((await get(s.url, '10.0.0.3')).status).toBe(429);
    } finally {
      await s.close();
    }
  });
});

describe('request timeout', () => {
  let f: FakeContext;
  let s: Listening;
  beforeAll(async () => {
    f = fakeContext({ REQUEST_TIMEOUT_MS: '300' });
    s = await listen(createApp(f.ctx));
  });
  afterAll(async () => s.close());

  it('answers 504 JSON when the work runs too long, and aborts the work', async () => {
    f.behaviour.delayMs = 20_000;
    f.asked.length = 0;
    const r = await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: '느린 질문' }) }, 10_000);
    expect(r.status).toBe(504);
    const body = await r.json();
    expect(body.error.code).toBe('TIMEOUT');
    expect(f.asked).toHaveLength(1);
    await expect.poll(() => f.asked[0]?.aborted).toBeDefined();
    expect((f.asked[0]!.aborted as { code?: string }).code).toBe('TIMEOUT');
    // The late failure of the aborted work is expected: not logged as a server error.
    await new Promise((r) => setTimeout(r, 50));
    expect(f.logs.filter((l) => l['level'] === 50 && l['msg'] === 'request failed')).toEqual([]);
    // And the server goes on serving.
    f.behaviour.delayMs = 0;
    expect((await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ message: '빠른 질문' }) })).status).toBe(200);
  });

  it('does the same on the OpenAI-compatible route', async () => {
    f.behaviour.delayMs = 20_000;
    const r = await fetchWithin(`${s.url}/v1/chat/completions`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ messages: [{ role: 'user', content: '느린 질문' }] }) }, 10_000);
    expect(r.status).toBe(504);
    expect((await r.json()).error.code).toBe('TIMEOUT');
    f.behaviour.delayMs = 0;
  });

  it('ends a stream that runs too long with an error event carrying TIMEOUT', async () => {
    f.behaviour.delayMs = 20_000;
    const r = await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: { ...jsonHeaders, accept: 'text/event-stream' }, body: JSON.stringify({ message: '느린 질문' }) }, 10_000);
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toMatch(/event: error\ndata: .*"TIMEOUT"/);
    f.behaviour.delayMs = 0;
  });
});
