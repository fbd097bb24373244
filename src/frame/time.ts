/**
 * Years relative to the asker ("작년", "去年", "last year") read against the report's issue.
 *
 * The report dates everything absolutely ("2024 년 매출", "2025 년 1 분기"), so a question's
 * "작년" matches no passage and says nothing to the answer stage about which row of a table it
 * wants. A reader of the June 2025 issue who says "작년" means 2024: the question is read with
 * the year beside the word ("작년 2024년"), and the answer's note says so, since a reader asking
 * later may mean another year.
 */
import type { Lang } from '../types.js';

export interface ResolvedYear {
  /** The words as typed ("작년", "last year"). */
  typed: string;
  year: number;
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

/** How the year is written beside the word, in the question's language. */
const YEAR_FORM: Record<Lang, (y: number) => string> = {
  ko: (y) => ` ${y}년`,
  zh: (y) => `（${y}年）`,
  en: (y) => ` (${y})`,
};

/** "2025-06" → 2025; undefined when the index has no issue date. */
export function issueYear(issue: string | undefined): number | undefined {
  const m = /^(20\d{2})-\d{2}$/.exec(issue ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * The question with each relative year followed by the year it means, by the rules of the
 * question's language. A question that already writes the year ("작년(2024년)") is left as it is.
 */
export function resolveRelativeYears(text: string, lang: Lang, year: number | undefined): { text: string; years: ResolvedYear[] } {
  if (year === undefined) return { text, years: [] };
  const years: ResolvedYear[] = [];
  let out = text;
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
