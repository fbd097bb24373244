/**
 * Slack over real HTTP: Events API payloads signed with the documented v0 HMAC, a fake Slack
 * Web API on loopback (chat.postMessage, as the WebClient calls it), a stub chat service.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BotApp, memoryLogger, startBotApp } from '../helpers/botApp.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';
import { slackSignature } from '../helpers/platformSign.js';

const NOW = 1_750_000_000_000;
let clock = NOW;
let fake: FakePlatforms;
let app: BotApp;
let mem: ReturnType<typeof memoryLogger>;
beforeAll(async () => {
  fake = await startFakePlatforms();
  mem = memoryLogger();
  app = await startBotApp(
    { SLACK_SIGNING_SECRET: 'slack-signing', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_BASE: fake.url, BOT_RETRY_ATTEMPTS: '2', BOT_RETRY_BASE_MS: '10' },
    { now: () => clock, logger: mem.logger },
  );
});
afterAll(async () => {
  await app.close();
  await fake.close();
});
beforeEach(() => fake.reset());
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
let tsSeq = 100;
const nextTs = () => `1750000000.${String(++tsSeq).padStart(6, '0')}`;
const envelope = (event: Record<string, unknown>, eventId = `Ev${++n}`) => ({
  token: 'legacy',
  team_id: 'T1',
  api_app_id: 'A1',
  type: 'event_callback',
  event_id: eventId,
  event_time: 1750000000,
  event,
});
const mention = (event: Record<string, unknown> = {}, eventId?: string) => {
  const ts = (event['ts'] as string | undefined) ?? nextTs();
  return envelope({ type: 'app_mention', user: 'U111', text: '<@U0BOT> 유니트리의 글로벌 사족 로봇 시장 점유율은?', ts, channel: 'C123', event_ts: ts, ...event }, eventId);
};
const channelMessage = (text: string, threadTs: string, event: Record<string, unknown> = {}) => {
  const ts = nextTs();
  return envelope({ type: 'message', channel_type: 'channel', user: 'U111', text, ts, thread_ts: threadTs, channel: 'C123', event_ts: ts, ...event });
};
const dm = (text: string, event: Record<string, unknown> = {}) => {
  const ts = nextTs();
  return envelope({ type: 'message', channel_type: 'im', user: 'U222', text, ts, channel: 'D9', event_ts: ts, ...event });
};
const posts = () => fake.of('/chat.postMessage').map((r) => r.body);

describe('Slack', () => {
  it('answers the url_verification challenge', async () => {
    const res = await signed({ type: 'url_verification', token: 't', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('acknowledges a mention, then replies in its thread with chat.postMessage and linked sources', async () => {
    const m = mention();
    const res = await signed(m);
    expect(res.status).toBe(200);
    await app.idle();
    const [p] = fake.of('/chat.postMessage');
    expect(p!.headers.authorization).toBe('Bearer xoxb-test');
    expect(p!.body).toMatchObject({ channel: 'C123', thread_ts: m.event.ts });
    expect(p!.body.text).toContain('69.75');
    expect(p!.body.text).toContain('*출처*\n[1] <https://example.com/report?a=1&b=2|01. 구현 지능 산업 심층 분석>');
    expect(app.chat.calls[0]!.req).toEqual({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?', sessionId: `bot:slack:T1:C123:${m.event.ts}` });
  });

  it('continues a thread without a new mention once it has answered there (three messages), and only there', async () => {
    const root = mention();
    await signed(root);
    await app.idle();
    const thread = root.event.ts as string;
    await signed(channelMessage('그 회사의 매출은?', thread));
    await app.idle();
    await signed(channelMessage('요약해줘', thread));
    // A thread the bot never answered in, and top-level chatter: not for the bot.
    await signed(channelMessage('다른 이야기', '1749999999.000001'));
    await signed(envelope({ type: 'message', channel_type: 'channel', user: 'U111', text: '점심?', ts: nextTs(), channel: 'C123' }));
    await app.idle();
    expect(app.chat.calls.map((c) => c.req.sessionId)).toEqual(Array(3).fill(`bot:slack:T1:C123:${thread}`));
    expect(posts().map((p) => p.thread_ts)).toEqual([thread, thread, thread]);
  });

  it('answers a message that mentions it in a thread once, though Slack sends it as app_mention and as message', async () => {
    const root = mention();
    await signed(root);
    await app.idle();
    const ts = nextTs();
    const text = '<@U0BOT> 그 회사의 매출은?';
    await signed(envelope({ type: 'message', channel_type: 'channel', user: 'U111', text, ts, thread_ts: root.event.ts as string, channel: 'C123' }));
    await signed(mention({ text, ts, thread_ts: root.event.ts as string }));
    await app.idle();
    expect(app.chat.calls).toHaveLength(2);
    expect(posts()).toHaveLength(2);
  });

  it('keeps one conversation per DM, replying in the DM itself; "새 대화" starts over', async () => {
    for (const q of ['유니트리의 점유율은?', '그 회사의 매출은?', '요약해줘']) await signed(dm(q));
    await app.idle();
    expect(app.chat.calls.map((c) => c.req.sessionId)).toEqual(Array(3).fill('bot:slack:T1:dm:D9'));
    expect(posts().every((p) => p.channel === 'D9' && p.thread_ts === undefined)).toBe(true);
    expect((await app.sessions.get('bot:slack:T1:dm:D9'))?.turns).toHaveLength(6);
    await signed(dm('새 대화'));
    await app.idle();
    expect(await app.sessions.get('bot:slack:T1:dm:D9')).toBeUndefined();
    expect(posts().at(-1)!.text).toContain('새 대화를 시작합니다');
  });

  it('answers a retried delivery (same event_id) once', async () => {
    const ev = mention({}, 'EvRetry');
    expect((await signed(ev)).status).toBe(200);
    expect((await signed(ev, { headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } })).status).toBe(200);
    await app.idle();
    expect(posts()).toHaveLength(1);
    expect(app.chat.calls).toHaveLength(1);
  });

  it('ignores its own and other bots’ messages and edits', async () => {
    await signed(mention({ bot_id: 'B1' }));
    await signed(dm('x', { subtype: 'bot_message' }));
    await signed(dm('x', { subtype: 'message_changed' }));
    await app.idle();
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a wrong signature, a stale timestamp and an unsigned request with 401; posts nothing', async () => {
    const bad = await signed(mention(), { secret: 'wrong' });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error).toMatchObject({ code: 'UNAUTHORIZED', field: 'X-Slack-Signature' });
    // Signed correctly, but 6 minutes old by the injected clock: a replay.
    clock = NOW + 6 * 60_000;
    const stale = await signed(mention());
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.field).toBe('X-Slack-Request-Timestamp');
    const unsigned = await fetch(url(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(mention()) });
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
    await app.idle();
    expect(fake.requests).toHaveLength(0);
  });

  it('waits out a 429 (Retry-After) and posts exactly one reply', async () => {
    fake.override('/chat.postMessage', (_r, k) => (k === 1 ? { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': '1' } } : undefined));
    await signed(mention());
    await app.idle();
    expect(fake.of('/chat.postMessage')).toHaveLength(2);
    expect(app.chat.calls).toHaveLength(1);
  });

  it('retries 5xx, then logs the outage with the status and keeps working', async () => {
    fake.override('/chat.postMessage', () => ({ status: 503, body: { ok: false } }));
    expect((await signed(mention())).status).toBe(200);
    await app.idle();
    expect(fake.of('/chat.postMessage')).toHaveLength(3); // 1 + BOT_RETRY_ATTEMPTS
    expect(mem.lines().some((l) => l.level === 50 && l.what === 'slack chat.postMessage' && l.code === 503)).toBe(true);
    fake.reset();
    await signed(mention());
    await app.idle();
    expect(posts()).toHaveLength(1);
  });

  it('logs a platform error (channel_not_found) with Slack’s code', async () => {
    fake.override('/chat.postMessage', () => ({ status: 200, body: { ok: false, error: 'channel_not_found' } }));
    await signed(mention());
    await app.idle();
    expect(fake.of('/chat.postMessage')).toHaveLength(1); // not retried
    expect(mem.lines().some((l) => l.level === 50 && l.code === 'channel_not_found')).toBe(true);
  });
});
