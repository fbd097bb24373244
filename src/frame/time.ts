/**
 * Years relative to the asker ("작년", "去年", "last year") read against the report's issue.
 *
 * The report dates everything absolutely ("2024 년 매출", "2025 년 1 분기"), so a question's
 * "작년" matches no passage and says nothing to the answer stage about which row of a table it
 * wants. A reader of the June 2025 issue who says "작년" means 2024: the question is read with
 * the year beside the word ("작년 2024년"), and the answer's note says so, since a reader asking
 * later may mean another year. Months likewise ("다음 달", "下个月", "next month" against the
 * issue's month), and the months a question names, which the answer stage matches against the
 * months its sentences are dated in.
 */
import type { Lang } from '../types.js';
import { DOTTED_DATE_RE, EN_MONTH_NAMES, englishMonth, hanMonth } from '../text/rules.js';

export interface ResolvedDate {
  /** The words as typed ("작년", "last year", "다음 달"). */
  typed: string;
  year: number;
  /** For a relative month ("다음 달", "下个月", "next month"): the month it means (1–12). */
  month?: number;
}

interface Rule {
  re: RegExp;
  offset: number;
}

/**
 * Global, for String.replace. Longer forms first (재작년 before 작년). Only words that always mean the asker's year: not
 * "다음 해" or 上年 (the year after or before another year the question names, or 以上年龄).
 */
const RULES: Record<Lang, Rule[]> = {
  ko: [
    { re: /재작년|지지난\s?해/gu, offset: -2 },
    { re: /작년|지난\s?해/gu, offset: -1 },
    { re: /올해|금년/gu, offset: 0 },
    { re: /내년/gu, offset: 1 },
  ],
  zh: [
    { re: /前年/gu, offset: -2 },
    { re: /去年/gu, offset: -1 },
    { re: /今年/gu, offset: 0 },
    { re: /明年/gu, offset: 1 },
  ],
  en: [
    { re: /\bthe year before last\b/giu, offset: -2 },
    { re: /\blast year\b/giu, offset: -1 },
    { re: /\bthis year\b/giu, offset: 0 },
    { re: /\bnext year\b/giu, offset: 1 },
  ],
};

/** Relative months, read against the issue's month like the years against its year. */
const MONTH_RULES: Record<Lang, Rule[]> = {
  ko: [
    { re: /지난\s?달|저번\s?달/gu, offset: -1 },
    { re: /이번\s?달|이달/gu, offset: 0 },
    { re: /다음\s?달|담달/gu, offset: 1 },
  ],
  zh: [
    { re: /上个月|上月/gu, offset: -1 },
    { re: /这个月|本月/gu, offset: 0 },
    { re: /下个月|下月/gu, offset: 1 },
  ],
  en: [
    { re: /\blast month\b/giu, offset: -1 },
    { re: /\bthis month\b/giu, offset: 0 },
    { re: /\bnext month\b/giu, offset: 1 },
  ],
};

/** How a month is written beside the word: the form askedMonths() and the analyzer read back. */
const MONTH_FORM: Record<Lang, (y: number, m: number) => string> = {
  ko: (y, m) => ` ${y}년 ${m}월`,
  zh: (y, m) => `（${y}年${m}月）`,
  en: (y, m) => ` (${EN_MONTH_NAMES[m - 1]} ${y})`,
};

/** How the year is written beside the word, in the question's language. */
const YEAR_FORM: Record<Lang, (y: number) => string> = {
  ko: (y) => ` ${y}년`,
  zh: (y) => `（${y}年）`,
  en: (y) => ` (${y})`,
};

/** "2025-06" → its month (6); undefined when the index has no issue date. */
export function issueMonth(issue: string | undefined): { year: number; month: number } | undefined {
  const m = /^(20\d{2})-(\d{2})$/.exec(issue ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]) } : undefined;
}

/** "2025-06" → 2025; undefined when the index has no issue date. */
export function issueYear(issue: string | undefined): number | undefined {
  return issueMonth(issue)?.year;
}

/**
 * The question with each relative year (and, given the issue's month, each relative month)
 * followed by the date it means, by the rules of the question's language. A question that
 * already writes the year ("작년(2024년)") is left as it is.
 */
export function resolveRelativeDates(text: string, lang: Lang, year: number | undefined, month?: number): { text: string; years: ResolvedDate[] } {
  if (year === undefined) return { text, years: [] };
  const years: ResolvedDate[] = [];
  let out = text;
  if (month !== undefined) {
    for (const { re, offset } of MONTH_RULES[lang]) {
      const index = year * 12 + (month - 1) + offset;
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      out = out.replace(re, (typed: string) => {
        if (!years.some((r) => r.typed === typed)) years.push({ typed, year: y, month: m });
        return typed + MONTH_FORM[lang](y, m);
      });
    }
  }
  for (const { re, offset } of RULES[lang]) {
    const y = year + offset;
    out = out.replace(re, (typed: string, at: number, whole: string) => {
      // Already dated by the asker, or the end of a longer form an earlier rule read (재작년, 지지난해).
      if (whole.slice(at, at + typed.length + 12).includes(String(y)) || (offset === -1 && /[재지]$/u.test(whole.slice(0, at)))) return typed;
      if (!years.some((r) => r.typed === typed)) years.push({ typed, year: y });
      return typed + YEAR_FORM[lang](y);
    });
  }
  return { text: out, years };
}

/** A month of a year (the year when it is written). */
export interface YearMonth {
  year?: number;
  month: number;
}

function pushMonth(out: YearMonth[], year: string | undefined, month: number): void {
  if (month < 1 || month > 12) return;
  const ym: YearMonth = year ? { year: Number(year), month } : { month };
  if (!out.some((o) => o.month === ym.month && o.year === ym.year)) out.push(ym);
}

/** "2025 년 7 월", "2025年7月", "7월", "7月" (not "3개월", "3个月": durations). */
const NUMERIC_MONTH = /(?:((?:19|20)\d{2})\s*[년年]\s*)?(?<![\d.])(\d{1,2})\s*[월月]/gu;

/**
 * The months a question names ("7월에 열리는 전시회", "七月的展会", "fairs in July", and a
 * relative month once resolveRelativeDates wrote it out): the answer must be dated in one of them.
 */
export function askedMonths(text: string): YearMonth[] {
  const q = text.normalize('NFKC');
  const out: YearMonth[] = [];
  for (const m of q.matchAll(NUMERIC_MONTH)) pushMonth(out, m[1], Number(m[2]));
  for (const m of q.matchAll(/[一二三四五六七八九十]{1,2}月/gu)) {
    const n = hanMonth(m[0]);
    if (n && !/[个個]$/u.test(q.slice(0, m.index))) pushMonth(out, undefined, n);
  }
  for (const m of q.matchAll(/\b([A-Za-z]{3,9})\.?(?:\s+((?:19|20)\d{2}))?\b/gu)) {
    const n = englishMonth(m[1]!);
    if (n) pushMonth(out, m[2], n);
  }
  return out;
}

/** The months a sentence dates something in, in the report's forms (words or table dates). */
export function statedMonths(sentence: string): YearMonth[] {
  const s = sentence.normalize('NFKC');
  const out: YearMonth[] = [];
  for (const m of s.matchAll(DOTTED_DATE_RE)) pushMonth(out, m[1], Number(m[2]));
  for (const m of s.matchAll(NUMERIC_MONTH)) pushMonth(out, m[1], Number(m[2]));
  return out;
}

/** Is a stated month one of the asked ones (years compared only where both are written)? */
export function monthMatches(asked: readonly YearMonth[], stated: readonly YearMonth[]): boolean {
  return stated.some((s) => asked.some((a) => a.month === s.month && (a.year === undefined || s.year === undefined || a.year === s.year)));
}

/** A four-digit year, not part of a longer number or an amount ("2,025 대", "1.2025"). */
const YEAR_G = /(?<![\d.,])((?:19|20)\d{2})(?![\d.,])/g;

/**
 * The years a sentence states: four-digit years and the report's short forms ("19 년" in a
 * table header, "'22"), as four digits.
 */
export function statedYears(sentence: string): string[] {
  const s = sentence.normalize('NFKC');
  const out = new Set<string>();
  for (const m of s.matchAll(YEAR_G)) out.add(m[1]!);
  for (const m of s.matchAll(/(?<![\d.,])['’]?(\d{2})\s*년/g)) out.add(`20${m[1]}`);
  return [...out];
}

/**
 * A year written relative to the issue ("올해", "지난해", "今年", "this year"): the report dates
 * many figures so, and the answer stage does not know which year each meant. Broader than RULES
 * on purpose (전년, 이듬해, 上年: relative to another year): RULES writes out only what surely means
 * the asker's year, while here any relative year is a possible match, not evidence of absence.
 */
export const RELATIVE_YEAR_RE = /올해|금년|작년|지난해|전년|내년|이듬해|今年|去年|明年|上年|本年|\b(?:this|last|next) year\b/iu;

/**
 * The years a question asks about (relative ones already written out by the chat: "작년" is
 * 2024), not the year in a name ("GSAT 2025", "WAIC 2025": a Latin word before it).
 */
export function askedYears(question: string): string[] {
  const q = question.normalize('NFKC').replace(/[A-Za-z][A-Za-z-]*\s*(?:19|20)\d{2}/g, ' ');
  return [...new Set([...q.matchAll(YEAR_G)].map((m) => m[1]!))];
}

/**
 * The question asks for a day, not a year or a month: "몇 월 며칠", "几号", "哪天", "exact date",
 * "what day". "며칠 동안" asks a duration; "몇 일", the common misspelling, only before a particle
 * or the question's end ("몇 일본 기업" asks a count of Japanese companies).
 */
const ASKED_DAY_RE =
  /며칠(?!\s*(?:동안|간))|몇\s*일(?=\s*(?:에|이야|이에요|이었|인가|인지|날|자|[?？.]|$))|几月几[日号]|几号|哪一?天|具体日期|什么日期|哪个日期|\bexact dates?\b|\bwhat (?:date|day)\b|\bwhich (?:date|day)\b|\bon what date\b/iu;

export function asksDay(question: string): boolean {
  return ASKED_DAY_RE.test(question.normalize('NFKC'));
}

/** A day of a month the sentence states: "6 월 28 일", "28日", "2025.06.29", "June 12". */
const STATED_DAY_RE = new RegExp(
  `(?<![\\d.])\\d{1,2}\\s*[일日]|(?:19|20)\\d{2}[./]\\d{1,2}[./]\\d{1,2}|\\b(?:${EN_MONTH_NAMES.join('|')})\\s+\\d{1,2}\\b`,
  'u',
);

export function statesDay(sentence: string): boolean {
  return STATED_DAY_RE.test(sentence.normalize('NFKC'));
}
