/**
 * The web chat page in a real headless Chromium against the real server (real index, real
 * SSE): asking in Korean and Chinese, citations and the passage dialog, sessions, the article
 * panel, a phone-sized screen, the keyboard, errors, CSP and the page's weight.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`; never `npx playwright install`).
 * Without it the suite is skipped locally and fails in CI (CI=true), where it must run.
 * Screenshots of the key steps go to test-artifacts/screenshots/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/types.js';
import { ANSWER_TIMEOUT, CHROMIUM, LAUNCH_ARGS, SHOTS, SKIP, sseEvents } from './browser.js';

if (SKIP) {
  console.warn(`[tests/web] SKIPPED: ${CHROMIUM} not found. Install it with \`apt-get install -y chromium\` to run the browser tests (in CI they always run).`);
}


const KO_QUESTION = '유니트리의 글로벌 사족 로봇 시장 점유율은?';
const ZH_QUESTION = '宇树科技在四足机器人市场的份额是多少？';


describe.skipIf(SKIP)('web chat page (headless Chromium, real server)', () => {
  let browser: Browser;
  let baseUrl: string;
  let closeServer: (() => Promise<void>) | undefined;
  const contexts: BrowserContext[] = [];
  /** Console errors, page errors and off-origin requests seen by any page (CSP violations show up here). */
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const given = process.env['WEB_TEST_URL'];
    if (given) {
      baseUrl = given.replace(/\/+$/, '');
    } else {
      const { startTestServer } = await import('../helpers/server.js');
      const server = await startTestServer();
      baseUrl = server.url;
      closeServer = server.close;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await closeServer?.();
  });

  async function openPage(opts: BrowserContextOptions & { expectErrors?: boolean } = {}): Promise<Page> {
    const { expectErrors, ...ctxOpts } = opts;
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'ko-KR', ...ctxOpts });
    contexts.push(context);
    const page = await context.newPage();
    page.on('request', (req) => {
      if (!req.url().startsWith(baseUrl) && !req.url().startsWith('data:')) problems.push(`off-origin request: ${req.url()}`);
    });
    if (!expectErrors) {
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
      });
    }
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await page.goto(`${baseUrl}/`);
    await page.locator('.article-btn').first().waitFor({ state: 'attached' });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const settledAnswers = (page: Page) => page.locator('.msg-bot[aria-busy="false"]');

  /** The next POST /api/chat the page makes. */
  const nextChat = (page: Page) => page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/api/chat') && r.request().method() === 'POST', { timeout: ANSWER_TIMEOUT });

  /** Waits for the answer to `action` (which sends a question) and returns the server's final response. */
  async function answerTo(page: Page, action: () => Promise<void>): Promise<{ done: ChatResponse; response: Response; deltas: number }> {
    await page.evaluate(() => document.querySelectorAll('.msg-bot').forEach((el) => el.setAttribute('data-seen', '')));
    const responseP = nextChat(page);
    await action();
    const response = await responseP;
    await page.locator('.msg-bot:not([data-seen])[aria-busy="false"]').waitFor({ state: 'attached', timeout: ANSWER_TIMEOUT });
    const events = sseEvents(await response.text());
    const done = events.find((e) => e.event === 'done');
    expect(done, `no done event in ${JSON.stringify(events.map((e) => e.event))}`).toBeTruthy();
    return { done: JSON.parse(done!.data) as ChatResponse, response, deltas: events.filter((e) => e.event === 'delta').length };
  }

  async function ask(page: Page, question: string) {
    return answerTo(page, async () => {
      await page.locator('#composer-input').fill(question);
      await page.locator('#composer-input').press('Enter');
    });
  }

  it('is served with a strict CSP, sensible caching and under 100 KB of its own assets', async () => {
    const res = await fetch(`${baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(html).not.toMatch(/\son\w+=/); // no inline event handlers
    expect(html).not.toMatch(/https?:\/\//); // nothing from a CDN

    const assets = [...new Set([...html.matchAll(/\b(?:src|href)="([^"#]+)"/g)].map((m) => m[1]!))];
    expect(assets.some((a) => a.startsWith('app.js'))).toBe(true);
    expect(assets.some((a) => a.startsWith('style.css'))).toBe(true);
    const sizes: Record<string, number> = { 'index.html': Buffer.byteLength(html) };
    for (const a of assets) {
      const r = await fetch(new URL(a, `${baseUrl}/`));
      expect(r.status, a).toBe(200);
      expect(r.headers.get('cache-control'), a).toMatch(/immutable/); // versioned (?v=hash) references
      sizes[a] = (await r.arrayBuffer()).byteLength;
    }
    const total = Object.values(sizes).reduce((s, n) => s + n, 0);
    console.info('[tests/web] page assets (bytes):', sizes, 'total', total);
    expect(total).toBeLessThan(100 * 1024);

    // Unversioned asset URLs revalidate; the API still 404s as JSON through the page's router.
    const plain = await fetch(`${baseUrl}/app.js`);
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    const missing = await fetch(`${baseUrl}/no-such-file.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });

  it('loads everything it needs from this server in at most 150 KB compressed (gzip), modules included', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const urls = new Set<string>();
    page.on('request', (req) => {
      if (!new URL(req.url()).pathname.startsWith('/api/')) urls.add(req.url());
    });
    await page.goto(`${baseUrl}/`);
    await page.locator('.article-btn').first().waitFor({ state: 'attached' });
    const names = [...urls].map((u) => new URL(u).pathname);
    expect(names).toEqual(expect.arrayContaining(['/', '/app.js', '/markdown.js', '/conversations.js', '/strings.js', '/vendor/marked.esm.js', '/vendor/purify.es.mjs', '/style.css']));
    expect([...urls].every((u) => u.startsWith(baseUrl))).toBe(true);
    // What goes over the wire: each body as sent with Accept-Encoding: gzip (raw bytes, not decoded).
    const sizes: Record<string, number> = {};
    for (const u of urls) {
      const { bytes, encoding } = await new Promise<{ bytes: number; encoding: string | undefined }>((resolve, reject) => {
        http.get(u, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          let n = 0;
          res.on('data', (c: Buffer) => (n += c.length));
          res.on('end', () => resolve({ bytes: n, encoding: res.headers['content-encoding'] }));
          res.on('error', reject);
        }).on('error', reject);
      });
      const name = new URL(u).pathname;
      sizes[name] = bytes;
      if (bytes > 2048) expect(encoding, name).toBe('gzip');
    }
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.info('[tests/web] page transfer, gzip (bytes):', sizes, 'total', total);
    expect(total).toBeLessThanOrEqual(150 * 1024);
    // The vendor modules are the packages' own builds, cached by content hash like the page's files.
    const vendor = await fetch(`${baseUrl}/vendor/marked.esm.js`);
    expect(vendor.headers.get('content-type')).toMatch(/javascript/);
    expect(vendor.headers.get('cache-control')).toBe('no-cache');
    expect(await vendor.text()).not.toContain('sourceMappingURL');
    expect((await fetch(`${baseUrl}/vendor/nothing.js`)).status).toBe(404);
  });

  it('answers a Korean question with streamed text and citation chips; a chip opens the passage', async () => {
    const page = await openPage();
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await expect(page.locator('#new-chat').textContent()).resolves.toContain('새 대화');
    await shot(page, '01-desktop-welcome');

    const { done, response, deltas } = await ask(page, KO_QUESTION);
    expect(response.request().headers()['accept']).toContain('text/event-stream');
    expect(deltas).toBeGreaterThan(0);
    expect(done.found).toBe(true);
    expect(done.citations.length).toBeGreaterThan(0);

    const bot = settledAnswers(page).last();
    const answerText = (await bot.locator('.answer').textContent()) ?? '';
    expect(answerText).toContain('69.75');
    await expect(page.locator('.msg-user .bubble').last().textContent()).resolves.toBe(KO_QUESTION);
    // Every [n] marker became a clickable superscript chip; every citation has a chip below the answer.
    const markers = [...done.answer.matchAll(/\[(\d+)\]/g)].length;
    expect(await bot.locator('.answer sup button.cite-ref').count()).toBe(markers);
    expect(await bot.locator('.cite-chip').count()).toBe(done.citations.length);
    expect(answerText).not.toMatch(/\[\d+\]/);
    await shot(page, '02-desktop-korean-answer');

    // The chip after the answer opens the passage dialog.
    const chip = bot.locator('.cite-chip').first();
    const cite = done.citations[0]!;
    await chip.click();
    const dialog = page.locator('#cite-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.locator('#cite-quote').textContent()).toBe(cite.quote);
    const crumbs = (await page.locator('#cite-crumbs').textContent()) ?? '';
    expect(crumbs).toContain(cite.section);
    expect(crumbs).toContain(cite.article.title);
    expect(crumbs).toContain('›');
    expect(await page.locator('#cite-page').textContent()).toContain(String(cite.page));
    if (cite.source?.url) {
      const link = page.locator('#cite-source a');
      expect(await link.getAttribute('href')).toBe(cite.source.url);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
    }
    await page.waitForTimeout(250); // let the opening animation finish before the screenshot
    await shot(page, '03-desktop-citation-dialog');

    // Escape closes it and gives focus back to the chip.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await chip.evaluate((el) => el === document.activeElement)).toBe(true);

    // An inline [n] chip opens the same passage.
    await bot.locator('.answer button.cite-ref').first().click();
    await dialog.waitFor({ state: 'visible' });
    expect(await page.locator('#cite-quote').textContent()).toBe(done.citations.find((c) => c.id === Number(done.answer.match(/\[(\d+)\]/)![1]))!.quote);
    await page.locator('#cite-close').click();
    await dialog.waitFor({ state: 'hidden' });

    // A follow-up continues the session.
    const followUpReq = nextChat(page);
    const followUp = ask(page, '그 회사의 출하량 전망은?');
    const sent = (await followUpReq).request().postDataJSON() as { sessionId?: string };
    expect(sent.sessionId).toBe(done.sessionId);
    await followUp;
  });

  it('answers a Chinese question in the Chinese UI, and "new conversation" starts afresh', async () => {
    const page = await openPage({ locale: 'zh-CN' });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.locator('#new-chat').textContent()).resolves.toContain('新对话');
    await expect(page.locator('#composer-input').getAttribute('placeholder')).resolves.toMatch(/[\u4e00-\u9fff]/);

    const { done } = await ask(page, ZH_QUESTION);
    expect(done.language).toBe('zh');
    expect(done.citations.length).toBeGreaterThan(0);
    const bot = settledAnswers(page).last();
    expect(await bot.locator('.cite-chip').count()).toBeGreaterThan(0);
    expect(await bot.locator('.answer').getAttribute('lang')).toBe('zh-CN');
    await shot(page, '04-desktop-chinese-answer');

    await page.locator('#new-chat').click();
    expect(await page.locator('#messages .msg').count()).toBe(0);
    expect(await page.locator('#welcome').isVisible()).toBe(true);
    expect(await page.locator('#composer-input').evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, '05-desktop-new-conversation');

    // The next question starts a new session (no sessionId sent).
    const req = nextChat(page);
    const next = ask(page, ZH_QUESTION);
    expect(((await req).request().postDataJSON() as { sessionId?: string }).sessionId).toBeUndefined();
    await next;
  });

  it('lists the 20 articles by section; clicking one asks for its summary', async () => {
    const page = await openPage();
    const articles = page.locator('.article-btn');
    expect(await articles.count()).toBe(20);
    expect(await page.locator('.art-group').count()).toBe(6);
    const sections = await page.locator('.art-section').allTextContents();
    expect(sections).toContain('산업 트렌드');
    expect(sections).toContain('KIC 중국 포커스');
    expect(await page.locator('#report-title').textContent()).toMatch(/월간 중국창업/);

    const target = articles.nth(3);
    const title = (await target.getAttribute('data-title'))!;
    const { done } = await answerTo(page, () => target.click());
    expect(await page.locator('.msg-user .bubble').last().textContent()).toBe(`‘${title}’ 기사를 요약해줘`);
    expect(done.found).toBe(true);
    expect(done.answer.length).toBeGreaterThan(20);
    expect(done.citations.length).toBeGreaterThan(0);
    expect(done.citations.every((c) => c.article.title === title)).toBe(true);
    expect(await settledAnswers(page).last().locator('.cite-chip').count()).toBe(done.citations.length);
    await shot(page, '06-desktop-article-summary');
  });

  it('works on a 360×740 phone: no horizontal scroll, the article drawer opens, closes and asks', async () => {
    const page = await openPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const noHorizontalScroll = () =>
      page.evaluate(() => ({ doc: document.documentElement.scrollWidth - document.documentElement.clientWidth, body: document.body.scrollWidth - document.body.clientWidth }));
    expect(await noHorizontalScroll()).toEqual({ doc: 0, body: 0 });
    await shot(page, '07-phone-welcome');

    const toggle = page.locator('#drawer-toggle');
    const firstArticle = page.locator('.article-btn').first();
    expect(await toggle.isVisible()).toBe(true);
    expect(await firstArticle.isVisible()).toBe(false);
    await toggle.click();
    await firstArticle.waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.waitForTimeout(350); // slide-in
    expect(await firstArticle.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await shot(page, '08-phone-drawer');
    await page.keyboard.press('Escape');
    await firstArticle.waitFor({ state: 'hidden' });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);

    await ask(page, KO_QUESTION);
    expect(await noHorizontalScroll()).toEqual({ doc: 0, body: 0 });
    expect(await page.locator('#scroller').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    await shot(page, '09-phone-answer');

    await settledAnswers(page).last().locator('.cite-chip').first().click();
    await page.locator('#cite-dialog').waitFor({ state: 'visible' });
    expect(await page.locator('#cite-dialog').evaluate((d) => d.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await page.waitForTimeout(250);
    await shot(page, '10-phone-citation');
    await page.keyboard.press('Escape');

    await toggle.click();
    await firstArticle.waitFor({ state: 'visible' });
    await answerTo(page, () => firstArticle.click());
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.locator('#articles').waitFor({ state: 'hidden' }); // slid out
    expect(await noHorizontalScroll()).toEqual({ doc: 0, body: 0 });
    await shot(page, '11-phone-summary');
  });

  it('sends on Enter, inserts a newline on Shift+Enter, and never sends mid-composition (IME)', async () => {
    const page = await openPage();
    const input = page.locator('#composer-input');
    await input.click();
    await page.keyboard.type('첫째 줄');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('둘째 줄');
    expect(await input.inputValue()).toBe('첫째 줄\n둘째 줄');
    expect(await page.locator('.msg-user').count()).toBe(0);

    // Enter that confirms a Korean/Chinese composition is not a send.
    await input.evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true })));
    expect(await page.locator('.msg-user').count()).toBe(0);

    await answerTo(page, () => page.keyboard.press('Enter'));
    expect(await page.locator('.msg-user .bubble').first().textContent()).toBe('첫째 줄\n둘째 줄');
    expect(await input.inputValue()).toBe('');
    expect(await input.isEnabled()).toBe(true);
  });

  it('shows "not found" answers, network and 4xx errors politely, and renders server text as text', async () => {
    const page = await openPage({ expectErrors: true });
    const input = page.locator('#composer-input');
    const send = async (q: string) => {
      await input.fill(q);
      await input.press('Enter');
    };

    // found: false, with markup in the text that must not become elements.
    const sse = (events: Array<[string, unknown]>) => events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join('');
    const notFound: ChatResponse = { sessionId: 's-1', language: 'ko', found: false, answer: '보고서에서 <img src=x onerror="window.__xss=1"> 관련 내용을 찾을 수 없습니다.', citations: [] };
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 200, contentType: 'text/event-stream', body: sse([['delta', { text: notFound.answer }], ['done', notFound]]) }),
    );
    await send('오늘 서울 날씨는?');
    const notice = page.locator('.msg-bot.notfound');
    await notice.waitFor();
    expect(await notice.locator('.notice-title').isVisible()).toBe(true);
    expect(await notice.locator('.answer').textContent()).toBe(notFound.answer);
    expect(await notice.locator('.bubble img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // A 4xx shows the server's message; the input stays usable.
    await page.unroute('**/api/chat');
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'message must be at most 2000 characters' } }) }),
    );
    await send('너무 긴 질문');
    await page.locator('.msg-bot.error').first().waitFor();
    expect(await page.locator('.msg-bot.error .error-text').first().textContent()).toContain('message must be at most 2000 characters');
    expect(await input.isEnabled()).toBe(true);

    // An error event in the stream.
    await page.unroute('**/api/chat');
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 200, contentType: 'text/event-stream', body: sse([['delta', { text: '부분' }], ['error', { error: { code: 'INTERNAL', message: 'Internal server error' } }]]) }),
    );
    await send('스트림 오류');
    await page.waitForFunction(() => document.querySelectorAll('.msg-bot.error').length === 2);
    await page.waitForTimeout(100); // a late animation frame must not paint the partial text over the error
    expect(await page.locator('.msg-bot.error').nth(1).locator('.bubble').textContent()).toMatch(/^서버에 문제가 생겼습니다.*다시 시도$/);

    // A network failure, then a retry that succeeds against the real server.
    await page.unroute('**/api/chat');
    await page.route('**/api/chat', (route) => route.abort('internetdisconnected'));
    await send(KO_QUESTION);
    await page.waitForFunction(() => document.querySelectorAll('.msg-bot.error').length === 3);
    const lastError = page.locator('.msg-bot.error').last();
    expect(await lastError.locator('.error-text').textContent()).toMatch(/연결/);
    expect(await input.isEnabled()).toBe(true);
    expect(await page.locator('#send').getAttribute('aria-label')).toBe('보내기');
    await shot(page, '12-desktop-errors');

    await page.unroute('**/api/chat');
    await answerTo(page, () => lastError.locator('button.retry').click());
    expect(await page.locator('.msg-bot.error').count()).toBe(2);
    expect(await settledAnswers(page).last().locator('.answer').textContent()).toContain('69.75');
  });

  it('follows the language switcher and the dark colour scheme', async () => {
    const page = await openPage({ locale: 'en-US', colorScheme: 'dark' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('#new-chat').textContent()).resolves.toContain('New chat');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await page.locator('#lang-select').selectOption('zh');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#articles-heading').textContent()).toBe('本期文章');
    const target = page.locator('.article-btn').first();
    const title = (await target.getAttribute('data-title'))!;
    const { done, response } = await answerTo(page, () => target.click());
    expect(await page.locator('.msg-user .bubble').last().textContent()).toBe(`总结一下《${title}》`);
    // The title is Korean, so the page names the answer language instead of leaving it to detection.
    expect((response.request().postDataJSON() as { language?: string }).language).toBe('zh');
    expect(done.language).toBe('zh');
    await shot(page, '13-desktop-dark-chinese-ui');
    await page.locator('#lang-select').selectOption('en');
    expect(await page.locator('#articles-heading').textContent()).toBe('In this issue');
  });

  it('loaded nothing from elsewhere and logged no errors (CSP violations included)', () => {
    expect(problems).toEqual([]);
  });
});
