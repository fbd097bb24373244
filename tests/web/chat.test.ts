/**
 * The chat page as people use it all day, in headless Chromium against the real server (real
 * index, real SSE, real feedback file): answers stay fully visible while questions follow each
 * other (desktop and phone, with and without reduced motion), conversations survive a reload
 * and continue on the server, switching, renaming and deleting them, copy / regenerate / edit,
 * 👍/👎 that reach `npm run feedback`, small talk, the language switch, an expired session, a
 * question carrying HTML, and a server that needs an API key.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/env.js';
import { type TestServer, startTestServer } from '../helpers/server.js';
import { DESKTOP, type Harness, PHONE, SKIP, answerTo, ask, closeHarness, launch, newContext, nextChat, openIn, openPage, shot } from './browser.js';

const run = promisify(execFile);

const KO = '유니트리의 글로벌 사족 로봇 시장 점유율은?';
const FIVE = [KO, '중국 저고도 경제 상위 도시는 어디인가요?', '화웨이의 AI 인프라 전략을 요약해줘', '중국 자동차 산업의 전략적 통합은 어떻게 진행되나요?', '구현 지능 로봇 4S 매장은 어디에 열렸나요?'];
const ZH = '宇树科技在四足机器人市场的份额是多少？';

/** How many pixels of the last answer (its sources and actions included) are hidden below the scroller. */
const hiddenPx = (page: Page) =>
  page.evaluate(() => {
    const bots = document.querySelectorAll('.msg-bot');
    const last = bots[bots.length - 1]!;
    const limit = Math.min(document.getElementById('scroller')!.getBoundingClientRect().bottom, document.getElementById('composer')!.getBoundingClientRect().top);
    return Math.max(0, Math.round(last.getBoundingClientRect().bottom - limit));
  });

describe.skipIf(SKIP)('chat page: conversations, actions, scrolling (headless Chromium, real server)', () => {
  let hn: Harness;
  let server: TestServer;
  let dir: string;
  let feedbackFile: string;

  beforeAll(async () => {
    fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'web-chat-'));
    feedbackFile = path.join(dir, 'feedback.jsonl');
    server = await startTestServer({ FEEDBACK_FILE: feedbackFile });
    hn = await launch(server.url);
  });

  afterAll(async () => {
    await closeHarness(hn);
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [device, opts] of [
    ['desktop', { viewport: DESKTOP }],
    ['phone', PHONE],
  ] as const) {
    for (const motion of ['no-preference', 'reduce'] as const) {
      it(`${device}, ${motion} motion: five questions in a row, each answer fully visible with its sources within 1 s`, async () => {
        const page = await openPage(hn, { ...opts, reducedMotion: motion });
        const hidden: number[] = [];
        for (const q of FIVE) {
          await ask(page, q);
          const last = page.locator('.msg-bot').last();
          expect(await last.locator('.sources .cite-chip').count(), q).toBeGreaterThan(0);
          // Within a second of finishing (the old smooth scroll was still running after two).
          await page.waitForFunction(
            () => {
              const bots = document.querySelectorAll('.msg-bot');
              const m = bots[bots.length - 1]!;
              const limit = Math.min(document.getElementById('scroller')!.getBoundingClientRect().bottom, document.getElementById('composer')!.getBoundingClientRect().top);
              return m.getBoundingClientRect().bottom <= limit + 1;
            },
            null,
            { timeout: 1000 },
          ).catch(() => undefined);
          hidden.push(await hiddenPx(page));
        }
        expect(hidden, `px of each answer hidden under the input box: ${hidden.join(', ')}`).toEqual([0, 0, 0, 0, 0]);
        expect(await page.locator('#jump-latest').isVisible()).toBe(false);
        expect(await page.locator('.msg-bot').count()).toBe(5);
        // Suggestions only under the last answer; regenerate/edit only on the last turn.
        expect(await page.locator('.suggestions').count()).toBeLessThanOrEqual(1);
        expect(await page.locator('.act.regenerate').count()).toBe(1);
        if (motion === 'reduce') await shot(page, `20-${device}-five-questions`);
      });
    }
  }

  it('restores the conversation after a reload and continues it on the server (the follow-up uses the history)', async () => {
    const context = await newContext(hn);
    const page = await openIn(hn, context);
    const { done } = await ask(page, KO);
    const chips = await page.locator('.msg-bot .cite-chip').count();
    expect(await page.locator('.conv-open').allTextContents()).toEqual([KO]);

    await page.reload();
    await page.locator('.msg-bot[aria-busy="false"]').first().waitFor();
    expect(await page.locator('.msg-user .bubble').allTextContents()).toEqual([KO]);
    expect(await page.locator('.msg-bot .answer').first().textContent()).toContain('69.75');
    expect(await page.locator('.msg-bot .cite-chip').count()).toBe(chips);
    expect(await page.locator('#welcome').isVisible()).toBe(false);
    expect(await page.locator('.conv.current .conv-open').textContent()).toBe(KO);
    // A restored chip still opens its passage.
    await page.locator('.msg-bot .cite-chip').first().click();
    await page.locator('#cite-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#cite-quote').textContent()).toBe(done.citations[0]!.quote);
    await page.keyboard.press('Escape');

    const req = nextChat(page);
    const followUp = ask(page, '그 회사의 출하량 전망은?');
    expect(((await req).request().postDataJSON() as { sessionId?: string }).sessionId).toBe(done.sessionId);
    const { done: second } = await followUp;
    expect(second.sessionId).toBe(done.sessionId);
    expect(second.standaloneQuestion).toMatch(/유니트리/);
    expect(await page.locator('.msg-user').count()).toBe(2);
  });

  it('keeps the history and continues transparently when the server starts a new session', async () => {
    const page = await openPage(hn);
    const { done } = await ask(page, KO);
    // The server forgot the session and issued a new id (as an expired session does).
    await page.route('**/api/chat', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll(`"sessionId":"${done.sessionId}"`, '"sessionId":"fresh-session-2"');
      await route.fulfill({ response, body });
    });
    await ask(page, '그 회사의 출하량 전망은?');
    await page.unroute('**/api/chat');
    expect(await page.locator('.msg-user').count()).toBe(2);
    const req = nextChat(page);
    const third = ask(page, '화웨이의 AI 인프라 전략을 요약해줘');
    expect(((await req).request().postDataJSON() as { sessionId?: string }).sessionId).toBe('fresh-session-2');
    await third;
    await page.reload();
    await page.locator('.msg-bot[aria-busy="false"]').first().waitFor();
    expect(await page.locator('.msg-user').count()).toBe(3);
  });

  it('switches between two conversations, renames one and deletes the other', async () => {
    const page = await openPage(hn);
    const a = await ask(page, KO);
    await page.locator('#new-chat').click();
    expect(await page.locator('#messages .msg').count()).toBe(0);
    const b = await ask(page, ZH);
    expect(b.done.sessionId).not.toBe(a.done.sessionId);
    expect(await page.locator('.conv-open').allTextContents()).toEqual([ZH, KO]);

    await page.locator('.conv-open', { hasText: KO }).click();
    expect(await page.locator('.msg-user .bubble').allTextContents()).toEqual([KO]);
    expect(await page.locator('.conv.current .conv-open').textContent()).toBe(KO);
    const req = nextChat(page);
    const cont = ask(page, '그 회사의 출하량 전망은?');
    expect(((await req).request().postDataJSON() as { sessionId?: string }).sessionId).toBe(a.done.sessionId);
    await cont;

    await page.locator('.conv-open', { hasText: ZH }).click();
    expect(await page.locator('.msg-user .bubble').allTextContents()).toEqual([ZH]);
    expect(await page.locator('.msg-bot .answer').first().getAttribute('lang')).toBe('zh-CN');

    // Rename: the title becomes an input; Enter saves; the name survives a reload.
    await page.locator('.conv.current .conv-rename').click();
    const input = page.locator('.conv-rename-input');
    await input.fill('宇树 份额');
    await input.press('Enter');
    expect(await page.locator('.conv.current .conv-open').textContent()).toBe('宇树 份额');
    await page.reload();
    await page.locator('.conv-open').first().waitFor();
    expect(await page.locator('.conv-open').allTextContents()).toEqual([KO, '宇树 份额']);

    // Delete asks for a second click, then removes the conversation (the open one: back to the welcome).
    const koItem = page.locator('.conv', { hasText: KO });
    await koItem.locator('.conv-delete').click();
    expect(await koItem.locator('.conv-delete.confirm').count()).toBe(1);
    expect(await page.locator('.conv').count()).toBe(2);
    await page.locator('.conv', { hasText: KO }).locator('.conv-delete').click();
    expect(await page.locator('.conv-open').allTextContents()).toEqual(['宇树 份额']);
    await shot(page, '21-desktop-conversations');
  });

  it('copies the answer with its numbered sources as plain text', async () => {
    const page = await openPage(hn, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { done } = await ask(page, KO);
    await page.locator('.msg-bot .act.copy').click();
    await expect.poll(() => page.locator('.msg-bot .act-status.live').textContent()).toBe('복사했어요');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(done.answer.trim().replace(/\*\*([^*]+)\*\*/g, '$1'))).toBe(true);
    const c = done.citations[0]!;
    expect(copied).toContain(`\n\n출처\n[${c.id}] ${c.section} › ${c.article.number}. ${c.article.title}`);
    expect(copied).toContain(`${c.page}쪽`);
    if (c.source?.url) expect(copied).toContain(c.source.url);
    expect(copied).not.toMatch(/<[a-z]/i);
  });

  it('regenerate replaces the answer; edit replaces the last question and its answer', async () => {
    const page = await openPage(hn);
    await ask(page, KO);
    const { done } = await answerTo(page, () => page.locator('.msg-bot .act.regenerate').click());
    expect(await page.locator('.msg-user').count()).toBe(1);
    expect(await page.locator('.msg-bot').count()).toBe(1);
    expect(await page.locator('.msg-bot .answer').textContent()).toContain('69.75');
    expect(done.found).toBe(true);

    await page.locator('.msg-bot .act.edit').click();
    expect(await page.locator('#composer-input').inputValue()).toBe(KO);
    expect(await page.locator('#edit-banner').isVisible()).toBe(true);
    const edited = '중국 저고도 경제 상위 도시는 어디인가요?';
    const { done: second } = await answerTo(page, async () => {
      await page.locator('#composer-input').fill(edited);
      await page.locator('#composer-input').press('Enter');
    });
    expect(await page.locator('.msg-user .bubble').allTextContents()).toEqual([edited]);
    expect(await page.locator('.msg-bot').count()).toBe(1);
    expect(await page.locator('.msg-bot .answer').textContent()).not.toContain('69.75');
    expect(second.citations.length).toBeGreaterThan(0);
    expect(await page.locator('#edit-banner').isVisible()).toBe(false);
    // The conversation keeps one turn after a reload too.
    await page.reload();
    await page.locator('.msg-bot[aria-busy="false"]').first().waitFor();
    expect(await page.locator('.msg-user .bubble').allTextContents()).toEqual([edited]);
  });

  it('👍 and 👎 (with a comment) reach the feedback file and `npm run feedback`', async () => {
    const page = await openPage(hn);
    const first = await ask(page, KO);
    await page.locator('.msg-bot').last().locator('.rate-down').click();
    await page.locator('.feedback-form textarea').fill('쪽수가 틀렸어요');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await page.locator('.feedback-form button[type="submit"]').click();
    const res = await posted;
    expect(res.status()).toBe(201);
    const sent = res.request().postDataJSON() as Record<string, unknown>;
    expect(sent).toMatchObject({ sessionId: first.done.sessionId, question: KO, answer: first.done.answer, rating: 'down', comment: '쪽수가 틀렸어요' });
    await page.locator('.msg-bot .rate-down[aria-pressed="true"]').waitFor();
    expect(await page.locator('.msg-bot .rate-up').isDisabled()).toBe(true);

    await ask(page, FIVE[1]!);
    await page.locator('.msg-bot').last().locator('.rate-up').click();
    const posted2 = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await page.locator('.feedback-form button[type="submit"]').click();
    expect((await posted2).status()).toBe(201);
    await page.locator('.msg-bot').last().locator('.rate-up[aria-pressed="true"]').waitFor();

    const { stdout } = await run('npm', ['run', '--silent', 'feedback'], { cwd: ROOT, env: { ...process.env, FEEDBACK_FILE: feedbackFile } });
    const rows = stdout.split('\n');
    expect(rows[2]).toMatch(/👍 up\s+중국 저고도 경제 상위 도시는/);
    expect(rows[3]).toMatch(/👎 down\s+유니트리의 글로벌 사족 로봇 시장.*쪽수가 틀렸어요$/);
    // The rating is remembered with the conversation.
    await page.reload();
    await page.locator('.msg-bot .rate-down[aria-pressed="true"]').waitFor();
  });

  it('answers chit-chat with a friendly reply and clickable example questions, not a passage', async () => {
    const page = await openPage(hn);
    const { done } = await ask(page, '안녕');
    expect(done.smalltalk).toBe(true);
    const bot = page.locator('.msg-bot').last();
    expect(await bot.locator('.answer').textContent()).toMatch(/^안녕하세요!/);
    expect(await bot.locator('.sources').count()).toBe(0);
    expect(await bot.locator('.rate-up').count()).toBe(0);
    const examples = bot.locator('.suggestion');
    expect(await examples.count()).toBe(3);
    expect(await examples.first().textContent()).toBe(KO);
    const thanks = await ask(page, '고마워');
    expect(thanks.done.answer).toMatch(/도움이 되었다니/);
    const { done: real } = await answerTo(page, () => page.locator('.msg-bot').last().locator('.suggestion').first().click());
    expect(real.answer).toContain('69.75');

    const en = await openPage(hn, { locale: 'en-US' });
    const hi = await ask(en, 'hi');
    expect(hi.done.answer).toMatch(/^Hello!/);
    expect(await en.locator('.msg-bot .answer').textContent()).not.toMatch(/Hi Robot/i);
    const zh = await openPage(hn, { locale: 'zh-CN' });
    expect((await ask(zh, '你好')).done.answer).toMatch(/^你好！/);
    await shot(zh, '22-desktop-smalltalk-zh');
  });

  it('re-renders existing messages in the new UI language; suggestions stay in the language asked in', async () => {
    const page = await openPage(hn);
    await ask(page, KO);
    const bot = page.locator('.msg-bot').last();
    expect(await bot.locator('.sources-label').textContent()).toBe('출처');
    expect(await bot.locator('.act.copy').getAttribute('aria-label')).toBe('복사');
    await page.locator('#lang-select').selectOption('zh');
    expect(await bot.locator('.sources-label').textContent()).toBe('出处');
    expect(await bot.locator('.act.copy').getAttribute('aria-label')).toBe('复制');
    expect(await bot.locator('.suggestions-label').textContent()).toBe('继续提问');
    expect(await bot.locator('.cite-ref').first().getAttribute('aria-label')).toMatch(/^出处 1：/);
    const suggestion = bot.locator('.suggestion').first();
    expect(await suggestion.textContent()).toMatch(/^‘구현 지능 산업 심층 분석’ 기사의 ‘.+’ 부분을 요약해줘$/);
    const { response, done } = await answerTo(page, () => suggestion.click());
    expect((response.request().postDataJSON() as { language?: string }).language).toBe('ko');
    expect(done.found).toBe(true);
    expect(done.citations.length).toBeGreaterThan(0);
    expect(done.citations.every((c) => c.article.title === '구현 지능 산업 심층 분석')).toBe(true);

    // A Chinese question gets Chinese suggestions whatever the UI language.
    await page.locator('#lang-select').selectOption('ko');
    await ask(page, ZH);
    const zh = page.locator('.msg-bot').last().locator('.suggestion');
    expect(await zh.first().textContent()).toMatch(/^总结一下《구현 지능 산업 심층 분석》中“.+”部分$/);
    expect(await zh.last().textContent()).toMatch(/^总结一下《.+》$/);
  });

  it('keeps a number and its unit on one line ("2023 년")', async () => {
    const page = await openPage(hn, PHONE);
    await ask(page, KO);
    const text = (await page.locator('.msg-bot .answer').textContent()) ?? '';
    expect(text).toMatch(/2023\u00a0년/);
    expect(text).toContain('69.75%\u2060의');
    expect(text).not.toMatch(/\d [년월일위개%]/);
  });

  it('shows a question that carries HTML as text, in the thread, the list and after a reload', async () => {
    const page = await openPage(hn);
    const probe = '<img src=x onerror="window.__xss=2"><b>굵게</b> 유니트리 점유율은?';
    await ask(page, probe);
    expect(await page.locator('.msg-user .bubble').textContent()).toBe(probe);
    expect(await page.locator('.conv-open').first().textContent()).toBe(probe);
    await page.reload();
    await page.locator('.msg-bot[aria-busy="false"]').first().waitFor();
    expect(await page.locator('.msg-user .bubble').textContent()).toBe(probe);
    expect(await page.locator('#messages img:not(.avatar), #conv-list img, #messages b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('previews a citation on hover', async () => {
    const page = await openPage(hn);
    const { done } = await ask(page, KO);
    await page.locator('.msg-bot .answer button.cite-ref').first().hover();
    const preview = page.locator('#cite-preview');
    await preview.waitFor({ state: 'visible' });
    expect(await preview.locator('.pv-title').textContent()).toContain(done.citations[0]!.article.title);
    expect(await preview.locator('.pv-quote').textContent()).toContain(done.citations[0]!.quote.slice(0, 20));
    await shot(page, '23-desktop-citation-preview');
    await page.mouse.move(5, 5);
    await preview.waitFor({ state: 'hidden' });
  });

  it('taps a citation marker on a phone for the preview, and the preview opens the passage', async () => {
    const page = await openPage(hn, PHONE);
    await ask(page, KO);
    await page.locator('.msg-bot .answer button.cite-ref').first().tap();
    await page.locator('#cite-preview').waitFor({ state: 'visible' });
    expect(await page.locator('#cite-preview').evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await page.locator('#cite-preview .pv-open').tap();
    await page.locator('#cite-dialog').waitFor({ state: 'visible' });
  });

  it('screenshots: desktop and phone, light and dark, Korean and Chinese', async () => {
    for (const [device, opts] of [
      ['desktop', { viewport: DESKTOP }],
      ['phone', PHONE],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        for (const [lang, locale, q] of [
          ['ko', 'ko-KR', KO],
          ['zh', 'zh-CN', ZH],
        ] as const) {
          const page = await openPage(hn, { ...opts, colorScheme: scheme, locale });
          await ask(page, q);
          await shot(page, `30-${device}-${scheme}-${lang}`);
          await page.close();
        }
      }
    }
  });

  it('bounds what it keeps in localStorage: 50 conversations, and the oldest go when the quota is full', async () => {
    const page = await openPage(hn);
    // A string, not a function: the test runner would rewrite a function's import() for Node.
    const result = (await page.evaluate(`(async (url) => {
      const m = await import(url);
      const KEY = 'kic-assistant.conversations.v1';
      const stored = () => JSON.parse(localStorage.getItem(KEY) ?? '{}');
      localStorage.clear();
      const s = new m.ConversationStore();
      for (let i = 0; i < 60; i++) s.create('q' + i);
      const bounded = { count: stored().conversations.length, newest: stored().conversations[0].title, current: stored().current === s.currentId };
      // Fill the origin's quota but for about 300 000 characters, then write large conversations.
      localStorage.clear();
      let lo = 0;
      let hi = 12000000;
      while (hi - lo > 10000) {
        const mid = Math.floor((lo + hi) / 2);
        try {
          localStorage.setItem('filler', 'x'.repeat(mid));
          lo = mid;
        } catch {
          hi = mid;
        }
      }
      localStorage.setItem('filler', 'x'.repeat(lo - 300000));
      const q = new m.ConversationStore();
      for (let i = 0; i < 10; i++) {
        const c = q.create('big' + i);
        c.turns.push({ id: 't' + i, question: 'big' + i, status: 'done', answer: 'y'.repeat(50000), at: i });
        q.touch(c);
      }
      const after = stored();
      return { bounded, quota: { count: after.conversations.length, newest: after.conversations[0].title, current: after.current === q.currentId } };
    })(${JSON.stringify(`${hn.baseUrl}/conversations.js`)})`)) as { bounded: unknown; quota: { count: number; newest: string; current: boolean } };
    expect(result.bounded).toEqual({ count: 50, newest: 'q59', current: true });
    expect(result.quota.count).toBeGreaterThan(0);
    expect(result.quota.count).toBeLessThan(10);
    expect(result.quota.newest).toBe('big9');
    expect(result.quota.current).toBe(true);
  });

  it('loaded nothing from elsewhere and logged no errors (CSP violations included)', () => {
    expect(hn.problems).toEqual([]);
  });
});

describe.skipIf(SKIP)('chat page with API_KEYS set', () => {
  let hn: Harness;
  let server: TestServer;
  const KEY = 'test-key-6f1c2a9e';

  beforeAll(async () => {
    server = await startTestServer({ API_KEYS: KEY });
    hn = await launch(server.url);
  });
  afterAll(async () => {
    await closeHarness(hn);
    await server?.close();
  });

  it('explains in the reader’s language that a key is needed, takes it, and never shows it', async () => {
    const context = await newContext(hn);
    const page = await openIn(hn, context, { expectErrors: true, waitArticles: false });
    await expect.poll(() => page.locator('#article-list').textContent()).toMatch(/API 키가 필요합니다/);
    await page.locator('#composer-input').fill(KO);
    await page.locator('#composer-input').press('Enter');
    const error = page.locator('.msg-bot.error');
    await error.waitFor();
    const text = (await error.locator('.error-text').textContent()) ?? '';
    expect(text).toMatch(/이 서버는 API 키가 필요합니다/);
    expect(text).not.toMatch(/Bearer|<key>/);
    expect(await page.locator('#key-button').isVisible()).toBe(true);
    await shot(page, '24-desktop-api-key-needed');

    const { done } = await answerTo(page, async () => {
      await error.locator('.key-inline').fill(KEY);
      await error.locator('.key-form-inline button[type="submit"]').click();
    });
    expect(done.answer).toContain('69.75');
    expect(await page.locator('.msg-bot.error').count()).toBe(0);
    await page.locator('.article-btn').first().waitFor();
    expect(await page.evaluate((k) => document.documentElement.outerHTML.includes(k), KEY)).toBe(false);

    // The key dialog says a key is saved without showing it, and can remove it.
    await page.locator('#key-button').click();
    await page.locator('#key-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#key-status').textContent()).toBe('API 키가 저장되어 있습니다.');
    expect(await page.locator('#key-input').inputValue()).toBe('');
    expect(await page.locator('#key-input').getAttribute('type')).toBe('password');
    await page.locator('#key-cancel').click();

    // Reloaded, the stored key is sent (as a Bearer token) and the page works at once.
    const req = nextChat(page);
    await page.reload();
    await page.locator('.article-btn').first().waitFor();
    const next = ask(page, '그 회사의 출하량 전망은?');
    expect((await req).request().headers()['authorization']).toBe(`Bearer ${KEY}`);
    await next;

    const zh = await openIn(hn, await newContext(hn, { locale: 'zh-CN' }), { expectErrors: true, waitArticles: false });
    await zh.locator('#composer-input').fill(ZH);
    await zh.locator('#composer-input').press('Enter');
    await zh.locator('.msg-bot.error').waitFor();
    expect(await zh.locator('.msg-bot.error .error-text').textContent()).toMatch(/此服务器需要 API 密钥/);
  });
});
