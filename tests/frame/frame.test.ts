/** The question frame: kinds, names, back-references and references to articles, in three languages. */
import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/frame/frame.js';
import { articleNumber, resolveArticleReference, type TocEntry } from '../../src/frame/references.js';

const toc: TocEntry[] = [
  ['산업 트렌드', '01', '구현 지능 산업 심층 분석'],
  ['산업 트렌드', '02', '中 자동차 산업 격변…주요 완성차 업체의 전략적 통합 본격화'],
  ['기업 리서치', '01', '화웨이 독자적인 인공지능(AI) 인프라 구축'],
  ['기업 리서치', '02', '야오잉의료 AI 가정 주치의 출범'],
  ['전시회 소식', '01', '2025 년 과학기술 분야 행사 정보'],
].map(([section, number, title], i) => ({ key: `r:a${i}`, section: section!, number: number!, title: title!, page: i + 1 }));

describe('question kinds', () => {
  it.each([
    ['유니트리의 시장 점유율은?', 'ko', 'percent'],
    ['창업 지원 기관은 몇 곳이야?', 'ko', 'count'],
    ['축구 리그에는 몇 팀이 있어?', 'ko', 'count'],
    ['행사는 언제 열려?', 'ko', 'date'],
    // 며칠 is "which day": a date asked as surely as by 언제.
    ['박람회는 며칠부터 열려?', 'ko', 'date'],
    ['센터장이 누구야?', 'ko', 'person'],
    ['어떤 도시들이 선정됐어?', 'ko', 'list'],
    ['A사와 B사 매출을 비교해줘', 'ko', 'compare'],
    ['이 기사 요약해줘', 'ko', 'summary'],
    ['목차에서 몇 페이지에 있어?', 'ko', 'location'],
    ['这家公司的营收是多少？', 'zh', 'money'],
    ['哪些城市入选了？', 'zh', 'list'],
    ['When does the expo open?', 'en', 'date'],
    ['What share of the market does it hold?', 'en', 'percent'],
    ['Which one started earlier?', 'en', 'compare'],
    // every kind in each language
    ['이 회사는 무슨 일을 해?', 'ko', 'fact'],
    ['매출이 얼마야?', 'ko', 'money'],
    ['면적이 몇 제곱킬로미터야?', 'ko', 'area'],
    ['본사는 어디에 있어?', 'ko', 'place'],
    ['这家公司做什么？', 'zh', 'fact'],
    ['有多少家企业入驻？', 'zh', 'count'],
    ['市场份额是多少？', 'zh', 'percent'],
    ['展会什么时候开幕？', 'zh', 'date'],
    ['创始人是谁？', 'zh', 'person'],
    ['总部在哪里？', 'zh', 'place'],
    ['A和B相比哪个更大？', 'zh', 'compare'],
    ['总结一下这篇文章', 'zh', 'summary'],
    ['这篇文章在第几页？', 'zh', 'location'],
    ['面积有多大？', 'zh', 'area'],
    ['What does the company do?', 'en', 'fact'],
    ['How many companies signed the MOU?', 'en', 'count'],
    ['How much revenue did it make?', 'en', 'money'],
    ['Who is the founder?', 'en', 'person'],
    ['Where is the headquarters?', 'en', 'place'],
    ['Which cities were selected?', 'en', 'list'],
    ['Summarize the article', 'en', 'summary'],
    ['Which page is the Huawei article on?', 'en', 'location'],
    ['How large is the zone in square kilometers?', 'en', 'area'],
    // list cues of grammar: a plural noun asked about, a numbered set asked for
    ['작년에 투자한 스타트업들', 'ko', 'list'],
    ['협력한 대학들은 어디야?', 'ko', 'list'],
    ['정책의 3대 중점 과제는 뭐야?', 'ko', 'list'],
    ['3대 도시 선정은 언제 발표됐어?', 'ko', 'date'],
    ['What robot models did the company launch?', 'en', 'list'],
    ['Which research institutes signed the agreement?', 'en', 'list'],
    ['What does the company make?', 'en', 'fact'],
    // a breakdown by category asked for: the items of each year or region
    ['지원 정책을 지역별로 알려줘', 'ko', 'list'],
    ['补贴政策按地区列一下', 'zh', 'list'],
    ['How did the sales change year by year?', 'en', 'list'],
  ] as const)('%s → %s', (q, lang, kind) => {
    expect(analyzeQuestion(q, lang).kind).toBe(kind);
  });
  it('the whole issue is an overview when the table of contents is known, in three languages', () => {
    expect(analyzeQuestion('이번 호 전체를 요약해줘', 'ko', { toc }).kind).toBe('overview');
    expect(analyzeQuestion('本期概要', 'zh', { toc }).kind).toBe('overview');
    expect(analyzeQuestion('Summarize the whole issue', 'en', { toc }).kind).toBe('overview');
    expect(analyzeQuestion('이번 호 전체를 요약해줘', 'ko').kind).toBe('summary');
  });
  it("asking what the issue holds is an overview too (its articles, one line each), not a quote or one article's page", () => {
    for (const [q, lang] of [
      ['이번 호에는 어떤 기사들이 실렸어?', 'ko'],
      ['목차 보여줘', 'ko'],
      ['本期有哪些文章？', 'zh'],
      ['这期的目录', 'zh'],
      ['What articles are in this issue?', 'en'],
      ['Show me the table of contents', 'en'],
    ] as const) {
      expect(analyzeQuestion(q, lang, { toc }).kind, q).toBe('overview');
    }
    // With a topic it stays a question about that topic: its page, or its passages.
    expect(analyzeQuestion('유니트리 기사는 목차에서 몇 페이지야?', 'ko', { toc }).kind).toBe('location');
    expect(analyzeQuestion('Which articles mention Unitree?', 'en', { toc }).kind).not.toBe('overview');
    // 这期 is "this issue", 这期间 "during this period".
    expect(analyzeQuestion('总结一下这期间的销量变化', 'zh', { toc }).kind).not.toBe('overview');
    expect(analyzeQuestion('总结一下这期的内容', 'zh', { toc }).kind).toBe('overview');
  });
  it('names and back-references', () => {
    const f = analyzeQuestion('그 회사의 GB200 대비 성능은?', 'ko');
    expect(f.names).toContain('GB200');
    expect(f.refersBack).toBe(true);
    expect(analyzeQuestion('它的份额呢？', 'zh').refersBack).toBe(true);
    expect(analyzeQuestion('What is its revenue?', 'en').refersBack).toBe(true);
    expect(analyzeQuestion('화웨이의 매출은?', 'ko').refersBack).toBe(false);
    // A word or two with a topic particle asks the previous question again of it.
    expect(analyzeQuestion('지리는?', 'ko').refersBack).toBe(true);
    expect(analyzeQuestion('광저우도요?', 'ko').refersBack).toBe(true);
    expect(analyzeQuestion('화웨이 매출 성장률은?', 'ko').refersBack).toBe(false);
  });
});

describe('references to articles', () => {
  it('numbers in three languages', () => {
    expect(articleNumber('2번 기사')).toBe(2);
    expect(articleNumber('02 요약')).toBe(2);
    expect(articleNumber('두 번째 기사')).toBe(2);
    expect(articleNumber('第三篇')).toBe(3);
    expect(articleNumber('the second article')).toBe(2);
    // The section's name between the ordinal and "article" (it asked back with the whole section).
    expect(articleNumber('Summarize the second company research article')).toBe(2);
    expect(articleNumber('the 3rd industry trends piece')).toBe(3);
    expect(articleNumber('the second largest market in the world')).toBeUndefined();
    expect(articleNumber('2025년 매출')).toBeUndefined();
  });
  it('section + number, partial title, whole issue, ambiguity', () => {
    const ref = (q: string, summary = true) => resolveArticleReference(q, 'ko', toc, { summary });
    expect(ref('산업 트렌드 2번 기사 요약')).toEqual({ kind: 'article', key: 'r:a1', candidates: ['r:a1'] });
    expect(ref('산업 트랜드 02 요약')).toMatchObject({ kind: 'article', key: 'r:a1' });
    expect(ref('야오잉의료 기사 정리해줘')).toMatchObject({ kind: 'article', key: 'r:a3' });
    expect(ref('이번 호 전체 요약')).toMatchObject({ kind: 'issue' });
    expect(ref('1번 기사 요약')).toEqual({ kind: 'ambiguous', candidates: ['r:a0', 'r:a2', 'r:a4'] });
    // A question about a company is not "the company's article" without an article word or a summary.
    expect(ref('화웨이의 AI 모델 이름은?', false)).toBeUndefined();
    expect(resolveArticleReference('企业研究第二篇', 'zh', toc, { summary: true })).toMatchObject({ kind: 'article', key: 'r:a3' });
    expect(resolveArticleReference('Summarize the second company research article', 'en', toc, { summary: true })).toMatchObject({ kind: 'article', key: 'r:a3' });
  });
  it('the words that govern the article word name the article, not a topic another title shares', () => {
    // Both titles hold a distinctive word of each question; the one right before "기사" is the
    // article, the other what to summarize of it.
    const two: TocEntry[] = [
      ['산업 트렌드', '04', '중국 저고도 경제 상위 30 개 도시 선정'],
      ['시장 인사이트', '03', '쓰촨 톈푸신구, 기술 혁신의 돌파구 모색'],
    ].map(([section, number, title], i) => ({ key: `r:b${i}`, section: section!, number: number!, title: title!, page: i + 1 }));
    const ref = (q: string) => resolveArticleReference(q, 'ko', two, { summary: true });
    expect(ref('톈푸신구 기사에서 저고도 경제 부분만 요약해줘')).toMatchObject({ kind: 'article', key: 'r:b1' });
    expect(ref('저고도 경제 기사에서 톈푸신구 부분만 요약해줘')).toMatchObject({ kind: 'article', key: 'r:b0' });
  });
});
