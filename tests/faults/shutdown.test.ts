/**
 * SIGTERM drains in-flight requests and exits cleanly, tested on a REAL child process running
 * `src/cli/start.ts` (node --import tsx) on a temp copy of the index with PORT=0 (the bound
 * port is read from the "ready" log line):
 * - a request whose body is still arriving when SIGTERM comes is completed (200), new
 *   connections are refused meanwhile, the process exits 0 after logging "stopped";
 * - a request waiting on a slow LLM (the fake OpenAI-compatible server) completes the same way.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { type Child, type IndexCopy, childEnv, copyTestIndex, rawRequest, runScript, slowPost } from './helpers.js';

let copy: IndexCopy | undefined;
let child: Child | undefined;
let llm: FakeOpenAI | undefined;
afterEach(async () => {
  if (child && child.child.exitCode === null) child.child.kill('SIGKILL');
  await llm?.close();
  llm = undefined;
  copy?.remove();
});

async function startChild(extra: Record<string, string> = {}): Promise<{ url: string; port: number }> {
  copy = copyTestIndex('shutdown');
  child = runScript('src/cli/start.ts', [], childEnv(copy.dir, extra));
  const ready = await child.waitForLine((l) => String(l['msg']).startsWith('listening on'), 240_000);
  const url = String(ready['url']).replace(/\/$/, '');
  return { url, port: Number(new URL(url).port) };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

describe('graceful shutdown of the real server process', () => {
  it('finishes a request still arriving at SIGTERM, refuses new connections, exits 0', async () => {
    const { url, port } = await startChild();
    expect((await rawRequest(url, { path: '/healthz' })).status).toBe(200);

    const inFlight = await slowPost(port, '/api/chat', JSON.stringify({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' }));
    // Let the server see the headers before the signal.
    await new Promise((r) => setTimeout(r, 200));
    child!.child.kill('SIGTERM');
    await child!.waitForLine((l) => /shutting down/.test(String(l['msg'])), 10_000);
    await expect.poll(() => refused(port), { timeout: 5_000 }).toBe(true);

    const reply = await inFlight.finish();
    expect(reply.status).toBe(200);
    expect(reply.headers.toLowerCase()).toContain('connection: close');
    expect(reply.body).toContain('69.75');

    expect(await child!.exit).toBe(0);
    expect(child!.stdout.some((l) => l.includes('"stopped"'))).toBe(true);
  });

  it('finishes a request waiting on a slow LLM, then exits 0', async () => {
    llm = await startFakeOpenAI({ delayMs: 1_500, reply: '유니트리는 69.75%의 점유율로 1위입니다 [1].' });
    const { url } = await startChild({ LLM_BASE_URL: llm.baseURL, LLM_TIMEOUT_MS: '20000' });
    const pending = rawRequest(url, {
      method: 'POST',
      path: '/api/chat',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' }),
      timeoutMs: 30_000,
    });
    await expect.poll(() => llm!.chatRequests().length, { timeout: 10_000 }).toBeGreaterThan(0);
    child!.child.kill('SIGTERM');
    const r = await pending;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).answer).toContain('69.75');
    expect(await child!.exit).toBe(0);
  });
});
