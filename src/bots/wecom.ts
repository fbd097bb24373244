/**
 * WeCom (企业微信): a self-built app's callback (`GET|POST /bots/wecom`).
 *
 * - URL verification (GET): `msg_signature`, `timestamp`, `nonce`, `echostr`; the signature is
 *   checked and `echostr` decrypted with the EncodingAESKey, and its plain text is the response.
 * - Messages (POST): an XML envelope whose `<Encrypt>` is signed (`msg_signature` over token,
 *   timestamp, nonce and the ciphertext) and AES-encrypted; both with `@wecom/crypto` (WeCom's
 *   own scheme), the XML with fast-xml-parser. The decrypted receive id must be our corp id, the
 *   timestamp within 5 minutes. WeCom wants an answer within 5 s and retries otherwise, so the
 *   callback is answered at once (empty 200, "no passive reply") and the answer is sent with
 *   `message/send` afterwards; a redelivered `MsgId` is answered once (ctx.dedup).
 * - `message/send` with an `access_token` from `gettoken`, cached until shortly before it
 *   expires and fetched again when WeCom reports it invalid or expired (40014, 42001).
 * - Markdown (links for the sources), each message under WeCom's 2048-byte limit.
 * - The conversation is the user: `bot:wecom:<corp>:<user>` (app messages are one-to-one).
 */
import { withNote } from '../chat/format.js';
import express, { Router } from 'express';
import { XMLParser } from 'fast-xml-parser';
import { decrypt, getSignature } from '@wecom/crypto';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import type { AppContext } from '../server/context.js';
import type { ChatResponse } from '../types.js';
import {
  answerMessage,
  type BotAdapter,
  type BotMessage,
  clock,
  commandOf,
  packLines,
  sessionIdFor,
  SOURCES_TITLE,
  sourcesMarkdown,
  splitText,
} from './adapter.js';
import { type BackgroundTasks, PlatformError, callJson, deliver } from './delivery.js';
import { type BotRateLimiter, botGate, safeEqual } from './guard.js';

/** WeCom's limit for markdown and text content is 2048 bytes of UTF-8. */
export const WECOM_MAX_BYTES = 2048;
/**
 * Parts are cut in UTF-16 units: a unit is at most 3 bytes of UTF-8 (a surrogate pair is 4
 * bytes for 2 units), so a third of the byte limit in units always fits, whatever the script.
 */
export const WECOM_PART_CHARS = Math.floor(WECOM_MAX_BYTES / 3);
export const WECOM_MAX_SKEW_SECONDS = 5 * 60;
/** errcodes worth another try: system busy, rate limits, an invalid or expired token. */
const RETRYABLE = new Set([-1, 45009, 45033, 40014, 42001, 40001]);
const TOKEN_INVALID = new Set([40014, 42001, 40001]);

export interface WecomTarget {
  user: string;
}

export interface WecomText {
  msgtype: 'markdown';
  markdown: { content: string };
}

const xml = new XMLParser({ parseTagValue: false, processEntities: false, ignoreDeclaration: true });

/** An XML document's `<xml>` element as strings, or undefined when it is not one. */
export function parseWecomXml(text: string): Record<string, string> | undefined {
  try {
    const doc = xml.parse(text) as { xml?: unknown };
    const root = doc?.xml;
    if (!root || typeof root !== 'object') return undefined;
    return Object.fromEntries(Object.entries(root).map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')]));
  } catch {
    return undefined;
  }
}

/** Markdown link label and URL without the characters that would end them early. */

export class WecomAdapter implements BotAdapter<Record<string, string>, WecomTarget, WecomText[]> {
  readonly platform = 'wecom' as const;

  constructor(private readonly opts: { corpId: string; publicUrl?: string }) {}

  parse(m: Record<string, string>): BotMessage<WecomTarget> | null {
    if (m['MsgType'] !== 'text') return null; // images, voice, events (enter_agent…): nothing to answer
    const user = m['FromUserName'];
    if (!user) throw new AppError('VALIDATION_FAILED', 'FromUserName is required', { field: 'FromUserName' });
    const text = (m['Content'] ?? '').trim();
    const command = commandOf(text);
    return {
      platform: 'wecom',
      conversationId: sessionIdFor('wecom', this.opts.corpId, user),
      userId: user,
      text,
      ...(command ? { command } : {}),
      target: { user },
    };
  }

  render(res: ChatResponse): WecomText[] {
    const lang = res.language;
    const lines = sourcesMarkdown(res.citations, lang, this.opts.publicUrl);
    const body = splitText(withNote(res.answer.trim(), res.note), WECOM_PART_CHARS);
    const sources = lines.length ? packLines([`**${SOURCES_TITLE[lang]}**`, ...lines], WECOM_PART_CHARS) : [];
    const last = body[body.length - 1];
    if (last !== undefined && sources[0] !== undefined && last.length + 2 + sources[0].length <= WECOM_PART_CHARS) {
      body[body.length - 1] = `${last}\n\n${sources.shift()}`;
    }
    return [...body, ...sources].map((content) => ({ msgtype: 'markdown', markdown: { content } }));
  }

  notice(text: string): WecomText[] {
    return splitText(text, WECOM_PART_CHARS).map((content) => ({ msgtype: 'markdown', markdown: { content } }));
  }
}

/** An access_token from `gettoken`, cached until 5 minutes before it expires; one fetch at a time. */
export class WecomToken {
  private token: { value: string; until: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly o: { base: string; corpId: string; secret: string; now: () => number }) {}

  get(): Promise<string> {
    if (this.token && this.token.until > this.o.now()) return Promise.resolve(this.token.value);
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(): void {
    this.token = undefined;
  }

  private async fetch(): Promise<string> {
    const url = `${this.o.base}/cgi-bin/gettoken?corpid=${encodeURIComponent(this.o.corpId)}&corpsecret=${encodeURIComponent(this.o.secret)}`;
    const body = (await callJson(url, { method: 'GET' })) as { errcode?: number; errmsg?: string; access_token?: string; expires_in?: number } | undefined;
    if (!body || body.errcode || !body.access_token) {
      const code = body?.errcode ?? 'no_token';
      throw new PlatformError(`gettoken: ${body?.errmsg ?? 'no access_token'}`, { code, retryable: code === -1 });
    }
    const ttl = Math.max(60, (body.expires_in ?? 7200) - 300) * 1000;
    this.token = { value: body.access_token, until: this.o.now() + ttl };
    return body.access_token;
  }
}

export function wecomRoutes(ctx: AppContext, tasks: BackgroundTasks, limiter: BotRateLimiter): Router {
  const r = Router();
  const log: Logger = ctx.logger.child({ bot: 'wecom' });
  const c = ctx.config;
  const gate = botGate(log, {
    platform: 'wecom',
    required: { WECOM_CORP_ID: c.WECOM_CORP_ID, WECOM_AGENT_ID: c.WECOM_AGENT_ID, WECOM_SECRET: c.WECOM_SECRET },
    // Messages are encrypted with the AES key: there is no unsigned mode.
    secrets: { WECOM_TOKEN: c.WECOM_TOKEN, WECOM_ENCODING_AES_KEY: c.WECOM_ENCODING_AES_KEY },
  });
  const now = clock(ctx);
  const corpId = c.WECOM_CORP_ID ?? '';
  const base = c.WECOM_API_BASE.replace(/\/+$/, '');
  const adapter = new WecomAdapter({ corpId, ...(c.PUBLIC_URL ? { publicUrl: c.PUBLIC_URL } : {}) });
  const token = new WecomToken({ base, corpId, secret: c.WECOM_SECRET ?? '', now });
  const policy = { attempts: c.BOT_RETRY_ATTEMPTS, baseMs: c.BOT_RETRY_BASE_MS };

  /** Checks msg_signature and timestamp over `encrypted`, decrypts it, checks the receive id. */
  const open = (query: Record<string, unknown>, encrypted: string | undefined, field: string): string => {
    const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : undefined);
    const signature = str('msg_signature');
    const timestamp = str('timestamp');
    const nonce = str('nonce');
    for (const [k, v] of [['msg_signature', signature], ['timestamp', timestamp], ['nonce', nonce]] as const) {
      if (!v) throw new AppError('VALIDATION_FAILED', `${k} is required`, { field: k });
    }
    if (!encrypted) throw new AppError('VALIDATION_FAILED', `${field} is required`, { field });
    if (!safeEqual(signature!, getSignature(c.WECOM_TOKEN!, timestamp!, nonce!, encrypted))) {
      throw new AppError('UNAUTHORIZED', 'msg_signature does not match the request', { field: 'msg_signature' });
    }
    if (!/^\d{1,12}$/.test(timestamp!) || Math.abs(now() / 1000 - Number(timestamp)) > WECOM_MAX_SKEW_SECONDS) {
      throw new AppError('UNAUTHORIZED', 'timestamp is more than 5 minutes away from the server clock', { field: 'timestamp' });
    }
    let plain: { message: string; id: string };
    try {
      plain = decrypt(c.WECOM_ENCODING_AES_KEY!, encrypted);
    } catch {
      throw new AppError('VALIDATION_FAILED', `${field} cannot be decrypted with WECOM_ENCODING_AES_KEY`, { field });
    }
    if (!safeEqual(plain.id, corpId)) throw new AppError('UNAUTHORIZED', `${field} was not encrypted for WECOM_CORP_ID`, { field });
    return plain.message;
  };

  const send = async (user: string, msg: WecomText) => {
    const access = await token.get();
    const body = (await callJson(`${base}/cgi-bin/message/send?access_token=${encodeURIComponent(access)}`, {
      body: { touser: user, agentid: c.WECOM_AGENT_ID, ...msg },
    })) as { errcode?: number; errmsg?: string } | undefined;
    const code = body?.errcode ?? 0;
    if (code === 0) return;
    if (TOKEN_INVALID.has(code)) token.invalidate();
    throw new PlatformError(`message/send: ${body?.errmsg ?? 'error'}`, { code, retryable: RETRYABLE.has(code) });
  };

  r.get('/bots/wecom', gate.middleware, (req, res) => {
    const echostr = typeof req.query['echostr'] === 'string' ? req.query['echostr'] : undefined;
    res.type('text/plain').send(open(req.query, echostr, 'echostr'));
  });

  r.post('/bots/wecom', gate.middleware, express.text({ type: () => true, limit: c.BODY_LIMIT_BYTES }), async (req, res) => {
    const envelope = parseWecomXml(typeof req.body === 'string' ? req.body : '');
    if (!envelope) throw new AppError('VALIDATION_FAILED', 'Expected a WeCom XML callback (<xml><Encrypt>…</Encrypt></xml>)', { field: 'body' });
    const inner = parseWecomXml(open(req.query, envelope['Encrypt'], 'Encrypt'));
    if (!inner) throw new AppError('VALIDATION_FAILED', 'The decrypted message is not WeCom XML', { field: 'Encrypt' });
    const msg = adapter.parse(inner);
    const id = inner['MsgId'] ?? `${inner['FromUserName']}:${inner['CreateTime']}`;
    const first = msg ? await ctx.dedup.claim(`wecom:${corpId}:${id}`, 24 * 60 * 60_000) : false;
    // Empty 200: "received, no passive reply" (WeCom retries anything slower than 5 s or non-200).
    res.status(200).type('text/plain').send('');
    if (!msg || !first) return;
    tasks.run('wecom reply', async () => {
      const out = await answerMessage(ctx, adapter, msg, {
        allow: (m) => limiter.check(`wecom:${m.userId}`),
        onChatError: (err) => log.warn({ err }, 'wecom: the chat service failed'),
      });
      for (const part of out ?? []) {
        if (!(await deliver(log, 'wecom message/send', () => send(msg.target.user, part), policy))) return;
      }
    });
  });
  return r;
}

