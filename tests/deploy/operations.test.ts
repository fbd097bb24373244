/**
 * Operations: what an operator sees and what a misconfiguration does.
 * - configuration: a URL without a scheme (LLM_BASE_URL=localhost:11434) and TOP_K > MAX_TOP_K
 *   are refused with a message naming the variable, by loadConfig and by the real start CLI;
 * - GET /api/search without k follows TOP_K (MAX_TOP_K=3 used to fail on the hard-coded 5);
 * - request log lines are one short line (method, path, status, ms, request id), no headers,
 *   no query string;
 * - an LLM failure is logged with its cause (HTTP status or network error code, host) and
 *   never with the key or the question (a fake OpenAI endpoint answering 500; a closed port).
 */
import net from 'node:net';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { createApp } from '../../src/server/app.js';
import { createContext } from '../../src/server/compose.js';
import { serve } from '../../src/server/serve.js';
import { capturingLogger, childEnv, rawRequest, runScript } from '../faults/helpers.js';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { testConfig } from '../helpers/env.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

const QUESTION = '유니트리의 글로벌 사족 로봇 시장 점유율은?';
const configError = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${JSON.stringify(env)}`);
};

describe('configuration checks', () => {
  it('refuses URLs without a scheme, naming the variable', () => {
    expect(configError({ LLM_BASE_URL: 'localhost:11434' })).toMatch(/LLM_BASE_URL: must be an absolute http/);
    expect(configError({ PUBLIC_URL: 'chat.example.com' })).toMatch(/PUBLIC_URL/);
    expect(configError({ SLACK_API_BASE: 'ftp://slack.com/api' })).toMatch(/SLACK_API_BASE/);
    expect(loadConfig({ LLM_BASE_URL: 'http://localhost:11434/v1' }).LLM_BASE_URL).toBe('http://localhost:11434/v1');
  });

  it('refuses TOP_K > MAX_TOP_K and bad WORKERS; WORKERS defaults to the cores', () => {
    expect(configError({ TOP_K: '10', MAX_TOP_K: '3' })).toMatch(/TOP_K \(10\) must be <= MAX_TOP_K \(3\)/);
    expect(configError({ WORKERS: '0' })).toMatch(/WORKERS/);
    expect(configError({ WORKERS: 'two' })).toMatch(/WORKERS/);
    expect(loadConfig({}).WORKERS).toBe(os.availableParallelism());
    expect(loadConfig({ WORKERS: '1' }).WORKERS).toBe(1);
  });

  it('the start CLI exits 1 with the message, before touching the index', async () => {
    const child = runScript('src/cli/start.ts', [], { ...childEnv('/nonexistent/index'), LLM_BASE_URL: 'localhost:11434' });
    expect(await child.exit).toBe(1);
    expect(child.stderr.join('')).toMatch(/Invalid configuration:\n {2}LLM_BASE_URL: must be an absolute http/);
  });
});

describe('GET /api/search default k', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });
  it('follows TOP_K, within MAX_TOP_K=3', async () => {
    s = await startTestServer({ TOP_K: '2', MAX_TOP_K: '3' });
    const r = await rawRequest(s.url, { path: `/api/search?q=${encodeURIComponent('유니트리 점유율')}` });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).results).toHaveLength(2);
    const bad = await rawRequest(s.url, { path: `/api/search?q=x&k=4` });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.field).toBe('k');
  });
});

describe('logs', () => {
  let close: (() => Promise<void>) | undefined;
  let llm: FakeOpenAI | undefined;
  let hole: net.Server | undefined;
  afterEach(async () => {
    await close?.();
    await llm?.close();
    await new Promise<void>((r) => (hole ? hole.close(() => r()) : r()));
    close = undefined;
    llm = undefined;
    hole = undefined;
  });

  async function server(env: Record<string, string>) {
    const cap = capturingLogger('info');
    const ctx = await createContext(testConfig({ LOG_LEVEL: 'info', ...env }), { logger: cap.logger, embedder: new HashedEmbedder() });
    const srv = await serve(createApp(ctx), ctx, { host: '127.0.0.1', port: 0, signals: false });
    close = () =>
      new Promise<void>((r) => {
        srv.closeAllConnections();
        srv.close(() => r());
      });
    return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, lines: cap.lines };
  }

  const chat = (url: string) =>
    rawRequest(url, { method: 'POST', path: '/api/chat?token=secret-in-query', headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' }, body: JSON.stringify({ message: QUESTION }), timeoutMs: 20_000 });

  it('one short line per request: no headers, no query string', async () => {
    const s = await server({});
    expect((await chat(s.url)).status).toBe(200);
    const line = s.lines.find((l) => (l['req'] as { id?: string } | undefined)?.id === 'req-42')!;
    expect(line).toBeDefined();
    expect(line['msg']).toMatch(/^POST \/api\/chat 200 \d+ ms$/);
    expect(line['req']).toEqual({ id: 'req-42', method: 'POST', url: '/api/chat' });
    expect(line['res']).toEqual({ statusCode: 200 });
    expect(JSON.stringify(line)).not.toMatch(/headers|secret-in-query|content-type/i);
    expect(JSON.stringify(line).length).toBeLessThan(400);
  });

  it('an LLM answering 500: status and host logged, never the key or the question', async () => {
    llm = await startFakeOpenAI({ status: 500, errorMessage: 'upstream exploded; key sk-live-SECRET echoed' });
    const s = await server({ LLM_BASE_URL: llm.baseURL, LLM_API_KEY: 'sk-live-SECRET', LLM_TIMEOUT_MS: '5000' });
    const r = await chat(s.url);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).answer).toContain('69.75');
    const warn = s.lines.find((l) => l['msg'] === 'LLM answer replaced by the extractive one')!;
    expect(warn).toMatchObject({ level: 40, error: 'LLM_FAILED', status: 500, host: new URL(llm.baseURL).host });
    const all = JSON.stringify(s.lines);
    expect(all).not.toContain('sk-live-SECRET');
    expect(all).not.toContain(QUESTION);
  });

  it('an LLM on a closed port: the network error code is logged', async () => {
    hole = net.createServer();
    await new Promise<void>((r) => hole!.listen(0, '127.0.0.1', () => r()));
    const port = (hole.address() as AddressInfo).port;
    await new Promise<void>((r) => hole!.close(() => r()));
    hole = undefined;
    const s = await server({ LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, LLM_API_KEY: 'sk-live-SECRET', LLM_TIMEOUT_MS: '5000' });
    expect((await chat(s.url)).status).toBe(200);
    const warn = s.lines.find((l) => l['msg'] === 'LLM answer replaced by the extractive one')!;
    expect(warn).toMatchObject({ error: 'LLM_FAILED', host: `127.0.0.1:${port}`, cause: 'ECONNREFUSED' });
    expect(JSON.stringify(s.lines)).not.toContain('sk-live-SECRET');
  });
});

