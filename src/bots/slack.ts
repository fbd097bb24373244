/**
 * Slack: an Events API endpoint (`POST /bots/slack`).
 *
 * - Every request is verified: `X-Slack-Signature` must equal
 *   `v0=hex(HMAC-SHA256(SLACK_SIGNING_SECRET, "v0:" + X-Slack-Request-Timestamp + ":" + raw body))`
 *   (constant-time compare), and the timestamp must be within 5 minutes of the (injected) clock;
 *   otherwise 401. Accepting unsigned events would let anyone make the bot post, so without
 *   SLACK_SIGNING_SECRET the endpoint refuses with 503 BOT_NOT_CONFIGURED.
 * - `url_verification` → `{"challenge": …}` (works before SLACK_BOT_TOKEN is set).
 * - `event_callback`: acknowledged with 200 at once; the answer is posted afterwards with
 *   `chat.postMessage` in the thread of the question (`thread_ts` = the event's `thread_ts`, or
 *   its `ts`), in mrkdwn, sources as `<url|title>` links, split under 3000 characters.
 *   Handled: `app_mention` (channels) and `message` in direct messages (`channel_type: im`).
 *   Ignored: bot messages (`bot_id`), any `subtype` (edits, joins, the bot's own posts…).
 * - The conversation is the thread: `slack:<channel>:<thread_ts or ts>`.
 * - Slack redelivers an event it thinks failed (`X-Slack-Retry-Num`); deliveries are
 *   deduplicated by `event_id`, so a retry is acknowledged and not answered twice.
 */
import { createHmac } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppContext } from '../server/context.js';
import type { ChatResponse, Lang } from '../types.js';
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
  escapeSlack,
  guessLang,
  header,
  helpText,
  isHelpWord,
  postJson,
  safeEqual,
  sessionIdFor,
  sourcesSlack,
  splitText,
} from './adapter.js';

/** Slack allows 40,000 characters, but long messages are truncated in clients: parts stay under this. */
export const SLACK_TEXT_LIMIT = 3000;
/** Requests older (or newer) than this are replays. */
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

export interface SlackTarget {
  channel: string;
  threadTs: string;
}

const envelopeSchema = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
  event: z
    .object({
      type: z.string().min(1),
      subtype: z.string().optional(),
      bot_id: z.string().optional(),
      user: z.string().optional(),
      text: z.string().optional(),
      channel: z.string().optional(),
      channel_type: z.string().optional(),
      ts: z.string().optional(),
      thread_ts: z.string().optional(),
    })
    .passthrough(),
});

export type SlackEnvelope = z.infer<typeof envelopeSchema>;

/** The v0 signature of a request body at a timestamp. */
export function slackSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

/** Throws 401 unless the request is signed with `secret` and recent. */
export function verifySlackRequest(opts: {
  secret: string;
  rawBody: Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs: number;
}): void {
  const { timestamp, signature } = opts;
  if (!timestamp || !signature) {
    throw new AppError('UNAUTHORIZED', 'Missing X-Slack-Signature or X-Slack-Request-Timestamp header', { field: signature ? 'X-Slack-Request-Timestamp' : 'X-Slack-Signature' });
  }
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(opts.nowMs / 1000 - Number(timestamp)) > SLACK_MAX_SKEW_SECONDS) {
    throw new AppError('UNAUTHORIZED', 'X-Slack-Request-Timestamp is more than 5 minutes away from the server clock', { field: 'X-Slack-Request-Timestamp' });
  }
  if (!safeEqual(signature, slackSignature(opts.secret, timestamp, opts.rawBody))) {
    throw new AppError('UNAUTHORIZED', 'X-Slack-Signature does not match the request', { field: 'X-Slack-Signature' });
  }
}

/** Slack markup in a message → plain text: mentions removed, links unwrapped, entities decoded. */
export function slackToPlain(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<!(?:here|channel|everyone)(?:\|[^>]*)?>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export class SlackAdapter implements BotAdapter<SlackEnvelope, SlackTarget, string[]> {
  readonly platform = 'slack' as const;

  parse(envelope: SlackEnvelope): BotMessage<SlackTarget> | null {
    const e = envelope.event;
    // The bot's own posts and other bots' (bot_id), edits/joins/… (subtype): never answered.
    if (e.bot_id || e.subtype || !e.user) return null;
    const handled = e.type === 'app_mention' || (e.type === 'message' && e.channel_type === 'im');
    if (!handled) return null;
    if (!e.channel || !e.ts) {
      throw new AppError('VALIDATION_FAILED', `event.${e.channel ? 'ts' : 'channel'} is required`, { field: `event.${e.channel ? 'ts' : 'channel'}` });
    }
    const text = slackToPlain(e.text ?? '');
    const threadTs = e.thread_ts ?? e.ts;
    return {
      platform: 'slack',
      conversationId: sessionIdFor('slack', e.channel, threadTs),
      userId: e.user,
      text,
      ...(!text || isHelpWord(text) ? { command: 'help' as const } : {}),
      target: { channel: e.channel, threadTs },
    };
  }

  render(res: ChatResponse): string[] {
    const lang = res.language;
    const parts = composeParts(escapeSlack(res.answer.trim()), sourcesSlack(res.citations, lang), `*${SOURCES_TITLE[lang]}*`, SLACK_TEXT_LIMIT, (s, limit) =>
      splitText(s, limit, { protect: [/<[^>\s]+>/g, /&(?:amp|lt|gt);/g] }),
    );
    return parts.length ? parts : [FAILED[lang]];
  }

  help(msg: BotMessage<SlackTarget>): string[] {
    return splitText(escapeSlack(helpText(msg.text ? guessLang(msg.text) : undefined)), SLACK_TEXT_LIMIT);
  }
}

export function slackRoutes(ctx: AppContext, tasks: BackgroundTasks): Router {
  const r = Router();
  const log = ctx.logger.child({ bot: 'slack' });
  const { SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: token } = ctx.config;
  const apiBase = ctx.config.SLACK_API_BASE.replace(/\/+$/, '');
  const adapter = new SlackAdapter();
  const now = clock(ctx);
  const seen = new DedupeCache({ now, ttlMs: 60 * 60_000 });

  const post = async (target: SlackTarget, parts: string[]) => {
    for (const text of parts) {
      const out = await postJson(
        `${apiBase}/chat.postMessage`,
        { channel: target.channel, thread_ts: target.threadTs, text, mrkdwn: true, unfurl_links: false, unfurl_media: false },
        { headers: { Authorization: `Bearer ${token}` }, timeoutMs: 15_000 },
      );
      const body = out.body as { ok?: boolean; error?: string } | undefined;
      if (out.status >= 300 || !body?.ok) {
        log.error({ status: out.status, error: body?.error }, 'slack: chat.postMessage failed');
        return;
      }
    }
  };

  const reply = async (msg: BotMessage<SlackTarget>): Promise<string[]> => {
    if (msg.command) return adapter.help(msg);
    const lang: Lang = guessLang(msg.text);
    if (msg.text.length > ctx.config.MAX_QUESTION_CHARS) return [TOO_LONG[lang](ctx.config.MAX_QUESTION_CHARS)];
    try {
      return adapter.render(await askChat(ctx, msg, AbortSignal.timeout(ctx.config.REQUEST_TIMEOUT_MS)));
    } catch (err) {
      log.warn({ err }, 'slack: the chat service failed');
      return [FAILED[lang]];
    }
  };

  // The signature covers the raw bytes: this route reads its own body.
  r.post('/bots/slack', express.raw({ type: () => true, limit: ctx.config.BODY_LIMIT_BYTES }), (req, res, next) => {
    try {
      if (!secret) {
        throw new AppError('BOT_NOT_CONFIGURED', 'The Slack bot is not configured: set SLACK_SIGNING_SECRET (and SLACK_BOT_TOKEN) to accept events');
      }
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      verifySlackRequest({
        secret,
        rawBody,
        timestamp: header(req.headers, 'x-slack-request-timestamp'),
        signature: header(req.headers, 'x-slack-signature'),
        nowMs: now(),
      });
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new AppError('INVALID_JSON', 'Request body is not valid JSON', { field: 'body' });
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw new AppError('VALIDATION_FAILED', 'Expected a Slack Events API payload (JSON object)', { field: 'body' });
      }
      const type = (body as { type?: unknown }).type;
      if (type === 'url_verification') {
        const challenge = (body as { challenge?: unknown }).challenge;
        if (typeof challenge !== 'string' || !challenge) throw new AppError('VALIDATION_FAILED', 'challenge is required', { field: 'challenge' });
        res.status(200).json({ challenge });
        return;
      }
      if (typeof type !== 'string') throw new AppError('VALIDATION_FAILED', 'type is required', { field: 'type' });
      if (type !== 'event_callback') {
        // app_rate_limited and future envelope types: acknowledged, nothing to do.
        res.status(200).json({ ok: true });
        return;
      }
      const envelope = envelopeSchema.parse(body);
      if (!token) throw new AppError('BOT_NOT_CONFIGURED', 'The Slack bot cannot reply: set SLACK_BOT_TOKEN');
      const msg = adapter.parse(envelope);
      const retry = header(req.headers, 'x-slack-retry-num');
      if (seen.check(envelope.event_id)) {
        log.debug({ eventId: envelope.event_id, retry }, 'slack: duplicate delivery ignored');
        res.status(200).json({ ok: true });
        return;
      }
      res.status(200).json({ ok: true });
      if (!msg) return;
      tasks.run('slack reply', async () => post(msg.target, await reply(msg)));
    } catch (err) {
      next(err);
    }
  });
  return r;
}
