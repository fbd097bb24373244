/** Relative years read against the report's issue (src/frame/time.ts). */
import { describe, expect, it } from 'vitest';
import { RELATIVE_YEAR_RE, askedMonths, askedYears, asksDay, issueMonth, issueYear, monthMatches, resolveRelativeDates, statedMonths, statedYears, statesDay } from '../../src/frame/time.js';

describe('resolveRelativeDates', () => {
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
    const r = resolveRelativeDates(q, lang, 2025);
    expect(r.text).toBe(read);
    expect(r.years.map((y) => y.year)).toEqual(years);
  });

  it('leaves a year the asker wrote, words that only look relative, and an index without an issue', () => {
    expect(resolveRelativeDates('작년(2024년) 총생산', 'ko', 2025).years).toEqual([]);
    expect(resolveRelativeDates('60岁以上年龄的用户', 'zh', 2025).years).toEqual([]);
    expect(resolveRelativeDates('the last years of the plan', 'en', 2025).years).toEqual([]);
    expect(resolveRelativeDates('작년 매출', 'ko', undefined)).toEqual({ text: '작년 매출', years: [] });
    // A Korean word in an English question is not read by the English rules.
    expect(resolveRelativeDates('작년 revenue', 'en', 2025).years).toEqual([]);
  });

  it('reads the year of the issue month', () => {
    expect(issueYear('2025-06')).toBe(2025);
    expect(issueYear('')).toBeUndefined();
    expect(issueYear('June')).toBeUndefined();
  });
});

describe('relative months', () => {
  it.each([
    ['ko', '다음 달 행사', '다음 달 2025년 7월 행사', 7],
    ['ko', '지난달 발표된 정책', '지난달 2025년 5월 발표된 정책', 5],
    ['zh', '下个月有什么展会？', '下个月（2025年7月）有什么展会？', 7],
    ['en', 'fairs next month', 'fairs next month (July 2025)', 7],
  ] as const)('%s: %s', (lang, q, read, month) => {
    const r = resolveRelativeDates(q, lang, 2025, 6);
    expect(r.text).toBe(read);
    expect(r.years).toEqual([{ typed: q.match(/다음 달|지난달|下个月|next month/)![0], year: 2025, month }]);
    // Written out, the month is one the question asks about.
    expect(askedMonths(r.text)).toContainEqual({ year: 2025, month });
  });

  it('crosses the year, and reads the month of the issue', () => {
    expect(resolveRelativeDates('다음 달 일정', 'ko', 2025, 12).years).toEqual([{ typed: '다음 달', year: 2026, month: 1 }]);
    expect(resolveRelativeDates('last month', 'en', 2025, 1).years).toEqual([{ typed: 'last month', year: 2024, month: 12 }]);
    expect(resolveRelativeDates('다음 달 일정', 'ko', 2025).years).toEqual([]);
    expect(issueMonth('2025-06')).toEqual({ year: 2025, month: 6 });
    expect(issueMonth('June')).toBeUndefined();
  });
});

describe('months asked and stated', () => {
  it.each([
    ['7월에 열리는 전시회', [{ month: 7 }]],
    ['2024년 12월 발표', [{ year: 2024, month: 12 }]],
    ['七月有哪些展会', [{ month: 7 }]],
    ['2025年7月的展会', [{ year: 2025, month: 7 }]],
    ['fairs held in July', [{ month: 7 }]],
    ['In May 2025, what opened?', [{ year: 2025, month: 5 }]],
  ])('%s', (q, months) => {
    expect(askedMonths(q)).toEqual(months);
  });

  it('reads no month from durations, the modal "may" or a question about the month', () => {
    for (const q of ['3개월 동안', '三个月内', 'What may change?', '몇 월에 열려?', '6.5월']) expect(askedMonths(q)).toEqual([]);
  });

  it("reads the report's table dates and written dates, with their years", () => {
    expect(statedMonths('세계 인공지능 컨퍼런스(WAIC 2025) 2025.07.26-2025.07.29 상하이')).toEqual([{ year: 2025, month: 7 }]);
    expect(statedMonths('엑스포 2025.06.29-2025.07.01 상하이')).toEqual([{ year: 2025, month: 6 }, { year: 2025, month: 7 }]);
    expect(statedMonths('2025 년 6 월 11 일 출범했다')).toEqual([{ year: 2025, month: 6 }]);
    expect(statedMonths('6 월 12 일, 청두에서')).toEqual([{ month: 6 }]);
    expect(statedMonths('3 개월 만에 매출 2,658.97 억 위안')).toEqual([]);
  });

  it('matches a month, comparing years only where both are written', () => {
    expect(monthMatches([{ month: 7 }], [{ year: 2025, month: 7 }])).toBe(true);
    expect(monthMatches([{ year: 2024, month: 7 }], [{ year: 2025, month: 7 }])).toBe(false);
    expect(monthMatches([{ month: 7 }], [{ year: 2025, month: 6 }])).toBe(false);
  });
});

describe('years asked and stated', () => {
  it('asks about a year, not the year in a name', () => {
    expect(askedYears('둥후 시범구 2020년 순이익은?')).toEqual(['2020']);
    expect(askedYears('GSAT 2025 참가 기업 중 2024년에 설립된 곳은?')).toEqual(['2024']);
    expect(askedYears('WAIC 2025는 어디서 열려?')).toEqual([]);
    expect(askedYears('1,2025 억 위안')).toEqual([]);
  });
  it("states the report's years, short table forms too", () => {
    expect(statedYears('주요 지표 구분 2022 년 2023 년 연간 매출 13,094.74 억 위안')).toEqual(['2022', '2023']);
    expect(statedYears('19 년 화웨이 블랙리스트 등재')).toEqual(['2019']);
    expect(statedYears('총 2,025 대 판매')).toEqual([]);
  });
  it('knows a year written relative to the issue, which may be the asked one', () => {
    for (const s of ['올해 출하량은 50% 이상 증가할 전망', '지난해 매출', '去年营收', 'sales last year']) expect(RELATIVE_YEAR_RE.test(s)).toBe(true);
    for (const s of ['해외 진출', '연간 매출', 'yearly revenue']) expect(RELATIVE_YEAR_RE.test(s)).toBe(false);
  });
});

describe('days asked and stated', () => {
  it('asks a day, not a year, a month or a duration', () => {
    for (const q of ['몇 월 며칠에 열렸어?', '开幕是几号？', '几月几日发布的', '是哪天开始的', 'What are the exact dates?', 'On what date did it open?']) expect(asksDay(q)).toBe(true);
    for (const q of ['몇 일에 열렸어?', '개막일이 몇일이야?']) expect(asksDay(q)).toBe(true);
    for (const q of ['몇 년에 세워졌어?', '며칠 동안 열려?', '몇 일간 진행돼?', '언제 발표됐어?', 'Which tasks are done daily?', '몇 일본 기업이 참가했어?']) expect(asksDay(q)).toBe(false);
  });
  it("states a day of a month as the report writes it", () => {
    for (const s of ['6 월 28 일 경남 창원에서 개막했다', '2025.06.29-2025.07.01', '6月28日开幕', 'It opened on June 28']) expect(statesDay(s)).toBe(true);
    for (const s of ['2023 년 10 월 발표된 강요', '지난 2 월 발표', '2014 년 5 월 승인']) expect(statesDay(s)).toBe(false);
  });
});
