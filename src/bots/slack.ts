/**
 * Slack: an Events API endpoint (`POST /bots/slack`) with Bolt's request verification and
 * `@slack/web-api`'s WebClient.
 *
 * - Every request is verified with Bolt's `verifySlackRequest` (v0 HMAC-SHA256 of
 *   `v0:<timestamp>:<raw body>`, timestamp within 5 minutes of the injected clock); otherwise
 *   401. Without SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN the endpoint answers 503.
 * - `url_verification` → `{"challenge"}`.
 * - Answered (acknowledged at once, replied with `chat.postMessage` afterwards):
 *   `app_mention` in channels (reply in the message's thread); `message` in a DM (`im`: reply in
 *   the DM itself, one conversation per DM, new after SESSION_TTL_MINUTES of silence or on
 *   "새 대화"/"new"/"/new"); `message` in a channel thread (`message.channels`/`message.groups`)
 *   without a new mention, but only in threads the bot has answered in (its conversation for the
 *   thread exists). A message that mentions the bot arrives twice (app_mention and message): it
 *   is answered once, by channel + ts (ctx.dedup), which also covers Slack's redeliveries.
 * - 429 (after Retry-After) and 5xx are retried by the WebClient (`retryConfig`), then logged
 *   with Slack's error code.
 *
 * Bolt's App/ExpressReceiver is not used: it would own the route, its body parsing and its
 * acknowledgements, and has no hook for the cross-process de-duplication (ctx.dedup) or the
 * closed-by-default gate; its request verification is what we take from it.
 */
// Bolt's verification module alone: the package index loads all of Bolt (about 0.7 s at start).
import { withNote } from '../chat/format.js';
import { verifySlackRequest } from '@slack/bolt/dist/receivers/verify-request.js';
import type { LogLevel, WebClient } from '@slack/web-api';
import express, { Router } from 'express';
import type { Logger } from 'pino';
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
  clock,
  commandOf,
  composeParts,
  escapeSlack,
  sessionIdFor,
  sourcesSlack,
  splitText,
  webUrl,
} from './adapter.js';
import type { BackgroundTasks } from './delivery.js';
import { type BotRateLimiter, botGate, header } from './guard.js';

/** Slack allows 40,000 characters, but long messages are truncated in clients: parts stay under this. */
export const SLACK_TEXT_LIMIT = 3000;
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

export interface SlackTarget {
  channel: string;
  /** The thread to reply in; none for a top-level DM. */
  threadTs?: string;
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

/** What kind of Slack message it is, which decides whether it is answered. */
export type SlackKind = 'mention' | 'dm' | 'thread-reply';

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

  constructor(private readonly opts: { publicUrl?: string } = {}) {}

  /** The kind of an event, or null when it is never answered (bots, edits, joins, top-level chatter). */
  kind(envelope: SlackEnvelope): SlackKind | null {
    const e = envelope.event;
    if (e.bot_id || e.subtype || !e.user) return null;
    if (e.type === 'app_mention') return 'mention';
    if (e.type !== 'message') return null;
    if (e.channel_type === 'im') return 'dm';
    if ((e.channel_type === 'channel' || e.channel_type === 'group') && e.thread_ts && e.thread_ts !== e.ts) return 'thread-reply';
    return null;
  }

  parse(envelope: SlackEnvelope): BotMessage<SlackTarget> | null {
    const kind = this.kind(envelope);
    if (!kind) return null;
    const e = envelope.event;
    if (!e.channel || !e.ts) {
      const field = `event.${e.channel ? 'ts' : 'channel'}`;
      throw new AppError('VALIDATION_FAILED', `${field} is required`, { field });
    }
    const text = slackToPlain(e.text ?? '');
    const command = commandOf(text);
    const team = envelope.team_id ?? '';
    const dm = kind === 'dm';
    const threadTs = dm ? e.thread_ts : (e.thread_ts ?? e.ts);
    return {
      platform: 'slack',
      conversationId: dm ? sessionIdFor('slack', team, 'dm', e.channel) : sessionIdFor('slack', team, e.channel, threadTs!),
      userId: `${team}:${e.user}`,
      text,
      ...(command ? { command } : {}),
      target: { channel: e.channel, ...(threadTs ? { threadTs } : {}) },
    };
  }

  render(res: ChatResponse): string[] {
    const lang = res.language;
    const sources = sourcesSlack(res.citations, lang);
    const web = webUrl(this.opts.publicUrl);
    if (web) sources.push(`<${web}|${WEB_LABEL[lang]}>`);
    return composeParts(escapeSlack(withNote(res.answer.trim(), res.note)), sources, `*${SOURCES_TITLE[lang]}*`, SLACK_TEXT_LIMIT, (s, limit) =>
      splitText(s, limit, { protect: [/<[^>\s]+>/g, /&(?:amp|lt|gt);/g] }),
    );
  }

  notice(text: string): string[] {
    return splitText(escapeSlack(text), SLACK_TEXT_LIMIT);
  }
}

/** The WebClient logs through pino. */
function slackLogger(log: Logger) {
  let level = 'warn' as LogLevel;
  return {
    debug: () => {},
    info: () => {},
    warn: (...m: unknown[]) => log.warn({ sdk: m.map(String).join(' ').slice(0, 300) }, 'slack web-api'),
    error: (...m: unknown[]) => log.warn({ sdk: m.map(String).join(' ').slice(0, 300) }, 'slack web-api'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

export function slackRoutes(ctx: AppContext, tasks: BackgroundTasks, limiter: BotRateLimiter): Router {
  const r = Router();
  const log = ctx.logger.child({ bot: 'slack' });
  const c = ctx.config;
  // Unsigned Slack events would let anyone make the bot post: there is no unsigned mode.
  const gate = botGate(log, { platform: 'slack', required: { SLACK_BOT_TOKEN: c.SLACK_BOT_TOKEN }, secrets: { SLACK_SIGNING_SECRET: c.SLACK_SIGNING_SECRET } });
  const now = clock(ctx);
  const adapter = new SlackAdapter(c.PUBLIC_URL ? { publicUrl: c.PUBLIC_URL } : {});
  // The Web API client is loaded only when Slack is configured, in the background from start.
  const client: Promise<WebClient> | undefined = gate.open
    ? import('@slack/web-api').then(
        ({ WebClient: Client }) =>
          new Client(c.SLACK_BOT_TOKEN, {
            slackApiUrl: `${c.SLACK_API_BASE.replace(/\/+$/, '')}/`,
            retryConfig: { retries: c.BOT_RETRY_ATTEMPTS, factor: 2, minTimeout: c.BOT_RETRY_BASE_MS, maxTimeout: c.BOT_RETRY_BASE_MS * 16, randomize: true },
            logger: slackLogger(log),
            timeout: 15_000,
          }),
      )
    : undefined;
  client?.catch((err: unknown) => log.error({ err }, 'slack: @slack/web-api failed to load'));

  const post = async (msg: BotMessage<SlackTarget>, parts: string[]) => {
    for (const text of parts) {
      try {
        await (await client!).chat.postMessage({ channel: msg.target.channel, ...(msg.target.threadTs ? { thread_ts: msg.target.threadTs } : {}), text, mrkdwn: true, unfurl_links: false, unfurl_media: false });
      } catch (err) {
        const e = err as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
        log.error({ what: 'slack chat.postMessage', code: e.data?.error ?? e.statusCode ?? e.code, err: e.message }, 'slack chat.postMessage failed; reply dropped');
        return;
      }
    }
  };

  /** Should this message be answered? A thread reply only in a thread the bot has answered in. */
  const wanted = async (kind: SlackKind, msg: BotMessage<SlackTarget>) => kind !== 'thread-reply' || (await ctx.sessions.get(msg.conversationId)) !== undefined;

  // The signature covers the raw bytes: this route reads its own body.
  r.post('/bots/slack', gate.middleware, express.raw({ type: () => true, limit: c.BODY_LIMIT_BYTES }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const signature = header(req.headers, 'x-slack-signature');
    const timestamp = header(req.headers, 'x-slack-request-timestamp');
    if (!signature || !timestamp) {
      throw new AppError('UNAUTHORIZED', 'Missing X-Slack-Signature or X-Slack-Request-Timestamp header', { field: signature ? 'X-Slack-Request-Timestamp' : 'X-Slack-Signature' });
    }
    // Bolt refuses old timestamps; one from the future is refused here too.
    if (!/^\d{1,12}$/.test(timestamp) || Number(timestamp) - now() / 1000 > SLACK_MAX_SKEW_SECONDS) {
      throw new AppError('UNAUTHORIZED', 'X-Slack-Request-Timestamp is more than 5 minutes away from the server clock', { field: 'X-Slack-Request-Timestamp' });
    }
    try {
      verifySlackRequest({ signingSecret: c.SLACK_SIGNING_SECRET!, body: rawBody, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) }, nowMilliseconds: now() });
    } catch (err) {
      const stale = /stale/.test((err as Error).message);
      throw new AppError('UNAUTHORIZED', stale ? 'X-Slack-Request-Timestamp is more than 5 minutes away from the server clock' : 'X-Slack-Signature does not match the request', {
        field: stale ? 'X-Slack-Request-Timestamp' : 'X-Slack-Signature',
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new AppError('INVALID_JSON', 'Request body is not valid JSON', { field: 'body' });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', 'Expected a Slack Events API payload (JSON object)', { field: 'body' });
    const type = (body as { type?: unknown }).type;
    if (type === 'url_verification') {
      const challenge = (body as { challenge?: unknown }).challenge;
      if (typeof challenge !== 'string' || !challenge) throw new AppError('VALIDATION_FAILED', 'challenge is required', { field: 'challenge' });
      res.status(200).json({ challenge });
      return;
    }
    if (typeof type !== 'string') throw new AppError('VALIDATION_FAILED', 'type is required', { field: 'type' });
    if (type !== 'event_callback') {
      res.status(200).json({ ok: true }); // app_rate_limited and future envelope types
      return;
    }
    const parsed = envelopeSchema.safeParse(body);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'body';
      throw new AppError('VALIDATION_FAILED', `Malformed event_callback: ${field}`, { field });
    }
    const msg = adapter.parse(parsed.data);
    const kind = adapter.kind(parsed.data);
    const answer = msg && kind && (await wanted(kind, msg)) && (await ctx.dedup.claim(`slack:${parsed.data.team_id ?? ''}:${parsed.data.event.channel}:${parsed.data.event.ts}`, 24 * 60 * 60_000));
    res.status(200).json({ ok: true });
    if (!answer || !msg) return;
    tasks.run('slack reply', async () => {
      const parts = await answerMessage(ctx, adapter, msg, {
        allow: (m) => limiter.check(`slack:${m.userId}`),
        onChatError: (err) => log.warn({ err }, 'slack: the chat service failed'),
      });
      if (parts) await post(msg, parts);
    });
  });
  return r;
}
