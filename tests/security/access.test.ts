/**
 * Access control and browser-facing headers, on the real app over a fake context:
 * API keys (constant-time, 401 + WWW-Authenticate, no bypass by path spelling), what stays
 * open (/healthz, the web page, /bots/*), /metrics behind the keys when they are set, CORS
 * closed by default and configurable, helmet's headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { makeKeyChecker } from '../../src/server/security.js';
import { fakeContext } from './fakeContext.js';
import { type Listening, fetchWithin, listen } from './listen.js';

const KEY_A = 'test-key-alpha-0123456789';
const KEY_B = 'test-key-bravo-9876543210';

/** The bots configured, so that their own verification (not the API keys) answers. */
const BOT_SECRETS = { KAKAO_SKILL_SECRET: 'kakao-secret', TELEGRAM_BOT_TOKEN: '1:tok', TELEGRAM_WEBHOOK_SECRET: 'tg-secret', SLACK_SIGNING_SECRET: 'slack-secret', SLACK_BOT_TOKEN: 'xoxb-test' };

const chatBody = JSON.stringify({ message: '유니트리의 점유율은?' });
const jsonHeaders = { 'content-type': 'application/json' };

describe('makeKeyChecker', () => {
  it('matches configured keys only, whatever the length, and never returns the key itself', () => {
    const check = makeKeyChecker([KEY_A, KEY_B]);
    const a = check(KEY_A);
    const b = check(KEY_B);
    expect(a).toMatch(/^key:[0-9a-f]{12}$/);
    expect(b).toMatch(/^key:[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(KEY_A);
    for (const wrong of ['', 'x', KEY_A.slice(0, -1), `${KEY_A}x`, KEY_A.toUpperCase(), 'x'.repeat(10_000)]) {
      expect(check(wrong)).toBeUndefined();
    }
  });
});

describe('without API_KEYS the API is open', () => {
  let s: Listening;
  beforeAll(async () => {
    s = await listen(createApp(fakeContext().ctx));
  });
  afterAll(async () => s.close());

  it('answers /api and /v1 without a key', async () => {
    expect((await fetchWithin(`${s.url}/api/chat`, { method: 'POST', headers: jsonHeaders, body: chatBody })).status).toBe(200);
    expect((await fetchWithin(`${s.url}/v1/models`)).status).toBe(200);
    expect((await fetchWithin(`${s.url}/metrics`)).status).toBe(200);
  });
});

describe('with API_KEYS', () => {
  let s: Listening;
  beforeAll(async () => {
    s = await listen(createApp(fakeContext({ API_KEYS: `${KEY_A}, ${KEY_B}`, CORS_ORIGINS: 'https://app.example', ...BOT_SECRETS }).ctx));
  });
  afterAll(async () => s.close());

  const protectedRequests: Array<[string, RequestInit]> = [
    ['/api/chat', { method: 'POST', headers: jsonHeaders, body: chatBody }],
    ['/api/search?q=x', {}],
    ['/api/articles', {}],
    ['/v1/models', {}],
    ['/v1/chat/completions', { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }) }],
    ['/metrics', {}],
  ];

  it('refuses every protected route without a key: 401 JSON with WWW-Authenticate: Bearer', async () => {
    for (const [path, init] of protectedRequests) {
      const r = await fetchWithin(`${s.url}${path}`, init);
      expect(r.status, path).toBe(401);
      expect(r.headers.get('www-authenticate'), path).toMatch(/^Bearer realm=/);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await r.json();
      expect(body.error.code).toBe('UNAUTHORIZED');
      expect(body.error.message).toBeTruthy();
    }
  });

  it('refuses a wrong key, a key in another scheme and a malformed header, saying the token is invalid', async () => {
    const bad = [`Bearer ${KEY_A}x`, `Bearer ${KEY_A.slice(1)}`, `Basic ${Buffer.from(`u:${KEY_A}`).toString('base64')}`, 'Bearer', `Bearer ${KEY_A} ${KEY_B}`, KEY_A];
    for (const authorization of bad) {
      const r = await fetchWithin(`${s.url}/api/articles`, { headers: { authorization } });
      expect(r.status, authorization).toBe(401);
      expect(r.headers.get('www-authenticate')).toContain('error="invalid_token"');
      // The key is never echoed back.
      expect(await r.text()).not.toContain(KEY_A);
    }
  });

  it('accepts either configured key, with the scheme in any case', async () => {
    for (const authorization of [`Bearer ${KEY_A}`, `bearer ${KEY_B}`, `BEARER ${KEY_A}`]) {
      for (const [path, init] of protectedRequests) {
        const r = await fetchWithin(`${s.url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization } });
        expect(r.status, `${authorization} ${path}`).toBe(200);
      }
    }
  });

  it('cannot be bypassed by spelling the path differently', async () => {
    const variants = ['/API/articles', '/Api/Articles', '/api/articles/', '/api//articles', '/%61pi/articles', '/api/./articles', '/v1/models/', '/V1/MODELS', '/api/search/?q=x', '/api/articles?x=/healthz', '/healthz/../api/articles'];
    for (const v of variants) {
      const r = await fetchWithin(`${s.url}${v}`);
      expect([401, 404], v).toContain(r.status);
      expect(r.headers.get('content-type'), v).toMatch(/^application\/json/);
    }
  });

  it('keeps /healthz, the web page and the bots open (bots verify their own platform secrets)', async () => {
    expect((await fetchWithin(`${s.url}/healthz`)).status).toBe(200);
    const page = await fetchWithin(`${s.url}/`);
    expect(page.status).not.toBe(401);
    for (const p of ['/bots/kakao', '/bots/telegram', '/bots/slack']) {
      // Unsigned: refused by the bot's own verification, not by the API keys (even with a valid key).
      const r = await fetchWithin(`${s.url}${p}`, { method: 'POST', headers: { ...jsonHeaders, authorization: `Bearer ${KEY_A}` }, body: '{}' });
      expect(r.status, p).toBe(401);
      expect(r.headers.get('www-authenticate'), p).toBeNull();
      expect((await r.json()).error.field, p).toMatch(/^X-/);
    }
  });

  it('answers CORS preflights before authentication (they carry no key)', async () => {
    const r = await fetchWithin(`${s.url}/api/chat`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });
});

describe('CORS', () => {
  it('is closed by default: no Access-Control-* headers, preflights are not granted', async () => {
    const s = await listen(createApp(fakeContext().ctx));
    try {
      const r = await fetchWithin(`${s.url}/api/articles`, { headers: { origin: 'https://evil.example' } });
      expect(r.status).toBe(200);
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await fetchWithin(`${s.url}/api/chat`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.status).toBeLessThan(500);
    } finally {
      await s.close();
    }
  });

  it('allows exactly the listed origins', async () => {
    const s = await listen(createApp(fakeContext({ CORS_ORIGINS: 'https://a.example,https://b.example/' }).ctx));
    try {
      const ok = await fetchWithin(`${s.url}/api/articles`, { headers: { origin: 'https://a.example' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://a.example');
      expect(ok.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
      const b = await fetchWithin(`${s.url}/api/articles`, { headers: { origin: 'https://b.example' } });
      expect(b.headers.get('access-control-allow-origin')).toBe('https://b.example');
      for (const origin of ['https://evil.example', 'https://a.example.evil.example', 'http://a.example', 'null']) {
        const no = await fetchWithin(`${s.url}/api/articles`, { headers: { origin } });
        expect(no.headers.get('access-control-allow-origin'), origin).toBeNull();
      }
    } finally {
      await s.close();
    }
  });

  it('allows any origin with *', async () => {
    const s = await listen(createApp(fakeContext({ CORS_ORIGINS: '*' }).ctx));
    try {
      const r = await fetchWithin(`${s.url}/v1/models`, { headers: { origin: 'https://anything.example' } });
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await s.close();
    }
  });
});

describe('security headers', () => {
  let s: Listening;
  beforeAll(async () => {
    s = await listen(createApp(fakeContext().ctx));
  });
  afterAll(async () => s.close());

  it('sets helmet headers on JSON responses and errors, without X-Powered-By', async () => {
    for (const path of ['/healthz', '/api/articles', '/api/nothing']) {
      const r = await fetchWithin(`${s.url}${path}`);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(r.headers.get('x-powered-by'), path).toBeNull();
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
    }
  });

  it("leaves the web page its own CSP (scripts and styles from 'self', nothing inline)", async () => {
    const r = await fetchWithin(`${s.url}/`);
    if (r.status === 404) return; // the web page is not mounted in this build
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
