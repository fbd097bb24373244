/**
 * Feishu/Lark over real HTTP: plain and encrypted events (signed like Feishu signs them), the
 * official SDK's Client pointed at a fake Feishu API on loopback (tenant token, message reply).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BotApp, memoryLogger, startBotApp } from '../helpers/botApp.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';
import { feishuEncrypt, feishuSignature } from '../helpers/platformSign.js';

const NOW = 1_750_000_000_000;
const VTOKEN = 'v-token-123';
const EKEY = 'encrypt-key-456';

let fake: FakePlatforms;
beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const env = (extra: Record<string, string> = {}) => ({
  FEISHU_APP_ID: 'cli_test',
  FEISHU_APP_SECRET: 'app-secret',
  FEISHU_VERIFICATION_TOKEN: VTOKEN,
  FEISHU_API_BASE: fake.url,
  BOT_RETRY_ATTEMPTS: '2',
  BOT_RETRY_BASE_MS: '10',
  ...extra,
});

let n = 0;
function event(text: string, o: { chatType?: 'p2p' | 'group'; chat?: string; rootId?: string; mention?: boolean; eventId?: string; token?: string; user?: string } = {}) {
  const group = o.chatType === 'group';
  const id = ++n;
  return {
    schema: '2.0',
    header: { event_id: o.eventId ?? `ev_${id}`, token: o.token ?? VTOKEN, create_time: String(NOW), event_type: 'im.message.receive_v1', tenant_key: 'tk', app_id: 'cli_test' },
    event: {
      sender: { sender_id: { open_id: o.user ?? 'ou_user1', user_id: 'u1', union_id: 'on_1' }, sender_type: 'user', tenant_key: 'tk' },
      message: {
        message_id: `om_${id}`,
        ...(o.rootId ? { root_id: o.rootId, parent_id: o.rootId } : {}),
        create_time: String(NOW),
        chat_id: o.chat ?? (group ? 'oc_group' : 'oc_p2p_1'),
        chat_type: group ? 'group' : 'p2p',
        message_type: 'text',
        content: JSON.stringify({ text: o.mention === false || !group ? text : `@_user_1 ${text}` }),
        ...(group && o.mention !== false ? { mentions: [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: 'KIC', tenant_key: 'tk' }] } : {}),
      },
    },
  };
}
const replies = () => fake.of(/\/open-apis\/im\/v1\/messages\/[^/]+\/reply$/);

describe('Feishu, plain events (verification token)', () => {
  let app: BotApp;
  let mem: ReturnType<typeof memoryLogger>;
  beforeAll(async () => {
    mem = memoryLogger();
    app = await startBotApp(env({ PUBLIC_URL: 'https://kic.example.com' }), { now: () => NOW, logger: mem.logger });
  });
  afterAll(() => app.close());
  afterEach(() => {
    app.chat.calls.length = 0;
  });
  const post = (body: unknown) => fetch(`${app.url}/bots/feishu`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('answers the url_verification challenge, only with the right token', async () => {
    const ok = await post({ challenge: 'ajls384kdjx98XX', token: VTOKEN, type: 'url_verification' });
    expect(await ok.json()).toEqual({ challenge: 'ajls384kdjx98XX' });
    const bad = await post({ challenge: 'x', token: 'nope', type: 'url_verification' });
    expect(bad.status).toBe(401);
  });

  it('replies to a private message with a card: the answer and numbered sources as links', async () => {
    const res = await post(event('宇树科技在四足机器人市场的份额是多少？'));
    expect(res.status).toBe(200);
    await app.idle();
    const [r] = replies();
    expect(r!.path).toBe(`/open-apis/im/v1/messages/om_${n}/reply`);
    expect(r!.headers.authorization).toMatch(/^Bearer t-feishu-/);
    expect(r!.body).toMatchObject({ msg_type: 'interactive', reply_in_thread: false });
    const card = JSON.parse(r!.body.content);
    const text = card.elements.filter((e: { tag: string }) => e.tag === 'markdown').map((e: { content: string }) => e.content).join('\n');
    expect(text).toContain('69.75');
    expect(text).toContain('[1] [01. 구현 지능 산업 심층 분석](https://example.com/report?a=1&b=2)');
    expect(text).toContain('[网页版](https://kic.example.com/)');
    expect(app.chat.calls[0]!.req.sessionId).toBe('bot:feishu:p2p:oc_p2p_1');
  });

  it('in a group: answers @-mentions in the thread, one conversation per thread over three messages; ignores other chatter', async () => {
    await post(event('宇树科技的份额？', { chatType: 'group' }));
    const root = `om_${n}`;
    await post(event('那它的营收呢？', { chatType: 'group', rootId: root }));
    await post(event('总结一下', { chatType: 'group', rootId: root }));
    await post(event('大家好', { chatType: 'group', mention: false }));
    await app.idle();
    expect(app.chat.calls.map((c) => c.req.sessionId)).toEqual(Array(3).fill(`bot:feishu:oc_group:${root}`));
    expect(app.chat.calls.map((c) => c.req.message)).toEqual(['宇树科技的份额？', '那它的营收呢？', '总结一下']);
    expect(replies()).toHaveLength(3);
    for (const r of replies()) expect(r.body.reply_in_thread).toBe(true);
  });

  it('answers a redelivered event_id once', async () => {
    const e = event('宇树科技的份额？', { eventId: 'ev_dup' });
    for (let i = 0; i < 3; i++) expect((await post(e)).status).toBe(200);
    await app.idle();
    expect(app.chat.calls).toHaveLength(1);
    expect(replies()).toHaveLength(1);
  });

  it('refuses a wrong token and malformed events with 4xx; nothing is answered', async () => {
    const cases: Array<[unknown, number, string]> = [
      [event('问题', { token: 'wrong' }), 401, 'token'],
      ['{"schema": "2.0", ', 400, 'body'],
      [[1, 2], 400, 'body'],
      [{ schema: '2.0', header: { token: VTOKEN } }, 400, 'header.event_type'],
      [{ ...event('问题'), event: { sender: {}, message: {} } }, 400, 'event.sender.sender_id'],
      [{ encrypt: 'abc' }, 400, 'encrypt'],
    ];
    for (const [body, status, field] of cases) {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect((await res.json()).error.field).toBe(field);
    }
    await app.idle();
    expect(app.chat.calls).toHaveLength(0);
    expect(replies()).toHaveLength(0);
  });

  it('retries a 429 from the reply API and replies exactly once', async () => {
    fake.override(/\/reply$/, (_r, k) => (k === 1 ? { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-reset': '0' } } : undefined));
    await post(event('宇树科技的份额？'));
    await app.idle();
    expect(replies()).toHaveLength(2);
    expect(app.chat.calls).toHaveLength(1);
  });

  it('logs an outage of the Feishu API with its code and keeps working', async () => {
    fake.override(/\/reply$/, () => ({ status: 500, body: { code: 99991000, msg: 'internal error' } }));
    expect((await post(event('宇树科技的份额？'))).status).toBe(200);
    await app.idle();
    expect(replies()).toHaveLength(3);
    expect(mem.lines().some((l) => l.level === 50 && l.what === 'feishu im.message.reply' && l.code === 99991000)).toBe(true);
    fake.reset();
    await post(event('还在吗？'));
    await app.idle();
    expect(replies()).toHaveLength(1);
  });
});

describe('Feishu, encrypted and signed events', () => {
  let app: BotApp;
  beforeAll(async () => {
    app = await startBotApp(env({ FEISHU_ENCRYPT_KEY: EKEY }), { now: () => NOW });
  });
  afterAll(() => app.close());
  afterEach(() => {
    app.chat.calls.length = 0;
  });
  const send = (payload: unknown, o: { ts?: number; key?: string; tamper?: boolean } = {}) => {
    const raw = JSON.stringify({ encrypt: feishuEncrypt(o.key ?? EKEY, payload) });
    const ts = String(o.ts ?? Math.floor(NOW / 1000));
    const nonce = 'nonce-1';
    return fetch(`${app.url}/bots/feishu`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Lark-Request-Timestamp': ts, 'X-Lark-Request-Nonce': nonce, 'X-Lark-Signature': feishuSignature(ts, nonce, o.tamper ? 'other' : (o.key ?? EKEY), raw) },
      body: raw,
    });
  };

  it('decrypts the challenge and a message event, and replies', async () => {
    const ch = await send({ challenge: 'c-123', token: VTOKEN, type: 'url_verification' });
    expect(await ch.json()).toEqual({ challenge: 'c-123' });
    expect((await send(event('宇树科技的份额？'))).status).toBe(200);
    await app.idle();
    expect(replies()).toHaveLength(1);
    expect(JSON.parse(replies()[0]!.body.content).elements[0].content).toContain('69.75');
  });

  it('refuses a bad signature, a stale timestamp and an unsigned or undecryptable body; nothing is answered', async () => {
    const bad = [
      await send(event('问题'), { tamper: true }),
      await send(event('问题'), { ts: Math.floor(NOW / 1000) - 3600 }),
      await fetch(`${app.url}/bots/feishu`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event('问题')) }),
      await send(event('问题'), { key: 'another-key' }),
      // Encrypted with the right key but without Feishu's signature headers: a replayed body.
      await fetch(`${app.url}/bots/feishu`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ encrypt: feishuEncrypt(EKEY, event('问题')) }) }),
    ];
    expect(bad.map((r) => r.status)).toEqual([401, 401, 401, 400, 401]);
    await app.idle();
    expect(app.chat.calls).toHaveLength(0);
    expect(replies()).toHaveLength(0);
  });
});
