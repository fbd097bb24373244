import { describe, expect, it } from 'vitest';
import { askedCounters, isLocationQuestion, isSummaryRequest, quantityKind, questionEntities } from '../../src/answer/intent.js';
import { localTokenize, matchForm, stripParticle, termImportance } from '../../src/answer/terms.js';

describe('isSummaryRequest', () => {
  it.each([
    '구현 지능 기사 요약해줘',
    '이 내용 정리해줘',
    '总结一下这篇文章',
    '请概括汽车行业的情况',
    'Can you summarize the car industry article?',
    'Give me an overview of the low-altitude economy',
  ])('detects %s', (q) => expect(isSummaryRequest(q)).toBe(true));

  it.each(['유니트리 점유율은?', '宇树科技的份额是多少？', 'How fast did it grow?'])('ignores %s', (q) =>
    expect(isSummaryRequest(q)).toBe(false),
  );
});

describe('question intents', () => {
  it('tells quantity questions and their counters', () => {
    expect(quantityKind('유니트리의 점유율은?')).toBe('strong');
    expect(quantityKind('시장 규모는 어떻게 돼?')).toBe('weak');
    expect(quantityKind('본사는 어디야?')).toBeNull();
    expect(quantityKind('How much has Nvidia’s share dropped?')).toBe('strong');
    expect(askedCounters('모두 몇 곳이나 있어?')).toEqual(['곳']);
    expect(askedCounters('有多少家？')).toEqual(['곳', '개']);
    expect(askedCounters('How many times more chips?')).toEqual(['배']);
  });

  it('tells page questions apart from place questions', () => {
    expect(isLocationQuestion('목차에서 청두 K-Demo Day는 몇 페이지에 나와?')).toBe(true);
    expect(isLocationQuestion('本社는 어디에 있어?')).toBe(false);
    expect(isLocationQuestion('카눠프 본사는 어디에 있어?')).toBe(false);
  });

  it('finds names in questions', () => {
    const ents = questionEntities('What rule do UBTECH and Nvidia follow for GB200 in 2024?');
    expect(ents).toEqual(expect.arrayContaining(['UBTECH', 'Nvidia', 'GB200', '2024']));
    expect(ents).not.toContain('200');
    expect(ents).not.toContain('What');
    expect(questionEntities('유니트리(宇树科技)의 점유율')).toContain('宇树科技');
    expect(questionEntities('宇树科技的份额是多少？')).not.toContain('宇树科技');
  });
});

describe('local terms', () => {
  it('normalizes for matching: width, case, thousands separators, spaces', () => {
    expect(matchForm('３,143 만 6 천 대, ＵＢＴＥＣＨ')).toBe('3143만6천대,ubtech');
    expect(matchForm('‘K-Demo Day’ 점·선·면 (69.75%)')).toBe('kdemoday점선면69.75%');
  });

  it('strips particles but keeps nouns', () => {
    expect(stripParticle('유니트리의')).toBe('유니트리');
    expect(stripParticle('점유율은')).toBe('점유율');
    expect(stripParticle('나이')).toBe('나이');
    expect(stripParticle('곳이나')).toBe('곳');
  });

  it('tokenizes Korean, Chinese, Latin and numbers', () => {
    expect(localTokenize('유니트리의 점유율은 69.75%')).toEqual(['유니트리', '유니', '니트', '트리', '점유율', '점유', '유율', '69.75']);
    expect(localTokenize('宇树科技 UBTECH 2028년에')).toEqual(['宇树', '树科', '科技', 'ubtech', '2028', '2028년']);
  });

  it('weighs question words and verbs down', () => {
    expect(termImportance('얼마')).toBe(0);
    expect(termImportance('多少')).toBe(0);
    expect(termImportance('the')).toBe(0);
    expect(termImportance('떨어졌어')).toBeLessThan(0.5);
    expect(termImportance('점유율')).toBe(1);
    expect(termImportance('에너지')).toBe(1);
  });
});
