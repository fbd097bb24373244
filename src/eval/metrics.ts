/**
 * Scoring of the dev set (format in eval/README.md): pure functions over one question's
 * retrieved articles/passages and answer, and aggregation per language.
 */
import type { Lang } from '../types.js';
import { quantile } from '../util/stats.js';

export interface DevQuestion {
  id: string;
  lang: Lang;
  question: string;
  turns: string[];
  article: string | null;
  also: string[];
  answer_keywords: string[][];
  type: string;
  /** `tune` (used to fit and accept changes) or `check` (confirmation only). */
  split?: 'tune' | 'check';
}

export interface QuestionResult {
  id: string;
  lang: Lang;
  type: string;
  split?: 'tune' | 'check';
  question: string;
  answerable: boolean;
  /** Number of answer_keywords groups (0: evidence is not scored for this question). */
  keywordGroups: number;
  /** Rank (1-based) of the first passage from a gold article, or null. */
  goldRank: number | null;
  /** Every keyword group is present in the top passage. */
  evidence1: boolean;
  /** Every keyword group is present in the top-5 passages together. */
  evidence5: boolean;
  searchMs: number;
  // Answer side (absent when answers were not scored).
  found?: boolean;
  keywordsCovered?: boolean;
  /** Citations pointing at a gold article / all citations. */
  citedGold?: number;
  cited?: number;
  /** The first citation points at a gold article. */
  firstCitedGold?: boolean;
  markersOk?: boolean;
  chatMs?: number;
  answer?: string;
  topArticles: string[];
}

/** White space removed, case folded: "1.25 억 위안" matches "1.25억 위안". */
export const squash = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

export function containsAllGroups(text: string, groups: string[][]): boolean {
  const t = squash(text);
  return groups.every((g) => g.some((k) => t.includes(squash(k))));
}

/** Every [n] has a citation and every citation is used. */
export function markersConsistent(answer: string, citationIds: number[]): boolean {
  const used = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const ids = new Set(citationIds);
  return [...used].every((n) => ids.has(n)) && [...ids].every((n) => used.has(n));
}

export interface Summary {
  n: number;
  answerable: number;
  recall1: number;
  recall5: number;
  mrr: number;
  evidence1: number;
  evidence5: number;
  searchP50: number;
  searchP95: number;
  keywordCoverage?: number;
  citationPrecision?: number;
  citedGoldRate?: number;
  /** Share of answerable questions whose first citation is in a gold article. */
  firstCitedGold?: number;
  unanswerableCorrect?: string;
  /** Share of unanswerable questions answered found:false. */
  refusedRate?: number;
  /**
   * Answerable questions answered found:false ("n/m"): the hedge still quotes what it found, so
   * keywords do not show these; a reader sees a doubt the report did not call for.
   */
  hedged?: string;
  /** Median answer length in characters, for fact-like questions (not summaries or overviews). */
  answerChars?: number;
  markersOk?: number;
  chatP50?: number;
  chatP95?: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function summarize(rs: QuestionResult[]): Summary {
  const ans = rs.filter((r) => r.answerable);
  const s: Summary = {
    n: rs.length,
    answerable: ans.length,
    recall1: mean(ans.map((r) => (r.goldRank === 1 ? 1 : 0))),
    recall5: mean(ans.map((r) => (r.goldRank !== null && r.goldRank <= 5 ? 1 : 0))),
    mrr: mean(ans.map((r) => (r.goldRank ? 1 / r.goldRank : 0))),
    evidence1: mean(ans.filter((r) => r.keywordGroups > 0).map((r) => (r.evidence1 ? 1 : 0))),
    evidence5: mean(ans.filter((r) => r.keywordGroups > 0).map((r) => (r.evidence5 ? 1 : 0))),
    searchP50: quantile(rs.map((r) => r.searchMs), 0.5),
    searchP95: quantile(rs.map((r) => r.searchMs), 0.95),
  };
  const scored = rs.filter((r) => r.found !== undefined);
  if (scored.length) {
    const sa = scored.filter((r) => r.answerable);
    const un = scored.filter((r) => !r.answerable);
    s.keywordCoverage = mean(sa.map((r) => (r.keywordsCovered ? 1 : 0)));
    const cited = sa.reduce((n, r) => n + (r.cited ?? 0), 0);
    s.citationPrecision = cited ? sa.reduce((n, r) => n + (r.citedGold ?? 0), 0) / cited : 0;
    s.citedGoldRate = mean(sa.map((r) => ((r.citedGold ?? 0) > 0 ? 1 : 0)));
    s.firstCitedGold = mean(sa.map((r) => (r.firstCitedGold ? 1 : 0)));
    s.unanswerableCorrect = `${un.filter((r) => r.found === false).length}/${un.length}`;
    s.refusedRate = un.length ? un.filter((r) => r.found === false).length / un.length : Number.NaN;
    s.hedged = `${sa.filter((r) => r.found === false).length}/${sa.length}`;
    s.answerChars = quantile(sa.filter((r) => r.type !== 'summary').map((r) => (r.answer ?? '').length), 0.5);
    s.markersOk = mean(scored.map((r) => (r.markersOk ? 1 : 0)));
    s.chatP50 = quantile(scored.map((r) => r.chatMs ?? 0), 0.5);
    s.chatP95 = quantile(scored.map((r) => r.chatMs ?? 0), 0.95);
  }
  return s;
}
