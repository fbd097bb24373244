/**
 * Sessions belong to their channel (real server, real index): the API continues only sessions
 * it issued, to the key that created them; bot conversations, client-chosen ids, expired ids
 * and another key's sessions can be neither read nor extended; GET /api/sessions/:id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../helpers/server.js';
import { API_SESSION_ID } from '../../src/types.js';

const post = (s: TestServer, path: string, body: unknown, key?: string) =>
  fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });
const get = (s: TestServer, path: string, key?: string) => fetch(`${s.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('sessions belong to their channel (no API keys)', () => {
  let s: TestServer;
  let now = 1_750_000_000_000;
  beforeAll(async () => {
    s = await startTestServer({ SESSION_TTL_MINUTES: '60' }, { now: () => now });
    // Conversations of bot users, as the bots create them (the service directly, their own ids).
    await s.ctx.chat.ask({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?', sessionId: 'bot:telegram:1' });
    await s.ctx.chat.ask({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?', sessionId: 'telegram:1' });
  });
  afterAll(() => s.close());

  it('issues s_ + 22 base64url ids, continues them, and GET /api/sessions/:id returns the turns with answers and citations', async () => {
    const first = await (await post(s, '/api/chat', { message: '유니트리의 점유율은?' })).json();
    expect(first.sessionId).toMatch(API_SESSION_ID);
    const second = await (await post(s, '/api/chat', { message: '그 회사의 출하량은?', sessionId: first.sessionId })).json();
    expect(second.sessionId).toBe(first.sessionId);
    const r = await get(s, `/api/sessions/${first.sessionId}`);
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.id).toBe(first.sessionId);
    expect(body.turns).toHaveLength(2);
    expect(body.turns[0].question).toBe('유니트리의 점유율은?');
    expect(body.turns[0].answer).toBe(first.answer);
    expect(body.turns[0].citations.map((c: { id: number }) => c.id)).toEqual(first.citations.map((c: { id: number }) => c.id));
    expect(body.turns[0].citations[0].quote).toBe(first.citations[0].quote);
    expect(body.turns[1].question).toBe('그 회사의 출하량은?');
    expect(new Date(body.turns[1].at).getTime()).toBe(now);
  });

  for (const id of ['telegram:1', 'bot:telegram:1', 'abc123']) {
    it(`sessionId ${JSON.stringify(id)} can neither be read nor extended over the API`, async () => {
      const before = (await s.ctx.sessions.get(id))?.turns.length ?? 0;
      const res = await post(s, '/api/chat', { message: '그 회사의 매출은?', sessionId: id });
      expect(res.status).toBe(200);
      const out = await res.json();
      expect(out.sessionId).toMatch(API_SESSION_ID);
      expect(out.sessionId).not.toBe(id);
      // A fresh conversation: nothing of the bot user's question was carried over.
      expect(out.standaloneQuestion).toBe('그 회사의 매출은?');
      expect((await s.ctx.sessions.get(id))?.turns.length ?? 0).toBe(before);
      expect((await get(s, `/api/sessions/${encodeURIComponent(id)}`)).status).toBe(404);
      // The OpenAI-compatible API is stateless: an id in its body is never looked up.
      const v1 = await post(s, '/v1/chat/completions', { messages: [{ role: 'user', content: '그 회사의 매출은?' }], sessionId: id, user: id });
      expect(v1.status).toBe(200);
      expect((await s.ctx.sessions.get(id))?.turns.length ?? 0).toBe(before);
    });
  }

  it('a client-chosen id is never adopted: "abc123" does not come into existence', async () => {
    await post(s, '/api/chat', { message: '유니트리의 점유율은?', sessionId: 'abc123' });
    expect(await s.ctx.sessions.get('abc123')).toBeUndefined();
  });

  it('an expired id starts a new session under a new id; GET answers 404 JSON', async () => {
    const first = await (await post(s, '/api/chat', { message: '유니트리의 점유율은?' })).json();
    now += 61 * 60_000;
    const r = await get(s, `/api/sessions/${first.sessionId}`);
    expect(r.status).toBe(404);
    expect((await r.json()).error.code).toBe('NOT_FOUND');
    const again = await (await post(s, '/api/chat', { message: '그 회사의 출하량은?', sessionId: first.sessionId })).json();
    expect(again.sessionId).toMatch(API_SESSION_ID);
    expect(again.sessionId).not.toBe(first.sessionId);
    expect(again.standaloneQuestion).toBe('그 회사의 출하량은?');
  });

  it('GET of a malformed or made-up id is 404 JSON', async () => {
    for (const id of ['s_AAAAAAAAAAAAAAAAAAAAAA', 'x', '..%2f..%2fetc', 'bot%3Akakao%3Au1']) {
      const r = await get(s, `/api/sessions/${id}`);
      expect(r.status, id).toBe(404);
      expect((await r.json()).error.code).toBe('NOT_FOUND');
    }
  });
});

describe('sessions belong to the API key that created them', () => {
  const K1 = 'key-one-secret-0123456789';
  const K2 = 'key-two-secret-9876543210';
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ API_KEYS: `${K1},${K2}` });
  });
  afterAll(() => s.close());

  it("another key's session id behaves as unknown; the owner is stored as a hash, never the key", async () => {
    const mine = await (await post(s, '/api/chat', { message: '유니트리의 점유율은?' }, K1)).json();
    expect(mine.sessionId).toMatch(API_SESSION_ID);
    const theirs = await (await post(s, '/api/chat', { message: '그 회사의 매출은?', sessionId: mine.sessionId }, K2)).json();
    expect(theirs.sessionId).not.toBe(mine.sessionId);
    expect(theirs.standaloneQuestion).toBe('그 회사의 매출은?');
    expect((await s.ctx.sessions.get(mine.sessionId))!.turns).toHaveLength(2);
    expect((await get(s, `/api/sessions/${mine.sessionId}`, K2)).status).toBe(404);
    expect((await get(s, `/api/sessions/${mine.sessionId}`)).status).toBe(401);
    const ok = await get(s, `/api/sessions/${mine.sessionId}`, K1);
    expect(ok.status).toBe(200);
    expect((await ok.json()).turns).toHaveLength(1);
    // The same key continues it.
    const next = await (await post(s, '/api/chat', { message: '그 회사의 출하량은?', sessionId: mine.sessionId }, K1)).json();
    expect(next.sessionId).toBe(mine.sessionId);
    const stored = JSON.stringify(await s.ctx.sessions.get(mine.sessionId));
    expect(stored).not.toContain(K1);
    expect((await s.ctx.sessions.get(mine.sessionId))!.owner).toMatch(/^key:[0-9a-f]{12}$/);
  });
});
