/**
 * Shared set-up of the browser tests: headless Chromium (/usr/bin/chromium through
 * playwright-core, never a downloaded browser), pages that record console errors, CSP
 * violations and off-origin requests, and helpers that ask a question and wait for its answer.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';
import type { ChatResponse } from '../../src/types.js';
import { ROOT } from '../helpers/env.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SKIP = !existsSync(CHROMIUM) && !process.env['CI'];
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');
export const ANSWER_TIMEOUT = 60_000;
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export function sseEvents(body: string): Array<{ event: string; data: string }> {
  return body
    .split(/\r?\n\r?\n/)
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      return { event, data: data.join('\n') };
    })
    .filter((e) => e.data);
}

export interface Harness {
  browser: Browser;
  baseUrl: string;
  problems: string[];
  contexts: BrowserContext[];
}

export async function launch(baseUrl: string): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  return { browser, baseUrl, problems: [], contexts: [] };
}

export async function closeHarness(hn: Harness | undefined): Promise<void> {
  if (!hn) return;
  for (const c of hn.contexts) await c.close().catch(() => {});
  await hn.browser.close();
}

export async function newContext(hn: Harness, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await hn.browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', ...opts });
  hn.contexts.push(context);
  return context;
}

/** A page of `context` at the chat, watched for problems, with the article list loaded. */
export async function openIn(hn: Harness, context: BrowserContext, opts: { expectErrors?: boolean; waitArticles?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  page.on('request', (req) => {
    if (!req.url().startsWith(hn.baseUrl) && !req.url().startsWith('data:')) hn.problems.push(`off-origin request: ${req.url()}`);
  });
  if (!opts.expectErrors) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') hn.problems.push(`console: ${msg.text()}`);
    });
  }
  page.on('pageerror', (err) => hn.problems.push(`page error: ${err.message}`));
  page.on('dialog', (d) => {
    hn.problems.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${hn.baseUrl}/`);
  if (opts.waitArticles !== false) await page.locator('.article-btn').first().waitFor({ state: 'attached' });
  return page;
}

export async function openPage(hn: Harness, opts: BrowserContextOptions & { expectErrors?: boolean } = {}): Promise<Page> {
  const { expectErrors, ...ctxOpts } = opts;
  return openIn(hn, await newContext(hn, ctxOpts), expectErrors ? { expectErrors } : {});
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

export const nextChat = (page: Page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/api/chat') && r.request().method() === 'POST', { timeout: ANSWER_TIMEOUT });

/** Waits for the answer to `action` (which sends a question) and returns the server's final response. */
export async function answerTo(page: Page, action: () => Promise<void>): Promise<{ done: ChatResponse; response: Response; deltas: number }> {
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

export async function ask(page: Page, question: string) {
  return answerTo(page, async () => {
    await page.locator('#composer-input').fill(question);
    await page.locator('#composer-input').press('Enter');
  });
}
