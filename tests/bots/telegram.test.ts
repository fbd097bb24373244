/**
 * Telegram on grammY over real HTTP: webhook updates with the secret token, a fake Bot API on
 * loopback (getMe, sendMessage, sendChatAction), a stub chat service.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BotApp, citation, memoryLogger, startBotApp } from '../helpers/botApp.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';

let fake: FakePlatforms;
let app: BotApp;
let mem: ReturnType<typeof memoryLogger>;
beforeAll(async () => {
  fake = await startFakePlatforms();
  mem = memoryLogger();
  app = await startBotApp(
    { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_SECRET: 'tg-secret', TELEGRAM_API_BASE: fake.url, BOT_RETRY_ATTEMPTS: '2', BOT_RETRY_BASE_MS: '10', PUBLIC_URL: 'https://kic.example.com' },
    { logger: mem.logger },
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

const url = () => `${app.url}/bots/telegram`;
const auth = { 'X-Telegram-Bot-Api-Secret-Token': 'tg-secret' };
const post = (body: unknown, headers: Record<string, string> = auth) =>
  fetch(url(), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
let updateId = 1000;
const update = (message: Record<string, unknown>) => ({
  update_id: ++updateId,
  message: { message_id: 42, date: 1700000000, chat: { id: 555, type: 'private' }, from: { id: 555, is_bot: false, first_name: 'Li', language_code: 'zh-hans' }, ...message },
});
const group = (text: string, from: number, extra: Record<string, unknown> = {}) =>
  update({ text, chat: { id: -100200, type: 'supergroup' }, from: { id: from, is_bot: false, first_name: `U${from}` }, ...extra });
const sent = () => fake.of('/bot123:abc/sendMessage').map((r) => r.body);

describe('Telegram', () => {
  it('acknowledges, then sends the answer with sendMessage in HTML with escaped text and linked sources', async () => {
    const res = await post(update({ text: '宇树科技在四足机器人市场的份额是多少？' }));
    expect(res.status).toBe(200);
    await app.idle();
    expect(sent()).toHaveLength(1);
    const p = sent()[0]!;
    expect(p).toMatchObject({ chat_id: 555, parse_mode: 'HTML', reply_parameters: { message_id: 42, allow_sending_without_reply: true } });
    expect(p.text).toMatch(/^根据报告/);
    expect(p.text).toContain('&lt;注意&gt; &amp; 说明');
    expect(p.text).toContain('<b>来源</b>\n[1] <a href="https://example.com/report?a=1&amp;b=2">01. 구현 지능 산업 심층 분석</a>');
    expect(p.text).toContain('<a href="https://kic.example.com/">网页版</a>');
    expect(fake.of('/bot123:abc/sendChatAction')[0]!.body).toMatchObject({ chat_id: 555, action: 'typing' });
    expect(app.chat.calls[0]!.req.sessionId).toBe('bot:telegram:555');
  });

  it('answers /start and /help in the user’s language, and /new starts over', async () => {
    await post(update({ text: '/start' }));
    await post(update({ text: '/help', from: { id: 1, is_bot: false, first_name: 'Kim', language_code: 'ko' } }));
    await post(update({ text: '/help', from: { id: 2, is_bot: false, first_name: 'X' } }));
    await app.idle();
    const texts = sent().map((b) => b.text as string);
    expect(texts[0]).toContain('《月刊中国创业》');
    expect(texts[0]).not.toContain('안녕하세요');
    expect(texts[1]).toContain('안녕하세요');
    expect(texts[2]).toContain('안녕하세요');
    expect(texts[2]).toContain('《月刊中国创业》');
    expect(app.chat.calls).toHaveLength(0);
    await post(update({ text: '宇树科技的份额？' }));
    await app.idle();
    expect(await app.sessions.get('bot:telegram:555')).toBeDefined();
    await post(update({ text: '/new' }));
    await app.idle();
    expect(await app.sessions.get('bot:telegram:555')).toBeUndefined();
    expect(sent().at(-1)!.text).toContain('新的对话');
  });

  it('continues one conversation over three private messages', async () => {
    for (const q of ['유니트리의 점유율은?', '그 회사의 매출은?', '요약해줘']) await post(update({ text: q, chat: { id: 777, type: 'private' }, from: { id: 777, is_bot: false, first_name: 'Kim' } }));
    await app.idle();
    expect(app.chat.calls.map((c) => c.req.sessionId)).toEqual(Array(3).fill('bot:telegram:777'));
    expect((await app.sessions.get('bot:telegram:777'))?.turns).toHaveLength(6);
  });

  it('in a group: answers /ask and replies to the bot, one conversation per member; ignores other chatter', async () => {
    await post(group('/ask@kic_report_bot 유니트리의 점유율은?', 11));
    await post(group('/ask 宇树科技的份额？', 12));
    await post(group('그 회사의 매출은?', 11, { reply_to_message: { message_id: 1001, from: { id: 4242, is_bot: true, first_name: 'KIC' } } }));
    await post(group('점심 뭐 먹지?', 11));
    await post(group('/ask', 13));
    await app.idle();
    expect(app.chat.calls.map((c) => [c.req.sessionId, c.req.message])).toEqual([
      ['bot:telegram:-100200:11', '유니트리의 점유율은?'],
      ['bot:telegram:-100200:12', '宇树科技的份额？'],
      ['bot:telegram:-100200:11', '그 회사의 매출은?'],
    ]);
    expect(sent()).toHaveLength(4); // three answers and the help for a bare /ask
  });

  it('refuses a wrong secret with 401 JSON and sends nothing', async () => {
    for (const headers of [{}, { 'X-Telegram-Bot-Api-Secret-Token': 'tg-secreT' }] as Array<Record<string, string>>) {
      const res = await post(update({ text: '질문' }), headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: 'UNAUTHORIZED', field: 'X-Telegram-Bot-Api-Secret-Token' });
    }
    await app.idle();
    expect(sent()).toHaveLength(0);
  });

  it('ignores stickers, edits, channel posts and bots with 200', async () => {
    const updates = [
      update({ sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }),
      { update_id: ++updateId, edited_message: { message_id: 1, date: 1, chat: { id: 555, type: 'private' }, text: '수정' } },
      { update_id: ++updateId, channel_post: { message_id: 1, date: 1, chat: { id: -100, type: 'channel' }, text: '공지' } },
      update({ text: 'hi', from: { id: 9, is_bot: true, first_name: 'bot' } }),
    ];
    for (const u of updates) expect((await post(u)).status).toBe(200);
    await app.idle();
    expect(sent()).toHaveLength(0);
    expect(app.chat.calls).toHaveLength(0);
  });

  it('rejects malformed updates with 400 naming the field; nothing is answered', async () => {
    const cases: Array<[unknown, string]> = [
      [{ message: { chat: { id: 1 }, text: 'x' } }, 'update_id'],
      [{ update_id: 1, message: { message_id: 1, text: 'x' } }, 'message.chat'],
      [[1, 2], 'body'],
      ['not json', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    await app.idle();
    expect(sent()).toHaveLength(0);
  });

  it('answers a redelivered update once', async () => {
    const u = update({ text: '유니트리 점유율?' });
    for (let i = 0; i < 3; i++) expect((await post(u)).status).toBe(200);
    await app.idle();
    expect(sent()).toHaveLength(1);
    expect(app.chat.calls).toHaveLength(1);
  });

  it('splits a long answer into several valid messages under 4096 characters', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `문단 ${i}: 유니트리는 <로봇> & 부품을 만든다 [1]. ${'가나다라마바사 '.repeat(20)}`).join('\n\n');
    const original = app.chat.respond;
    app.chat.respond = (req) => ({ sessionId: req.sessionId!, language: 'ko', found: true, answer: long, citations: [citation(1)] });
    try {
      await post(update({ text: '길게 설명해줘' }));
      await app.idle();
    } finally {
      app.chat.respond = original;
    }
    const s = sent();
    expect(s.length).toBeGreaterThan(2);
    for (const m of s) {
      expect(m.text.length).toBeLessThanOrEqual(4096);
      expect(m.text).not.toMatch(/<(?!\/?(?:b|a)\b)/);
    }
    expect(s[0].reply_parameters).toBeDefined();
    expect(s[1].reply_parameters).toBeUndefined();
    expect(s.at(-1).text).toContain('<b>출처</b>');
    expect(s.map((m) => m.text).join('')).toContain('&lt;로봇&gt; &amp; 부품');
  });

  it('falls back to plain text when Telegram refuses the HTML', async () => {
    fake.override('/sendMessage', (_req, n) => (n === 1 ? { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: can't parse entities: unexpected end tag" } } : undefined));
    await post(update({ text: '유니트리 점유율?' }));
    await app.idle();
    expect(sent()).toHaveLength(2);
    expect(sent()[1].parse_mode).toBeUndefined();
    expect(sent()[1].text).toContain('01. 구현 지능 산업 심층 분석 (https://example.com/report?a=1&b=2)');
  });

  it('honours a 429 retry_after and sends exactly one reply', async () => {
    fake.override('/sendMessage', (_req, n) =>
      n === 1 ? { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } } : undefined,
    );
    await post(update({ text: '유니트리 점유율?' }));
    await app.idle();
    const calls = fake.of('/sendMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900); // waited retry_after, not a timing bound on us
    expect(app.chat.calls).toHaveLength(1);
  });

  it('logs an outage of the Bot API with its code and keeps working', async () => {
    fake.override('/sendMessage', () => ({ status: 0, body: null }));
    expect((await post(update({ text: '유니트리 점유율?' }))).status).toBe(200);
    await app.idle();
    expect(fake.of('/sendMessage')).toHaveLength(3); // 1 + BOT_RETRY_ATTEMPTS
    expect(mem.lines().some((l) => l.level === 50 && l.what === 'telegram sendMessage' && l.code === 'network')).toBe(true);
    fake.reset();
    await post(update({ text: '还在吗？' }));
    await app.idle();
    expect(sent()).toHaveLength(1);
  });

  it('answers 503 while getMe cannot reach Telegram (the update is redelivered later)', async () => {
    const closed = await startFakePlatforms();
    const base = closed.url;
    await closed.close(); // nothing listens there any more
    const down = await startBotApp({ TELEGRAM_BOT_TOKEN: '9:zz', TELEGRAM_WEBHOOK_SECRET: 's', TELEGRAM_API_BASE: base, REQUEST_TIMEOUT_MS: '300' });
    try {
      const res = await fetch(`${down.url}/bots/telegram`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 's' }, body: JSON.stringify(update({ text: '질문' })) });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('PLATFORM_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});
