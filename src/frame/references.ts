/**
 * References to the report's own structure: "산업 트렌드 2번 기사", "02번", "第三篇", "the Huawei
 * article", part of a title, "이번 호 전체". Resolved against the table of contents of the index
 * (section, number, title), so a later issue with other titles works the same way.
 */
import { toSimplified } from '../text/normalize.js';
import type { Glossary } from '../retrieve/glossary.js';
import type { Lang } from '../types.js';

export interface TocEntry {
  /** `${reportId}:${articleId}`, the retriever's article key. */
  key: string;
  section: string;
  number: string;
  title: string;
  page: number;
  /** The article's original source as printed in its 참고자료 block ("촹예방(创业邦). 중 자동차 …"). */
  source?: string;
  /** The outlet of that source, when it can be told apart ("촹예방(创业邦)"). */
  outlet?: string;
}

type TocArticle = { reportId: string; articleId: string; section: string; number: string; title: string; page: number; source?: { title: string; outlet?: string } };

/** The index's table of contents as references resolve against it. */
export function tocEntries(articles: ReadonlyArray<TocArticle>): TocEntry[] {
  return articles.map((a) => ({
    key: `${a.reportId}:${a.articleId}`,
    section: a.section,
    number: a.number,
    title: a.title,
    page: a.page,
    ...(a.source ? { source: a.source.title } : {}),
    ...(a.source?.outlet ? { outlet: a.source.outlet } : {}),
  }));
}

export type ArticleRef =
  | { kind: 'article'; key: string; candidates: string[] }
  /** Several articles fit equally (e.g. "2번 기사" without a section): ask back with the candidates. */
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'issue'; candidates: string[] }
  /** A section as a whole ("KIC 중국 포커스에는 몇 편?", "the item after X"): its articles, in order. */
  | { kind: 'section'; section: string; candidates: string[] }
  /** A question about sources: the articles taken from the outlet it names, or every article's source. */
  | { kind: 'sources'; candidates: string[] };

/**
 * The sections' names in Chinese and English. The report series keeps these six section names
 * issue after issue; readers of Chinese and English name them in their own language.
 */
const SECTION_ALIASES: Array<[string, RegExp]> = [
  ['산업 트렌드', /产业趋势|行业趋势|产业动向|\bindustry trends?\b/iu],
  ['정책 브리핑', /政策简报|政策速递|政策解读|\bpolicy brief(?:ing)?s?\b/iu],
  ['기업 리서치', /企业研究|企业调研|公司研究|\bcompany research\b|\bcorporate research\b/iu],
  ['시장 인사이트', /市场洞察|市场观察|\bmarket insights?\b/iu],
  ['KIC 중국 포커스', /KIC\s*中国(?:聚焦|焦点)|\bKIC China focus\b/iu],
  ['전시회 소식', /展会(?:信息|消息|资讯)|\bexhibitions?\b|\bevents? (?:news|calendar)\b/iu],
];

/** Words that say "an article" (so that a title word alone names one). */
const ARTICLE_WORD_RE = /기사|꼭지|아티클|篇|文章|报道|\barticles?\b|\bpiece\b|\bstory\b/iu;
/** A word that says "article" ("기사", 篇, "piece"), not what the article is about. */
export function isArticleWord(word: string): boolean {
  return ARTICLE_WORD_RE.test(word);
}
/** Questions about a section's make-up: how many items, their order. */
const SECTION_QUESTION_RE =
  /몇\s*(?:편|개|꼭지|건)|순서|다음|앞|뒤|바로|목록|几篇|多少篇|几个|顺序|之后|之前|下一|上一|列表|\bhow many\b|\b(?:right |just )?(?:after|before)\b|\bnext\b|\border\b|\blist\b/iu;
/** The whole issue. */
const ISSUE_RE =
  /(?:이번|본|금|이)\s*호|전체|전부|모든\s*기사|보고서\s*전체|本期|这一?期(?!间)|整期|全部|所有文章|整本|整份|全文|\bwhole (?:issue|report)\b|\bentire (?:issue|report)\b|\ball (?:the )?articles\b|\bthis issue\b|\bthe issue\b/iu;
/**
 * Asking what the issue holds: its table of contents or its articles ("목차", "어떤 기사들이
 * 실렸어", "本期有哪些文章", "what articles are in this issue"). With no section, number or title
 * named, the overview answers it (one cited line per article, by section), not a quote.
 */
const CONTENTS_RE =
  /목차|기사\s*목록|(?:어떤|무슨|어느)\s*기사|기사(?:들)?(?:은|는|이|가)?\s*(?:뭐|무엇)|目录|(?:哪些|什么|哪几篇)\s*(?:文章|内容|报道)|文章(?:列表|目录)|\btable of contents\b|\b(?:what|which) articles\b|\blist (?:of |all )?(?:the )?articles\b|\bwhat(?:'s| is) in (?:this|the) (?:issue|report)\b/iu;
/** The words of a bare request around them ("목차 좀 보여줘", "请给我看看目录", "show me the table of contents"). */
const REQUEST_WORDS_RE = /\b(?:show|give|see|list|me|the|please|can|could|you|i|want|to)\b|보여\s*(?:줘|주세요|줄래)|알려\s*(?:줘|주세요|줄래)|좀|请|给我|看看|看一下|一下|显示|列出/giu;
/** Characters left, once those are gone, that still make no topic. */
const CONTENTS_ALONE_MAX = 3;

/** A request for the issue's contents, about no particular topic. */
function isContentsRequest(q: string): boolean {
  const m = CONTENTS_RE.exec(q);
  if (!m) return false;
  if (ISSUE_RE.test(q)) return true;
  return q.replace(m[0], ' ').replace(REQUEST_WORDS_RE, ' ').replace(/[\s\p{P}\p{S}]/gu, '').length <= CONTENTS_ALONE_MAX;
}

const KO_ORDINALS: Record<string, number> = { 첫: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6 };
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, last: -1 };

/** The article number the question names, if any ("2번", "02", "두 번째", "第三篇", "second article"). */
export function articleNumber(q: string): number | undefined {
  let m = q.match(/(?<![\d.])(\d{1,2})\s*(?:번째|번|호\s*기사)(?![\d가-힣]*\s*(?:년|월|일|개|곳|위|억|만))/u);
  if (m) return Number(m[1]);
  // "2nd article", not "the 2nd Chengdu conference".
  // Up to three words between ("the second company research article": a section's name).
  m = q.match(/\b(\d{1,2})(?:st|nd|rd|th)\s+(?:[a-z&-]+\s+){0,3}?(?:article|item|piece|story)\b/iu);
  if (m) return Number(m[1]);
  m = q.match(/(?<![\d.])0(\d)(?![\d.%])/u);
  if (m) return Number(m[1]);
  m = q.match(/(첫|두|세|네|다섯|여섯)\s*번째/u);
  if (m) return KO_ORDINALS[m[1]!];
  m = q.match(/第\s*([一二两三四五六七八九十]|\d{1,2})\s*[篇个条则]/u);
  if (m) return ZH_DIGITS[m[1]!] ?? Number(m[1]);
  m = q.match(/\b(first|second|third|fourth|fifth|sixth|last)\s+(?:[a-z&-]+\s+){0,3}?(?:article|item|piece|story)\b/iu);
  if (m) return EN_ORDINALS[m[1]!.toLowerCase()];
  m = q.match(/(?:\b(?:article|item|no\.?)\s*|#)(\d{1,2})\b/iu);
  if (m) return Number(m[1]);
  return undefined;
}

const compact = (s: string) => toSimplified(s.normalize('NFKC')).replace(/[\s·‘’'"“”<>()（）,…\-–]+/gu, '').toLowerCase();

export function sectionsNamed(q: string, toc: readonly TocEntry[]): string[] {
  const cq = compact(q);
  const names = [...new Set(toc.map((e) => e.section))];
  // "트랜드" is how the report's running headers spell 트렌드.
  const forms = (s: string) => [compact(s), compact(s).replace('트렌드', '트랜드')];
  const hit = names.filter((s) => forms(s).some((f) => cq.includes(f)) || SECTION_ALIASES.some(([ko, re]) => ko === s && re.test(q)));
  return hit;
}

/** A title's words (≥ 2 characters, not numbers), compacted: what a question naming the article may write. */
export const titleWords = (title: string): string[] =>
  title
    .split(/[\s,·…‘’'"“”<>()（）\-–]+/u)
    .map(compact)
    .filter((w) => [...w].length >= 2 && !/^\d+$/.test(w));

/**
 * How well the question names an article's title: the share of the title's words it contains,
 * and at least half when it contains a word of 3+ characters no other title has (a name such as
 * 야오잉의료 or 화웨이 identifies its article alone).
 */
function titleMatch(q: string, e: TocEntry, toc: readonly TocEntry[], naming: ArticleNaming, glossary?: Glossary, lang?: Lang): number {
  const cq = compact(q);
  const words = titleWords(e.title);
  if (!words.length) return 0;
  // A Korean word may lose its last syllable to a particle-free form (주치의 → 주치); Latin words must match whole.
  const has = (w: string) => cq.includes(w) || (/^\p{Script=Hangul}{3,}$/u.test(w) && cq.includes(w.slice(0, -1)));
  let got = words.filter(has).length;
  // Written whole, not just its stem: 산업 must not make 산업용 a distinctive match.
  const distinctive = words.some((w) => [...w].length >= 3 && cq.includes(w) && !toc.some((o) => o !== e && compact(o.title).includes(w)));
  // A Chinese or English name of the title's subject (华为 / Huawei → 화웨이).
  if (glossary && lang && lang !== 'ko') {
    const ko = glossary.entriesIn(q, lang).map((x) => compact(x.ko));
    got += words.filter((w) => !has(w) && ko.includes(w)).length;
  }
  const share = got / words.length;
  // The words that govern the article word name the article ("톈푸신구 기사에서 저고도 부분만":
  // 톈푸신구, not 저고도, which another title holds too): a title word there outranks the share.
  const own = (w: string) => !toc.some((o) => o !== e && compact(o.title).includes(w));
  const named = words.some((w) => [...w].length >= 2 && own(w) && (naming.spans.some((span) => span.includes(w)) || naming.korean.includes(w)));
  // The share breaks ties between two titles that both have a distinctive (or a naming) word.
  return Math.max(share, distinctive ? 0.5 + share / 100 : 0, named ? 0.6 + share / 100 : 0);
}

/** Characters before an article word ("… 기사", "…那篇文章") and words around an English one read as its name. */
const NAMED_SPAN_CHARS = 12;
const ARTICLE_WORDS_RE = new RegExp(ARTICLE_WORD_RE.source, 'giu');

/** What a question says names the article it speaks of: read once per question, matched against every title. */
interface ArticleNaming {
  /** The stretches, compacted (see `articleNaming`). */
  spans: string[];
  /** A Chinese or English question's glossary names in them, in their Korean form (天府新区 → 톈푸신구). */
  korean: string[];
}

/**
 * The stretches of the question that name the article it speaks of: right before the article
 * word in Korean and Chinese ("톈푸신구 기사", "关于华为的那篇文章"), the words before it or after
 * "on/about" in English ("the Huawei article", "the piece on Tianfu").
 */
function articleNaming(q: string, glossary?: Glossary, lang?: Lang): ArticleNaming {
  const raw: string[] = [];
  const nq = q.normalize('NFKC');
  for (const m of nq.matchAll(ARTICLE_WORDS_RE)) {
    raw.push(nq.slice(Math.max(0, m.index - NAMED_SPAN_CHARS), m.index));
    raw.push(nq.slice(m.index + m[0].length).match(/^\s+(?:on|about)\s+((?:\S+\s*){1,3})/iu)?.[1] ?? '');
  }
  const spans = raw.filter((x) => x.trim());
  const korean = glossary && lang && lang !== 'ko' ? spans.flatMap((span) => glossary.entriesIn(span, lang).map((x) => compact(x.ko))) : [];
  return { spans: spans.map(compact), korean };
}

/**
 * The spellings of an outlet a reader may type: its Korean transcription and the Chinese in
 * parentheses ("촹예방(创业邦)" → 촹예방, 创业邦), and for English readers the pinyin of the
 * Chinese name read into Hangul by the caller ("Chuangyebang" → 촹예방).
 */
function outletForms(outlet: string): string[] {
  const forms = [outlet, ...outlet.split(/[()（）]/u)].map(compact).filter((f) => [...f].length >= 2);
  return [...new Set(forms)];
}

/** The articles whose source outlet the question names. */
export function articlesFromOutlet(q: string, toc: readonly TocEntry[], extraForms: readonly string[] = []): TocEntry[] {
  const texts = [compact(q), ...extraForms.map(compact)];
  return toc.filter((e) => e.outlet && outletForms(e.outlet).some((f) => texts.some((t) => t.includes(f))));
}

export function resolveArticleReference(
  q: string,
  lang: Lang,
  toc: readonly TocEntry[],
  opts: { summary: boolean; location?: boolean; glossary?: Glossary | undefined; source?: boolean; extraForms?: readonly string[] },
): ArticleRef | undefined {
  if (!toc.length) return undefined;
  if (opts.source && !opts.summary) {
    // "출처가 X인 기사", "哪几篇文章来自X", "which articles come from X": the table of contents answers.
    const from = articlesFromOutlet(q, toc, opts.extraForms);
    if (from.length && (from.length > 1 || ARTICLE_WORD_RE.test(q))) return { kind: 'sources', candidates: from.map((e) => e.key) };
    if (ISSUE_RE.test(q) || /모든|각\s*기사|전체|所有|各篇|每篇|\b(?:all|each|every)\b/iu.test(q)) {
      const withSource = toc.filter((e) => e.source);
      if (withSource.length) return { kind: 'sources', candidates: withSource.map((e) => e.key) };
    }
  }
  const sections = sectionsNamed(q, toc);
  const n = articleNumber(q);
  const articleWord = ARTICLE_WORD_RE.test(q);
  if (n !== undefined && (sections.length || articleWord)) {
    const inScope = sections.length ? toc.filter((e) => sections.includes(e.section)) : toc;
    const pick = n === -1 ? lastPerSection(inScope) : inScope.filter((e) => Number(e.number) === n);
    if (pick.length === 1) return { kind: 'article', key: pick[0]!.key, candidates: [pick[0]!.key] };
    if (pick.length > 1) return { kind: 'ambiguous', candidates: pick.map((e) => e.key) };
  }
  if (!sections.length && n === undefined && ((ISSUE_RE.test(q) && opts.summary) || isContentsRequest(q))) return { kind: 'issue', candidates: toc.map((e) => e.key) };
  // Order or count within a named section ("KIC 중국 포커스에서 X 바로 앞 꼭지는?"): the section's
  // list answers it, even when X is itself a title (X is where to look, not what is asked).
  if (sections.length === 1 && !opts.summary && SECTION_QUESTION_RE.test(q)) {
    return { kind: 'section', section: sections[0]!, candidates: toc.filter((e) => e.section === sections[0]).map((e) => e.key) };
  }
  // Part of a title: only when the question speaks of an article (or asks for a summary, or
  // where in the report something is: "행사 목록은 몇 쪽에 나와"), so that a
  // question about Huawei's AI model is not taken for "the Huawei article".
  if (articleWord || opts.summary || opts.location) {
    const naming = articleNaming(q, opts.glossary, lang);
    const scored = toc.map((e) => ({ e, s: titleMatch(q, e, toc, naming, opts.glossary, lang) })).filter((x) => x.s >= 0.34);
    scored.sort((a, b) => b.s - a.s);
    if (scored.length) {
      const best = scored[0]!.s;
      const tied = scored.filter((x) => x.s >= best - 1e-9);
      if (tied.length === 1) return { kind: 'article', key: tied[0]!.e.key, candidates: [tied[0]!.e.key] };
      if (articleWord) return { kind: 'ambiguous', candidates: tied.map((x) => x.e.key) };
    }
  }
  // A whole section ("정책 브리핑 기사 요약"): its only article, or ask back among its articles;
  // asked about as a section (how many items, which comes after which): its list of articles.
  if (sections.length === 1) {
    const inSection = toc.filter((e) => e.section === sections[0]);
    if ((articleWord || opts.summary) && inSection.length === 1) return { kind: 'article', key: inSection[0]!.key, candidates: [inSection[0]!.key] };
    if (opts.summary && articleWord) return { kind: 'ambiguous', candidates: inSection.map((e) => e.key) };
    if (articleWord || SECTION_QUESTION_RE.test(q)) return { kind: 'section', section: sections[0]!, candidates: inSection.map((e) => e.key) };
  }
  return undefined;
}

function lastPerSection(toc: readonly TocEntry[]): TocEntry[] {
  const bySection = new Map<string, TocEntry>();
  for (const e of toc) bySection.set(e.section, e);
  return [...bySection.values()];
}
