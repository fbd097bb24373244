/**
 * HTTP protocol edges on a real server (serve(), real sockets): every reply is JSON in the one
 * error format, including Node's own protocol errors, and stalled clients are answered and cut
 * off instead of holding a connection.
 * - a stalled request body: 408 JSON and the connection closed (JSON routes, a bot, chunked);
 * - stalled headers: 408 JSON and closed; malformed request line: 400 JSON; huge headers: 431;
 * - a missing Host on HTTP/1.1: 400 JSON naming `host`; a bogus `Expect`: 417 JSON;
 * - a wrong method on a known route: 405 JSON with `Allow`; an unknown route: 404 JSON;
 * - OPTIONS: 204 with CORS headers for allowed origins, 204 without for others, 204 + Allow when
 *   CORS is closed, 404 JSON on unknown paths — never Express's plain-text 200;
 * - wrong keys on /metrics are rate-limited like /api.
 * The chat service is the fake of tests/security (these tests are about the HTTP layer).
 */
import type http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { serve } from '../../src/server/serve.js';
import { fakeContext } from '../security/fakeContext.js';

interface Served {
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

async function start(env: Record<string, string> = {}): Promise<Served> {
  const { ctx } = fakeContext({ LOG_LEVEL: 'silent', ...env });
  const server = await serve(createApp(ctx), ctx, { host: '127.0.0.1', port: 0, signals: false });
  return {
    port: (server.address() as { port: number }).port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (within the deadline). */
  closed: boolean;
}

/**
 * Writes `chunks` to a fresh connection (nothing more: a stall is simply not sending the rest)
 * and reads until the server closes or `deadlineMs` passes; parses the first response.
 */
function exchange(port: number, chunks: string[], deadlineMs = 10_000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let data = '';
    let closed = false;
    const timer = setTimeout(() => finish(), deadlineMs);
    const finish = () => {
      clearTimeout(timer);
      sock.destroy();
      // Interim 1xx responses (100 Continue) come before the final one: skip them.
      while (/^HTTP\/1\.1 1\d\d [^\r]*\r\n\r\n/.test(data)) data = data.slice(data.indexOf('\r\n\r\n') + 4);
      const head = data.indexOf('\r\n\r\n');
      if (head < 0) return reject(new Error(`no complete response (closed: ${closed}): ${JSON.stringify(data.slice(0, 300))}`));
      const [statusLine, ...lines] = data.slice(0, head).split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      let body = data.slice(head + 4);
      if (headers['content-length'] !== undefined) body = Buffer.from(body).subarray(0, Number(headers['content-length'])).toString();
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body, closed });
    };
    sock.on('connect', () => {
      for (const c of chunks) sock.write(c);
    });
    sock.on('data', (d: Buffer) => (data += d.toString('utf8')));
    sock.on('end', () => {
      closed = true;
      finish();
    });
    sock.on('close', () => {
      closed = true;
      finish();
    });
    sock.on('error', () => {
      closed = true;
    });
  });
}

function expectJsonError(r: RawReply, status: number, code: string, field?: string): void {
  expect(r.status, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(r.body) as { error: { code: string; message: string; field?: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  if (field) expect(body.error.field).toBe(field);
}

describe('stalled and malformed requests', () => {
  let s: Served;
  beforeAll(async () => {
    // Slack configured: an unconfigured bot answers 503 before reading any body.
    s = await start({ BODY_TIMEOUT_MS: '300', HEADERS_TIMEOUT_MS: '600', SLACK_SIGNING_SECRET: 'test-secret', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_BASE: 'http://127.0.0.1:9/api' });
  });
  afterAll(() => s.close());

  const post = (path: string, contentType: string, declared: number) =>
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\nContent-Length: ${declared}\r\n\r\n`;

  for (const [route, type] of [
    ['/api/chat', 'application/json'],
    ['/v1/chat/completions', 'application/json'],
    ['/bots/slack', 'application/x-www-form-urlencoded'],
  ] as const) {
    it(`a body that stalls on ${route}: 408 JSON, then the server closes the connection`, async () => {
      const r = await exchange(s.port, [post(route, type, 200), '{"message": "유니']);
      expectJsonError(r, 408, 'REQUEST_TIMEOUT', 'body');
      expect(r.headers['connection']).toBe('close');
      expect(r.closed).toBe(true);
    });
  }

  it('a chunked body that stalls: 408 JSON and closed', async () => {
    const r = await exchange(s.port, ['POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', '5\r\n{"mes\r\n']);
    expectJsonError(r, 408, 'REQUEST_TIMEOUT', 'body');
    expect(r.closed).toBe(true);
  });

  it('a complete body is not affected: 200', async () => {
    const body = JSON.stringify({ message: '유니트리 점유율은?' });
    const r = await exchange(s.port, [`${post('/api/chat', 'application/json', Buffer.byteLength(body)).replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')}${body}`]);
    expect(r.status, r.body).toBe(200);
    expect(JSON.parse(r.body).answer).toContain('[1]');
  });

  it('headers that stall: 408 JSON and closed', async () => {
    const r = await exchange(s.port, ['GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: '], 15_000);
    expectJsonError(r, 408, 'REQUEST_TIMEOUT');
    expect(r.closed).toBe(true);
  });

  it('a malformed request line: 400 JSON and closed', async () => {
    const r = await exchange(s.port, ['GARBAGE\r\n\r\n']);
    expectJsonError(r, 400, 'BAD_REQUEST');
    expect(r.closed).toBe(true);
  });

  it('headers over the limit: 431 JSON', async () => {
    const r = await exchange(s.port, [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Junk: ${'x'.repeat(20_000)}\r\n\r\n`]);
    expectJsonError(r, 431, 'HEADERS_TOO_LARGE');
  });

  it('HTTP/1.1 without Host: 400 JSON naming host, and closed; HTTP/1.0 without Host is fine', async () => {
    const r = await exchange(s.port, ['GET /healthz HTTP/1.1\r\n\r\n']);
    expectJsonError(r, 400, 'BAD_REQUEST', 'host');
    expect(r.closed).toBe(true);
    const old = await exchange(s.port, ['GET /healthz HTTP/1.0\r\n\r\n']);
    expect(old.status).toBe(200);
    expect(JSON.parse(old.body).status).toBe('ok');
  });

  it('a bogus Expect: 417 JSON naming expect; Expect: 100-continue still works', async () => {
    const r = await exchange(s.port, ['GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\n\r\n']);
    expectJsonError(r, 417, 'EXPECTATION_FAILED', 'expect');
    expect(r.closed).toBe(true);
    const body = JSON.stringify({ message: '유니트리 점유율은?' });
    const ok = await exchange(s.port, [`POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`]);
    expect(ok.status, ok.body).toBe(200);
    expect(JSON.parse(ok.body).answer).toContain('[1]');
  });
});

describe('a body timeout above the request timeout', () => {
  let s: Served;
  beforeAll(async () => {
    s = await start({ BODY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '300' });
  });
  afterAll(() => s.close());

  it('a stalled body gets the 504 JSON of the request timeout, and the connection is closed', async () => {
    const r = await exchange(s.port, ['POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"mess']);
    expectJsonError(r, 504, 'TIMEOUT');
    expect(r.headers['connection']).toBe('close');
    expect(r.closed).toBe(true);
  });
});

describe('methods and OPTIONS', () => {
  let s: Served;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(() => s.close());

  const req = (method: string, path: string, extra = '') => exchange(s.port, [`${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${extra}\r\n`]);

  for (const [method, path, allow] of [
    ['DELETE', '/api/chat', 'POST, OPTIONS'],
    ['GET', '/api/chat', 'POST, OPTIONS'],
    ['POST', '/api/search', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/articles', 'GET, HEAD, OPTIONS'],
    ['POST', '/healthz', 'GET, HEAD, OPTIONS'],
    ['PUT', '/metrics', 'GET, HEAD, OPTIONS'],
    ['POST', '/v1/models', 'GET, HEAD, OPTIONS'],
    ['GET', '/v1/chat/completions', 'POST, OPTIONS'],
    ['GET', '/bots/telegram', 'POST, OPTIONS'],
    ['DELETE', '/', 'GET, HEAD, OPTIONS'],
  ] as const) {
    it(`${method} ${path}: 405 JSON with Allow: ${allow}`, async () => {
      const r = await req(method, path, method === 'POST' || method === 'PUT' ? 'Content-Length: 0\r\n' : '');
      expectJsonError(r, 405, 'METHOD_NOT_ALLOWED', 'method');
      expect(r.headers['allow']).toBe(allow);
    });
  }

  it('an unknown route is 404 JSON, whatever the method', async () => {
    for (const m of ['GET', 'POST', 'DELETE']) expectJsonError(await req(m, '/api/nope', m === 'POST' ? 'Content-Length: 0\r\n' : ''), 404, 'NOT_FOUND');
  });

  it('OPTIONS with CORS closed: 204 with Allow and no CORS headers on a known path, 404 JSON on an unknown one', async () => {
    const r = await req('OPTIONS', '/api/chat', 'Origin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n');
    expect(r.status).toBe(204);
    expect(r.headers['allow']).toBe('POST, OPTIONS');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.body).toBe('');
    const page = await req('OPTIONS', '/');
    expect(page.status).toBe(204);
    expect(page.headers['allow']).toBe('GET, HEAD, OPTIONS');
    expectJsonError(await req('OPTIONS', '/nope'), 404, 'NOT_FOUND');
  });
});

describe('OPTIONS with CORS open', () => {
  let s: Served;
  beforeAll(async () => {
    s = await start({ CORS_ORIGINS: 'https://app.example' });
  });
  afterAll(() => s.close());

  const preflight = (origin: string, path = '/api/chat') =>
    exchange(s.port, [`OPTIONS ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: ${origin}\r\nAccess-Control-Request-Method: POST\r\n\r\n`]);

  it('answers an allowed origin 204 with CORS headers, another origin 204 without them', async () => {
    const ok = await preflight('https://app.example');
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(ok.headers['access-control-allow-methods']).toContain('POST');
    const no = await preflight('https://evil.example');
    expect(no.status).toBe(204);
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('outside the API (no CORS there): 204 with Allow', async () => {
    const r = await preflight('https://app.example', '/healthz');
    expect(r.status).toBe(204);
    expect(r.headers['allow']).toBe('GET, HEAD, OPTIONS');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('/metrics and wrong keys', () => {
  let s: Served;
  beforeAll(async () => {
    s = await start({ API_KEYS: 'right-key', RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => s.close());

  it('counts wrong keys against the IP and answers 429 JSON past the limit, as on /api', async () => {
    const get = (key: string) => exchange(s.port, [`GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${key}\r\n\r\n`]);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await get(`guess-${i}`);
      expectJsonError(r, 401, 'UNAUTHORIZED');
      statuses.push(r.status);
    }
    const limited = await get('guess-4');
    expectJsonError(limited, 429, 'RATE_LIMITED');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    // The same bucket as the API: the IP is limited there too.
    const api = await exchange(s.port, ['GET /api/articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer guess-5\r\n\r\n']);
    expect(api.status).toBe(429);
    expect(statuses).toEqual([401, 401, 401]);
  });

  it('a right key still has its own bucket', async () => {
    const r = await exchange(s.port, ['GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer right-key\r\n\r\n']);
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/^# HELP/m);
  });
});
