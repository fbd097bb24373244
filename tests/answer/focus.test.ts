import { describe, expect, it } from 'vitest';
import { finalPhrase } from '../../src/answer/focus.js';
import { askedFigure, asksHeadquarters, asksPersonByRole, asksTime, isWhoQuestion, mentionsPerson, moneyOnlyBySize, namesMoney, statesFigure } from '../../src/answer/intent.js';

describe('finalPhrase: what a Korean question asks about', () => {
  it.each([
    ['테슬라 주가 전망은?', '테슬라 주가 전망은'],
    ['작년에 새로 연 4S 매장은 몇 곳이야?', '4S 매장은'],
    ['전국에 국가급 하이테크 산업단지가 지금 전부 몇 곳이야?', '국가급 하이테크 산업단지가'],
    // The last clause only; its verbs (맞먹는, …이라고 했어) are no part of it.
    ['샤오미가 새로 내놓은 로봇 이름은 뭐고, 어떤 제품에 맞먹는 성능이라고 했어?', '제품에'],
    ['2022년 베이징의 저고도 경제 총생산은 얼마나 됐어?', '저고도 경제 총생산은'],
  ])('%s → %s', (q, phrase) => {
    expect(finalPhrase(q)).toBe(phrase);
  });

});

describe('the figure a question asks for', () => {
  it('reads its kind from the noun asked about', () => {
    expect(askedFigure('유니트리의 사족 로봇 시장 점유율은?')).toEqual({ kind: 'percent', counters: [] });
    expect(askedFigure('작년 평균 영업이익률은 얼마야?')?.kind).toBe('percent');
    expect(askedFigure('넝커테크의 2023년 영업이익은 얼마였지?')?.kind).toBe('money');
    expect(askedFigure('华为的芯片售价多少？')?.kind).toBe('money');
    expect(askedFigure('선전 시범구의 총 면적은?')?.kind).toBe('area');
    expect(askedFigure('창안자동차의 작년 판매량은?')).toEqual({ kind: 'count', counters: ['대'] });
    expect(askedFigure('카눠프는 몇 년에 설립됐어?')).toEqual({ kind: 'count', counters: ['년'] });
    expect(askedFigure('본사는 어디야?')).toBeNull();
    // Sales of vehicles or units are a volume counted in 대; bare "sales" may be revenue.
    expect(askedFigure("What were BYD's vehicle sales in 2024?")?.counters).toEqual(['대']);
    expect(askedFigure('What was the sales volume of new energy vehicles?')?.kind).toBe('count');
    expect(askedFigure("What were Huawei's sales last year?")?.kind).toBe('money');
    // "New Area" names a zone (天府新区), not a size.
    expect(askedFigure('What did Tianfu New Area build for drones?')).toBeNull();
    expect(askedFigure('What is the total area of the zone?')?.kind).toBe('area');
    // 률 of a word that is no rate.
    expect(askedFigure('저고도 경제 관련 법률은 뭐야?')).toBeNull();
    expect(askedFigure('자율 주행 선박 시험은 어디서 했어?')).toBeNull();
  });

  it('tells money named only by a word of size (a team\'s size may be a headcount)', () => {
    expect(moneyOnlyBySize('의료팀 규모는 얼마나 돼?')).toBe(true);
    expect(moneyOnlyBySize('这个基金规模多大？')).toBe(true);
    expect(moneyOnlyBySize('연 매출 규모가 얼마나 돼?')).toBe(false);
    expect(moneyOnlyBySize('몇 명이야?')).toBe(false);
  });

  it("knows a company's seat asked for (본사는 어디, 总部在哪, where … headquartered)", () => {
    expect(asksHeadquarters('본사는 어느 도시에 있지?')).toBe(true);
    expect(asksHeadquarters('总部设在哪个城市？')).toBe(true);
    expect(asksHeadquarters('Where is the company headquartered?')).toBe(true);
    expect(asksHeadquarters('두 브랜드를 본사로 통합한 이유는?')).toBe(false);
  });

  it('knows a person asked by role, with "who" or "name" (사장 성함, 董事长叫什么, the CEO\'s name)', () => {
    expect(asksPersonByRole('그 회사 대표 이사 성함은?')).toBe(true);
    expect(asksPersonByRole('董事长叫什么？')).toBe(true);
    expect(asksPersonByRole("What is the CEO's name?")).toBe(true);
    expect(asksPersonByRole('창업자가 누구야?')).toBe(true);
    expect(asksPersonByRole('그 모델 이름이 뭐야?')).toBe(false);
    expect(asksPersonByRole('회장이 발표한 계획은?')).toBe(false);
  });

  it('reads "grow" as a rate, but "grow or shrink" as a direction the figures answer', () => {
    expect(askedFigure('How fast did the market grow?')?.kind).toBe('percent');
    expect(askedFigure('What was the growth of exports?')?.kind).toBe('percent');
    expect(askedFigure("Did the zone's exports grow or shrink between the two years?")?.kind).not.toBe('percent');
  });

  it('knows a time asked by a noun (시점, 시기, 时间表, timeline)', () => {
    expect(asksTime('양산 시점이 언급돼?')).toBe(true);
    expect(asksTime('这个项目的时间表是什么？')).toBe(true);
    expect(asksTime('What is the rollout timeline?')).toBe(true);
    expect(asksTime('시기적으로 어떤 의미야?')).toBe(false);
    expect(asksTime('몇 곳이야?')).toBe(false);
  });

  it('knows nouns of money the frame leaves to "how much" (funds, subsidies, GDP)', () => {
    expect(namesMoney('这个基金一共投了多少？')).toBe(true);
    expect(namesMoney('How much funding did it raise?')).toBe(true);
    expect(namesMoney('지역 GDP는 얼마야?')).toBe(true);
    expect(namesMoney('How many companies joined?')).toBe(false);
  });

  it('finds it in sentences as the report prints it', () => {
    expect(statesFigure('2023 년 기준 69.75%의 점유율로 1 위', { kind: 'percent', counters: [] })).toBe(true);
    expect(statesFigure('2.9 억 달러에서 2028 년 4.7 억 달러로', { kind: 'money', counters: [] })).toBe(true);
    expect(statesFigure('수천억 위안을 돌파', { kind: 'money', counters: [] })).toBe(true);
    expect(statesFigure('총 면적은 397 ㎢에 이르며', { kind: 'area', counters: [] })).toBe(true);
    expect(statesFigure('2023 년 기준 69.75%의 점유율로 1 위', { kind: 'money', counters: [] })).toBe(false);
  });

  it('keeps a second kind asked in a word of its own, not one inside the same word', () => {
    // Two things asked: an amount and a rate; a sentence with either holds an answer.
    const two = askedFigure('这个市场规模多大？年复合增速预计多少？')!;
    expect([two.kind, ...(two.also ?? [])].sort()).toEqual(['money', 'percent']);
    expect(statesFigure('시장 규모는 약 2.35 억 위안에 달했다', two)).toBe(true);
    expect(statesFigure('연평균 성장률(CAGR)은 100%를 초과할 것으로 전망된다', two)).toBe(true);
    expect(statesFigure('6 축 힘 센서는 핵심 부품이다', two)).toBe(false);
    // One word, one kind: 이익 inside 영업이익률, 규모 right after 제곱미터.
    expect(askedFigure('작년 평균 영업이익률은 얼마야?')).toEqual({ kind: 'percent', counters: [] });
    expect(askedFigure('利润率多少？')).toEqual({ kind: 'percent', counters: [] });
    expect(askedFigure('전시관은 몇 제곱미터 규모야?')).toEqual({ kind: 'area', counters: [] });
  });

});

describe('"who" questions', () => {
  it('want a person named by role', () => {
    expect(isWhoQuestion('Who is in charge of KIC China?')).toBe(true);
    expect(isWhoQuestion('처방은 누가 내려?')).toBe(true);
    expect(isWhoQuestion('这家公司的董事长是谁？')).toBe(true);
    expect(mentionsPerson('KIC 중국의 김종문 센터장도 개막식에 초청받아 참석하였다.')).toBe(true);
    expect(mentionsPerson('KIC 중국은 2022 년 경상남도창조경제센터와 MOU 를 체결한 이후')).toBe(false);
  });
});
