/**
 * Telegram on grammY (`POST /bots/telegram`).
 *
 * - grammY's `webhookCallback(bot, 'express', { secretToken })` takes the update; the secret
 *   (`X-Telegram-Bot-Api-Secret-Token`, the `secret_token` of `setWebhook`) is checked first here
 *   in constant time so that a refusal is the API's JSON 401. Without TELEGRAM_WEBHOOK_SECRET the
 *   endpoint is closed (503) unless TELEGRAM_ALLOW_UNSIGNED=true.
 * - `/start`, `/help`: the help text in the user's Telegram language; `/new`: a new
 *   conversation; `/ask 질문` (the way to ask in a group with privacy mode on); in a private chat
 *   any text is a question, in a group also a reply to one of the bot's messages.
 * - Conversations: the private chat (`bot:telegram:<chat>`), per user inside a group
 *   (`bot:telegram:<chat>:<user>`), so group members do not share one.
 * - The webhook is answered at once; the answer is sent with `sendMessage` (HTML, text escaped,
 *   sources as numbered links, split under 4096 characters), the first part replying to the
 *   question. 429 `retry_after` and 5xx are retried by `@grammyjs/auto-retry`, network failures
 *   by {@link deliver}; HTML refused by Telegram is sent again as plain text.
 * - A redelivered `update_id` is answered once (ctx.dedup).
 */
import { withNote } from '../chat/format.js';
import type * as AutoRetry from '@grammyjs/auto-retry';
import express, { Router } from 'express';
import type * as Grammy from 'grammy';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppContext } from '../server/context.js';
import type { ChatResponse } from '../types.js';
import {
  type BotAdapter,
  type BotMessage,
  SOURCES_TITLE,
  WEB_LABEL,
  answerMessage,
  commandOf,
  composeParts,
  escapeHtml,
  langFromCode,
  sessionIdFor,
  sourcesHtml,
  splitHtml,
  webUrl,
} from './adapter.js';
import { type BackgroundTasks, PlatformError, deliver } from './delivery.js';
import { type BotRateLimiter, botGate, header, safeEqual } from './guard.js';

export const TELEGRAM_TEXT_LIMIT = 4096;

export interface TelegramTarget {
  chatId: number;
  messageId: number;
  /** Forum topic the question was asked in. */
  threadId?: number;
}

export interface TelegramText {
  text: string;
  parse_mode?: 'HTML';
}

/** The part of an Update this bot reads (grammY's types are wider; this is what is checked). */
const updateSchema = z
  .object({
    update_id: z.number().int(),
    message: z.object({ message_id: z.number().int(), chat: z.object({ id: z.number().int(), type: z.string() }).passthrough() }).passthrough().optional(),
  })
  .passthrough();

export interface TelegramUpdateMessage {
  message_id: number;
  message_thread_id?: number;
  is_topic_message?: boolean;
  chat: { id: number; type: string };
  from?: { id: number; is_bot: boolean; language_code?: string };
  text?: string;
  reply_to_message?: { from?: { id: number } };
}

export class TelegramAdapter implements BotAdapter<TelegramUpdateMessage, TelegramTarget, TelegramText[]> {
  readonly platform = 'telegram' as const;

  constructor(private readonly opts: { botId: () => number | undefined; publicUrl?: string }) {}

  parse(m: TelegramUpdateMessage): BotMessage<TelegramTarget> | null {
    if (typeof m.text !== 'string' || m.from?.is_bot) return null;
    const isPrivate = m.chat.type === 'private';
    const uiLanguage = langFromCode(m.from?.language_code);
    let text = m.text.trim();
    let command: BotMessage['command'];
    const cmd = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text);
    if (cmd) {
      const name = cmd[1]!.toLowerCase();
      const rest = cmd[2]?.trim() ?? '';
      if (name === 'start' || name === 'help') command = name;
      else if (name === 'new' || name === 'reset') command = 'new';
      else if (name === 'ask' && rest) text = rest;
      else if (name === 'ask') command = 'help';
      else return null; // another bot's command, in a group
      if (command) text = '';
    } else if (!isPrivate && m.reply_to_message?.from?.id !== this.opts.botId()) {
      // A group message that is neither a command nor a reply to the bot: not for us (privacy mode off).
      return null;
    }
    // "@bot_name 질문": the mention is not part of the question.
    text = text.replace(/^(?:@\w+[\s,:]*)+/, '').trim();
    command ??= commandOf(text);
    const user = m.from?.id ?? m.chat.id;
    return {
      platform: 'telegram',
      conversationId: isPrivate ? sessionIdFor('telegram', m.chat.id) : sessionIdFor('telegram', m.chat.id, user),
      userId: String(user),
      text,
      ...(uiLanguage ? { uiLanguage } : {}),
      ...(command ? { command } : {}),
      target: { chatId: m.chat.id, messageId: m.message_id, ...(m.is_topic_message && m.message_thread_id !== undefined ? { threadId: m.message_thread_id } : {}) },
    };
  }

  render(res: ChatResponse): TelegramText[] {
    const lang = res.language;
    const sources = sourcesHtml(res.citations, lang);
    const web = webUrl(this.opts.publicUrl);
    if (web) sources.push(`<a href="${escapeHtml(web)}">${escapeHtml(WEB_LABEL[lang])}</a>`);
    const parts = composeParts(escapeHtml(withNote(res.answer.trim(), res.note)), sources, `<b>${SOURCES_TITLE[lang]}</b>`, TELEGRAM_TEXT_LIMIT, splitHtml);
    return parts.map((text) => ({ text, parse_mode: 'HTML' }));
  }

  notice(text: string): TelegramText[] {
    return splitHtml(escapeHtml(text), TELEGRAM_TEXT_LIMIT).map((t) => ({ text: t, parse_mode: 'HTML' }));
  }
}

/** HTML → the text Telegram would show, for the plain-text retry when HTML is refused. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => `${label} (${href})`)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** grammY's errors → PlatformError: Telegram's error_code, and whether another try may help. */
function telegramError(g: typeof Grammy, err: unknown): PlatformError {
  const { GrammyError, HttpError } = g;
  if (err instanceof GrammyError) return new PlatformError(err.description, { status: err.error_code, code: err.error_code, retryable: false, cause: err });
  if (err instanceof HttpError) return new PlatformError(err.message, { code: 'network', retryable: true, cause: err });
  return new PlatformError((err as Error)?.message ?? 'failed', { retryable: false, cause: err });
}

export function telegramRoutes(ctx: AppContext, tasks: BackgroundTasks, limiter: BotRateLimiter): Router {
  const r = Router();
  const log = ctx.logger.child({ bot: 'telegram' });
  const c = ctx.config;
  const gate = botGate(log, {
    platform: 'telegram',
    required: { TELEGRAM_BOT_TOKEN: c.TELEGRAM_BOT_TOKEN },
    secrets: { TELEGRAM_WEBHOOK_SECRET: c.TELEGRAM_WEBHOOK_SECRET },
    allowUnsigned: { name: 'TELEGRAM_ALLOW_UNSIGNED', value: c.TELEGRAM_ALLOW_UNSIGNED },
  });
  if (!gate.open) {
    r.post('/bots/telegram', gate.middleware);
    return r;
  }
  const secret = c.TELEGRAM_WEBHOOK_SECRET;
  /** The grammY bot and its webhook handler (grammY is loaded only when Telegram is configured). */
  function setup(g: typeof Grammy, ar: typeof AutoRetry) {
    const policy = { attempts: c.BOT_RETRY_ATTEMPTS, baseMs: c.BOT_RETRY_BASE_MS };
    const { Bot, GrammyError, webhookCallback } = g;
    const bot = new Bot(c.TELEGRAM_BOT_TOKEN!, { client: { apiRoot: c.TELEGRAM_API_BASE.replace(/\/+$/, '') } });
    // 429 (after retry_after) and 5xx; network errors are retried by deliver() with our backoff.
    bot.api.config.use(ar.autoRetry({ maxRetryAttempts: c.BOT_RETRY_ATTEMPTS, maxDelaySeconds: 60, rethrowHttpErrors: true }));
    const adapter = new TelegramAdapter({ botId: () => (bot.isInited() ? bot.botInfo.id : undefined), ...(c.PUBLIC_URL ? { publicUrl: c.PUBLIC_URL } : {}) });

    const sendPart = async (gctx: Grammy.Context, target: TelegramTarget, part: TelegramText, first: boolean) => {
      const params = {
        link_preview_options: { is_disabled: true },
        ...(part.parse_mode ? { parse_mode: part.parse_mode } : {}),
        ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
        ...(first ? { reply_parameters: { message_id: target.messageId, allow_sending_without_reply: true } } : {}),
      };
      try {
        await gctx.api.sendMessage(target.chatId, part.text, params);
      } catch (err) {
        // HTML refused ("can't parse entities"): the same text as plain text.
        if (err instanceof GrammyError && err.error_code === 400 && /parse entities/i.test(err.description) && part.parse_mode) {
          return sendPart(gctx, target, { text: htmlToPlain(part.text) }, first);
        }
        throw telegramError(g, err);
      }
    };

    bot.use(async (gctx, next) => {
      if (await ctx.dedup.claim(`telegram:${bot.botInfo.id}:${gctx.update.update_id}`, 24 * 60 * 60_000)) await next();
    });
    bot.on('message', (gctx) => {
      const msg = adapter.parse(gctx.message as TelegramUpdateMessage);
      if (!msg) return;
      // The webhook is answered now; the reply follows (Telegram redelivers slow webhooks).
      tasks.run('telegram reply', async () => {
        const typing = msg.command ? undefined : gctx.api.sendChatAction(msg.target.chatId, 'typing').catch(() => undefined);
        const parts = await answerMessage(ctx, adapter, msg, {
          allow: (m) => limiter.check(`telegram:${m.userId}`),
          onChatError: (err) => log.warn({ err }, 'telegram: the chat service failed'),
        });
        await typing;
        for (const [i, part] of (parts ?? []).entries()) {
          if (!(await deliver(log, 'telegram sendMessage', () => sendPart(gctx, msg.target, part, i === 0), policy))) return;
        }
      });
    });
    bot.catch((err) => log.error({ err: err.error }, 'telegram: update handler failed'));
    const handle = webhookCallback(bot, 'express', secret ? { secretToken: secret } : {});

    /** getMe once (grammY retries it until the signal fires), then the update to grammY. */
    return async (req: express.Request, res: express.Response) => {
      if (!bot.isInited()) {
        try {
          // (grammY types its signal with the abort-controller shim; Node's is the same at run time.)
          await bot.init(AbortSignal.timeout(Math.min(5_000, c.REQUEST_TIMEOUT_MS)) as unknown as Parameters<typeof bot.init>[0]);
        } catch (err) {
          log.error({ code: err instanceof GrammyError ? err.error_code : 'network' }, 'telegram: getMe failed');
          throw new AppError('PLATFORM_UNAVAILABLE', 'Telegram did not answer getMe; the update will be redelivered');
        }
      }
      await handle(req, res);
    };
  }
  const ready = Promise.all([import('grammy'), import('@grammyjs/auto-retry')]).then(([g, ar]) => setup(g, ar));
  ready.catch((err: unknown) => log.error({ err }, 'telegram: grammY failed to load'));

  r.post(
    '/bots/telegram',
    (req, _res, next) => {
      if (!secret) return next();
      const given = header(req.headers, 'x-telegram-bot-api-secret-token');
      if (!given || !safeEqual(given, secret)) {
        return next(new AppError('UNAUTHORIZED', 'Missing or wrong X-Telegram-Bot-Api-Secret-Token header', { field: 'X-Telegram-Bot-Api-Secret-Token' }));
      }
      next();
    },
    express.json({ limit: c.BODY_LIMIT_BYTES }),
    async (req, res) => {
      const u = updateSchema.safeParse(req.body);
      if (!u.success) {
        const field = u.error.issues[0]?.path.join('.') || 'body';
        throw new AppError('VALIDATION_FAILED', `Expected a Telegram Update: ${field}`, { field });
      }
      const handle = await ready.catch(() => undefined);
      if (!handle) throw new AppError('PLATFORM_UNAVAILABLE', 'grammY could not be loaded; the update will be redelivered');
      await handle(req, res);
    },
  );
  return r;
}
