/**
 * The bots against the real server (real index, real chat service, real sessions) and a fake
 * platform API on loopback, with real secrets, signatures and encryption: the same cited
 * answers arrive in each platform's wire format, follow-ups continue the conversation, and
 * nothing reaches the platform when a request is not authentic.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botTasks } from '../../src/bots/routes.js';
import type { ChatService } from '../../src/types.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';
import { feishuSignature, feishuEncrypt, slackSignature, wecomCallback, wecomText } from '../helpers/platformSign.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

const NOW = Date.parse('2025-07-01T09:00:00Z');
let clock = NOW;
let fake: FakePlatforms;
let srv: TestServer;
let asked = 0;

const SLACK_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const WECOM = { corp: 'ww-it', token: 'wecom-token', aes: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' };

beforeAll(async () => {
  fake = await startFakePlatforms();
  srv = await startTestServer(
    {
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_API_BASE: fake.url,
      TELEGRAM_WEBHOOK_SECRET: 'tg_secret-1',
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_BASE: fake.url,
      KAKAO_SKILL_SECRET: 'kakao-secret',
      KAKAO_TIMEOUT_MS: '4500',
      WECOM_CORP_ID: WECOM.corp,
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'corp-secret',
      WECOM_TOKEN: WECOM.token,
      WECOM_ENCODING_AES_KEY: WECOM.aes,
      WECOM_API_BASE: fake.url,
      FEISHU_APP_ID: 'cli_it',
      FEISHU_APP_SECRET: 'app-secret',
      FEISHU_VERIFICATION_TOKEN: 'v-token',
      FEISHU_ENCRYPT_KEY: 'e-key',
      FEISHU_API_BASE: fake.url,
    },
    { now: () => clock },
  );
  // Count the questions that reach the chat service (the bots read ctx.chat per request).
  const real: ChatService = srv.ctx.chat;
  srv.ctx.chat = {
    ask: (req, opts) => {
      asked += 1;
      return real.ask(req, opts);
    },
  };
});
afterAll(async () => {
  await srv?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  clock = NOW;
});

const idle = () => botTasks(srv.ctx).idle();
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${srv.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const kakao = (utterance: string, userId = 'kakao-user-1', extra: Record<string, unknown> = {}) => ({
  intent: { id: 'b', name: '폴백 블록' },
  userRequest: { timezone: 'Asia/Seoul', utterance, lang: 'ko', user: { id: userId, type: 'botUserKey', properties: {} }, ...extra },
  bot: { id: 'bot', name: 'KIC' },
  action: { id: 'a', name: 'skill', params: {}, detailParams: {}, clientExtra: {} },
});

let updateId = 5000;
const tgUpdate = (text: string, chatId = 777, languageCode = 'zh-hans') => ({
  update_id: ++updateId,
  message: { message_id: 10, date: 1751360400, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'Wang', language_code: languageCode }, text },
});

function slackPost(body: unknown, opts: { ts?: number; secret?: string; headers?: Record<string, string> } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const ts = String(opts.ts ?? Math.floor(clock / 1000));
  return fetch(`${srv.url}/bots/slack`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Slack-Request-Timestamp': ts,
      'X-Slack-Signature': slackSignature(opts.secret ?? SLACK_SECRET, ts, raw),
      ...opts.headers,
    },
    body: raw,
  });
}
let ev = 0;
const slackMention = (text: string, eventId = `Ev0${++ev}`, event: Record<string, unknown> = {}) => ({
  token: 'x',
  team_id: 'T1',
  api_app_id: 'A1',
  type: 'event_callback',
  event_id: eventId,
  event_time: Math.floor(NOW / 1000),
  event: { type: 'app_mention', user: 'U0USER', text: `<@U0BOT> ${text}`, ts: '1751360400.001200', channel: 'C0CHAN', event_ts: '1751360400.001200', ...event },
});

describe('KakaoTalk skill (real server)', () => {
  it('answers a Korean question with the figure and a sources card', async () => {
    const res = await post('/bots/kakao', kakao('유니트리의 글로벌 사족 로봇 시장 점유율은?'), { 'X-Kakao-Skill-Secret': 'kakao-secret' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toBe('2.0');
    const outputs = body.template.outputs as Array<Record<string, any>>;
    expect(outputs.length).toBeLessThanOrEqual(3);
    const text = outputs.filter((o) => o.simpleText).map((o) => o.simpleText.text as string).join('\n');
    expect(text).toContain('69.75');
    for (const o of outputs.filter((x) => x.simpleText)) expect(o.simpleText.text.length).toBeLessThanOrEqual(1000);
    const card = outputs.find((o) => o.listCard)?.listCard;
    expect(card.header.title).toBe('출처');
    expect(card.items.length).toBeGreaterThan(0);
    expect(card.items.length).toBeLessThanOrEqual(5);
    expect(card.items[0].title).toMatch(/^\[1\] /);
    // Every [n] in the text has its card item.
    const ids = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    for (const id of ids) expect(card.items.some((i: { title: string }) => i.title.startsWith(`[${id}]`))).toBe(true);
    expect(body.template.quickReplies[0]).toMatchObject({ action: 'message', label: '요약해줘' });
  });

  it('refuses a wrong secret with 401 and malformed payloads with 400', async () => {
    const bad = await post('/bots/kakao', kakao('유니트리?'), { 'X-Kakao-Skill-Secret': 'wrong' });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe('UNAUTHORIZED');
    const malformed = await post('/bots/kakao', { userRequest: { utterance: '유니트리?' } }, { 'X-Kakao-Skill-Secret': 'kakao-secret' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.field).toBe('userRequest.user');
  });
});

describe('Telegram webhook (real server)', () => {
  it('answers a Chinese question with sendMessage in HTML', async () => {
    const res = await post('/bots/telegram', tgUpdate('宇树科技在四足机器人市场的份额是多少？'), { 'X-Telegram-Bot-Api-Secret-Token': 'tg_secret-1' });
    expect(res.status).toBe(200);
    await idle();
    const sent = fake.of('/bot123:abc/sendMessage').map((r) => r.body);
    expect(sent.length).toBeGreaterThan(0);
    const first = sent[0];
    expect(first).toMatchObject({ chat_id: 777, parse_mode: 'HTML' });
    // A Chinese opening: the answer starts in Chinese, not Korean.
    const opening = (first.text as string).replace(/<[^>]+>/g, '').slice(0, 12);
    expect(opening).toMatch(/[\u4e00-\u9fff]/);
    expect(opening).not.toMatch(/[\uac00-\ud7af]/);
    const all = sent.map((s) => s.text as string).join('\n');
    expect(all).toContain('69.75');
    // Escaped: the only tags are ours, and every & starts an entity.
    expect(all).not.toMatch(/<(?!\/?(?:b|a)[\s>])/);
    for (const m of all.matchAll(/&/g)) expect(all.slice(m.index)).toMatch(/^&(?:amp|lt|gt|quot);/);
    expect(all).toContain('<b>来源</b>');
    for (const s of sent) expect((s.text as string).length).toBeLessThanOrEqual(4096);
  });

  it('refuses a wrong secret with 401 and sends nothing; 400 for a malformed update', async () => {
    const bad = await post('/bots/telegram', tgUpdate('宇树科技?'), { 'X-Telegram-Bot-Api-Secret-Token': 'nope' });
    expect(bad.status).toBe(401);
    const malformed = await post('/bots/telegram', { message: { text: 'x' } }, { 'X-Telegram-Bot-Api-Secret-Token': 'tg_secret-1' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.field).toBe('update_id');
    await idle();
    expect(fake.of('/sendMessage')).toHaveLength(0);
  });

  it('continues the conversation: a follow-up is rewritten with the previous question', async () => {
    await post('/bots/telegram', tgUpdate('유니트리의 글로벌 사족 로봇 시장 점유율은?', 31337, 'ko'), { 'X-Telegram-Bot-Api-Secret-Token': 'tg_secret-1' });
    await idle();
    await post('/bots/telegram', tgUpdate('그 회사의 매출은?', 31337, 'ko'), { 'X-Telegram-Bot-Api-Secret-Token': 'tg_secret-1' });
    await idle();
    const session = await srv.ctx.sessions.get('bot:telegram:31337');
    expect(session?.turns.filter((t) => t.role === 'user')).toHaveLength(2);
    expect(fake.of('/sendMessage').length).toBeGreaterThanOrEqual(2);
  });
});

describe('WeCom callback (real server)', () => {
  it('answers an encrypted Chinese question through message/send with linked sources', async () => {
    const ts = Math.floor(clock / 1000);
    const cb = wecomCallback({ token: WECOM.token, aesKey: WECOM.aes, corpId: WECOM.corp, timestamp: ts, inner: wecomText({ from: 'wangwu', content: '宇树科技在四足机器人市场的份额是多少？', msgId: '7000000000000000123', createTime: ts }) });
    const res = await fetch(`${srv.url}/bots/wecom?${cb.query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: cb.body });
    expect(res.status).toBe(200);
    await idle();
    const sent = fake.of('/cgi-bin/message/send').map((r) => r.body);
    expect(sent.length).toBeGreaterThan(0);
    const all = sent.map((m) => m.markdown.content as string).join('\n');
    expect(all).toContain('69.75');
    expect(all).toContain('**来源**');
    for (const m of sent) expect(Buffer.byteLength(m.markdown.content, 'utf8')).toBeLessThanOrEqual(2048);
  });
});

describe('Feishu events (real server)', () => {
  it('answers an encrypted, signed message with a card reply', async () => {
    const raw = JSON.stringify({
      encrypt: feishuEncrypt('e-key', {
        schema: '2.0',
        header: { event_id: 'ev-it-1', token: 'v-token', event_type: 'im.message.receive_v1', create_time: String(clock), app_id: 'cli_it', tenant_key: 't' },
        event: { sender: { sender_id: { open_id: 'ou_it' }, sender_type: 'user' }, message: { message_id: 'om_it', chat_id: 'oc_it', chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text: '宇树科技在四足机器人市场的份额是多少？' }) } },
      }),
    });
    const ts = String(Math.floor(clock / 1000));
    const res = await fetch(`${srv.url}/bots/feishu`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Lark-Request-Timestamp': ts, 'X-Lark-Request-Nonce': 'n1', 'X-Lark-Signature': feishuSignature(ts, 'n1', 'e-key', raw) }, body: raw });
    expect(res.status).toBe(200);
    await idle();
    const [reply] = fake.of('/open-apis/im/v1/messages/om_it/reply');
    const card = JSON.parse(reply!.body.content);
    expect(JSON.stringify(card)).toContain('69.75');
    expect(JSON.stringify(card)).toContain('来源');
  });
});

describe('Slack Events API (real server)', () => {
  it('answers the url_verification challenge', async () => {
    const res = await slackPost({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('replies in the thread with chat.postMessage', async () => {
    const res = await slackPost(slackMention('유니트리의 글로벌 사족 로봇 시장 점유율은?'));
    expect(res.status).toBe(200);
    await idle();
    const posts = fake.of('/chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts[0]!.headers.authorization).toBe('Bearer xoxb-test');
    expect(posts[0]!.body).toMatchObject({ channel: 'C0CHAN', thread_ts: '1751360400.001200' });
    const text = posts.map((p) => p.body.text as string).join('\n');
    expect(text).toContain('69.75');
    expect(text).toContain('*출처*');
    expect(text).not.toContain('<@U0BOT>');
  });

  it('answers a retried delivery once', async () => {
    const before = asked;
    const body = slackMention('유니트리 점유율은?', 'EvRETRY1', { ts: '1751360999.000100', event_ts: '1751360999.000100' });
    expect((await slackPost(body)).status).toBe(200);
    expect((await slackPost(body, { headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } })).status).toBe(200);
    expect((await slackPost(body, { headers: { 'X-Slack-Retry-Num': '2', 'X-Slack-Retry-Reason': 'http_error' } })).status).toBe(200);
    await idle();
    expect(asked - before).toBe(1);
    const posts = fake.of('/chat.postMessage');
    expect(posts.map((p) => p.body.thread_ts)).toEqual(posts.map(() => '1751360999.000100'));
    // One answer (possibly in several parts), not two.
    expect(new Set(posts.map((p) => p.body.text)).size).toBe(posts.length);
  });

  it('refuses a wrong signature or a stale timestamp with 401 and posts nothing; 400 when malformed', async () => {
    expect((await slackPost(slackMention('유니트리?'), { secret: 'not-the-secret' })).status).toBe(401);
    clock = NOW + 5 * 60_000 + 1_000; // the request was signed 5 min 1 s ago
    expect((await slackPost(slackMention('유니트리?'), { ts: Math.floor(NOW / 1000) })).status).toBe(401);
    clock = NOW;
    const malformed = await slackPost({ type: 'event_callback', event: { type: 'app_mention' } });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.field).toBe('event_id');
    await idle();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Kakao callback hosts (real server)', () => {
  let slow: TestServer;
  beforeAll(async () => {
    slow = await startTestServer({ KAKAO_SKILL_SECRET: 'kakao-secret', KAKAO_TIMEOUT_MS: '100' });
    // A delaying decorator around the real chat service (the bots read ctx.chat per request).
    const real: ChatService = slow.ctx.chat;
    slow.ctx.chat = {
      ask: async (req, opts) => {
        await new Promise((r) => setTimeout(r, 400));
        return real.ask(req, opts);
      },
    };
  });
  afterAll(async () => {
    await slow?.close();
  });

  it('never requests a callback URL on 127.0.0.1 or 10.0.0.1, even with the skill secret', async () => {
    for (const callbackUrl of [`${fake.url}/kakao/callback/task-1`, 'https://10.0.0.1/kakao/callback/task-2']) {
      const res = await fetch(`${slow.url}/bots/kakao`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kakao-Skill-Secret': 'kakao-secret' },
        body: JSON.stringify(kakao('유니트리의 글로벌 사족 로봇 시장 점유율은?', `kakao-user-${callbackUrl.length}`, { callbackUrl })),
      });
      const body = await res.json();
      expect(body.useCallback).toBeUndefined();
    }
    await new Promise((r) => setTimeout(r, 800));
    await botTasks(slow.ctx).idle();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('bots and the API limits (real server, API_KEYS set)', () => {
  let keyed: TestServer;
  beforeAll(async () => {
    keyed = await startTestServer({ API_KEYS: 'k-1', RATE_LIMIT_PER_MINUTE: '2', KAKAO_SKILL_SECRET: 'kakao-secret', BOT_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await keyed?.close();
  });

  it('are not behind the API keys, but are no way around the limits: 3 answers per user per minute', async () => {
    const api = await fetch(`${keyed.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: '유니트리?' }) });
    expect(api.status).toBe(401);
    const texts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${keyed.url}/bots/kakao`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kakao-Skill-Secret': 'kakao-secret' }, body: JSON.stringify(kakao('유니트리의 글로벌 사족 로봇 시장 점유율은?', 'flooder')) });
      expect(res.status).toBe(200);
      texts.push((await res.json()).template.outputs[0].simpleText.text);
    }
    expect(texts.slice(0, 3).every((t) => t.includes('69.75'))).toBe(true);
    expect(texts.slice(3).every((t) => t.includes('질문이 너무 많아요'))).toBe(true);
    const session = await keyed.ctx.sessions.get('bot:kakao:flooder');
    expect(session?.turns.filter((t) => t.role === 'user')).toHaveLength(3);
  });
});
