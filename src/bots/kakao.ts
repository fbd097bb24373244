/**
 * KakaoTalk: a Kakao i Open Builder skill (`POST /bots/kakao`), answering in skill response
 * version 2.0.
 *
 * - Optional shared secret: with KAKAO_SKILL_SECRET set, the request must carry it in the
 *   `X-Kakao-Skill-Secret` header (a custom header in the skill's settings in Open Builder);
 *   otherwise 401.
 * - The conversation is the Kakao user (`kakao:<userRequest.user.id>`).
 * - The answer goes in up to 2 `simpleText` outputs (1000 characters each), its sources in a
 *   `listCard` (up to 5 items, each linking to the original article), with `quickReplies` for
 *   likely follow-ups ("요약해줘", "도움말"; Chinese labels for Chinese questions).
 * - Kakao waits 5 s for a skill. When the answer is not ready within KAKAO_TIMEOUT_MS (capped at
 *   4.5 s) and the block has a callback (`userRequest.callbackUrl`, AI chatbot blocks), the skill
 *   answers `useCallback: true` at once and POSTs the final response to the callback URL (valid
 *   for one minute, once). Without a callback it asks the user to ask again shortly, keeps the
 *   answer being prepared, and returns it immediately when the same question comes back.
 * - A callback URL is only trusted from an authenticated request (secret configured) or when it
 *   is an https URL on kakao.com: an open skill must not be usable to make this server POST to
 *   arbitrary addresses.
 */
import express, { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppContext } from '../server/context.js';
import type { ChatResponse, Lang } from '../types.js';
import {
  type BackgroundTasks,
  type BotAdapter,
  type BotMessage,
  FAILED,
  SOURCES_TITLE,
  TOO_LONG,
  TtlCache,
  askChat,
  clock,
  guessLang,
  header,
  helpText,
  isHelpWord,
  pageLabel,
  postJson,
  safeEqual,
  safeUrl,
  sessionIdFor,
  sourcesPlain,
  splitText,
} from './adapter.js';

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

/** Is a callback URL one we may POST to? */
export function trustedCallback(url: string | undefined | null, authenticated: boolean): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (authenticated) return u.protocol === 'https:' || u.protocol === 'http:' ? url : undefined;
    return u.protocol === 'https:' && (u.hostname === 'kakao.com' || u.hostname.endsWith('.kakao.com')) ? url : undefined;
  } catch {
    return undefined;
  }
}

// ───────────────────────────── the adapter ─────────────────────────────

export class KakaoAdapter implements BotAdapter<unknown, KakaoTarget, KakaoSkillResponse> {
  readonly platform = 'kakao' as const;

  constructor(private readonly opts: { publicUrl?: string; authenticated: () => boolean }) {}

  parse(payload: unknown): BotMessage<KakaoTarget> {
    if (payload === undefined || payload === null || typeof payload !== 'object') {
      throw new AppError('VALIDATION_FAILED', 'Expected a Kakao skill payload (JSON object)', { field: 'body' });
    }
    const p = payloadSchema.parse(payload);
    const { utterance, user, callbackUrl } = p.userRequest;
    const text = utterance.trim();
    const userId = String(user.id);
    const callback = trustedCallback(callbackUrl, this.opts.authenticated());
    return {
      platform: 'kakao',
      conversationId: sessionIdFor('kakao', userId),
      userId,
      text,
      ...(!text || isHelpWord(text) ? { command: 'help' as const } : {}),
      target: callback ? { callbackUrl: callback } : {},
    };
  }

  render(res: ChatResponse, _msg?: BotMessage<KakaoTarget>): KakaoSkillResponse {
    const lang = res.language;
    const inCard = res.citations.slice(0, KAKAO_LIST_ITEMS);
    const rest = res.citations.slice(KAKAO_LIST_ITEMS);
    let text = res.answer.trim();
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
      const web = safeUrl(this.opts.publicUrl);
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
          ...(web ? { buttons: [{ label: lang === 'zh' ? '网页版' : lang === 'en' ? 'Open web' : '웹에서 보기', action: 'webLink' as const, webLinkUrl: web }] } : {}),
        },
      });
    }
    return { version: '2.0', template: { outputs, quickReplies: quickReplies(lang, res.found) } };
  }

  help(msg: BotMessage<KakaoTarget>): KakaoSkillResponse {
    const lang = msg.text ? guessLang(msg.text) : 'ko';
    return kakaoText(helpText(msg.text ? lang : undefined), quickReplies(lang, false));
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

export function kakaoRoutes(ctx: AppContext, tasks: BackgroundTasks): Router {
  const r = Router();
  const log = ctx.logger.child({ bot: 'kakao' });
  const secret = ctx.config.KAKAO_SKILL_SECRET;
  const adapter = new KakaoAdapter({ ...(ctx.config.PUBLIC_URL ? { publicUrl: ctx.config.PUBLIC_URL } : {}), authenticated: () => Boolean(secret) });
  // Answers still being prepared when the time budget ran out without a callback URL, by
  // conversation and question: asking again returns them instead of asking twice.
  const late = new TtlCache<string, Promise<KakaoSkillResponse>>({ max: 1000, ttlMs: 5 * 60_000, now: clock(ctx) });

  const verify: RequestHandler = (req, _res, next) => {
    if (!secret) return next();
    const given = header(req.headers, 'x-kakao-skill-secret');
    if (!given || !safeEqual(given, secret)) {
      return next(new AppError('UNAUTHORIZED', 'Missing or wrong X-Kakao-Skill-Secret header', { field: 'X-Kakao-Skill-Secret' }));
    }
    next();
  };

  const answer = (msg: BotMessage<KakaoTarget>, lang: Lang, budgetMs: number): Promise<KakaoSkillResponse> =>
    askChat(ctx, msg, AbortSignal.timeout(budgetMs)).then(
      (res) => adapter.render(res, msg),
      (err: unknown) => {
        log.warn({ err }, 'kakao: the chat service failed');
        return kakaoText(FAILED[lang]);
      },
    );

  r.post('/bots/kakao', verify, express.json({ limit: ctx.config.BODY_LIMIT_BYTES }), async (req, res, next) => {
    try {
      const msg = adapter.parse(req.body);
      if (msg.command === 'help') {
        res.json(adapter.help(msg));
        return;
      }
      const lang = guessLang(msg.text);
      if (msg.text.length > ctx.config.MAX_QUESTION_CHARS) {
        res.json(kakaoText(TOO_LONG[lang](ctx.config.MAX_QUESTION_CHARS)));
        return;
      }
      const key = `${msg.conversationId}\u0000${msg.text}`;
      const callbackUrl = msg.target.callbackUrl;
      let job = late.get(key);
      if (!job) {
        const budget = callbackUrl ? KAKAO_CALLBACK_BUDGET_MS : ctx.config.REQUEST_TIMEOUT_MS;
        job = answer(msg, lang, budget);
      }
      const timer = delay(Math.min(ctx.config.KAKAO_TIMEOUT_MS, KAKAO_HARD_BUDGET_MS));
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
          const sent = await postJson(callbackUrl, out, { timeoutMs: 10_000 });
          const status = (sent.body as { status?: string } | undefined)?.status;
          if (sent.status >= 300 || (status && status !== 'SUCCESS')) {
            log.warn({ status: sent.status, body: sent.body }, 'kakao: the callback was not accepted');
          }
        });
        return;
      }
      late.set(key, job);
      res.json(adapter.askAgain(lang));
    } catch (err) {
      next(err);
    }
  });
  return r;
}
