/**
 * The chat page with an LLM answerer (a fake OpenAI-compatible server on loopback) and a corpus
 * with a planted report: streamed Markdown (heading, table, code, emphasis) renders with
 * clickable citation markers; HTML in an LLM answer or in the corpus never runs; Escape stops a
 * streaming answer; reading up while an answer streams does not jump.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/env.js';
import { type FakeOpenAI, type FakeChatRequest, messageText, startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { type TestServer, startTestServer } from '../helpers/server.js';
import { DESKTOP, type Harness, PHONE, SKIP, ask, closeHarness, launch, openPage, shot } from './browser.js';

const PLANTED = `---
title: 월간 중국창업 7월호
issue: 2025-07
---
# 월간 중국창업 7월호

## 산업 트렌드

### 01. 협동 로봇 기업 큐비로보틱스 분석 {p. 3}

#### 기업 개요

큐비로보틱스(Qubi Robotics, 酷比机器人)는 2019년 선전에서 설립된 협동 로봇 기업이다. 큐비로보틱스의 2024년 매출은 <img src=x onerror="window.__xss=3">3.2억 위안<script>window.__xss=4</script>으로 전년 대비 45% 증가했다.

#### 시장 전략

큐비로보틱스는 2025년까지 동남아시아 시장 진출을 목표로 하고 있다.

참고자료: 가상 매체. 큐비로보틱스 분석 (25.07.01) https://example.com/qubi
`;

const KO = '유니트리의 글로벌 사족 로봇 시장 점유율은?';

const MARKDOWN = [
  '### 유니트리의 시장 점유율',
  '',
  '유니트리는 *2023년* 기준 글로벌 사족 로봇 시장에서 **69.75%**의 점유율로 1위다 [1].',
  '',
  '| 항목 | 값 |',
  '| --- | --- |',
  '| 점유율 | 69.75% [1] |',
  '| 순위 | 1위 |',
  '',
  '보고서의 표기는 `69.75%`이며, 계산 예시는 다음과 같다.',
  '',
  '```',
  'share = 69.75 / 100',
  '```',
].join('\n');

const XSS_ANSWER = '유니트리는 69.75%로 1위다 [1]. <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> <a href="javascript:window.__xss=5">링크</a>';

let llm: FakeOpenAI;
let server: TestServer;
let dir: string;
let hn: Harness;
let reply: (req: FakeChatRequest) => string = () => MARKDOWN;

const isRewrite = (req: FakeChatRequest) => req.messages.some((m) => messageText(m).includes('standalone question'));

beforeAll(async () => {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'web-llm-'));
  const corpus = path.join(dir, 'corpus');
  fs.cpSync(path.join(ROOT, 'corpus'), corpus, { recursive: true });
  fs.writeFileSync(path.join(corpus, 'planted-2025-07.md'), PLANTED);
  llm = await startFakeOpenAI({ reply: (req) => reply(req) });
  server = await startTestServer({ CORPUS_DIR: corpus, INDEX_DIR: path.join(dir, 'index'), LLM_BASE_URL: llm.baseURL, LLM_API_KEY: 'sk-test', LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '60000' });
  if (!SKIP) hn = await launch(server.url);
});
afterAll(async () => {
  await closeHarness(hn);
  await server?.close();
  await llm?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  reply = () => MARKDOWN;
  llm.behave({ reply: (req) => (isRewrite(req) ? KO : reply(req)) });
});

const xss = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

describe.skipIf(SKIP)('chat page with an LLM answerer and a planted corpus (headless Chromium)', () => {
  it('renders the streamed Markdown: heading, table, code, emphasis, with clickable citation markers', async () => {
    llm.behave({ reply: MARKDOWN, chunkChars: 6, chunkDelayMs: 5 });
    const page = await openPage(hn, { viewport: DESKTOP });
    const { done, deltas } = await ask(page, KO);
    expect(done.answerer).toMatch(/^llm/);
    expect(deltas).toBeGreaterThan(5);
    const answer = page.locator('.msg-bot .answer');
    expect(await answer.locator('h3').textContent()).toBe('유니트리의 시장 점유율');
    expect(await answer.locator('table th').allTextContents()).toEqual(['항목', '값']);
    expect(await answer.locator('table td').first().textContent()).toBe('점유율');
    expect(await answer.locator('table td button.cite-ref').count()).toBe(1);
    expect(await answer.locator('p code').textContent()).toBe('69.75%');
    expect(await answer.locator('pre code').textContent()).toBe('share = 69.75 / 100\n');
    expect(await answer.locator('em').textContent()).toBe('2023년');
    expect(await answer.locator('strong').textContent()).toBe('69.75%');
    expect((await answer.textContent()) ?? '').not.toMatch(/###|\|\s*---|```/);
    await answer.locator('button.cite-ref').first().click();
    await page.locator('#cite-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#cite-quote').textContent()).toBe(done.citations[0]!.quote);
    await page.keyboard.press('Escape');
    await shot(page, '25-desktop-llm-markdown');
    const phone = await openPage(hn, { ...PHONE, colorScheme: 'dark' });
    await ask(phone, KO);
    // A wide table scrolls inside its box; the page never scrolls sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await shot(phone, '26-phone-dark-llm-markdown');
  });

  it('runs no script from HTML in an LLM answer (streamed or final)', async () => {
    llm.behave({ reply: XSS_ANSWER, chunkChars: 5 });
    const page = await openPage(hn);
    const { done, response } = await ask(page, KO);
    // The probe reached the page: the streamed text carried the markup.
    expect(await response.text()).toContain('<img src=x onerror=');
    const answer = page.locator('.msg-bot .answer');
    expect(await answer.locator('img, script, a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('#messages img:not(.avatar), #messages script').count()).toBe(0);
    expect(await xss(page)).toBeUndefined();
    // What the answer said is shown as text, not dropped.
    expect(done.answer).toContain('<img src=x onerror=');
    expect(await answer.textContent()).toContain('<img src=x onerror=');
    await page.reload();
    await page.locator('.msg-bot[aria-busy="false"]').first().waitFor();
    expect(await page.locator('#messages img:not(.avatar), #messages script').count()).toBe(0);
    expect(await xss(page)).toBeUndefined();
  });

  it('runs no script from HTML in the corpus (answer and passage dialog)', async () => {
    // The model gives no usable answer, so the extractive answer quotes the planted report.
    reply = () => '잘 모르겠습니다.';
    const page = await openPage(hn);
    const { done } = await ask(page, '큐비로보틱스의 2024년 매출은 얼마인가요?');
    expect(done.citations.some((c) => c.article.title.includes('큐비로보틱스'))).toBe(true);
    const planted = done.citations.find((c) => c.quote.includes('<img') || c.quote.includes('<script'));
    expect(planted, `no citation quotes the planted HTML: ${JSON.stringify(done.citations.map((c) => c.quote))}`).toBeTruthy();
    expect(await page.locator('#messages img:not(.avatar), #messages script').count()).toBe(0);
    await page.locator(`.msg-bot .cite-chip[data-cite="${planted!.id}"]`).click();
    await page.locator('#cite-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#cite-quote').textContent()).toBe(planted!.quote);
    expect(await page.locator('#cite-dialog img, #cite-dialog script').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator(`.msg-bot .answer button.cite-ref`).first().hover();
    await page.locator('#cite-preview').waitFor({ state: 'visible' });
    expect(await page.locator('#cite-preview img, #cite-preview script').count()).toBe(0);
    expect(await xss(page)).toBeUndefined();
  });

  it('Escape stops a streaming answer and keeps what had arrived', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `유니트리 관련 문장 ${i + 1}번: 점유율은 69.75%이다 [1].`).join('\n\n');
    llm.behave({ reply: long, chunkChars: 4, chunkDelayMs: 30 });
    const page = await openPage(hn);
    await page.locator('#composer-input').fill(KO);
    await page.locator('#composer-input').press('Enter');
    await page.waitForFunction(() => (document.querySelector('.msg-bot .answer')?.textContent ?? '').length > 40);
    // Streaming re-renders only what changed: a finished paragraph stays the same element (no flicker).
    // (marked with a JS property: an attribute would itself make the node differ from the new render)
    await page.evaluate(() => Object.assign(document.querySelector('.msg-bot .answer > p')!, { __first: true }));
    await page.waitForFunction(() => (document.querySelector('.msg-bot .answer')?.textContent ?? '').length > 120);
    expect(await page.evaluate(() => (document.querySelector('.msg-bot .answer > p') as unknown as { __first?: boolean }).__first)).toBe(true);
    expect(await page.locator('#send').getAttribute('aria-label')).toBe('답변 중지');
    await page.keyboard.press('Escape');
    const bot = page.locator('.msg-bot.stopped');
    await bot.waitFor();
    expect(await bot.getAttribute('aria-busy')).toBe('false');
    expect(await bot.locator('.note').last().textContent()).toBe('답변을 중지했습니다.');
    const partial = (await bot.locator('.answer').textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(20);
    expect(partial.length).toBeLessThan(long.length / 2);
    expect(await page.locator('#send').getAttribute('aria-label')).toBe('보내기');
    // Nothing more is painted after the stop.
    await page.waitForTimeout(300);
    expect((await bot.locator('.answer').textContent()) ?? '').toBe(partial);
    // The stopped answer can be regenerated.
    expect(await bot.locator('.act.regenerate').count()).toBe(1);
  });

  for (const [device, opts] of [
    ['desktop', { viewport: DESKTOP }],
    ['phone', PHONE],
  ] as const) {
    it(`${device}: reading up while an answer streams does not jump; "jump to latest" brings the end back`, async () => {
      const long = Array.from({ length: 40 }, (_, i) => `- 항목 ${i + 1}: 유니트리는 글로벌 사족 로봇 시장에서 69.75%의 점유율을 기록했다 [1].`).join('\n');
      llm.behave({ reply: long, chunkChars: 6, chunkDelayMs: 25 });
      const page = await openPage(hn, opts);
      await page.locator('#composer-input').fill(KO);
      await page.locator('#composer-input').press('Enter');
      const scroller = page.locator('#scroller');
      // Following while at the bottom.
      await page.waitForFunction(() => {
        const s = document.getElementById('scroller')!;
        return s.scrollHeight > s.clientHeight + 300;
      });
      expect(await scroller.evaluate((s) => s.scrollHeight - s.scrollTop - s.clientHeight)).toBeLessThan(10);
      // The reader scrolls up.
      if (device === 'desktop') {
        await page.mouse.move(700, 300);
        await page.mouse.wheel(0, -250);
      } else {
        await scroller.evaluate((s) => s.scrollBy(0, -250));
      }
      await page.locator('#jump-latest').waitFor({ state: 'visible' });
      const top = await scroller.evaluate((s) => s.scrollTop);
      const height = await scroller.evaluate((s) => s.scrollHeight);
      await page.waitForFunction((h) => document.getElementById('scroller')!.scrollHeight > h + 100, height);
      expect(await scroller.evaluate((s) => s.scrollTop)).toBe(top);
      await page.locator('.msg-bot[aria-busy="false"]').waitFor({ timeout: 60_000 });
      expect(await scroller.evaluate((s) => s.scrollTop)).toBe(top);
      await shot(page, `27-${device}-jump-to-latest`);
      await page.locator('#jump-latest').click();
      expect(await scroller.evaluate((s) => s.scrollHeight - s.scrollTop - s.clientHeight)).toBeLessThan(10);
      await page.locator('#jump-latest').waitFor({ state: 'hidden' });
    });
  }

  it('loaded nothing from elsewhere and logged no errors (CSP violations included)', () => {
    expect(hn.problems).toEqual([]);
  });
});
