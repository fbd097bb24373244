/**
 * WeCom (企业微信) over real HTTP: callbacks encrypted and signed with @wecom/crypto, a fake
 * WeCom API on loopback (gettoken, message/send), a stub chat service.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BotApp, memoryLogger, startBotApp } from '../helpers/botApp.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';
import { wecomCallback, wecomText, wecomVerify } from '../helpers/platformSign.js';

const TOKEN = 'wecomToken123';
const AES = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const CORP = 'ww-corp';
const NOW = 1_750_000_000_000;

let fake: FakePlatforms;
let app: BotApp;
let mem: ReturnType<typeof memoryLogger>;
beforeAll(async () => {
  fake = await startFakePlatforms();
  mem = memoryLogger();
  app = await startBotApp(
    {
      WECOM_CORP_ID: CORP,
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'corp-secret',
      WECOM_TOKEN: TOKEN,
      WECOM_ENCODING_AES_KEY: AES,
      WECOM_API_BASE: fake.url,
      PUBLIC_URL: 'https://kic.example.com',
      BOT_RETRY_ATTEMPTS: '2',
      BOT_RETRY_BASE_MS: '10',
    },
    { now: () => NOW, logger: mem.logger },
  );
});
afterAll(async () => {
  await app.close();
  await fake.close();
});
beforeEach(() => fake.reset());
afterEach(() => {
  app.chat.calls.length = 0;
});

let msgId = 7_000_000_000_000_000_000n;
const ts = Math.floor(NOW / 1000);
function callback(content: string, o: { from?: string; id?: string; timestamp?: number; token?: string; receiveId?: string } = {}) {
  const inner = wecomText({ from: o.from ?? 'zhangsan', content, msgId: o.id ?? String(++msgId), createTime: ts });
  const cb = wecomCallback({ token: o.token ?? TOKEN, aesKey: AES, corpId: CORP, inner, timestamp: o.timestamp ?? ts, ...(o.receiveId ? { receiveId: o.receiveId } : {}) });
  return { ...cb, send: () => fetch(`${app.url}/bots/wecom?${cb.query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: cb.body }) };
}
const sends = () => fake.of('/cgi-bin/message/send');

describe('WeCom', () => {
  it('answers the URL verification with the decrypted echostr', async () => {
    const res = await fetch(`${app.url}/bots/wecom?${wecomVerify({ token: TOKEN, aesKey: AES, corpId: CORP, echo: '1616140317555161061', timestamp: ts })}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1616140317555161061');
    const bad = await fetch(`${app.url}/bots/wecom?${wecomVerify({ token: 'other', aesKey: AES, corpId: CORP, echo: 'x', timestamp: ts })}`);
    expect(bad.status).toBe(401);
    expect((await bad.json()).error).toMatchObject({ code: 'UNAUTHORIZED', field: 'msg_signature' });
  });

  it('acknowledges at once, then sends the answer as markdown with linked sources through message/send', async () => {
    const res = await callback('宇树科技在四足机器人市场的份额是多少？').send();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await app.idle();
    const [sent] = sends();
    expect(sent!.query.get('access_token')).toMatch(/^wecom-token-/);
    expect(sent!.body).toMatchObject({ touser: 'zhangsan', agentid: 1000002, msgtype: 'markdown' });
    const content: string = sent!.body.markdown.content;
    expect(content).toContain('69.75');
    expect(content).toContain('**来源**');
    expect(content).toContain('[1] [01. 구현 지능 산업 심층 분석](https://example.com/report?a=1&b=2)');
    expect(content).toContain('[网页版](https://kic.example.com/)');
    expect(app.chat.calls[0]!.req.sessionId).toBe('bot:wecom:ww-corp:zhangsan');
    // The token is fetched once and cached.
    await callback('再问一个问题').send();
    await app.idle();
    expect(fake.of('/cgi-bin/gettoken').length).toBeLessThanOrEqual(1);
  });

  it('continues one conversation per user over three messages; "新对话" starts over', async () => {
    for (const q of ['宇树科技的份额是多少？', '那它的营收呢？', '总结一下']) await callback(q, { from: 'lisi' }).send();
    await app.idle();
    expect(app.chat.calls.map((c) => c.req.sessionId)).toEqual(Array(3).fill('bot:wecom:ww-corp:lisi'));
    expect((await app.sessions.get('bot:wecom:ww-corp:lisi'))?.turns).toHaveLength(6);
    await callback('新对话', { from: 'lisi' }).send();
    await app.idle();
    expect(await app.sessions.get('bot:wecom:ww-corp:lisi')).toBeUndefined();
    expect(sends().at(-1)!.body.markdown.content).toContain('新的对话');
  });

  it('answers a redelivered MsgId once', async () => {
    const cb = callback('宇树科技的份额？', { id: '9000000000000000001' });
    for (let i = 0; i < 3; i++) expect((await cb.send()).status).toBe(200);
    await app.idle();
    expect(app.chat.calls).toHaveLength(1);
    expect(sends()).toHaveLength(1);
  });

  it('refuses a bad signature, a stale timestamp, another corp and malformed bodies; nothing is answered', async () => {
    const refused: Array<[Promise<Response>, number, string]> = [
      [callback('问题', { token: 'wrong-token' }).send(), 401, 'msg_signature'],
      [callback('问题', { timestamp: ts - 600 }).send(), 401, 'timestamp'],
      [callback('问题', { receiveId: 'ww-other' }).send(), 401, 'Encrypt'],
      [fetch(`${app.url}/bots/wecom?${callback('问题').query}`, { method: 'POST', body: 'not xml at all' }), 400, 'body'],
      [fetch(`${app.url}/bots/wecom?${callback('问题').query}`, { method: 'POST', body: '<xml><ToUserName>x</ToUserName></xml>' }), 400, 'Encrypt'],
      [fetch(`${app.url}/bots/wecom`, { method: 'POST', body: callback('问题').body }), 400, 'msg_signature'],
    ];
    for (const [p, status, field] of refused) {
      const res = await p;
      expect(res.status).toBe(status);
      expect((await res.json()).error.field).toBe(field);
    }
    await app.idle();
    expect(app.chat.calls).toHaveLength(0);
    expect(sends()).toHaveLength(0);
  });

  it('retries a 429 and a busy errcode, then sends exactly one message; refreshes an expired token', async () => {
    fake.override('/cgi-bin/message/send', (_r, n) => (n === 1 ? { status: 429, body: {}, headers: { 'Retry-After': '0' } } : n === 2 ? { status: 200, body: { errcode: 42001, errmsg: 'access_token expired' } } : undefined));
    await callback('宇树科技的份额？').send();
    await app.idle();
    expect(sends()).toHaveLength(3);
    expect(fake.of('/cgi-bin/gettoken')).toHaveLength(1); // fetched again after 42001
    expect(sends()[2]!.query.get('access_token')).not.toBe(sends()[1]!.query.get('access_token'));
    expect(app.chat.calls).toHaveLength(1);
  });

  it('splits a long answer into messages under 2048 bytes', async () => {
    const original = app.chat.respond;
    app.chat.respond = (req) => ({ sessionId: req.sessionId!, language: 'zh', found: true, answer: `${'宇树科技的市场份额很高。'.repeat(200)} [1]`, citations: [] });
    try {
      await callback('长一点').send();
      await app.idle();
    } finally {
      app.chat.respond = original;
    }
    expect(sends().length).toBeGreaterThan(2);
    for (const s of sends()) expect(Buffer.byteLength(s.body.markdown.content, 'utf8')).toBeLessThanOrEqual(2048);
  });

  it('logs an outage of the WeCom API with its code and keeps working', async () => {
    fake.override('/cgi-bin/message/send', () => ({ status: 503, body: 'upstream down' }));
    await callback('宇树科技的份额？').send();
    await app.idle();
    expect(sends()).toHaveLength(3); // 1 + BOT_RETRY_ATTEMPTS
    expect(mem.lines().some((l) => l.level === 50 && l.what === 'wecom message/send' && l.code === 503)).toBe(true);
    fake.reset();
    expect((await callback('还在吗？').send()).status).toBe(200);
    await app.idle();
    expect(sends()).toHaveLength(1);
  });
});
