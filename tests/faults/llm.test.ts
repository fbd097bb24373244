/**
 * A hanging LLM endpoint never holds a request past its timeouts:
 * - LLM_TIMEOUT_MS=500 and an endpoint that accepts connections but never answers → the
 *   /api/chat answer arrives promptly, extractively, with a `note`;
 * - an LLM slower than REQUEST_TIMEOUT_MS → 504 JSON, and the LLM call is aborted (the fake
 *   endpoint sees its connection closed).
 * The bounds asserted are generous ceilings against hangs, not speed targets.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../helpers/server.js';
import { rawRequest } from './helpers.js';

/**
 * A TCP server that accepts connections and never writes a byte. `open()` counts the
 * connections that carried a request and are still open (HTTP clients may also open a spare
 * connection that never carries anything; it is not counted).
 */
async function blackHole(): Promise<{ url: string; open: () => number; accepted: () => number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const requested = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((sock) => {
    accepted += 1;
    sockets.add(sock);
    sock.on('data', () => requested.add(sock));
    sock.on('close', () => {
      sockets.delete(sock);
      requested.delete(sock);
    });
    sock.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    open: () => requested.size,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const QUESTION = '유니트리의 글로벌 사족 로봇 시장 점유율은?';

describe('an LLM endpoint that never answers', () => {
  let hole: Awaited<ReturnType<typeof blackHole>>;
  let s: TestServer;
  beforeAll(async () => {
    hole = await blackHole();
    s = await startTestServer({ LLM_BASE_URL: hole.url, LLM_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '20000' });
  });
  afterAll(async () => {
    await s?.close();
    await hole?.close();
  });

  it('answers extractively with a note once LLM_TIMEOUT_MS has passed', async () => {
    const r = await rawRequest(s.url, { method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: QUESTION }), timeoutMs: 15_000 });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.text);
    expect(hole.accepted()).toBeGreaterThan(0);
    expect(body.note).toMatch(/LLM/);
    expect(body.answer).toContain('69.75');
    // Well under the request timeout (20 s): the LLM timeout, not the request's, cut it short.
    expect(r.ms).toBeLessThan(8_000);
  });

  it('does the same for a streamed answer', async () => {
    const r = await rawRequest(s.url, {
      method: 'POST',
      path: '/api/chat',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: QUESTION }),
      timeoutMs: 15_000,
    });
    expect(r.status).toBe(200);
    const done = r.text.trim().split('\n\n').at(-1)!;
    expect(done).toMatch(/^event: done/);
    expect(JSON.parse(/^data: (.*)$/m.exec(done)![1]!).note).toMatch(/LLM/);
    expect(r.ms).toBeLessThan(8_000);
  });
});

describe('an LLM slower than the request timeout', () => {
  let hole: Awaited<ReturnType<typeof blackHole>>;
  let s: TestServer;
  beforeAll(async () => {
    hole = await blackHole();
    s = await startTestServer({ LLM_BASE_URL: hole.url, LLM_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await s?.close();
    await hole?.close();
  });

  it('gets 504 JSON at REQUEST_TIMEOUT_MS, and the LLM call is aborted', async () => {
    const r = await rawRequest(s.url, { method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: QUESTION }), timeoutMs: 15_000 });
    expect(r.status).toBe(504);
    expect(JSON.parse(r.text).error.code).toBe('TIMEOUT');
    expect(hole.accepted()).toBeGreaterThan(0);
    // The aborted request's connection to the LLM is closed by the client (our server).
    await expect.poll(() => hole.open(), { timeout: 3_000 }).toBe(0);
    // And the server goes on serving.
    expect((await rawRequest(s.url, { path: '/healthz', timeoutMs: 5_000 })).status).toBe(200);
  });
});
