/**
 * The messaging-bot seam and what the adapters share.
 *
 * An adapter is thin (after grammY's framework adapters): the platform's SDK verifies and
 * parses the request, the adapter turns it into a common {@link BotMessage}, {@link answerMessage}
 * asks the chat service (or handles a command), and the adapter renders the result in the
 * platform's format. Platform-neutral here: session ids, commands ("/new", help), the per-user
 * limit, splitting long answers without breaking a [n] marker, a URL or an HTML tag, and the
 * numbered source lists per platform. Delivery (retries, background tasks) is in delivery.ts,
 * the closed-by-default gate and the limiter in guard.ts.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../server/context.js';
import { BOT_SESSION_PREFIX, type BotAdapter as CoreBotAdapter, type ChatResponse, type Citation, type Lang, type LimitVerdict } from '../types.js';

// ───────────────────────────── the seam ─────────────────────────────

export type Platform = CoreBotAdapter['platform'];

/** A platform message in the common shape the chat service is asked with. */
export interface BotMessage<Target = unknown> {
  platform: Platform;
  /** The chat-service session id, always `bot:<platform>:<ids>` (see {@link sessionIdFor}). */
  conversationId: string;
  /** The platform user, for the per-user limit. */
  userId: string;
  /** The question, with platform markup (mentions, commands) removed. */
  text: string;
  /** The user's interface language when the platform tells it (help texts only; answers follow the question). */
  uiLanguage?: Lang;
  /** A command answered without the chat service: help, or start a new conversation. */
  command?: 'start' | 'help' | 'new';
  /** Where the reply goes (chat id, channel + thread, callback URL…). */
  target: Target;
}

/**
 * A platform adapter: platform update in → common message → (chat service) → platform reply out.
 * `parse` throws an AppError (400 naming the field) for a malformed payload and returns null
 * for updates the bot deliberately ignores (its own messages, stickers, edits…).
 */
export interface BotAdapter<Update, Target, Out> extends CoreBotAdapter {
  readonly platform: Platform;
  parse(update: Update): BotMessage<Target> | null;
  /** The answer in the platform's format, already split under the platform's limits. */
  render(res: ChatResponse, msg: BotMessage<Target>): Out;
  /** A short notice (help, "new conversation", "too long", apology) in the platform's format. */
  notice(text: string, msg: BotMessage<Target>): Out;
}

/** Asks the chat service for a bot message. `ctx.chat` is read per call, so it can be decorated after start-up. */
export function askChat(ctx: AppContext, msg: BotMessage, signal?: AbortSignal): Promise<ChatResponse> {
  return ctx.chat.ask({ message: msg.text, sessionId: msg.conversationId }, signal ? { signal } : {});
}

/** The injected clock, or the wall clock. */
export function clock(ctx: AppContext): () => number {
  return () => (ctx.now ? ctx.now() : Date.now());
}

/**
 * The session id of a bot conversation: `bot:<platform>:<ids>` (BOT_SESSION_PREFIX), a namespace
 * the HTTP API refuses, so no API caller can read or extend a bot user's conversation. Valid for
 * the chat service (`[\w.:@-]{1,128}`): other characters become `_`, and a too-long id is
 * shortened with a hash (stable per user).
 */
export function sessionIdFor(platform: Platform, ...parts: Array<string | number>): string {
  const clean = parts.map((p) => String(p).replace(/[^\w.@-]/g, '_'));
  const id = `${BOT_SESSION_PREFIX}${[platform, ...clean].join(':')}`;
  if (id.length <= 128) return id;
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
  return `${BOT_SESSION_PREFIX}${platform}:h:${digest}`;
}

/** "/new", "새 대화", "new", "新对话", "重新开始": start the conversation over. */
export function isNewWord(text: string): boolean {
  return /^(?:\/?new|\/reset|새\s*대화|새로\s*시작|새대화|新对话|新會話|新会话|重新开始|重新開始)$/i.test(text.trim().replace(/[!！。.]+$/, ''));
}

/** The command a text is, if any (help words, "new conversation" words). */
export function commandOf(text: string): BotMessage['command'] | undefined {
  if (!text || isHelpWord(text)) return 'help';
  if (isNewWord(text)) return 'new';
  return undefined;
}

export const NEW_CONVERSATION: Record<Lang, string> = {
  ko: '새 대화를 시작합니다. 질문해 주세요.',
  zh: '已开始新的对话，请提问。',
  en: 'Starting a new conversation. Ask away.',
};

export const SLOW_DOWN: Record<Lang, string> = {
  ko: '질문이 너무 많아요. 잠시 후 다시 물어봐 주세요.',
  zh: '提问太频繁了，请稍后再试。',
  en: 'Too many questions at once. Please try again in a minute.',
};

/** What to send back for a message: a rendered answer, or a notice (help, new, limits, failure). */
export interface AnswerDeps {
  /** The per-user limit (guard.ts): 'first-refusal' the first time a user goes over it in a window. */
  allow: (msg: BotMessage) => LimitVerdict | Promise<LimitVerdict>;
  signal?: AbortSignal;
  onChatError?: (err: unknown) => void;
}

/**
 * The common middle of every adapter: commands, the per-user limit, the length limit, the chat
 * service, and the apology when it fails. Returns undefined when nothing should be sent (a
 * user over the limit who was already told).
 */
export async function answerMessage<T, Out>(ctx: AppContext, adapter: BotAdapter<unknown, T, Out>, msg: BotMessage<T>, deps: AnswerDeps): Promise<Out | undefined> {
  const lang = msg.text ? guessLang(msg.text) : (msg.uiLanguage ?? 'ko');
  const allowed = await deps.allow(msg);
  if (allowed === 'refused') return undefined;
  if (allowed === 'first-refusal') return adapter.notice(SLOW_DOWN[lang], msg);
  if (msg.command === 'help' || msg.command === 'start') return adapter.notice(helpText(msg.uiLanguage ?? (msg.text ? lang : undefined)), msg);
  if (msg.command === 'new') {
    await ctx.sessions.delete(msg.conversationId);
    return adapter.notice(NEW_CONVERSATION[msg.uiLanguage ?? lang], msg);
  }
  if (msg.text.length > ctx.config.MAX_QUESTION_CHARS) return adapter.notice(TOO_LONG[lang](ctx.config.MAX_QUESTION_CHARS), msg);
  try {
    return adapter.render(await askChat(ctx, msg, deps.signal ?? AbortSignal.timeout(ctx.config.REQUEST_TIMEOUT_MS)), msg);
  } catch (err) {
    deps.onChatError?.(err);
    return adapter.notice(FAILED[lang], msg);
  }
}

// ───────────────────────────── splitting ─────────────────────────────

/** [1], [1, 2], [1][2]: citation markers, never cut. */
const MARKER = /\[\d+(?:\s*[,،、]\s*\d+)*\]/g;
/** Bare URLs in text. */
const URL_RE = /\bhttps?:\/\/[^\s<>"'）)\]]+/g;

interface Span {
  start: number;
  end: number;
}

function spansOf(text: string, patterns: RegExp[]): Span[] {
  const spans: Span[] = [];
  for (const re of patterns) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of text.matchAll(g)) if (m[0].length > 1) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Merge overlaps so that "inside a span" is a single lookup.
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Is a cut before index `i` inside a protected span? */
function inside(spans: Span[], i: number): Span | undefined {
  return spans.find((s) => s.start < i && i < s.end);
}

/** Boundaries, strongest first: paragraph, line, sentence end, clause, space. Each gives the cut index. */
// A sentence or clause end directly followed by a marker ("…했다. [1]") is not a boundary:
// the marker belongs to the sentence before it.
const BOUNDARIES: RegExp[] = [
  /\n[ \t]*\n+/g,
  /\n/g,
  /(?:[.!?…]+["'”’)）\]]*(?=\s)|[。！？]+[」』”’)）]*)(?!\s*\[\d)/g,
  /(?:[,;:](?=\s)|[，；：、])(?!\s*\[\d)/g,
  /(?<!\s)\s+(?!\s|\[\d)/g,
];

export interface SplitOptions {
  /** Extra spans never to cut inside (regexes matched on the text). */
  protect?: RegExp[];
  /** A cut is only taken past this fraction of the window, to avoid tiny parts. Default 0.3. */
  minFill?: number;
}

/**
 * Splits text into parts of at most `limit` UTF-16 units, cutting at the strongest boundary
 * available (paragraph > line > sentence > clause > space > hard cut), never inside a [n]
 * marker, a URL, a protected span or a surrogate pair. Whitespace at the cuts is dropped.
 */
export function splitText(text: string, limit: number, opts: SplitOptions = {}): string[] {
  if (limit < 1) throw new RangeError('limit must be positive');
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed ? [trimmed] : [];
  const spans = spansOf(trimmed, [MARKER, URL_RE, ...(opts.protect ?? [])]);
  const minFill = opts.minFill ?? 0.3;
  const parts: string[] = [];
  let start = 0;
  while (start < trimmed.length) {
    // Skip whitespace left at the previous cut.
    while (start < trimmed.length && /\s/.test(trimmed[start]!)) start++;
    if (start >= trimmed.length) break;
    if (trimmed.length - start <= limit) {
      parts.push(trimmed.slice(start).trimEnd());
      break;
    }
    const cut = findCut(trimmed, start, limit, spans, minFill);
    const part = trimmed.slice(start, cut).trimEnd();
    if (part) parts.push(part);
    start = cut;
  }
  return parts;
}

function findCut(text: string, start: number, limit: number, spans: Span[], minFill: number): number {
  const end = start + limit;
  // A little past the limit, so that look-aheads at the edge see what follows.
  const window = text.slice(start, end + 16);
  const floor = start + Math.max(1, Math.floor(limit * minFill));
  for (const re of BOUNDARIES) {
    let best = -1;
    const g = new RegExp(re.source, 'g');
    for (const m of window.matchAll(g)) {
      // The cut goes after sentence/clause punctuation, before whitespace (it is then dropped).
      const whitespace = /^\s/.test(m[0]);
      const at = start + m.index + (whitespace ? 0 : m[0].length);
      if (at <= start || at > end || at < floor) continue;
      if (inside(spans, at)) continue;
      best = at;
    }
    if (best > 0) return best;
  }
  // No boundary: cut hard at the limit, moved back before a protected span or a surrogate pair.
  let at = end;
  const span = inside(spans, at);
  if (span && span.start > start) at = span.start;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff && at - 1 > start) at -= 1;
  return at;
}

/** Tags and entities are never cut; a whole <a>…</a> element stays in one part. */
const HTML_ANCHOR = /<a\b[^>]*>[\s\S]*?<\/a>/gi;
const HTML_TAG = /<[^>]*>/g;
const HTML_ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z]+);/gi;

/**
 * Splits Telegram-style HTML under `limit`: never inside a tag, an entity or a link; an element
 * (<b>, <i>…) open at a cut is closed at the end of its part and reopened at the start of the
 * next, so each part is valid HTML on its own.
 */
export function splitHtml(html: string, limit: number): string[] {
  if (html.trim().length <= limit) return html.trim() ? [html.trim()] : [];
  // Headroom for the closing/reopening tags added at cuts.
  const headroom = Math.min(64, Math.floor(limit / 4));
  const raw = splitText(html, limit - headroom, { protect: [HTML_ANCHOR, HTML_TAG, HTML_ENTITY] });
  const out: string[] = [];
  let carried: string[] = [];
  for (const part of raw) {
    const text = carried.join('') + part;
    const open = openTags(text);
    out.push(text + open.map((t) => `</${tagName(t)}>`).reverse().join(''));
    carried = open;
  }
  return out;
}

function tagName(tag: string): string {
  return /^<\/?\s*([a-z0-9-]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
}

/** The opening tags still open at the end of `html`, outermost first. */
function openTags(html: string): string[] {
  const stack: string[] = [];
  for (const m of html.matchAll(HTML_TAG)) {
    const tag = m[0];
    if (/\/>$/.test(tag)) continue;
    if (tag.startsWith('</')) {
      const name = tagName(tag);
      const idx = stack.map(tagName).lastIndexOf(name);
      if (idx >= 0) stack.splice(idx);
    } else {
      stack.push(tag);
    }
  }
  return stack;
}

// ───────────────────────────── formatting ─────────────────────────────

export const SOURCES_TITLE: Record<Lang, string> = { ko: '출처', zh: '来源', en: 'Sources' };

export function pageLabel(page: number, lang: Lang): string {
  return lang === 'zh' ? `第${page}页` : lang === 'en' ? `p. ${page}` : `p.${page}`;
}

/** "01. 구현 지능 산업 심층 분석" */
export function articleLabel(c: Citation): string {
  return c.article.number ? `${c.article.number}. ${c.article.title}` : c.article.title;
}

/** "산업 트렌드 · 산업체인 분석 · p.9" */
export function citationDetail(c: Citation, lang: Lang): string {
  return [c.section, c.heading, pageLabel(c.page, lang)].filter(Boolean).join(' · ');
}

/** Escapes text for Telegram's HTML parse mode (&, <, > and, inside attributes, "). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes text for Slack mrkdwn (&, <, >: the characters Slack reserves for its markup). */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Only http(s) URLs become links (no javascript:, tg:, etc. from a corpus). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

export const WEB_LABEL: Record<Lang, string> = { ko: '웹에서 보기', zh: '网页版', en: 'Open on the web' };

/**
 * The web page for PUBLIC_URL (http(s) only). The page has no per-citation anchor yet, so a
 * reply links each source to its original article and the whole answer to the web page.
 */
export function webUrl(publicUrl: string | undefined): string | undefined {
  const u = safeUrl(publicUrl);
  return u ? u.replace(/\/*$/, '/') : undefined;
}

/** Markdown link text and target as WeCom's and Feishu's markdown read them (no nested brackets, no bare parentheses). */
const mdLabel = (s: string) => s.replace(/\[/g, '【').replace(/\]/g, '】');
const mdUrl = (u: string) => u.replace(/[()\s]/g, encodeURIComponent);

/** Markdown: "[1] [01. 제목](https://…) — 산업 트렌드 · 산업체인 분석 · p.9", then the web page's link when PUBLIC_URL is set. */
export function sourcesMarkdown(citations: Citation[], lang: Lang, publicUrl: string | undefined): string[] {
  const lines = citations.map((c) => {
    const url = safeUrl(c.source?.url);
    const label = mdLabel(articleLabel(c));
    return `[${c.id}] ${url ? `[${label}](${mdUrl(url)})` : `**${label}**`} — ${citationDetail(c, lang)}`;
  });
  const web = webUrl(publicUrl);
  if (web) lines.push(`[${WEB_LABEL[lang]}](${mdUrl(web)})`);
  return lines;
}

/** Plain text: "[1] 01. 제목 — 산업 트렌드 · 산업체인 분석 · p.9\n    https://…" */
export function sourcesPlain(citations: Citation[], lang: Lang): string[] {
  return citations.map((c) => {
    const url = safeUrl(c.source?.url);
    return `[${c.id}] ${articleLabel(c)} — ${citationDetail(c, lang)}${url ? `\n${url}` : ''}`;
  });
}

/** Telegram HTML: "[1] <a href="…">01. 제목</a> — 산업 트렌드 · 산업체인 분석 · p.9" */
export function sourcesHtml(citations: Citation[], lang: Lang): string[] {
  return citations.map((c) => {
    const url = safeUrl(c.source?.url);
    const title = escapeHtml(articleLabel(c));
    const link = url ? `<a href="${escapeHtml(url)}">${title}</a>` : title;
    return `[${c.id}] ${link} — ${escapeHtml(citationDetail(c, lang))}`;
  });
}

/** Slack mrkdwn: "[1] <https://…|01. 제목> — 산업 트렌드 · 산업체인 분석 · p.9" */
export function sourcesSlack(citations: Citation[], lang: Lang): string[] {
  return citations.map((c) => {
    const url = safeUrl(c.source?.url);
    // Inside <url|label> a "|" or ">" would end the label early.
    const title = escapeSlack(articleLabel(c)).replace(/\|/g, '¦');
    const link = url ? `<${url.replace(/[|>]/g, encodeURIComponent)}|${title}>` : `*${title}*`;
    return `[${c.id}] ${link} — ${escapeSlack(citationDetail(c, lang))}`;
  });
}

/** Packs lines into parts under `limit`, splitting a line only when it alone is too long. */
export function packLines(lines: string[], limit: number, split: (s: string, limit: number) => string[] = splitText): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const line of lines.flatMap((l) => (l.length > limit ? split(l, limit) : [l]))) {
    if (!cur) cur = line;
    else if (cur.length + 1 + line.length <= limit) cur += `\n${line}`;
    else {
      parts.push(cur);
      cur = line;
    }
  }
  if (cur) parts.push(cur);
  return parts;
}

/**
 * The answer followed by its numbered sources, as parts under `limit`. The answer is split at
 * its own boundaries; the source list starts a new part when it does not fit after the answer.
 */
export function composeParts(answer: string, sourceLines: string[], heading: string, limit: number, split = splitText): string[] {
  const body = split(answer, limit);
  if (!sourceLines.length) return body;
  const sources = packLines([heading, ...sourceLines], limit, split);
  const last = body[body.length - 1];
  if (last !== undefined && sources[0] !== undefined && last.length + 2 + sources[0].length <= limit) {
    body[body.length - 1] = `${last}\n\n${sources[0]}`;
    return [...body, ...sources.slice(1)];
  }
  return [...body, ...sources];
}

// ───────────────────────────── help texts ─────────────────────────────

export const HELP: Record<Lang, string> = {
  ko: [
    '안녕하세요! 「월간 중국창업」 보고서에 대해 질문해 주세요.',
    '답변에는 보고서의 해당 부분이 [1], [2]처럼 출처로 표시됩니다.',
    '',
    '예) 유니트리의 글로벌 사족 로봇 시장 점유율은?',
    '예) 구현 지능 산업체인을 요약해줘',
    '',
    '한국어·중국어·영어로 물어볼 수 있고, 이어지는 질문("그 회사의 매출은?")도 이해합니다.',
  ].join('\n'),
  zh: [
    '您好！欢迎咨询《月刊中国创业》报告的内容。',
    '回答会用 [1]、[2] 标注报告中的出处。',
    '',
    '例：宇树科技在四足机器人市场的份额是多少？',
    '例：总结一下具身智能产业链',
    '',
    '支持中文、韩文和英文提问，也可以继续追问（如“那它的营收呢？”）。',
  ].join('\n'),
  en: [
    'Hello! Ask me about the monthly report "월간 중국창업" (China startups).',
    'Answers cite the report as [1], [2].',
    '',
    'e.g. How big is Unitree’s global market share in quadruped robots?',
    '',
    'You can ask in Korean, Chinese or English, and ask follow-up questions.',
  ].join('\n'),
};

/** Help for a UI language; without one, Korean then Chinese (the report's two reader groups). */
export function helpText(lang: Lang | undefined): string {
  return lang ? HELP[lang] : `${HELP.ko}\n\n———\n\n${HELP.zh}`;
}

/** A platform language code ("zh-hans", "ko", "en-US") → a supported language, if any. */
export function langFromCode(code: string | undefined): Lang | undefined {
  const c = code?.toLowerCase();
  if (!c) return undefined;
  if (c.startsWith('zh')) return 'zh';
  if (c.startsWith('ko')) return 'ko';
  if (c.startsWith('en')) return 'en';
  return undefined;
}

/** Words that ask for help rather than ask the report. */
export function isHelpWord(text: string): boolean {
  return /^(도움말|도움|사용법|help|帮助|幫助|使用说明|说明|\?)$/i.test(text.replace(/[\s!！。.]+/g, ''));
}

/** Apologies when the chat service fails. */
export const FAILED: Record<Lang, string> = {
  ko: '죄송합니다. 지금은 답변을 만들지 못했어요. 잠시 후 다시 시도해 주세요.',
  zh: '抱歉，暂时无法生成回答，请稍后再试。',
  en: 'Sorry, I could not answer that right now. Please try again shortly.',
};

/** For a question too long to ask. */
export const TOO_LONG: Record<Lang, (max: number) => string> = {
  ko: (n) => `질문이 너무 깁니다. ${n}자 이내로 물어봐 주세요.`,
  zh: (n) => `问题太长了，请控制在 ${n} 个字以内。`,
  en: (n) => `That question is too long. Please keep it under ${n} characters.`,
};

/** A rough language guess for messages the service never saw (apologies, limits). */
export function guessLang(text: string): Lang {
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  return /[a-z]/i.test(text) ? 'en' : 'ko';
}
