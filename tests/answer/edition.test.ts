/** The editions of an event a question asks and a sentence states (src/answer/edition.ts). */
import { describe, expect, it } from 'vitest';
import { askedEditions, statedEditions } from '../../src/answer/edition.js';
import { hanNumber } from '../../src/text/rules.js';

describe('editions', () => {
  it('asked in Korean, Chinese and English', () => {
    expect(askedEditions('제3회 대회는 언제야?')).toEqual([3]);
    expect(askedEditions('3회차 행사 장소는?')).toEqual([3]);
    expect(askedEditions('第十二届展会在哪里？')).toEqual([12]);
    expect(askedEditions('首届论坛什么时候？')).toEqual([1]);
    expect(askedEditions('When is the 23rd expo?')).toEqual([23]);
    expect(askedEditions('Who spoke at the second Chengdu forum?')).toEqual([2]);
  });
  it('not a rank, nor an ordinal of something that is no event', () => {
    expect(askedEditions('the second largest carmaker')).toEqual([]);
    expect(askedEditions('the first robot 4S store in the world')).toEqual([]);
    expect(askedEditions('排名第一的城市')).toEqual([]);
    expect(askedEditions('몇 회 열렸어?')).toEqual([]);
  });
  it("stated as the report prints them", () => {
    expect(statedEditions('제 2 회 ‘일대일로(一带一路)’ 과학기술 교류대회가 지난 6 월 10 일부터')).toEqual([2]);
    expect(statedEditions('2025 제 18 회 중국 광저우 국제 환경보호산업 박람회 2025.06.25-2025.06.27')).toEqual([18]);
    expect(statedEditions('2023 년 매출은 5 회 연속 증가했다')).toEqual([]);
  });
  it('Han numerals', () => {
    expect([hanNumber('二'), hanNumber('十'), hanNumber('十二'), hanNumber('二十三'), hanNumber('一百零'), hanNumber('abc')]).toEqual([2, 10, 12, 23, undefined, undefined]);
  });
});
