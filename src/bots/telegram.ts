/**
 * Telegram: a Bot API webhook (`POST /bots/telegram`).
 *
 * - With TELEGRAM_WEBHOOK_SECRET set (the `secret_token` given to `setWebhook`), every update
 *   must carry it in `X-Telegram-Bot-Api-Secret-Token` (compared in constant time); otherwise 401.
 * - `/start` and `/help` answer with the help text in the user's language (`from.language_code`:
 *   Chinese, Korean, English; both Korean and Chinese when unknown). Other text is a question in
 *   the conversation `telegram:<chat.id>`.
 * - Replies use HTML parse mode (text escaped), with the sources as a numbered list of
 *   `<a href>` links, split under 4096 characters without breaking a tag, an entity or a link.
 * - With TELEGRAM_BOT_TOKEN set, the webhook is acknowledged at once (200) and the answer sent
 *   with `sendMessage` through TELEGRAM_API_BASE (all parts, in order, the first as a reply to
 *   the question). Without a token the answer's first part is returned in the webhook response
 *   itself (`{"method": "sendMessage", …}`), which Telegram executes.
 * - Updates without message text (stickers, photos, edited messages, channel posts, callback
 *   queries…) and messages from bots are acknowledged and ignored; a redelivered update
 *   (same `update_id`) is answered once.
 */
import express, { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { type AppContext, requestSignal } from '../server/context.js';
import type { ChatResponse } from '../types.js';
import {
  type BackgroundTasks,
  type BotAdapter,
  type BotMessage,
  DedupeCache,
  FAILED,
  SOURCES_TITLE,
  TOO_LONG,
  askChat,
  clock,
  composeParts,
  escapeHtml,
  guessLang,
  header,
  helpText,
  langFromCode,
  postJson,
  redactUrl,
  safeEqual,
  sessionIdFor,
  sourcesHtml,
  splitHtml,
} from './adapter.js';

export const TELEGRAM_TEXT_LIMIT = 4096;

export interface TelegramTarget {
  chatId: number | string;
  messageId?: number;
  /** Forum topic the question was asked in. */
  threadId?: number;
}

/** A `sendMessage` call (Bot API), without chat_id. */
export interface TelegramText {
  text: string;
  parse_mode?: 'HTML';
}

const updateSchema = z.object({
  update_id: z.number().int(),
  message: z
    .object({
      message_id: z.number().int().optional(),
      message_thread_id: z.number().int().optional(),
      is_topic_message: z.boolean().optional(),
      chat: z.object({ id: z.union([z.number().int(), z.string().min(1)]), type: z.string().optional() }),
      from: z.object({ id: z.number().optional(), is_bot: z.boolean().optional(), language_code: z.string().optional() }).optional(),
      text: z.unknown().optional(),
    })
    .optional(),
});

export class TelegramAdapter implements BotAdapter<unknown, TelegramTarget, TelegramText[]> {
  readonly platform = 'telegram' as const;

  parse(update: unknown): BotMessage<TelegramTarget> | null {
    if (update === undefined || update === null || typeof update !== 'object' || Array.isArray(update)) {
      throw new AppError('VALIDATION_FAILED', 'Expected a Telegram Update (JSON object)', { field: 'body' });
    }
    const u = updateSchema.parse(update);
    const m = u.message;
    // edited_message, channel_post, callback_query…: not questions.
    if (!m || typeof m.text !== 'string' || m.from?.is_bot) return null;
    const uiLanguage = langFromCode(m.from?.language_code);
    let text = m.text.trim();
    let command: BotMessage['command'];
    const cmd = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text);
    if (cmd) {
      const name = cmd[1]!.toLowerCase();
      if (name === 'start' || name === 'help') command = name;
      else if (cmd[2]?.trim()) text = cmd[2].trim(); // "/ask 질문" → the question
      else command = 'help';
    }
    // "@bot_name 질문" in a group: the mention is not part of the question.
    text = text.replace(/^(?:@\w+[\s,:]*)+/, '').trim();
    if (!text && !command) command = 'help';
    return {
      platform: 'telegram',
      conversationId: sessionIdFor('telegram', m.chat.id),
      userId: String(m.from?.id ?? m.chat.id),
      text,
      ...(uiLanguage ? { uiLanguage } : {}),
      ...(command ? { command } : {}),
      target: {
        chatId: m.chat.id,
        ...(m.message_id !== undefined ? { messageId: m.message_id } : {}),
        ...(m.is_topic_message && m.message_thread_id !== undefined ? { threadId: m.message_thread_id } : {}),
      },
    };
  }

  render(res: ChatResponse): TelegramText[] {
    const lang = res.language;
    const parts = composeParts(escapeHtml(res.answer.trim()), sourcesHtml(res.citations, lang), `<b>${SOURCES_TITLE[lang]}</b>`, TELEGRAM_TEXT_LIMIT, splitHtml);
    return (parts.length ? parts : [escapeHtml(FAILED[lang])]).map((text) => ({ text, parse_mode: 'HTML' }));
  }

  help(msg: BotMessage<TelegramTarget>): TelegramText[] {
    return splitHtml(escapeHtml(helpText(msg.uiLanguage)), TELEGRAM_TEXT_LIMIT).map((text) => ({ text, parse_mode: 'HTML' }));
  }

  /** The full `sendMessage` parameters for one part. */
  sendParams(target: TelegramTarget, part: TelegramText, first: boolean): Record<string, unknown> {
    return {
      chat_id: target.chatId,
      ...part,
      link_preview_options: { is_disabled: true },
      ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
      ...(first && target.messageId !== undefined ? { reply_parameters: { message_id: target.messageId, allow_sending_without_reply: true } } : {}),
    };
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

export function telegramRoutes(ctx: AppContext, tasks: BackgroundTasks): Router {
  const r = Router();
  const log = ctx.logger.child({ bot: 'telegram' });
  const { TELEGRAM_WEBHOOK_SECRET: secret, TELEGRAM_BOT_TOKEN: token } = ctx.config;
  const apiBase = ctx.config.TELEGRAM_API_BASE.replace(/\/+$/, '');
  const adapter = new TelegramAdapter();
  const seen = new DedupeCache({ now: clock(ctx), ttlMs: 24 * 60 * 60_000 });
  if (token && !secret) log.warn('TELEGRAM_WEBHOOK_SECRET is not set: anyone who knows the webhook URL can make the bot post');

  const verify: RequestHandler = (req, _res, next) => {
    if (!secret) return next();
    const given = header(req.headers, 'x-telegram-bot-api-secret-token');
    if (!given || !safeEqual(given, secret)) {
      return next(new AppError('UNAUTHORIZED', 'Missing or wrong X-Telegram-Bot-Api-Secret-Token header', { field: 'X-Telegram-Bot-Api-Secret-Token' }));
    }
    next();
  };

  const call = async (method: string, params: Record<string, unknown>) => {
    const url = `${apiBase}/bot${token}/${method}`;
    const out = await postJson(url, params, { timeoutMs: 15_000 });
    const body = out.body as { ok?: boolean; description?: string } | undefined;
    return { ok: out.status < 300 && body?.ok !== false, status: out.status, description: body?.description, url: redactUrl(url) };
  };

  const send = async (target: TelegramTarget, parts: TelegramText[]) => {
    for (const [i, part] of parts.entries()) {
      const sent = await call('sendMessage', adapter.sendParams(target, part, i === 0));
      if (sent.ok) continue;
      // HTML refused ("can't parse entities"): send the same text as plain text.
      if (sent.status === 400 && /parse entities/i.test(sent.description ?? '')) {
        const retry = await call('sendMessage', adapter.sendParams(target, { text: htmlToPlain(part.text) }, i === 0));
        if (retry.ok) continue;
      }
      log.error({ status: sent.status, description: sent.description, url: sent.url }, 'telegram: sendMessage failed');
      return;
    }
  };

  const reply = async (msg: BotMessage<TelegramTarget>, signal: AbortSignal): Promise<TelegramText[]> => {
    if (msg.command) return adapter.help(msg);
    const lang = guessLang(msg.text);
    if (msg.text.length > ctx.config.MAX_QUESTION_CHARS) return [{ text: escapeHtml(TOO_LONG[lang](ctx.config.MAX_QUESTION_CHARS)) }];
    try {
      return adapter.render(await askChat(ctx, msg, signal));
    } catch (err) {
      log.warn({ err }, 'telegram: the chat service failed');
      return [{ text: escapeHtml(FAILED[lang]) }];
    }
  };

  r.post('/bots/telegram', verify, express.json({ limit: ctx.config.BODY_LIMIT_BYTES }), async (req, res, next) => {
    try {
      const msg = adapter.parse(req.body);
      const updateId = String((req.body as { update_id: number }).update_id);
      if (!msg || seen.check(updateId)) {
        res.status(200).json({});
        return;
      }
      if (!token) {
        // No token: the webhook response is the reply (first part only).
        const parts = await reply(msg, requestSignal(res, ctx.config.REQUEST_TIMEOUT_MS));
        if (res.headersSent) return; // timed out meanwhile (504 already sent)
        res.status(200).json({ method: 'sendMessage', ...adapter.sendParams(msg.target, parts[0]!, true) });
        return;
      }
      res.status(200).json({});
      tasks.run('telegram reply', async () => {
        // "typing…" while the answer is prepared (best effort).
        const typing = msg.command ? undefined : call('sendChatAction', { chat_id: msg.target.chatId, action: 'typing' }).catch(() => undefined);
        const parts = await reply(msg, AbortSignal.timeout(ctx.config.REQUEST_TIMEOUT_MS));
        await typing;
        await send(msg.target, parts);
      });
    } catch (err) {
      next(err);
    }
  });
  return r;
}
