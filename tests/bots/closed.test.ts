/**
 * Bots closed by default (issue 14): an endpoint whose platform secret is not configured
 * answers 503 BOT_NOT_CONFIGURED and asks nothing, unless its *_ALLOW_UNSIGNED=true; and every
 * platform user has a per-minute limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotApp, memoryLogger, startBotApp } from '../helpers/botApp.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';

let fake: FakePlatforms;
beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterAll(() => fake.close());

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const kakao = (utterance: string, user = 'u1') => ({ userRequest: { utterance, user: { id: user, type: 'botUserKey' } } });
const tg = (text: string, id: number, user = 5) => ({ update_id: id, message: { message_id: id, date: 1, chat: { id: user, type: 'private' }, from: { id: user, is_bot: false, first_name: 'A' }, text } });
const feishu = (text: string, id: string) => ({
  schema: '2.0',
  header: { event_id: id, event_type: 'im.message.receive_v1', token: 'anything' },
  event: { sender: { sender_id: { open_id: 'ou_1' }, sender_type: 'user' }, message: { message_id: `om_${id}`, chat_id: 'oc_1', chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) } },
});

async function expect503(res: Response) {
  expect(res.status).toBe(503);
  const body = await res.json();
  expect(body.error.code).toBe('BOT_NOT_CONFIGURED');
  return body.error.message as string;
}

describe('unconfigured bots', () => {
  let app: BotApp;
  beforeAll(async () => {
    app = await startBotApp({ TELEGRAM_API_BASE: fake.url, FEISHU_API_BASE: fake.url, WECOM_API_BASE: fake.url, SLACK_API_BASE: fake.url });
  });
  afterAll(() => app.close());

  it('answer 503 BOT_NOT_CONFIGURED on every endpoint, naming what to set, and ask nothing', async () => {
    expect(await expect503(await post(`${app.url}/bots/kakao`, kakao('질문')))).toContain('KAKAO_SKILL_SECRET');
    expect(await expect503(await post(`${app.url}/bots/telegram`, tg('질문', 1)))).toContain('TELEGRAM_BOT_TOKEN');
    expect(await expect503(await post(`${app.url}/bots/slack`, { type: 'url_verification', challenge: 'x' }))).toContain('SLACK_SIGNING_SECRET');
    expect(await expect503(await post(`${app.url}/bots/feishu`, feishu('问题', 'e1')))).toContain('FEISHU_APP_ID');
    expect(await expect503(await post(`${app.url}/bots/wecom`, '<xml/>'))).toContain('WECOM_CORP_ID');
    expect(await expect503(await fetch(`${app.url}/bots/wecom?echostr=x`))).toContain('WECOM_TOKEN');
    await app.idle();
    expect(app.chat.calls).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('partly configured bots', () => {
  it('stay closed while a secret is missing (a token without its webhook secret, an app without its verification token)', async () => {
    const mem = memoryLogger();
    const app = await startBotApp(
      { TELEGRAM_BOT_TOKEN: '1:a', TELEGRAM_API_BASE: fake.url, FEISHU_APP_ID: 'cli', FEISHU_APP_SECRET: 's', FEISHU_API_BASE: fake.url, SLACK_BOT_TOKEN: 'xoxb', WECOM_CORP_ID: 'ww', WECOM_AGENT_ID: '1', WECOM_SECRET: 's' },
      { logger: mem.logger },
    );
    try {
      expect(await expect503(await post(`${app.url}/bots/telegram`, tg('질문', 2)))).toContain('TELEGRAM_WEBHOOK_SECRET');
      expect(await expect503(await post(`${app.url}/bots/feishu`, feishu('问题', 'e2')))).toContain('FEISHU_VERIFICATION_TOKEN');
      expect(await expect503(await post(`${app.url}/bots/slack`, {}))).toContain('SLACK_SIGNING_SECRET');
      expect(await expect503(await post(`${app.url}/bots/wecom`, '<xml/>'))).toContain('WECOM_ENCODING_AES_KEY');
      const warned = mem.lines().filter((l) => l.level === 40 && /stays closed/.test(l.msg)).map((l) => l.platform);
      expect(warned.sort()).toEqual(['feishu', 'slack', 'telegram', 'wecom']);
      expect(fake.requests).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});

describe('*_ALLOW_UNSIGNED=true (local trials)', () => {
  let app: BotApp;
  let mem: ReturnType<typeof memoryLogger>;
  beforeAll(async () => {
    fake.reset();
    mem = memoryLogger();
    app = await startBotApp(
      {
        KAKAO_ALLOW_UNSIGNED: 'true',
        TELEGRAM_ALLOW_UNSIGNED: 'true',
        TELEGRAM_BOT_TOKEN: '77:unsigned',
        TELEGRAM_API_BASE: fake.url,
        FEISHU_ALLOW_UNSIGNED: 'true',
        FEISHU_APP_ID: 'cli',
        FEISHU_APP_SECRET: 's',
        FEISHU_API_BASE: fake.url,
        BOT_RATE_LIMIT_PER_MINUTE: '2',
      },
      { logger: mem.logger },
    );
  });
  afterAll(() => app.close());

  it('open the endpoint without a secret, with a warning at start naming the variable', async () => {
    const res = await post(`${app.url}/bots/kakao`, kakao('유니트리 점유율?', 'open-1'));
    expect(res.status).toBe(200);
    expect((await res.json()).template.outputs[0].simpleText.text).toContain('69.75');
    expect((await post(`${app.url}/bots/telegram`, tg('유니트리?', 10))).status).toBe(200);
    expect((await post(`${app.url}/bots/feishu`, feishu('宇树科技？', 'ev-open'))).status).toBe(200);
    await app.idle();
    expect(fake.of('/bot77:unsigned/sendMessage')).toHaveLength(1);
    expect(fake.of(/\/reply$/)).toHaveLength(1);
    const warned = mem.lines().filter((l) => l.level === 40 && /ALLOW_UNSIGNED=true/.test(l.msg)).map((l) => l.platform);
    expect(warned.sort()).toEqual(['feishu', 'kakao', 'telegram']);
  });

  it('limit questions per platform user: over the limit one notice, then silence; other users unaffected', async () => {
    const ask = async (user: string) => (await (await post(`${app.url}/bots/kakao`, kakao('유니트리 점유율?', user))).json()).template.outputs[0].simpleText.text as string;
    const before = app.chat.calls.length;
    const answers = [await ask('heavy'), await ask('heavy'), await ask('heavy'), await ask('heavy')];
    expect(answers[0]).toContain('69.75');
    expect(answers[1]).toContain('69.75');
    expect(answers[2]).toContain('질문이 너무 많아요');
    expect(answers[3]).toContain('질문이 너무 많아요'); // Kakao must answer the skill call; nothing is asked
    expect(app.chat.calls.length - before).toBe(2);
    expect(await ask('light')).toContain('69.75');
    // Telegram: the third question gets one notice, the fourth nothing at all.
    fake.reset();
    for (let i = 0; i < 4; i++) await post(`${app.url}/bots/telegram`, tg('유니트리?', 100 + i, 99));
    await app.idle();
    const texts = fake.of('/sendMessage').map((r) => r.body.text as string);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toContain('질문이 너무 많아요');
  });
});
