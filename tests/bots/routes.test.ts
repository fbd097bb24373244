/**
 * The three bot endpoints over real HTTP, around a stub chat service and a fake platform API:
 * wire formats, secrets and signatures, timing (Kakao callback), retries. The same flows
 * against the real server and index are in integration.test.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackSignature } from '../../src/bots/slack.js';
import { type BotApp, citation, startBotApp, stubChat } from '../helpers/botApp.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';

let fake: FakePlatforms;
beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

function kakaoPayload(utterance: string, extra: Record<string, unknown> = {}) {
  return {
    intent: { id: 'b1', name: '폴백 블록' },
    userRequest: { timezone: 'Asia/Seoul', utterance, lang: 'ko', user: { id: 'a1b2c3d4e5', type: 'botUserKey', properties: {} }, ...extra },
    bot: { id: 'bot1', name: 'KIC' },
    action: { id: 'a1', name: 'kic-skill', params: {}, detailParams: {}, clientExtra: {} },
  };
}

describe('Kakao', () => {
  let app: BotApp;
  beforeAll(async () => {
    app = await startBotApp({ KAKAO_SKILL_SECRET: 'kakao-s3cret', KAKAO_TIMEOUT_MS: '300', PUBLIC_URL: 'https://kic.example.com' });
  });
  afterAll(() => app.close());
  afterEach(() => {
    app.chat.delayMs = 0;
    app.chat.calls.length = 0;
  });
  const url = () => `${app.url}/bots/kakao`;
  const auth = { 'X-Kakao-Skill-Secret': 'kakao-s3cret' };

  it('answers a question as a 2.0 skill response: text, sources card, quick replies', async () => {
    const res = await post(url(), kakaoPayload('유니트리의 글로벌 사족 로봇 시장 점유율은?'), auth);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toBe('2.0');
    expect(body.template.outputs[0].simpleText.text).toContain('69.75');
    expect(body.template.outputs[1].listCard.header.title).toBe('출처');
    expect(body.template.outputs[1].listCard.items[0]).toMatchObject({ title: '[1] 구현 지능 산업 심층 분석', link: { web: 'https://example.com/report?a=1&b=2' } });
    expect(body.template.quickReplies.map((q: { label: string }) => q.label)).toEqual(['요약해줘', '도움말']);
    expect(app.chat.calls[0]!.req).toMatchObject({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?', sessionId: 'kakao:a1b2c3d4e5' });
  });

  it('refuses a missing or wrong secret with 401 JSON', async () => {
    for (const headers of [{}, { 'X-Kakao-Skill-Secret': 'nope' }] as Array<Record<string, string>>) {
      const res = await post(url(), kakaoPayload('질문'), headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: 'UNAUTHORIZED', field: 'X-Kakao-Skill-Secret' });
    }
    expect(app.chat.calls).toHaveLength(0);
  });

  it('rejects malformed payloads with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ userRequest: { utterance: '질문' } }, 'userRequest.user'],
      [{ userRequest: { user: { id: 'u' } } }, 'userRequest.utterance'],
      [{ bot: {} }, 'userRequest'],
      ['{"userRequest": ', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await post(url(), body, auth);
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
  });

  it('answers help words without the chat service', async () => {
    const res = await post(url(), kakaoPayload('帮助'), auth);
    const body = await res.json();
    expect(body.template.outputs[0].simpleText.text).toContain('《月刊中国创业》');
    expect(app.chat.calls).toHaveLength(0);
  });

  it('uses the callback when the answer is slow, then posts the final response to callbackUrl', async () => {
    app.chat.delayMs = 1500;
    const started = Date.now();
    const res = await post(url(), kakaoPayload('유니트리 점유율은?', { callbackUrl: `${fake.url}/kakao/callback/abc` }), auth);
    const body = await res.json();
    // Answered at the 300 ms budget, long before the chat service is done.
    expect(Date.now() - started).toBeLessThan(1200);
    expect(fake.of('/kakao/callback')).toHaveLength(0);
    expect(body).toEqual({ version: '2.0', useCallback: true, data: { text: expect.stringContaining('잠시만') } });
    const [cb] = await fake.waitFor('/kakao/callback/abc');
    expect(cb!.method).toBe('POST');
    expect(cb!.headers['content-type']).toContain('application/json');
    expect(cb!.body.version).toBe('2.0');
    expect(cb!.body.template.outputs[0].simpleText.text).toContain('69.75');
    await app.idle();
    expect(fake.of('/kakao/callback')).toHaveLength(1);
  });

  it('without a callback, asks to ask again and then returns the answer prepared meanwhile', async () => {
    app.chat.delayMs = 600;
    const first = await (await post(url(), kakaoPayload('유니트리 매출은?'), auth)).json();
    expect(first.template.outputs[0].simpleText.text).toContain('다시 보내 주세요');
    await new Promise((r) => setTimeout(r, 500));
    const again = await (await post(url(), kakaoPayload('유니트리 매출은?'), auth)).json();
    expect(again.template.outputs[0].simpleText.text).toContain('69.75');
    expect(app.chat.calls).toHaveLength(1);
  });

  it('answers within the budget even when the configured timeout is above Kakao’s 5 s', async () => {
    const slowApp = await startBotApp({ KAKAO_TIMEOUT_MS: '60000' });
    try {
      slowApp.chat.delayMs = 5500;
      const started = Date.now();
      const body = await (await post(`${slowApp.url}/bots/kakao`, kakaoPayload('유니트리?'))).json();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(body.template.outputs[0].simpleText.text).toContain('다시 보내 주세요');
    } finally {
      await slowApp.close();
    }
  }, 20_000);

  it('does not POST to an untrusted callback URL when the skill is open (no secret)', async () => {
    const open = await startBotApp({ KAKAO_TIMEOUT_MS: '100' });
    try {
      open.chat.delayMs = 400;
      const body = await (await post(`${open.url}/bots/kakao`, kakaoPayload('질문입니다', { callbackUrl: `${fake.url}/kakao/callback/x` }))).json();
      expect(body.useCallback).toBeUndefined();
      await new Promise((r) => setTimeout(r, 600));
      expect(fake.of('/kakao/callback')).toHaveLength(0);
    } finally {
      await open.close();
    }
  });

  it('apologises (200) when the chat service fails', async () => {
    app.chat.respond = () => {
      throw new Error('boom');
    };
    try {
      const body = await (await post(url(), kakaoPayload('유니트리?'), auth)).json();
      expect(body.template.outputs[0].simpleText.text).toContain('죄송합니다');
    } finally {
      app.chat.respond = stubChat().respond;
    }
  });
});

describe('Telegram', () => {
  let app: BotApp;
  beforeAll(async () => {
    app = await startBotApp({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_SECRET: 'tg-secret', TELEGRAM_API_BASE: fake.url });
  });
  afterAll(() => app.close());
  afterEach(() => {
    app.chat.calls.length = 0;
  });
  const url = () => `${app.url}/bots/telegram`;
  const auth = { 'X-Telegram-Bot-Api-Secret-Token': 'tg-secret' };
  let updateId = 1000;
  const update = (message: Record<string, unknown>) => ({
    update_id: ++updateId,
    message: { message_id: 42, date: 1700000000, chat: { id: 555, type: 'private' }, from: { id: 555, is_bot: false, first_name: 'Li', language_code: 'zh-hans' }, ...message },
  });

  it('acknowledges, then sends the answer with sendMessage in HTML with escaped text and linked sources', async () => {
    const res = await post(url(), update({ text: '宇树科技在四足机器人市场的份额是多少？' }), auth);
    expect(res.status).toBe(200);
    await app.idle();
    const sent = fake.of('/bot123:abc/sendMessage');
    expect(sent).toHaveLength(1);
    const p = sent[0]!.body;
    expect(p).toMatchObject({ chat_id: 555, parse_mode: 'HTML', reply_parameters: { message_id: 42, allow_sending_without_reply: true } });
    expect(p.text).toMatch(/^根据报告/);
    expect(p.text).toContain('&lt;注意&gt; &amp; 说明');
    expect(p.text).toContain('<b>来源</b>\n[1] <a href="https://example.com/report?a=1&amp;b=2">01. 구현 지능 산업 심층 분석</a>');
    expect(fake.of('/bot123:abc/sendChatAction')[0]!.body).toEqual({ chat_id: 555, action: 'typing' });
    expect(app.chat.calls[0]!.req.sessionId).toBe('telegram:555');
  });

  it('answers /start and /help in the user’s language', async () => {
    await post(url(), update({ text: '/start' }), auth);
    await post(url(), update({ text: '/help', from: { id: 1, is_bot: false, first_name: 'Kim', language_code: 'ko' } }), auth);
    await post(url(), update({ text: '/help', from: { id: 2, is_bot: false, first_name: 'X' } }), auth);
    await app.idle();
    const texts = fake.of('/sendMessage').map((r) => r.body.text as string);
    expect(texts[0]).toContain('《月刊中国创业》');
    expect(texts[0]).not.toContain('안녕하세요');
    expect(texts[1]).toContain('안녕하세요');
    expect(texts[2]).toContain('안녕하세요');
    expect(texts[2]).toContain('《月刊中国创业》');
    expect(app.chat.calls).toHaveLength(0);
  });

  it('refuses a wrong secret with 401 and sends nothing', async () => {
    for (const headers of [{}, { 'X-Telegram-Bot-Api-Secret-Token': 'tg-secreT' }] as Array<Record<string, string>>) {
      const res = await post(url(), update({ text: '질문' }), headers);
      expect(res.status).toBe(401);
    }
    await app.idle();
    expect(fake.requests).toHaveLength(0);
  });

  it('ignores stickers, edits and channel posts with 200', async () => {
    const updates = [
      update({ sticker: { file_id: 'x' } }),
      { update_id: ++updateId, edited_message: { message_id: 1, chat: { id: 555 }, text: '수정' } },
      { update_id: ++updateId, channel_post: { message_id: 1, chat: { id: -100 }, text: '공지' } },
      update({ text: 'hi', from: { id: 9, is_bot: true, first_name: 'bot' } }),
    ];
    for (const u of updates) expect((await post(url(), u, auth)).status).toBe(200);
    await app.idle();
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects malformed updates with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ message: { chat: { id: 1 }, text: 'x' } }, 'update_id'],
      [{ update_id: 1, message: { text: 'x' } }, 'message.chat'],
      ['not json', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await post(url(), body, auth);
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
  });

  it('answers a redelivered update once', async () => {
    const u = update({ text: '유니트리 점유율?' });
    await post(url(), u, auth);
    await post(url(), u, auth);
    await app.idle();
    expect(fake.of('/sendMessage')).toHaveLength(1);
  });

  it('splits a long answer into several valid messages under 4096 characters', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `문단 ${i}: 유니트리는 <로봇> & 부품을 만든다 [1]. ${'가나다라마바사 '.repeat(20)}`).join('\n\n');
    app.chat.respond = (req) => ({ sessionId: req.sessionId!, language: 'ko', found: true, answer: long, citations: [citation(1)] });
    try {
      await post(url(), update({ text: '길게 설명해줘' }), auth);
      await app.idle();
      const sent = fake.of('/sendMessage').map((r) => r.body);
      expect(sent.length).toBeGreaterThan(2);
      for (const s of sent) {
        expect(s.text.length).toBeLessThanOrEqual(4096);
        expect(s.text).not.toMatch(/<(?!\/?(?:b|a)\b)/); // only our tags, all text escaped
      }
      expect(sent[0].reply_parameters).toBeDefined();
      expect(sent[1].reply_parameters).toBeUndefined();
      expect(sent.at(-1).text).toContain('<b>출처</b>');
      expect(sent.map((s) => s.text).join('')).toContain('&lt;로봇&gt; &amp; 부품');
    } finally {
      app.chat.respond = stubChat().respond;
    }
  });

  it('falls back to plain text when Telegram refuses the HTML', async () => {
    fake.override('/sendMessage', (_req, n) => (n === 1 ? { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: can't parse entities: unexpected end tag" } } : undefined));
    await post(url(), update({ text: '유니트리 점유율?' }), auth);
    await app.idle();
    const sent = fake.of('/sendMessage').map((r) => r.body);
    expect(sent).toHaveLength(2);
    expect(sent[1].parse_mode).toBeUndefined();
    expect(sent[1].text).toContain('01. 구현 지능 산업 심층 분석 (https://example.com/report?a=1&b=2)');
  });

  it('without a bot token, replies in the webhook response', async () => {
    const inline = await startBotApp({ TELEGRAM_API_BASE: fake.url });
    try {
      const res = await post(`${inline.url}/bots/telegram`, update({ text: '유니트리 점유율?' }));
      const body = await res.json();
      expect(body).toMatchObject({ method: 'sendMessage', chat_id: 555, parse_mode: 'HTML' });
      expect(body.text).toContain('69.75');
      expect(fake.requests).toHaveLength(0);
    } finally {
      await inline.close();
    }
  });
});

describe('Slack', () => {
  const NOW = 1_750_000_000_000;
  let clock = NOW;
  let app: BotApp;
  beforeAll(async () => {
    app = await startBotApp({ SLACK_SIGNING_SECRET: 'slack-signing', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_BASE: fake.url }, { now: () => clock });
  });
  afterAll(() => app.close());
  afterEach(() => {
    clock = NOW;
    app.chat.calls.length = 0;
  });
  const url = () => `${app.url}/bots/slack`;
  const signed = (body: unknown, opts: { ts?: number; secret?: string; headers?: Record<string, string> } = {}) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const ts = String(opts.ts ?? Math.floor(NOW / 1000));
    return fetch(url(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': slackSignature(opts.secret ?? 'slack-signing', ts, raw), ...opts.headers },
      body: raw,
    });
  };
  let n = 0;
  const mention = (event: Record<string, unknown> = {}, eventId = `Ev${++n}`) => ({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1750000000,
    event: { type: 'app_mention', user: 'U111', text: '<@U0BOT> 유니트리의 글로벌 사족 로봇 시장 점유율은?', ts: '1750000000.000100', channel: 'C123', event_ts: '1750000000.000100', ...event },
  });

  it('answers the url_verification challenge', async () => {
    const res = await signed({ type: 'url_verification', token: 't', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('acknowledges a mention, then replies in its thread with chat.postMessage', async () => {
    const res = await signed(mention());
    expect(res.status).toBe(200);
    await app.idle();
    const [p] = fake.of('/chat.postMessage');
    expect(p!.headers.authorization).toBe('Bearer xoxb-test');
    expect(p!.body).toMatchObject({ channel: 'C123', thread_ts: '1750000000.000100' });
    expect(p!.body.text).toContain('69.75');
    expect(p!.body.text).toContain('*출처*\n[1] <https://example.com/report?a=1&b=2|01. 구현 지능 산업 심층 분석>');
    expect(app.chat.calls[0]!.req).toEqual({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?', sessionId: 'slack:C123:1750000000.000100' });
  });

  it('keeps a thread reply in the thread’s conversation, and answers DMs', async () => {
    await signed(mention({ ts: '1750000000.000200', thread_ts: '1750000000.000100' }));
    await signed(mention({ type: 'message', channel_type: 'im', channel: 'D9', text: '宇树科技的份额是多少？', ts: '1750000001.000001' }));
    await app.idle();
    const posts = fake.of('/chat.postMessage').map((r) => r.body);
    expect(posts.map((p) => [p.channel, p.thread_ts])).toEqual([
      ['C123', '1750000000.000100'],
      ['D9', '1750000001.000001'],
    ]);
    expect(app.chat.calls.map((c) => c.req.sessionId)).toEqual(['slack:C123:1750000000.000100', 'slack:D9:1750000001.000001']);
  });

  it('answers a retried delivery (same event_id) once', async () => {
    const ev = mention({}, 'EvRetry');
    expect((await signed(ev)).status).toBe(200);
    expect((await signed(ev, { headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } })).status).toBe(200);
    await app.idle();
    expect(fake.of('/chat.postMessage')).toHaveLength(1);
    expect(app.chat.calls).toHaveLength(1);
  });

  it('ignores its own and other bots’ messages, edits and channel chatter', async () => {
    await signed(mention({ bot_id: 'B1' }));
    await signed(mention({ type: 'message', channel_type: 'im', subtype: 'bot_message' }));
    await signed(mention({ type: 'message', channel_type: 'im', subtype: 'message_changed' }));
    await signed(mention({ type: 'message', channel_type: 'channel' }));
    await app.idle();
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a wrong signature or a stale timestamp with 401 and posts nothing', async () => {
    const bad = await signed(mention(), { secret: 'wrong' });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe('UNAUTHORIZED');
    // Signed correctly, but 6 minutes old by the injected clock.
    clock = NOW + 6 * 60_000;
    const stale = await signed(mention());
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.field).toBe('X-Slack-Request-Timestamp');
    const unsigned = await post(url(), mention());
    expect(unsigned.status).toBe(401);
    await app.idle();
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects malformed (but signed) payloads with 400', async () => {
    const cases: Array<[unknown, string]> = [
      ['{"type":', 'body'],
      [{ type: 'event_callback', event: { type: 'app_mention' } }, 'event_id'],
      [{ type: 'event_callback', event_id: 'Ev1' }, 'event'],
      [{ type: 'url_verification' }, 'challenge'],
      [{ token: 'x' }, 'type'],
    ];
    for (const [body, field] of cases) {
      const res = await signed(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
  });

  it('refuses events with 503 when the signing secret is not configured', async () => {
    const bare = await startBotApp({ SLACK_API_BASE: fake.url });
    try {
      const res = await post(`${bare.url}/bots/slack`, mention());
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('BOT_NOT_CONFIGURED');
    } finally {
      await bare.close();
    }
  });
});
