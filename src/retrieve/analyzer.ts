/**
 * The CJK-aware analyzer: normalized text → index terms, the same function for documents and
 * questions (questions additionally drop question words). Plugged into MiniSearch's
 * `tokenize` hook by ./lexical.ts.
 *
 * Text is cut into runs of one script (Hangul, Han, Latin/digits); each script has its rules.
 * Every rule below answers a way in which the report and its readers spell the same thing
 * differently (see /work/shared/docs/corpus.md):
 *
 * Korean (particles glued to nouns: 유니트리는 / 유니트리의 / 유니트리가; spacing varies:
 * "구현지능" vs "구현 지능"; lines rejoined mid-word):
 * - K1 the surface word is a term ("유니트리는"): exact spellings match best, and it protects
 *   nouns that merely end like a particle (회의, 국가, 효과 are not 회+의, 국+가, 효+과).
 * - K2 one particle/ending layer is stripped, longest first, only when ≥ 2 syllables remain
 *   (유니트리는 → 유니트리, 기업들이 → 기업, 전략적인 → 전략, 발표했다 → 발표; 회의 stays).
 * - K3 syllable bigrams of the stem ("구현지능" → 구현 현지 지능, which "구현 지능" also yields),
 *   so compounds match whatever their spacing. When the stripped ending is one syllable that
 *   also ends ordinary nouns (이 가 의 도 로 과 …) the bigrams run over the surface, so
 *   "산업분야" keeps "분야" even though 야 is also a question ending.
 * - K4 stopwords: function words (등, 및, 통해 …) everywhere; question and request words
 *   (무엇, 어느, 얼마, 알려줘, 요약해줘 …) in questions only.
 * Chinese (no spaces; the report prints Chinese only in parentheses, the question is all Chinese):
 * - C1 ICU word segmentation (`Intl.Segmenter('zh')`, full ICU in Node 20) gives words.
 * - C2 character bigrams over the whole Han run, so a segmentation that differs between
 *   question and report ("宇树科技" vs "宇树 科技") still overlaps.
 * - C3 no unigrams: ICU cuts unknown names into single characters (宇|树, 机器|人) and the bigrams
 *   already carry them; only a Han run of one character ("汉" in "한(汉)") is kept whole.
 * Latin:
 * - L1 lowercased; "'s" dropped; hyphen/ampersand compounds joined ("RT-2" → rt2, "e-VTOL" →
 *   evtol, "R&D" → rd) plus their alphabetic parts of ≥ 2 letters (vtol); "GB200", "4S" stay whole.
 * Numbers (written "2027 년", "2027년", "2027年", "3,143", "69.75 %"):
 * - N1 the number alone ("2027", thousands commas removed: "3,143" → 3143; decimals and dates kept: 69.75, 25.06.01).
 * - N2 number + unit as one term with the unit spelled the Korean way ("2027년", "2027年" → 2027년;
 *   "4.7亿" → 4.7억; "69.75%"), so a Chinese question's "2028年" meets the report's "2028 년".
 *   normalize() has already removed the space between number and unit.
 */

import { normalize } from './normalize.js';

/** Bump when any rule changes the terms produced: an index built with another version refuses to load. */
export const ANALYZER_VERSION = 1;

export type TokenKind =
  /** a whole word as written (Korean surface, Chinese ICU word, Latin word) */
  | 'word'
  /** a Korean word with its particle/ending stripped */
  | 'stem'
  /** a character bigram (Korean syllables or Han characters) */
  | 'gram'
  /** a number, or a number with its unit */
  | 'num';

export interface Token {
  term: string;
  kind: TokenKind;
}

export interface AnalyzeOptions {
  /** Question mode: also drops question and request words (K4 and the Chinese/English equivalents). */
  query?: boolean;
}

// ───────────────────────────── word lists ─────────────────────────────

/**
 * Particles and endings stripped by K2. `safe`: never the last syllables of a common noun.
 * The others are one-syllable endings that also end nouns; they trigger the surface bigrams (K3).
 */
const KO_SUFFIX_SAFE = [
  // case particles and their combinations
  '에서는', '에서도', '에서의', '에서', '에게서', '에게는', '에게도', '에게', '한테서', '한테',
  '으로는', '으로도', '으로의', '으로써', '으로서', '으로', '로는', '로도', '로의', '로써', '로서',
  '까지는', '까지도', '까지의', '까지', '부터는', '부터', '보다는', '보다', '처럼', '만큼', '마다',
  '조차', '밖에', '이라는', '라는', '이라고', '라고', '이라며', '이라면', '이라', '이며', '이고',
  '이나', '이든', '이란', '에는', '에도', '에의', '와는', '과는', '와의', '과의', '와도', '과도',
  '이랑', '께서', '은', '는', '을', '를', '에',
  // plural 들 + particle, adnominal 적 + particle
  '들이', '들은', '들의', '들을', '들에', '들에게', '들과', '들도', '들로', '들이다',
  '적인', '적으로', '적이다', '적이고', '적이며',
  // 하다 / 되다 / 시키다 verbs built on Sino-Korean nouns (발표했다, 구축하고, 성장할)
  '했다', '했고', '했으며', '했으나', '했지만', '했던', '했는데', '했다고', '했어', '했어요', '했나',
  '했니', '했을', '했습니다', '하였다', '하였으며', '하였고', '하는', '하고', '하며', '하여',
  '하면', '하면서', '하지', '하기', '하게', '해서', '해야', '한다', '한다고', '합니다', '했으면',
  '된다', '되는', '되어', '되며', '되고', '됐다', '됐고', '됐으며', '되었다', '되었고', '되었으며',
  '되었던', '됐어', '되나', '될까', '시키는', '시킨', '시켜', '시키고',
  '해줘', '해주세요', '해줄래',
  // copula and question endings
  '이다', '였다', '이었다', '이야', '인가', '인가요', '인지', '일까', '인데', '예요', '이에요', '입니까', '이냐', '이니',
];
const KO_SUFFIX_UNSAFE = ['이', '가', '의', '도', '로', '와', '과', '만', '야', '요', '지', '적', '들', '나', '인', '한', '할', '된', '될', '함', '께', '냐', '니', '랑', '란'];

type Suffix = { s: string; safe: boolean };
const KO_SUFFIXES: Suffix[] = [
  ...KO_SUFFIX_SAFE.map((s) => ({ s, safe: true })),
  ...KO_SUFFIX_UNSAFE.map((s) => ({ s, safe: false })),
].sort((a, b) => b.s.length - a.s.length);

/** Function words with no retrieval value, dropped in documents and questions. */
const KO_STOP = new Set([
  '등', '및', '또', '또는', '그리고', '그러나', '하지만', '또한', '이', '그', '저', '것', '수', '더', '때',
  '중', '위해', '위한', '통해', '대해', '대한', '따라', '따른', '있다', '있는', '있으며', '있고', '없다',
  '이다', '한다', '했다', '된다', '되었다', '하는', '등의', '같은', '이는', '이를', '이에', '그는', '이번',
  '해당', '각', '약', '모두', '매우', '특히', '것으로', '것이다', '것은', '있어', '있을', '있도록', '하기',
  '하며', '하고', '이후', '이상', '이하', '가운데', '바', '점', '및', '는', '은', '을', '를', '의', '에',
  '가', '도', '로', '으로', '에서', '와', '과', '까지', '부터', '에게', '보다', '처럼', '한', '할', '된', '여',
]);

/** Question and request words: noise in a question, never what the reader is looking for. */
const KO_QUERY_STOP = new Set([
  '무엇', '무엇인가', '무엇인가요', '무엇이야', '무엇인지', '뭐', '뭐야', '뭐고', '뭔가', '뭔지', '뭘', '무슨',
  '어떤', '어떻게', '어느', '어디', '어디야', '어디에', '어디서', '어디어디', '언제', '누구', '누가', '누구야', '왜',
  '얼마', '얼마나', '얼마야', '몇', '몇개', '몇가지', '어때', '어떨까', '알려줘', '알려주세요', '알려', '줘',
  '주세요', '요약', '요약해', '요약해줘', '정리', '정리해줘', '설명', '설명해줘', '말해줘', '궁금', '궁금해',
  '있어', '있나', '있니', '있을까', '있어요', '했어', '했나', '돼', '되나', '나와', '나왔어', '래', '거야',
  '건가', '해줘', '좀', '그럼', '그러면', '거기', '그거', '이거', '정도', '대략', '혹시', '그리고', '나와있어',
  '했대', '한대', '된대', '이래', '라고', '했는지', '하는지', '되는지', '인지', '지금', '요즘', '이나',
]);

const ZH_STOP = new Set([
  '的', '了', '着', '和', '与', '及', '或', '等', '在', '是', '也', '都', '就', '而', '把', '被', '之', '其',
  '这', '那', '该', '此', '对', '从', '向', '于', '为', '以', '及其', '以及', '并', '且', '将', '已', '已经',
  '个', '这个', '那个', '这些', '那些', '它', '他', '她', '它们', '他们', '中', '上', '下', '里', '还', '又',
]);
const ZH_QUERY_STOP = new Set([
  '什么', '多少', '哪些', '哪个', '哪里', '哪', '几', '几个', '怎么', '怎样', '如何', '为什么', '是否', '吗',
  '呢', '吧', '啊', '请问', '请', '告诉', '我', '我们', '你', '介绍', '一下', '总结', '概括', '说', '提到',
  '报告里', '报告中', '有', '有没有', '能', '可以', '会', '要', '呀', '么', '多大', '多', '谁', '时候',
  '什么样', '哪几个', '哪家', '哪几', '讲', '讲了', '内容',
]);
/** Characters that make a Han bigram meaningless (C2). */
const ZH_STOP_CHARS = new Set([...'的了是吗呢吧啊么哪什这那它他她们也都就还而及与和或在把被让给对从向于之其']);

const EN_STOP = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be',
  'been', 'by', 'with', 'from', 'as', 'that', 'this', 'these', 'those', 'it', 'its', 'into', 'about',
  'than', 'then', 'there', 'their', 'they', 'them', 'he', 'she', 'his', 'her', 'we', 'our', 'you', 'your',
  'i', 'me', 'my', 'has', 'have', 'had', 'not', 'but', 'if', 'so', 'such', 'also', 'which',
]);
const EN_QUERY_STOP = new Set([
  'what', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'much', 'many', 'does', 'do', 'did',
  'can', 'could', 'would', 'should', 'will', 'shall', 'tell', 'please', 'report', 'say', 'says', 'said',
  'according', 'give', 'list', 'summarize', 'summarise', 'summary', 'explain', 'describe', 'any', 'some',
  'there', 'kind', 'kinds', 'get', 'got', 'mention', 'mentioned', 'mentions',
]);

/** Units that form an N2 term, keyed by how they are written; value: the Korean spelling used in the term. */
const UNIT_CANON: Record<string, string> = {
  // Korean (longest first when matching)
  개월: '개월', 개년: '개년', 년: '년', 월: '월', 일: '일', 억: '억', 만: '만', 천: '천', 조: '조', 개: '개',
  곳: '곳', 명: '명', 건: '건', 배: '배', 위: '위', 대: '대', 회: '회', 시간: '시간', 위안: '위안', 달러: '달러',
  // Chinese
  年: '년', 月: '월', 日: '일', 号: '일', 亿: '억', 万: '만', 千: '천', 个: '개', 家: '개', 倍: '배', 元: '위안',
  美元: '달러', 位: '위', 名: '명', 台: '대', 辆: '대', 次: '회', 项: '개', 座: '곳', 所: '곳',
};
const UNIT_KEYS = Object.keys(UNIT_CANON).sort((a, b) => b.length - a.length);

// ───────────────────────────── scripts ─────────────────────────────

const isHangul = (c: number): boolean => (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

type Script = 'ko' | 'zh' | 'lat';
interface Run {
  script: Script;
  text: string;
}

/** Letters, digits, marks and the connectors that may sit inside a Latin or numeric word. */
const PIECE = /[\p{L}\p{N}\p{M}%.,'’\-+&]+/gu;

function runsOf(piece: string): Run[] {
  const runs: Run[] = [];
  let cur: Run | undefined;
  for (const ch of piece) {
    const c = ch.codePointAt(0)!;
    const script: Script = isHangul(c) ? 'ko' : isHan(c) ? 'zh' : 'lat';
    if (cur && cur.script === script) cur.text += ch;
    else {
      cur = { script, text: ch };
      runs.push(cur);
    }
  }
  return runs;
}

// ───────────────────────────── per-script rules ─────────────────────────────

const NUMBER = /^\d+(?:[.,]\d+)*%?$/;

/** N1: "3,143" → 3143 (thousands groups only); "69.75", "25.06.01" unchanged. */
function canonNumber(n: string): string {
  return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(n) ? n.replace(/,/g, '') : n;
}

function latinTokens(run: string, stop: (w: string) => boolean, out: Token[]): string | undefined {
  // Commas and periods only survive between digits ("3,143", "69.75"); elsewhere they separate.
  const parts = run.split(/(?<!\d)[.,]|[.,](?!\d)/);
  let lastNumber: string | undefined;
  for (const raw of parts) {
    let w = raw.toLowerCase().replace(/^[\-+&'’]+|[\-+&'’]+$/g, '');
    w = w.replace(/['’]s$/, '').replace(/['’]/g, '');
    if (!w) continue;
    lastNumber = undefined;
    if (NUMBER.test(w)) {
      const pct = w.endsWith('%');
      const n = canonNumber(pct ? w.slice(0, -1) : w);
      out.push({ term: n, kind: 'num' });
      if (pct) out.push({ term: `${n}%`, kind: 'num' });
      else lastNumber = n;
      continue;
    }
    const pieces = w.split(/[\-+&%]+/).filter(Boolean);
    const joined = pieces.join('');
    if (!joined || stop(joined)) continue;
    out.push({ term: joined, kind: 'word' });
    const lead = /^(\d+(?:\.\d+)?)[a-z]/.exec(joined);
    if (lead?.[1]) out.push({ term: canonNumber(lead[1]), kind: 'num' }); // "7000km" → 7000, "4s" → 4
    if (pieces.length > 1) {
      for (const p of pieces) if (/[a-z].*[a-z]/.test(p) && p !== joined && !stop(p)) out.push({ term: p, kind: 'word' });
    }
  }
  return lastNumber;
}

/** N2: a number directly followed by a unit; returns the rest of the run after the unit. */
function numberUnit(num: string, text: string, out: Token[]): string {
  for (const u of UNIT_KEYS) {
    if (text.startsWith(u)) {
      out.push({ term: `${num}${UNIT_CANON[u]}`, kind: 'num' });
      return text.slice(u.length);
    }
  }
  return text;
}

function stripKo(word: string): { stem: string; safe: boolean } | undefined {
  const n = [...word].length;
  for (const { s, safe } of KO_SUFFIXES) {
    if (n - s.length >= 2 && word.endsWith(s)) return { stem: word.slice(0, word.length - s.length), safe };
  }
  return undefined;
}

function bigrams(text: string, kind: TokenKind, out: Token[], skip?: Set<string>): void {
  const cs = [...text];
  for (let i = 0; i + 1 < cs.length; i++) {
    const a = cs[i]!;
    const b = cs[i + 1]!;
    if (skip && (skip.has(a) || skip.has(b))) continue;
    out.push({ term: a + b, kind });
  }
}

const KO_SUFFIX_WORDS = new Set(KO_SUFFIX_SAFE);

function koreanTokens(word: string, query: boolean, out: Token[]): void {
  // A bare ending (what is left of "2027년까지" once N2 took "2027년") or a stopword.
  if (KO_STOP.has(word) || KO_SUFFIX_WORDS.has(word) || (query && KO_QUERY_STOP.has(word))) return;
  const stripped = stripKo(word);
  const stem = stripped?.stem ?? word;
  if (stripped && (KO_STOP.has(stem) || (query && KO_QUERY_STOP.has(stem)))) return;
  const local: Token[] = [{ term: word, kind: 'word' }];
  if (stripped) local.push({ term: stem, kind: 'stem' });
  const gramBase = stripped && !stripped.safe ? word : stem;
  if ([...gramBase].length >= 3) bigrams(gramBase, 'gram', local);
  pushUnique(local, out);
}

const zhSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function chineseTokens(run: string, query: boolean, out: Token[]): void {
  const stop = (w: string): boolean => ZH_STOP.has(w) || (query && ZH_QUERY_STOP.has(w));
  const local: Token[] = [];
  // C2 runs over spans of consecutive non-stop words, so "份额是多少" yields 份额 but not 额是/是多/多少.
  const spans: string[] = [];
  let span = '';
  const single = [...run].length === 1;
  for (const { segment } of zhSegmenter.segment(run)) {
    if (stop(segment)) {
      if (span) spans.push(span);
      span = '';
      continue;
    }
    span += segment;
    // C3: ICU cuts unknown names and suffixes into single characters (机器|人, 示范|区); those
    // unigrams are noise, the bigrams carry them. A run of one character ("汉", "大") is kept.
    if ([...segment].length >= 2 || single) local.push({ term: segment, kind: 'word' });
  }
  if (span) spans.push(span);
  for (const sp of spans) bigrams(sp, 'gram', local, ZH_STOP_CHARS);
  pushUnique(local, out);
}

/** Adds tokens, skipping terms already produced for the same word (a 2-syllable word is also its own stem and bigram). */
function pushUnique(local: Token[], out: Token[]): void {
  const seen = new Set<string>();
  for (const t of local) {
    if (seen.has(t.term)) continue;
    seen.add(t.term);
    out.push(t);
  }
}

// ───────────────────────────── entry points ─────────────────────────────

/** Terms with their kinds, in text order. `text` must already be normalize()d. */
export function analyze(text: string, opts: AnalyzeOptions = {}): Token[] {
  const query = opts.query ?? false;
  const enStop = (w: string): boolean => EN_STOP.has(w) || (query && EN_QUERY_STOP.has(w));
  const out: Token[] = [];
  for (const m of text.matchAll(PIECE)) {
    let pendingNumber: string | undefined;
    for (const run of runsOf(m[0])) {
      let rest = run.text;
      if (pendingNumber && run.script !== 'lat') rest = numberUnit(pendingNumber, rest, out);
      pendingNumber = undefined;
      if (!rest) continue;
      if (run.script === 'lat') pendingNumber = latinTokens(rest, enStop, out);
      else if (run.script === 'ko') koreanTokens(rest, query, out);
      else chineseTokens(rest, query, out);
    }
  }
  return out;
}

/** Index/query terms of normalized text (documents: no question-word removal). */
export function tokenize(text: string): string[] {
  return analyze(text).map((t) => t.term);
}

/** Terms of raw document text: normalize() then tokenize(). */
export function analyzeForIndex(text: string): string[] {
  return tokenize(normalize(text));
}
