/**
 * Feishu / Lark: an event subscription (`POST /bots/feishu`) on the official
 * `@larksuiteoapi/node-sdk`.
 *
 * - The SDK's EventDispatcher decrypts (`encrypt`, AES with FEISHU_ENCRYPT_KEY) and routes the
 *   event; with an Encrypt Key its RequestHandle checks `X-Lark-Signature` (sha256 of timestamp,
 *   nonce, key and body), and the request timestamp must be within 5 minutes. The SDK does not
 *   check the Verification Token of events, so it is checked here (`header.token`, or `token`
 *   in v1 events and the `url_verification` challenge).
 * - `url_verification` → `{"challenge"}`.
 * - `im.message.receive_v1`: text in a private chat (p2p), or in a group when the bot is
 *   @-mentioned (the app asks only for the "@ messages" permission). Acknowledged at once (Feishu
 *   retries after 3 s), answered with `im.message.reply` through the SDK's Client (tenant token
 *   cached by the SDK): an interactive card with the answer and the numbered sources as links;
 *   in groups in the message's thread (`reply_in_thread`). Redelivered `event_id`s are answered
 *   once (ctx.dedup).
 * - Conversations: one per user in private chats (`bot:feishu:p2p:<chat>`), one per thread in
 *   groups (`bot:feishu:<chat>:<root message>`), so that the thread continues it.
 * - FEISHU_API_BASE is the SDK's `domain`: https://open.feishu.cn (飞书) or
 *   https://open.larksuite.com (Lark), or a test double.
 */
import { withNote } from '../chat/format.js';
import type * as Lark from '@larksuiteoapi/node-sdk';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppContext } from '../server/context.js';
import type { ChatResponse } from '../types.js';
import {
  answerMessage,
  type BotAdapter,
  type BotMessage,
  clock,
  commandOf,
  sessionIdFor,
  SOURCES_TITLE,
  sourcesMarkdown,
  splitText,
} from './adapter.js';
import { type BackgroundTasks, PlatformError, deliver, retryAfterMs } from './delivery.js';
import { type BotRateLimiter, botGate, header, safeEqual } from './guard.js';

/** A card may hold 30 KB; parts of 8000 UTF-16 units stay under it in any script. */
export const FEISHU_PART_CHARS = 8000;
export const FEISHU_MAX_SKEW_SECONDS = 5 * 60;

export interface FeishuTarget {
  messageId: string;
  inThread: boolean;
}

/** An interactive card (message card JSON 1.0), as `im.message.reply` content. */
export interface FeishuCard {
  config: { wide_screen_mode: boolean };
  elements: Array<{ tag: 'markdown'; content: string } | { tag: 'hr' }>;
}

/** The event as the SDK hands it to a handler: v2 header fields and the event, merged. */
const receiveSchema = z.object({
  event_id: z.string().min(1),
  sender: z.object({ sender_id: z.object({ open_id: z.string().optional(), user_id: z.string().optional() }).passthrough(), sender_type: z.string().optional() }).passthrough(),
  message: z
    .object({
      message_id: z.string().min(1),
      root_id: z.string().optional(),
      chat_id: z.string().min(1),
      chat_type: z.string().min(1),
      message_type: z.string().min(1),
      content: z.string(),
      mentions: z.array(z.object({ key: z.string() }).passthrough()).optional(),
    })
    .passthrough(),
});

export type FeishuReceive = z.infer<typeof receiveSchema>;

/** Markdown link label and URL without the characters that would end them early. */

export class FeishuAdapter implements BotAdapter<FeishuReceive, FeishuTarget, FeishuCard[]> {
  readonly platform = 'feishu' as const;

  constructor(private readonly opts: { publicUrl?: string } = {}) {}

  parse(e: FeishuReceive): BotMessage<FeishuTarget> | null {
    const m = e.message;
    if (e.sender.sender_type && e.sender.sender_type !== 'user') return null;
    if (m.message_type !== 'text') return null;
    const group = m.chat_type !== 'p2p';
    if (group && !m.mentions?.length) return null; // group chatter that does not address the bot
    let text: string;
    try {
      const content = JSON.parse(m.content) as { text?: unknown };
      text = typeof content.text === 'string' ? content.text : '';
    } catch {
      throw new AppError('VALIDATION_FAILED', 'event.message.content is not JSON', { field: 'event.message.content' });
    }
    // Mentions arrive as placeholders ("@_user_1 질문"): the question is what is left.
    for (const mention of m.mentions ?? []) text = text.split(mention.key).join(' ');
    text = text.replace(/\s+/g, ' ').trim();
    const user = e.sender.sender_id.open_id ?? e.sender.sender_id.user_id ?? 'unknown';
    const command = commandOf(text);
    return {
      platform: 'feishu',
      conversationId: group ? sessionIdFor('feishu', m.chat_id, m.root_id || m.message_id) : sessionIdFor('feishu', 'p2p', m.chat_id),
      userId: user,
      text,
      ...(command ? { command } : {}),
      target: { messageId: m.message_id, inThread: group },
    };
  }

  render(res: ChatResponse): FeishuCard[] {
    const lang = res.language;
    const lines = sourcesMarkdown(res.citations, lang, this.opts.publicUrl);
    const parts = splitText(withNote(res.answer.trim(), res.note), FEISHU_PART_CHARS);
    const cards: FeishuCard[] = parts.map((p) => ({ config: { wide_screen_mode: true }, elements: [{ tag: 'markdown', content: p }] }));
    if (lines.length) {
      const sources = { tag: 'markdown' as const, content: [`**${SOURCES_TITLE[lang]}**`, ...lines].join('\n') };
      const last = cards[cards.length - 1];
      if (last) last.elements.push({ tag: 'hr' }, sources);
      else cards.push({ config: { wide_screen_mode: true }, elements: [sources] });
    }
    return cards;
  }

  notice(text: string): FeishuCard[] {
    return [{ config: { wide_screen_mode: true }, elements: [{ tag: 'markdown', content: text }] }];
  }
}

/** The SDK logs through pino (warnings and errors only; never request bodies). */
function sdkLogger(log: Logger): { error: (...a: unknown[]) => void; warn: (...a: unknown[]) => void; info: () => void; debug: () => void; trace: () => void } {
  const text = (a: unknown[]) => a.map((x) => (typeof x === 'string' ? x : (x as Error)?.message ?? '')).join(' ').slice(0, 300);
  return { error: (...a) => log.warn({ sdk: text(a) }, 'lark sdk'), warn: (...a) => log.warn({ sdk: text(a) }, 'lark sdk'), info: () => {}, debug: () => {}, trace: () => {} };
}

/** An axios error or an API body with a non-zero `code` → a PlatformError with Feishu's code. */
function feishuError(err: unknown): PlatformError {
  const e = err as { response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, string> }; message?: string; code?: string };
  const status = e.response?.status;
  const code = e.response?.data?.code ?? e.code ?? 'network';
  const ra = retryAfterMs(e.response?.headers?.['x-ogw-ratelimit-reset']);
  return new PlatformError(`im.message.reply: ${e.response?.data?.msg ?? e.message ?? 'failed'}`, {
    ...(status !== undefined ? { status } : {}),
    code,
    // Rate limited (HTTP 429, code 99991400), the platform down (5xx), or no response at all.
    retryable: status === undefined || status === 429 || status >= 500 || code === 99991400,
    ...(ra !== undefined ? { retryAfterMs: ra } : {}),
    cause: err,
  });
}

export function feishuRoutes(ctx: AppContext, tasks: BackgroundTasks, limiter: BotRateLimiter): Router {
  const r = Router();
  const log = ctx.logger.child({ bot: 'feishu' });
  const c = ctx.config;
  const gate = botGate(log, {
    platform: 'feishu',
    required: { FEISHU_APP_ID: c.FEISHU_APP_ID, FEISHU_APP_SECRET: c.FEISHU_APP_SECRET },
    secrets: { FEISHU_VERIFICATION_TOKEN: c.FEISHU_VERIFICATION_TOKEN },
    allowUnsigned: { name: 'FEISHU_ALLOW_UNSIGNED', value: c.FEISHU_ALLOW_UNSIGNED },
  });
  const now = clock(ctx);
  const token = c.FEISHU_VERIFICATION_TOKEN;
  const encryptKey = c.FEISHU_ENCRYPT_KEY;
  const adapter = new FeishuAdapter(c.PUBLIC_URL ? { publicUrl: c.PUBLIC_URL } : {});
  const policy = { attempts: c.BOT_RETRY_ATTEMPTS, baseMs: c.BOT_RETRY_BASE_MS };
  const logger = sdkLogger(log);
  // The SDK takes about 0.8 s to load: only when Feishu is configured, in the background from start.
  const sdk = gate.open ? import('@larksuiteoapi/node-sdk').then((lark) => setup(lark)) : undefined;
  sdk?.catch((err: unknown) => log.error({ err }, 'feishu: the Lark SDK failed to load'));

  function setup(lark: typeof Lark) {
    const client = new lark.Client({ appId: c.FEISHU_APP_ID!, appSecret: c.FEISHU_APP_SECRET!, domain: c.FEISHU_API_BASE.replace(/\/+$/, ''), logger, loggerLevel: lark.LoggerLevel.warn });
    const dispatcher = new lark.EventDispatcher({ ...(encryptKey ? { encryptKey } : {}), ...(token ? { verificationToken: token } : {}), logger, loggerLevel: lark.LoggerLevel.warn });
    dispatcher.register({ 'im.message.receive_v1': (data: unknown) => onMessage(client, data) });
    return { lark, client, dispatcher };
  }

  const reply = async (client: Lark.Client, target: FeishuTarget, card: FeishuCard) => {
    let body: { code?: number; msg?: string } | undefined;
    try {
      body = (await client.im.message.reply({
        path: { message_id: target.messageId },
        data: { msg_type: 'interactive', content: JSON.stringify(card), reply_in_thread: target.inThread },
      })) as { code?: number; msg?: string } | undefined;
    } catch (err) {
      throw feishuError(err);
    }
    if (body?.code) throw feishuError({ response: { status: 200, data: body } });
  };

  async function onMessage(client: Lark.Client, data: unknown): Promise<void> {
    const parsed = receiveSchema.safeParse(data);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? 'event';
      throw new AppError('VALIDATION_FAILED', `Malformed im.message.receive_v1 event: ${field}`, { field: `event.${field}` });
    }
    const msg = adapter.parse(parsed.data);
    if (!msg || !(await ctx.dedup.claim(`feishu:${parsed.data.event_id}`, 24 * 60 * 60_000))) return;
    tasks.run('feishu reply', async () => {
      const out = await answerMessage(ctx, adapter, msg, {
        allow: (m) => limiter.check(`feishu:${m.userId}`),
        onChatError: (err) => log.warn({ err }, 'feishu: the chat service failed'),
      });
      for (const card of out ?? []) {
        if (!(await deliver(log, 'feishu im.message.reply', () => reply(client, msg.target, card), policy))) return;
      }
    });
  }

  r.post('/bots/feishu', gate.middleware, express.raw({ type: () => true, limit: c.BODY_LIMIT_BYTES }), async (req, res) => {
    const loaded = await sdk!.catch(() => undefined);
    if (!loaded) throw new AppError('PLATFORM_UNAVAILABLE', 'The Lark SDK could not be loaded; the event will be redelivered');
    const { lark, dispatcher } = loaded;
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new AppError('INVALID_JSON', 'Request body is not valid JSON', { field: 'body' });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', 'Expected a Feishu event (JSON object)', { field: 'body' });
    const data = Object.assign(Object.create({ headers: req.headers }) as object, body) as Record<string, unknown> & { headers: typeof req.headers };
    const encrypted = typeof data['encrypt'] === 'string';
    if ('encrypt' in data && (!encrypted || !encryptKey)) {
      throw new AppError('VALIDATION_FAILED', encryptKey ? 'encrypt must be a string' : 'The event is encrypted but FEISHU_ENCRYPT_KEY is not set', { field: 'encrypt' });
    }
    let plain: Record<string, unknown>;
    try {
      plain = encrypted ? (JSON.parse(new lark.AESCipher(encryptKey!).decrypt(data['encrypt'] as string)) as Record<string, unknown>) : (body as Record<string, unknown>);
    } catch {
      throw new AppError('VALIDATION_FAILED', 'encrypt cannot be decrypted with FEISHU_ENCRYPT_KEY', { field: 'encrypt' });
    }
    if (!plain || typeof plain !== 'object') throw new AppError('VALIDATION_FAILED', 'The decrypted event is not a JSON object', { field: 'encrypt' });
    // With an Encrypt Key every event is signed (the URL check may come unsigned: its token is checked below).
    if (encryptKey && plain['type'] !== 'url_verification') {
      const signed = Boolean(header(req.headers, 'x-lark-signature'));
      const ts = header(req.headers, 'x-lark-request-timestamp');
      if (!signed || !ts) throw new AppError('UNAUTHORIZED', 'Missing X-Lark-Signature or X-Lark-Request-Timestamp header', { field: signed ? 'X-Lark-Request-Timestamp' : 'X-Lark-Signature' });
      if (!/^\d{1,12}$/.test(ts) || Math.abs(now() / 1000 - Number(ts)) > FEISHU_MAX_SKEW_SECONDS) {
        throw new AppError('UNAUTHORIZED', 'X-Lark-Request-Timestamp is more than 5 minutes away from the server clock', { field: 'X-Lark-Request-Timestamp' });
      }
      if (!dispatcher.requestHandle!.checkIsEventValidated(data)) throw new AppError('UNAUTHORIZED', 'X-Lark-Signature does not match the request', { field: 'X-Lark-Signature' });
    }
    const given = (plain['header'] as { token?: unknown } | undefined)?.token ?? plain['token'];
    if (token && (typeof given !== 'string' || !safeEqual(given, token))) {
      throw new AppError('UNAUTHORIZED', 'The verification token does not match FEISHU_VERIFICATION_TOKEN', { field: 'token' });
    }
    if (plain['type'] === 'url_verification') {
      if (typeof plain['challenge'] !== 'string') throw new AppError('VALIDATION_FAILED', 'challenge is required', { field: 'challenge' });
      res.json({ challenge: plain['challenge'] });
      return;
    }
    const type = (plain['header'] as { event_type?: unknown } | undefined)?.event_type ?? (plain['event'] as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string') throw new AppError('VALIDATION_FAILED', 'header.event_type is required', { field: 'header.event_type' });
    if (type === 'im.message.receive_v1') await dispatcher.invoke(data, { needCheck: false });
    // Other events (the bot added to a chat, messages read…): acknowledged, nothing to do.
    res.json({});
  });
  return r;
}
