/**
 * WORKERS=2 on the real start CLI (a child process: node --import tsx src/cli/start.ts, a
 * node:cluster primary with two workers), on a private copy of the test index:
 * - one start line ("listening on …, 2 workers, …"), the model fallback notice once (the
 *   primary prints it; workers are told to use the built-in embedder);
 * - two distinct worker pids answer /healthz and /api/chat on the one port;
 * - a worker killed with SIGKILL is replaced (a new pid), requests keep succeeding;
 * - `npm run ingest -- --force` into the served INDEX_DIR: both workers are rolled onto the new
 *   build, and no request fails meanwhile;
 * - SIGTERM to the primary while a chat request is in flight: the request completes, every
 *   worker and the primary are gone within the drain time, exit code 0;
 * - without Redis, a client's rate limit is one for both workers (counted by the primary), a
 *   Telegram update redelivered to the other worker is answered once, and a bot user's limit is
 *   one for both workers (claims and limits in the SQLite file).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, type IndexCopy, childEnv, copyTestIndex, rawRequest, runScript, slowPost } from '../faults/helpers.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';

const DRAIN_MS = 4_000;
const QUESTION = '유니트리의 글로벌 사족 로봇 시장 점유율은?';

let copy: IndexCopy;
let server: Child;
let url = '';
let models = '';
const extra: Child[] = [];

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
// Generous ceilings (60 s): the 2-core machine is shared; a hang still fails.
const health = async () => JSON.parse((await rawRequest(url, { path: '/healthz', timeoutMs: 60_000 })).text) as { index: { build: string }; process: { pid: number; worker?: number } };
/** The pids (and their builds) that answer a burst of fresh connections. */
async function answering(n = 12): Promise<Map<number, string>> {
  const seen = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const h = await health();
    seen.set(h.process.pid, h.index.build);
  }
  return seen;
}
const chat = () =>
  rawRequest(url, { method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: QUESTION }), timeoutMs: 60_000 });

/** A chat POST with half its body sent now; `finish()` sends the rest and reads the reply. */
const slowChat = () => slowPost(Number(new URL(url).port), '/api/chat', JSON.stringify({ message: QUESTION }));

beforeAll(async () => {
  copy = copyTestIndex('cluster');
  models = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-models-'));
  // A model that is not there and may not be downloaded: the primary falls back to the
  // built-in embedder (the one the test index was built with), with its notice.
  server = runScript(
    'src/cli/start.ts',
    [],
    childEnv(copy.dir, {
      REDIS_URL: '',
      WORKERS: '2',
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      MODEL: 'Xenova/multilingual-e5-small',
      MODELS_DIR: models,
      ALLOW_REMOTE_MODELS: 'false',
      // Conversations go to a SQLite file with WORKERS > 1: this run's own.
      SESSION_DB: path.join(models, 'sessions.db'),
    }),
  );
  const ready = await server.waitForLine((l) => String(l['msg']).startsWith('listening on'), 240_000);
  url = String(ready['url']).replace(/\/$/, '');
});

afterAll(() => {
  for (const c of [server, ...extra]) if (c && c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  copy?.remove();
  if (models) fs.rmSync(models, { recursive: true, force: true });
});

describe('WORKERS=2', () => {
  it('says so in one start line, and the fallback notice once', () => {
    const starts = server.stdout.filter((l) => l.includes('"listening on'));
    expect(starts).toHaveLength(1);
    expect(JSON.parse(starts[0]!)['msg']).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+, 2 workers, index \d+ chunks \(build [\w-]+\), embedder hashed-[\w-]+, answerer extractive$/);
    const notices = server.stderr.join('').match(/could not be loaded/g) ?? [];
    expect(notices).toHaveLength(1);
    // Per-worker state is said once, at start (until REDIS_URL is set).
    expect(server.stdout.filter((l) => l.includes('without REDIS_URL')).length).toBe(1);
  });

  it('serves from two worker processes on one port', async () => {
    const pids = [...(await answering()).keys()];
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(server.child.pid);
    for (let i = 0; i < 4; i++) {
      const r = await chat();
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text).answer).toContain('69.75');
    }
  });

  it('keeps a conversation whichever worker each request reaches (SQLite shared by the workers)', async () => {
    const post = (body: object) =>
      rawRequest(url, { method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), timeoutMs: 60_000 });
    const first = JSON.parse((await post({ message: QUESTION })).text) as { sessionId: string };
    const pids = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const r = JSON.parse((await post({ message: '그 회사의 2025년 출하량 전망은?', sessionId: first.sessionId })).text) as { sessionId: string; standaloneQuestion: string };
      // A session this server issued and still holds continues: the same id, the name carried.
      expect(r.sessionId).toBe(first.sessionId);
      expect(r.standaloneQuestion).toContain('유니트리');
      // Round-robin over the two workers: with two health requests after each chat, successive
      // chats land on alternate workers (the first health request shows the other one each time).
      pids.add((await health()).process.pid);
      await health();
    }
    expect(pids.size).toBe(2);
    expect(server.stdout.some((l) => l.includes('conversations, bot de-duplication and bot limits are shared through'))).toBe(true);
  });

  it('replaces a killed worker and keeps serving', async () => {
    const before = [...(await answering()).keys()];
    const victim = before[0]!;
    process.kill(victim, 'SIGKILL');
    await expect.poll(() => alive(victim), { timeout: 5_000 }).toBe(false);
    // Requests go to the survivor while the replacement starts.
    expect((await chat()).status).toBe(200);
    await expect
      .poll(async () => {
        const pids = [...(await answering()).keys()];
        return pids.length === 2 && !pids.includes(victim);
      }, { timeout: 30_000, interval: 200 })
      .toBe(true);
    expect(server.stdout.some((l) => l.includes('worker died; replacing it') && l.includes(`"pid":${victim}`))).toBe(true);
  });

  it('rolls both workers onto a rebuilt index, without failing a request', async () => {
    const old = (await health()).index.build;
    const ingest = runScript('src/cli/ingest.ts', ['--force'], childEnv(copy.dir));
    extra.push(ingest);
    let done = false;
    const failures: string[] = [];
    void ingest.exit.then(() => (done = true));
    let rolled = false;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !rolled) {
      const r = await chat();
      if (r.status !== 200) failures.push(`${r.status} ${r.text.slice(0, 200)}`);
      if (done) {
        const seen = await answering();
        rolled = seen.size === 2 && [...seen.values()].every((b) => b !== old);
      }
    }
    expect(await ingest.exit, ingest.stderr.join('')).toBe(0);
    expect(rolled).toBe(true);
    expect(failures).toEqual([]);
    const live = fs.readFileSync(path.join(copy.dir, 'CURRENT'), 'utf8').trim();
    expect([...(await answering()).values()]).toEqual(expect.arrayContaining([live]));
  });

  it('SIGTERM drains an in-flight request and stops every process within the drain time', async () => {
    const workers = [...(await answering()).keys()];
    expect(workers).toHaveLength(2);
    // A request whose body is still arriving when the signal comes: a worker holds it (the
    // headers are parsed), so it must be completed, not reset.
    const pending = slowChat();
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    const t0 = Date.now();
    const reply = await (await pending).finish();
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('69.75');
    expect(await server.exit).toBe(0);
    expect(Date.now() - t0).toBeLessThan(DRAIN_MS + 2_000);
    for (const pid of workers) expect(alive(pid)).toBe(false);
    expect(server.stdout.filter((l) => l.includes('"stopped"')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('WORKERS=2 without Redis: what the workers share', () => {
  // Its own cluster: a rate limit and a Telegram bot (against the fake platform on loopback).
  let shared: Child;
  let base = '';
  let fake: FakePlatforms;
  let idx: IndexCopy;
  let dir = '';
  const get = (p: string) => rawRequest(base, { path: p, timeoutMs: 60_000 });
  /** The pid that answered: with two of these after each request, successive requests land on alternate workers. */
  const pidOf = async () => (JSON.parse((await get('/healthz')).text) as { process: { pid: number } }).process.pid;
  beforeAll(async () => {
    fake = await startFakePlatforms();
    idx = copyTestIndex('cluster-shared');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-shared-'));
    shared = runScript(
      'src/cli/start.ts',
      [],
      childEnv(idx.dir, {
        REDIS_URL: '',
        WORKERS: '2',
        RATE_LIMIT_PER_MINUTE: '5',
        SESSION_DB: path.join(dir, 'sessions.db'),
        TELEGRAM_BOT_TOKEN: '123:abc',
        TELEGRAM_WEBHOOK_SECRET: 'tg-secret',
        TELEGRAM_API_BASE: fake.url,
        BOT_RATE_LIMIT_PER_MINUTE: '2',
      }),
    );
    extra.push(shared);
    const ready = await shared.waitForLine((l) => String(l['msg']).startsWith('listening on'), 240_000);
    base = String(ready['url']).replace(/\/$/, '');
  });
  afterAll(async () => {
    if (shared && shared.child.exitCode === null) shared.child.kill('SIGKILL');
    await fake?.close();
    idx?.remove();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('one rate limit per client, not one per worker', async () => {
    const statuses: number[] = [];
    const pids = new Set<number>();
    for (let i = 0; i < 8; i++) {
      statuses.push((await get('/api/search?q=%EC%9C%A0%EB%8B%88%ED%8A%B8%EB%A6%AC')).status);
      pids.add(await pidOf());
      await pidOf();
    }
    expect(pids.size).toBe(2);
    // Per-worker counters would have let 10 through.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('answers a Telegram update redelivered to the other worker once', async () => {
    const update = {
      update_id: 777001,
      message: { message_id: 9, date: 1700000000, chat: { id: 4321, type: 'private' }, from: { id: 4321, is_bot: false, first_name: 'Kim' }, text: '유니트리의 글로벌 사족 로봇 시장 점유율은?' },
    };
    const deliver = () =>
      rawRequest(base, {
        method: 'POST',
        path: '/bots/telegram',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'tg-secret' },
        body: JSON.stringify(update),
        timeoutMs: 60_000,
      });
    const pids = new Set<number>();
    for (let i = 0; i < 2; i++) {
      expect((await deliver()).status).toBe(200);
      pids.add(await pidOf());
      await pidOf();
    }
    expect(pids.size).toBe(2);
    await fake.waitFor('/sendMessage', { count: 1, timeoutMs: 30_000 });
    // Time for a second answer, were there one.
    await new Promise((r) => setTimeout(r, 1_500));
    const sent = fake.of('/sendMessage');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.text).toContain('69.75');
  });

  it("one user's bot limit across both workers: two answers, one notice, then silence", async () => {
    const pids = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const update = {
        update_id: 778001 + i,
        message: { message_id: 20 + i, date: 1700000000, chat: { id: 9876, type: 'private' }, from: { id: 9876, is_bot: false, first_name: 'Lee' }, text: `유니트리 점유율 ${i}` },
      };
      const r = await rawRequest(base, {
        method: 'POST',
        path: '/bots/telegram',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'tg-secret' },
        body: JSON.stringify(update),
        timeoutMs: 60_000,
      });
      expect(r.status).toBe(200);
      pids.add(await pidOf());
      await pidOf();
    }
    expect(pids.size).toBe(2);
    const mine = () => fake.of('/sendMessage').filter((m) => m.body.chat_id === 9876);
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 1_500));
    // Per-worker limits (2 each) would have answered all four.
    expect(mine()).toHaveLength(3);
    expect(mine().filter((m) => String(m.body.text).includes('질문이 너무 많아요'))).toHaveLength(1);
  });
});

describe('WORKERS=2 on a port that is taken', () => {
  it('gives up after a few failed starts (exit 1) instead of restarting forever', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    const idx = copyTestIndex('cluster-port');
    try {
      const c = runScript('src/cli/start.ts', [], childEnv(idx.dir, { WORKERS: '2', PORT: String(port) }));
      extra.push(c);
      expect(await c.exit).toBe(1);
      expect(c.stdout.some((l) => l.includes('giving up'))).toBe(true);
      expect(c.stdout.filter((l) => l.includes('worker died; replacing it')).length).toBeGreaterThanOrEqual(3);
    } finally {
      idx.remove();
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });
});
