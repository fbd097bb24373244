/**
 * KakaoTalk: a Kakao i Open Builder skill (`POST /bots/kakao`), answering in skill response
 * version 2.0. Hand-written: Kakao has no official Node SDK.
 *
 * - Closed by default: the request must carry KAKAO_SKILL_SECRET in the `X-Kakao-Skill-Secret`
 *   header (a custom header in the skill's settings), otherwise 401; without the variable the
 *   endpoint answers 503 unless KAKAO_ALLOW_UNSIGNED=true (local trials; warned at start).
 * - The conversation is the Kakao user (`bot:kakao:<userRequest.user.id>`); "새 대화" starts over.
 * - The answer goes in up to 2 `simpleText` outputs (1000 characters each), its sources in a
 *   `listCard` (up to 5 items, each linking to the original article), with `quickReplies` for
 *   likely follow-ups ("요약해줘", "도움말"; Chinese labels for Chinese questions).
 * - Kakao waits 5 s for a skill. When the answer is not ready within KAKAO_TIMEOUT_MS (capped at
 *   4.5 s) and the block has a callback (`userRequest.callbackUrl`, AI chatbot blocks), the skill
 *   answers `useCallback: true` at once and POSTs the final response to the callback URL (valid
 *   for one minute, once). Without a callback it asks the user to ask again shortly, keeps the
 *   answer being prepared, and returns it immediately when the same question comes back.
 * - A callback URL is followed only when it is https on Kakao's own hosts (kakao.com and its
 *   subdomains), whatever the secret: the skill must never make this server POST to arbitrary,
 *   loopback or private addresses.
 */
import { withNote } from '../chat/format.js';
import express, { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppContext } from '../server/context.js';
import type { ChatResponse, Lang } from '../types.js';
import {
  type BotAdapter,
  type BotMessage,
  FAILED,
  SLOW_DOWN,
  SOURCES_TITLE,
  WEB_LABEL,
  answerMessage,
  clock,
  commandOf,
  guessLang,
  pageLabel,
  safeUrl,
  sessionIdFor,
  sourcesPlain,
  splitText,
  webUrl,
} from './adapter.js';
import { type BackgroundTasks, PlatformError, callJson, deliver } from './delivery.js';
import { type BotRateLimiter, botGate, header, safeEqual } from './guard.js';

// ───────────────────────────── wire format ─────────────────────────────

export const KAKAO_TEXT_LIMIT = 1000;
export const KAKAO_MAX_OUTPUTS = 3;
export const KAKAO_LIST_ITEMS = 5;
/** Kakao gives a skill 5 s; the budget before falling back is kept under it whatever is configured. */
export const KAKAO_HARD_BUDGET_MS = 4500;
/** A callback URL is valid for one minute: the answer must be posted before. */
export const KAKAO_CALLBACK_BUDGET_MS = 55_000;

export interface KakaoQuickReply {
  label: string;
  action: 'message';
  messageText: string;
}

export interface KakaoListItem {
  title: string;
  description?: string;
  link?: { web: string };
}

export type KakaoOutput =
  | { simpleText: { text: string } }
  | {
      listCard: {
        header: { title: string };
        items: KakaoListItem[];
        buttons?: Array<{ label: string; action: 'webLink'; webLinkUrl: string }>;
      };
    };

export interface KakaoSkillResponse {
  version: '2.0';
  template: { outputs: KakaoOutput[]; quickReplies?: KakaoQuickReply[] };
}

export interface KakaoCallbackAck {
  version: '2.0';
  useCallback: true;
  data: { text: string };
}

export interface KakaoTarget {
  /** The callback URL, when present and trusted. */
  callbackUrl?: string;
}

const payloadSchema = z.object({
  userRequest: z.object({
    utterance: z.string(),
    user: z.object({ id: z.union([z.string().min(1), z.number()]) }),
    callbackUrl: z.string().url().nullish(),
    lang: z.string().nullish(),
  }),
});

const QUICK: Record<Lang, { summary: string; help: string }> = {
  ko: { summary: '요약해줘', help: '도움말' },
  zh: { summary: '总结一下', help: '帮助' },
  en: { summary: 'Summarize', help: 'Help' },
};

const WAITING: Record<Lang, string> = {
  ko: '보고서에서 답을 찾고 있어요. 잠시만 기다려 주세요!',
  zh: '正在报告中查找答案，请稍候！',
  en: 'Looking it up in the report — one moment please!',
};

const ASK_AGAIN: Record<Lang, string> = {
  ko: '답변을 준비하는 데 시간이 조금 걸리고 있어요. 잠시 후 같은 질문을 다시 보내 주세요.',
  zh: '回答需要多一点时间准备，请稍后再发送一次同样的问题。',
  en: 'The answer is taking a little longer. Please send the same question again in a moment.',
};

const OMITTED: Record<Lang, string> = { ko: '…(이하 생략)', zh: '…（以下省略）', en: '… (truncated)' };

const cap = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

export function kakaoText(text: string, quickReplies?: KakaoQuickReply[]): KakaoSkillResponse {
  return { version: '2.0', template: { outputs: [{ simpleText: { text: cap(text, KAKAO_TEXT_LIMIT) } }], ...(quickReplies ? { quickReplies } : {}) } };
}

function quickReplies(lang: Lang, withSummary: boolean): KakaoQuickReply[] {
  const q = QUICK[lang];
  const labels = withSummary ? [q.summary, q.help] : [q.help];
  // Quick-reply labels are short (14 characters at most).
  return labels.map((l) => ({ label: cap(l, 14), action: 'message', messageText: l }));
}

/** Kakao's callback URLs are https on kakao.com or a subdomain of it. */
export function isKakaoCallbackHost(u: URL): boolean {
  return u.protocol === 'https:' && (u.hostname === 'kakao.com' || u.hostname.endsWith('.kakao.com')) && (u.port === '' || u.port === '443');
}

/** A callback URL we may POST to, or undefined. `allowed` is the host policy (tests replace it). */
export function trustedCallback(url: string | undefined | null, allowed: (u: URL) => boolean = isKakaoCallbackHost): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return allowed(u) ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A bounded map whose entries expire after `ttlMs` (clock injected); oldest evicted first. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(private readonly opts: { max: number; ttlMs: number; now: () => number }) {}

  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.opts.now() - e.at > this.opts.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.opts.now() });
    const cutoff = this.opts.now() - this.opts.ttlMs;
    // Insertion order is age order: drop expired entries from the front, then the excess.
    for (const [k, e] of this.entries) {
      if (e.at >= cutoff && this.entries.size <= this.opts.max) break;
      this.entries.delete(k);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}

// ───────────────────────────── the adapter ─────────────────────────────

export class KakaoAdapter implements BotAdapter<unknown, KakaoTarget, KakaoSkillResponse> {
  readonly platform = 'kakao' as const;

  constructor(private readonly opts: { publicUrl?: string; callbackAllowed?: (u: URL) => boolean } = {}) {}

  parse(payload: unknown): BotMessage<KakaoTarget> {
    if (payload === undefined || payload === null || typeof payload !== 'object') {
      throw new AppError('VALIDATION_FAILED', 'Expected a Kakao skill payload (JSON object)', { field: 'body' });
    }
    const p = payloadSchema.parse(payload);
    const { utterance, user, callbackUrl } = p.userRequest;
    const text = utterance.trim();
    const userId = String(user.id);
    const callback = trustedCallback(callbackUrl, this.opts.callbackAllowed);
    const command = commandOf(text);
    return {
      platform: 'kakao',
      conversationId: sessionIdFor('kakao', userId),
      userId,
      text,
      ...(command ? { command } : {}),
      target: callback ? { callbackUrl: callback } : {},
    };
  }

  render(res: ChatResponse, _msg?: BotMessage<KakaoTarget>): KakaoSkillResponse {
    const lang = res.language;
    const inCard = res.citations.slice(0, KAKAO_LIST_ITEMS);
    const rest = res.citations.slice(KAKAO_LIST_ITEMS);
    let text = withNote(res.answer.trim(), res.note);
    if (rest.length) text += `\n\n${sourcesPlain(rest, lang).join('\n')}`;
    const textSlots = KAKAO_MAX_OUTPUTS - (inCard.length ? 1 : 0);
    let parts = splitText(text, KAKAO_TEXT_LIMIT);
    if (parts.length > textSlots) {
      const suffix = OMITTED[lang];
      const tail = splitText(parts.slice(textSlots - 1).join('\n\n'), KAKAO_TEXT_LIMIT - suffix.length - 1)[0] ?? '';
      parts = [...parts.slice(0, textSlots - 1), `${tail}\n${suffix}`];
    }
    if (!parts.length) parts = [FAILED[lang]];
    const outputs: KakaoOutput[] = parts.map((t) => ({ simpleText: { text: t } }));
    if (inCard.length) {
      const web = webUrl(this.opts.publicUrl);
      outputs.push({
        listCard: {
          header: { title: SOURCES_TITLE[lang] },
          items: inCard.map((c) => {
            const url = safeUrl(c.source?.url);
            return {
              title: cap(`[${c.id}] ${c.article.title}`, 60),
              description: cap([c.section, pageLabel(c.page, lang)].filter(Boolean).join(' · '), 60),
              ...(url ? { link: { web: url } } : {}),
            };
          }),
          ...(web ? { buttons: [{ label: WEB_LABEL[lang], action: 'webLink' as const, webLinkUrl: web }] } : {}),
        },
      });
    }
    return { version: '2.0', template: { outputs, quickReplies: quickReplies(lang, res.found) } };
  }

  notice(text: string): KakaoSkillResponse {
    return kakaoText(text, quickReplies(guessLang(text), false));
  }

  callbackAck(lang: Lang): KakaoCallbackAck {
    return { version: '2.0', useCallback: true, data: { text: WAITING[lang] } };
  }

  askAgain(lang: Lang): KakaoSkillResponse {
    return kakaoText(ASK_AGAIN[lang], quickReplies(lang, false));
  }
}

// ───────────────────────────── the route ─────────────────────────────

function delay(ms: number): { promise: Promise<null>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export interface KakaoOptions {
  /** Host policy for callback URLs (default: https on Kakao's hosts). Tests point it at a loopback fake. */
  callbackAllowed?: (u: URL) => boolean;
}

export function kakaoRoutes(ctx: AppContext, tasks: BackgroundTasks, limiter: BotRateLimiter, opts: KakaoOptions = {}): Router {
  const r = Router();
  const log = ctx.logger.child({ bot: 'kakao' });
  const c = ctx.config;
  const secret = c.KAKAO_SKILL_SECRET;
  const gate = botGate(log, { platform: 'kakao', required: {}, secrets: { KAKAO_SKILL_SECRET: secret }, allowUnsigned: { name: 'KAKAO_ALLOW_UNSIGNED', value: c.KAKAO_ALLOW_UNSIGNED } });
  const adapter = new KakaoAdapter({ ...(c.PUBLIC_URL ? { publicUrl: c.PUBLIC_URL } : {}), ...(opts.callbackAllowed ? { callbackAllowed: opts.callbackAllowed } : {}) });
  const policy = { attempts: c.BOT_RETRY_ATTEMPTS, baseMs: c.BOT_RETRY_BASE_MS };
  // Answers still being prepared when the time budget ran out without a callback URL, by
  // conversation and question: asking again returns them instead of asking twice.
  const late = new TtlCache<string, Promise<KakaoSkillResponse>>({ max: 1000, ttlMs: 5 * 60_000, now: clock(ctx) });

  const verify: RequestHandler = (req, _res, next) => {
    if (!secret) return next(); // KAKAO_ALLOW_UNSIGNED (the gate refused otherwise)
    const given = header(req.headers, 'x-kakao-skill-secret');
    if (!given || !safeEqual(given, secret)) {
      return next(new AppError('UNAUTHORIZED', 'Missing or wrong X-Kakao-Skill-Secret header', { field: 'X-Kakao-Skill-Secret' }));
    }
    next();
  };

  const answer = (msg: BotMessage<KakaoTarget>, budgetMs: number): Promise<KakaoSkillResponse> =>
    answerMessage(ctx, adapter, msg, {
      allow: (m) => limiter.check(`kakao:${m.userId}`),
      signal: AbortSignal.timeout(budgetMs),
      onChatError: (err) => log.warn({ err }, 'kakao: the chat service failed'),
    }).then((out) => out ?? adapter.notice(SLOW_DOWN[guessLang(msg.text)]));

  const callback = async (url: string, out: KakaoSkillResponse) => {
    const body = (await callJson(url, { body: out, timeoutMs: 10_000 })) as { status?: string; message?: string } | undefined;
    if (body?.status && body.status !== 'SUCCESS') throw new PlatformError(`callback: ${body.message ?? body.status}`, { code: body.status, retryable: false });
  };

  r.post('/bots/kakao', gate.middleware, verify, express.json({ limit: c.BODY_LIMIT_BYTES }), async (req, res) => {
    const msg = adapter.parse(req.body);
    const lang = guessLang(msg.text);
    if (msg.command || msg.text.length > c.MAX_QUESTION_CHARS) {
      res.json(await answer(msg, c.REQUEST_TIMEOUT_MS));
      return;
    }
    const key = `${msg.conversationId}\u0000${msg.text}`;
    const callbackUrl = msg.target.callbackUrl;
    let job = late.get(key);
    // The callback URL is valid for one minute: the answer must be ready well before.
    job ??= answer(msg, callbackUrl ? KAKAO_CALLBACK_BUDGET_MS : c.REQUEST_TIMEOUT_MS);
    const timer = delay(Math.min(c.KAKAO_TIMEOUT_MS, KAKAO_HARD_BUDGET_MS));
    const ready = await Promise.race([job, timer.promise]);
    timer.cancel();
    if (ready) {
      late.delete(key);
      res.json(ready);
      return;
    }
    if (callbackUrl) {
      late.delete(key);
      res.json(adapter.callbackAck(lang));
      const pending = job;
      tasks.run('kakao callback', async () => {
        const out = await pending;
        // Single-use URL: a retry is only safe when the first POST got no answer (network, 5xx, 429).
        await deliver(log, 'kakao callback', () => callback(callbackUrl, out), { ...policy, maxRetryAfterMs: 5_000 });
      });
      return;
    }
    late.set(key, job);
    res.json(adapter.askAgain(lang));
  });
  return r;
}
