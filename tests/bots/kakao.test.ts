/**
 * KakaoTalk (hand-written: no official SDK) over real HTTP: Open Builder skill payloads, the
 * skill secret header, the callback path for slow answers against a loopback fake, and the
 * callback host policy (never loopback or private addresses).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BotApp, startBotApp } from '../helpers/botApp.js';
import { type FakePlatforms, startFakePlatforms } from '../helpers/fakePlatforms.js';

let fake: FakePlatforms;
beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

function kakaoPayload(utterance: string, extra: Record<string, unknown> = {}, user = 'a1b2c3d4e5') {
  return {
    intent: { id: 'b1', name: '폴백 블록' },
    userRequest: { timezone: 'Asia/Seoul', utterance, lang: 'ko', user: { id: user, type: 'botUserKey', properties: {} }, ...extra },
    bot: { id: 'bot1', name: 'KIC' },
    action: { id: 'a1', name: 'kic-skill', params: {}, detailParams: {}, clientExtra: {} },
  };
}
const auth = { 'X-Kakao-Skill-Secret': 'kakao-s3cret' };
const env = { KAKAO_SKILL_SECRET: 'kakao-s3cret', KAKAO_TIMEOUT_MS: '300', PUBLIC_URL: 'https://kic.example.com', BOT_RETRY_BASE_MS: '10' };

describe('Kakao', () => {
  let app: BotApp;
  // The test's fake stands in for Kakao's callback host (the default policy allows only https on kakao.com).
  beforeAll(async () => {
    app = await startBotApp(env, { routes: { kakao: { callbackAllowed: (u) => u.origin === fake.url } } });
  });
  afterAll(() => app.close());
  afterEach(() => {
    app.chat.delayMs = 0;
    app.chat.calls.length = 0;
  });
  const url = () => `${app.url}/bots/kakao`;

  it('answers a question as a 2.0 skill response: text, sources card, quick replies', async () => {
    const res = await post(url(), kakaoPayload('유니트리의 글로벌 사족 로봇 시장 점유율은?'), auth);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toBe('2.0');
    expect(body.template.outputs[0].simpleText.text).toContain('69.75');
    expect(body.template.outputs[1].listCard.header.title).toBe('출처');
    expect(body.template.outputs[1].listCard.items[0]).toMatchObject({ title: '[1] 구현 지능 산업 심층 분석', link: { web: 'https://example.com/report?a=1&b=2' } });
    expect(body.template.outputs[1].listCard.buttons[0]).toMatchObject({ label: '웹에서 보기', webLinkUrl: 'https://kic.example.com/' });
    expect(body.template.quickReplies.map((q: { label: string }) => q.label)).toEqual(['요약해줘', '도움말']);
    expect(app.chat.calls[0]!.req).toMatchObject({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?', sessionId: 'bot:kakao:a1b2c3d4e5' });
  });

  it("shows the answer's note below it (the chat service's note: a misspelt name read as the report's)", async () => {
    const respond = app.chat.respond;
    const note = '‘카노프’ → 보고서 표기 ‘카눠프’(으)로 찾았습니다.';
    app.chat.respond = async (req) => ({ ...(await respond(req)), note });
    try {
      const body = await (await post(url(), kakaoPayload('카노프 제어기 판매량'), auth)).json();
      expect(body.template.outputs[0].simpleText.text).toMatch(/1위입니다 \[1\]\.\n\n‘카노프’ → 보고서 표기 ‘카눠프’/);
    } finally {
      app.chat.respond = respond;
    }
  });

  it('continues one conversation per user over three messages; "새 대화" starts over', async () => {
    for (const q of ['유니트리의 점유율은?', '그 회사의 매출은?', '요약해줘']) await post(url(), kakaoPayload(q, {}, 'user-3'), auth);
    expect(app.chat.calls.map((c) => c.req.sessionId)).toEqual(Array(3).fill('bot:kakao:user-3'));
    expect((await app.sessions.get('bot:kakao:user-3'))?.turns).toHaveLength(6);
    const res = await (await post(url(), kakaoPayload('새 대화', {}, 'user-3'), auth)).json();
    expect(res.template.outputs[0].simpleText.text).toContain('새 대화를 시작합니다');
    expect(await app.sessions.get('bot:kakao:user-3')).toBeUndefined();
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
    expect(app.chat.calls).toHaveLength(0);
  });

  it('answers help words without the chat service', async () => {
    const body = await (await post(url(), kakaoPayload('帮助'), auth)).json();
    expect(body.template.outputs[0].simpleText.text).toContain('《月刊中国创业》');
    expect(app.chat.calls).toHaveLength(0);
  });

  it('uses the callback when the answer is slow, then posts the final response to callbackUrl once', async () => {
    app.chat.delayMs = 1500;
    const body = await (await post(url(), kakaoPayload('유니트리 점유율은?', { callbackUrl: `${fake.url}/kakao/callback/abc` }), auth)).json();
    expect(body).toEqual({ version: '2.0', useCallback: true, data: { text: expect.stringContaining('잠시만') } });
    expect(fake.of('/kakao/callback')).toHaveLength(0); // not before the answer exists
    const [cb] = await fake.waitFor('/kakao/callback/abc');
    expect(cb!.body.version).toBe('2.0');
    expect(cb!.body.template.outputs[0].simpleText.text).toContain('69.75');
    await app.idle();
    expect(fake.of('/kakao/callback')).toHaveLength(1);
  });

  it('retries a callback answered 429, then succeeds once', async () => {
    app.chat.delayMs = 800;
    fake.override('/kakao/callback', (_r, k) => (k === 1 ? { status: 429, body: { status: 'FAIL' } } : undefined));
    await post(url(), kakaoPayload('유니트리 매출은?', { callbackUrl: `${fake.url}/kakao/callback/r1` }), auth);
    await fake.waitFor('/kakao/callback/r1', { count: 2 });
    await app.idle();
    expect(fake.of('/kakao/callback')).toHaveLength(2);
  });

  it('without a callback, asks to ask again and then returns the answer prepared meanwhile', async () => {
    app.chat.delayMs = 600;
    const first = await (await post(url(), kakaoPayload('유니트리 매출 구조는?'), auth)).json();
    expect(first.template.outputs[0].simpleText.text).toContain('다시 보내 주세요');
    await new Promise((r) => setTimeout(r, 700));
    const again = await (await post(url(), kakaoPayload('유니트리 매출 구조는?'), auth)).json();
    expect(again.template.outputs[0].simpleText.text).toContain('69.75');
    expect(app.chat.calls).toHaveLength(1);
  });

  it('apologises (200) when the chat service fails', async () => {
    const original = app.chat.respond;
    app.chat.respond = () => {
      throw new Error('boom');
    };
    try {
      const body = await (await post(url(), kakaoPayload('유니트리?'), auth)).json();
      expect(body.template.outputs[0].simpleText.text).toContain('죄송합니다');
    } finally {
      app.chat.respond = original;
    }
  });
});

describe('Kakao callback host policy (default)', () => {
  let app: BotApp;
  beforeAll(async () => {
    app = await startBotApp({ ...env, KAKAO_TIMEOUT_MS: '100' });
  });
  afterAll(() => app.close());

  it('never requests a callback on loopback or private addresses, even with the secret set', async () => {
    app.chat.delayMs = 300;
    const port = new URL(fake.url).port;
    const urls = [`${fake.url}/kakao/callback/loop`, `https://127.0.0.1:${port}/kakao/callback/tls`, `http://10.0.0.1/kakao/callback/x`, `https://10.0.0.1/kakao/callback/y`, `https://kakao.com.evil.example/cb`, `http://bot-api.kakao.com/cb`];
    for (const callbackUrl of urls) {
      const body = await (await post(`${app.url}/bots/kakao`, kakaoPayload(`질문 ${callbackUrl}`, { callbackUrl }), auth)).json();
      expect(body.useCallback).toBeUndefined(); // the untrusted URL is ignored: "ask again" path
    }
    await new Promise((r) => setTimeout(r, 500));
    await app.idle();
    expect(fake.requests).toHaveLength(0);
  });
});
