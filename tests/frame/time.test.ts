/** Relative years read against the report's issue (src/frame/time.ts). */
import { describe, expect, it } from 'vitest';
import { issueYear, resolveRelativeYears } from '../../src/frame/time.js';

describe('resolveRelativeYears', () => {
  it.each([
    ['ko', '작년 매출은?', '작년 2024년 매출은?', [2024]],
    ['ko', '지난해 출하량과 올해 목표', '지난해 2024년 출하량과 올해 2025년 목표', [2024, 2025]],
    ['ko', '재작년 실적', '재작년 2023년 실적', [2023]],
    ['ko', '내년 계획', '내년 2026년 계획', [2026]],
    ['zh', '去年营收多少？', '去年（2024年）营收多少？', [2024]],
    ['zh', '前年和今年', '前年（2023年）和今年（2025年）', [2023, 2025]],
    ['en', 'Revenue last year?', 'Revenue last year (2024)?', [2024]],
    ['en', 'plans for next year', 'plans for next year (2026)', [2026]],
  ] as const)('%s: %s', (lang, q, read, years) => {
    const r = resolveRelativeYears(q, lang, 2025);
    expect(r.text).toBe(read);
    expect(r.years.map((y) => y.year)).toEqual(years);
  });

  it('leaves a year the asker wrote, words that only look relative, and an index without an issue', () => {
    expect(resolveRelativeYears('작년(2024년) 총생산', 'ko', 2025).years).toEqual([]);
    expect(resolveRelativeYears('60岁以上年龄的用户', 'zh', 2025).years).toEqual([]);
    expect(resolveRelativeYears('the last years of the plan', 'en', 2025).years).toEqual([]);
    expect(resolveRelativeYears('작년 매출', 'ko', undefined)).toEqual({ text: '작년 매출', years: [] });
    // A Korean word in an English question is not read by the English rules.
    expect(resolveRelativeYears('작년 revenue', 'en', 2025).years).toEqual([]);
  });

  it('reads the year of the issue month', () => {
    expect(issueYear('2025-06')).toBe(2025);
    expect(issueYear('')).toBeUndefined();
    expect(issueYear('June')).toBeUndefined();
  });
});
