/**
 * The bots against the real server (real index, real chat service) and a fake platform API on
 * loopback, with real secrets and signatures: the same cited answers arrive in each platform's
 * wire format, and nothing reaches the platform when a request is not authentic.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botTasks } from '../../src/bots/routes.js';
import { slackSignature } from '../../src/bots/slack.js';
import type { ChatService } from '../../src/types.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

const NOW = Date.parse('2025-07-01T09:00:00Z');
let clock = NOW;
let fake: FakePlatforms;
let srv: TestServer;
let asked = 0;

const SLACK_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

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
    expect(fake.requests).toHaveLength(0);
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

describe('Kakao callback for slow answers (real server)', () => {
  let slow: TestServer;
  beforeAll(async () => {
    slow = await startTestServer({ KAKAO_SKILL_SECRET: 'kakao-secret', KAKAO_TIMEOUT_MS: '100' });
    // A delaying decorator around the real chat service (the bots read ctx.chat per request).
    const real: ChatService = slow.ctx.chat;
    slow.ctx.chat = {
      ask: async (req, opts) => {
        await new Promise((r) => setTimeout(r, 1500));
        return real.ask(req, opts);
      },
    };
  });
  afterAll(async () => {
    await slow?.close();
  });

  it('replies useCallback at once, then posts the final answer to the callback URL', async () => {
    const started = Date.now();
    const res = await fetch(`${slow.url}/bots/kakao`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kakao-Skill-Secret': 'kakao-secret' },
      body: JSON.stringify(kakao('유니트리의 글로벌 사족 로봇 시장 점유율은?', 'kakao-user-2', { callbackUrl: `${fake.url}/kakao/callback/task-1` })),
    });
    const body = await res.json();
    // Answered at the 100 ms budget, long before the (slowed) answer is ready.
    expect(Date.now() - started).toBeLessThan(1200);
    expect(fake.of('/kakao/callback')).toHaveLength(0);
    expect(body).toMatchObject({ version: '2.0', useCallback: true, data: { text: expect.any(String) } });
    const [cb] = await fake.waitFor('/kakao/callback/task-1', { timeoutMs: 15_000 });
    expect(cb!.body.version).toBe('2.0');
    const text = (cb!.body.template.outputs as Array<Record<string, any>>).filter((o) => o.simpleText).map((o) => o.simpleText.text).join('\n');
    expect(text).toContain('69.75');
    expect(cb!.body.template.outputs.some((o: Record<string, unknown>) => o.listCard)).toBe(true);
    await botTasks(slow.ctx).idle();
    expect(fake.of('/kakao/callback')).toHaveLength(1);
  });
});
