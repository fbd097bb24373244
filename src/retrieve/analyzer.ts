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
 * - N3 a dotted date ("2025.07.09", the report's tables) also as 2025년, 7월, 9일; a month
 *   name ("July", "七月") also as 7월.
 */

import { normalize } from '../text/normalize.js';
import {
  EN_STOP,
  isEnglishStopWord,
  DOTTED_DATE_RE,
  englishMonth,
  hanMonth,
  KO_QUERY_STOP,
  isKoreanQuestionWord,
  KO_STOP,
  KO_SUFFIX_WORDS,
  ZH_QUERY_STOP,
  ZH_STOP,
  ZH_STOP_CHARS,
  isHan,
  isHangul,
  stripKoreanSuffix as stripKo,
} from '../text/rules.js';

/** Bump when any rule changes the terms produced: an index built with another version refuses to load. */
export const ANALYZER_VERSION = 2;

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
    if (dottedDates(w, out)) continue;
    const month = englishMonth(raw.replace(/^[\-+&'’]+/, ''));
    if (month) out.push({ term: `${month}월`, kind: 'num' });
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

/** A date or date range written with dots, as the report's tables write them ("2025.07.09-2025.07.11"). */
const DOTTED_DATE = /^(?:(?:19|20)\d{2}[./]\d{1,2}[./]\d{1,2}[-~]?)+$/;

/**
 * N3: a dotted date (or range) gives the terms the same date written in words gives ("2025 년 7 월
 * 9 일" → 2025년, 7월, 9일), beside the date as written: a question about "7월" or "July" then
 * matches the table's rows, which were one unmatchable term ("2025.07.092025.07.11").
 */
function dottedDates(w: string, out: Token[]): boolean {
  if (!DOTTED_DATE.test(w)) return false;
  for (const m of w.matchAll(DOTTED_DATE_RE)) {
    out.push({ term: m[0], kind: 'num' });
    for (const t of [`${m[1]}년`, `${Number(m[2])}월`, `${Number(m[3])}일`]) if (!out.some((o) => o.term === t)) out.push({ term: t, kind: 'num' });
  }
  return true;
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

function bigrams(text: string, kind: TokenKind, out: Token[], skip?: Set<string>): void {
  const cs = [...text];
  for (let i = 0; i + 1 < cs.length; i++) {
    const a = cs[i]!;
    const b = cs[i + 1]!;
    if (skip && (skip.has(a) || skip.has(b))) continue;
    out.push({ term: a + b, kind });
  }
}

function koreanTokens(word: string, query: boolean, out: Token[]): void {
  // A bare ending (what is left of "2027년까지" once N2 took "2027년") or a stopword.
  if (KO_STOP.has(word) || KO_SUFFIX_WORDS.has(word) || (query && (KO_QUERY_STOP.has(word) || isKoreanQuestionWord(word)))) return;
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
    // 七月 is 7月 (N2's 7월), as a question may write it.
    const month = hanMonth(segment);
    if (month) local.push({ term: `${month}월`, kind: 'num' });
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
  // The passages' words as written (the index is unchanged); a question's also in their -s forms.
  const enStop = (w: string): boolean => (query ? isEnglishStopWord(w, true) : EN_STOP.has(w));
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
