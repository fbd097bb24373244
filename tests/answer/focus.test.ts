import { describe, expect, it } from 'vitest';
import { asksForFigure, finalPhrase, questionFocus } from '../../src/answer/focus.js';
import { askedFigure, figureStandsFor, isWhoQuestion, mentionsPerson, statesFigure } from '../../src/answer/intent.js';

describe('questionFocus: the attribute of an entity a question asks for', () => {
  it.each([
    ['테슬라의 2025년 주가 전망은 어떻게 돼?', 'ko', '테슬라', '2025년 주가 전망은'],
    ['화웨이 CEO의 나이는?', 'ko', '화웨이 CEO', '나이는'],
    ['야오잉의료 AI 주치의 서비스의 월 구독료는 얼마야?', 'ko', '야오잉의료 AI 주치의 서비스', '월 구독료는'],
    ['2023년 선전의 저고도 경제 총생산은 얼마였어?', 'ko', '2023년 선전', '저고도 경제 총생산은'],
    ['卡诺普2024年的净利润是多少？', 'zh', '卡诺普2024年', '净利润'],
    ['优必选的仿真系统叫什么名字？', 'zh', '优必选', '仿真系统'],
    ["What is Unitree's stock ticker?", 'en', 'Unitree', 'stock ticker'],
    ['What is the population of Chengdu?', 'en', 'Chengdu', 'population'],
  ] as const)('%s', (q, lang, subject, attribute) => {
    expect(questionFocus(q, lang)).toEqual({ subject, attribute });
  });

  it.each([
    ['유니트리 점유율은?', 'ko'],
    // 의 ending a noun (주치의, 회의) is no possessive.
    ['야오잉의료 주치의는 누가 맡아?', 'ko'],
    // A clause, not a noun phrase, after 的.
    ['武汉东湖生产的光纤光缆占全球多少份额？', 'zh'],
    ['韩国驻华大使馆的科技官员在“一带一路”科技园区对话活动上做了什么主题的演讲？', 'zh'],
    ['How much has Nvidia’s share of the Chinese market dropped?', 'en'],
  ] as const)('no focus in %s', (q, lang) => {
    expect(questionFocus(q, lang)).toBeNull();
  });
});

describe('finalPhrase: what a Korean question asks about', () => {
  it.each([
    ['테슬라 주가 전망은?', '테슬라 주가 전망은'],
    ['2024년에 문을 닫은 4S 매장은 몇 곳이야?', '4S 매장은'],
    ['중국에 국가급 자주혁신 시범지역이 지금 모두 몇 곳이나 있어?', '국가급 자주혁신 시범지역이'],
    // The last clause only; its verbs (맞먹는, …이라고 했어) are no part of it.
    ['화웨이가 자체 개발한 거대 AI 모델 이름은 뭐고, 어떤 모델에 맞먹는 성능이라고 했어?', '모델에'],
    ['2023년 선전의 저고도 경제 총생산은 얼마였어?', '저고도 경제 총생산은'],
  ])('%s → %s', (q, phrase) => {
    expect(finalPhrase(q)).toBe(phrase);
  });

  it('tells a question whose last phrase is a figure noun', () => {
    expect(asksForFigure('테슬라 옵티머스의 판매 가격은?', askedFigure('테슬라 옵티머스의 판매 가격은?'))).toBe(true);
    expect(asksForFigure('비야디의 2024년 판매량은?', askedFigure('비야디의 2024년 판매량은?'))).toBe(true);
    expect(asksForFigure('가격 전쟁이 준 영향은?', askedFigure('가격 전쟁이 준 영향은?'))).toBe(false);
  });
});

describe('the figure a question asks for', () => {
  it('reads its kind from the noun asked about', () => {
    expect(askedFigure('유니트리의 사족 로봇 시장 점유율은?')).toEqual({ kind: 'percent', counters: [] });
    expect(askedFigure('작년 평균 영업이익률은 얼마야?')?.kind).toBe('percent');
    expect(askedFigure('넝커테크의 2024년 영업이익은 얼마야?')?.kind).toBe('money');
    expect(askedFigure('华为昇腾芯片卖多少钱？')?.kind).toBe('money');
    expect(askedFigure('선전 시범구의 총 면적은?')?.kind).toBe('area');
    expect(askedFigure('비야디의 2024년 판매량은?')).toEqual({ kind: 'count', counters: ['대'] });
    expect(askedFigure('카눠프는 몇 년에 설립됐어?')).toEqual({ kind: 'count', counters: ['년'] });
    expect(askedFigure('본사는 어디야?')).toBeNull();
  });

  it('finds it in sentences as the report prints it', () => {
    expect(statesFigure('2023 년 기준 69.75%의 점유율로 1 위', { kind: 'percent', counters: [] })).toBe(true);
    expect(statesFigure('2.9 억 달러에서 2028 년 4.7 억 달러로', { kind: 'money', counters: [] })).toBe(true);
    expect(statesFigure('수천억 위안을 돌파', { kind: 'money', counters: [] })).toBe(true);
    expect(statesFigure('총 면적은 397 ㎢에 이르며', { kind: 'area', counters: [] })).toBe(true);
    expect(statesFigure('2023 년 기준 69.75%의 점유율로 1 위', { kind: 'money', counters: [] })).toBe(false);
  });

  it('lets a share or a count stand for its noun, not an amount of money', () => {
    expect(figureStandsFor('비중이', { kind: 'percent', counters: [] })).toBe(true);
    expect(figureStandsFor('수는', { kind: 'count', counters: ['명'] })).toBe(true);
    // "1.5 억 위안" does not say whether it is a revenue.
    expect(figureStandsFor('매출', { kind: 'money', counters: [] })).toBe(false);
  });
});

describe('"who" questions', () => {
  it('want a person named by role', () => {
    expect(isWhoQuestion('Who heads KIC China?')).toBe(true);
    expect(isWhoQuestion('최종 진단은 누가 내려?')).toBe(true);
    expect(isWhoQuestion('宇树科技的创始人是谁？')).toBe(true);
    expect(mentionsPerson('KIC 중국의 김종문 센터장도 개막식에 초청받아 참석하였다.')).toBe(true);
    expect(mentionsPerson('KIC 중국은 2022 년 경상남도창조경제센터와 MOU 를 체결한 이후')).toBe(false);
  });
});
