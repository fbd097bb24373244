import { describe, expect, it } from 'vitest';
import { askedCounters, asksOthers, counterWords, countsSetInPart, hasCountedFigure, isEnumeration, isLocationQuestion, isSummaryRequest, quantityKind, questionEntities, statesKind } from '../../src/answer/intent.js';
import { ReportText } from '../../src/answer/corpus.js';
import { localTokenize, matchForm, stripParticle, termImportance } from '../../src/answer/terms.js';

describe('isSummaryRequest', () => {
  it.each([
    '구현 지능 기사 요약해줘',
    '이 내용 정리해줘',
    '总结一下这篇文章',
    '请概括汽车行业的情况',
    'Can you summarize the car industry article?',
    'Give me an overview of the low-altitude economy',
    // An English reader's other words for it.
    'Quick rundown of the Shenzhen zone piece?',
    "What's the gist of the supply chain plan",
    'Brief me on the Tianfu New Area article',
    // "정리 좀" ending the question is a request ("…해줘" left off, as typed on a phone).
    '톈푸신구 기사 정리 좀',
    '화웨이 칩 얘기 정리 좀?',
  ])('detects %s', (q) => expect(isSummaryRequest(q)).toBe(true));

  it.each(['유니트리 점유율은?', '宇树科技的份额是多少？', 'How fast did it grow?', 'Was the briefing held in Chengdu?', '구조조정 정리 좀 했대 기업들이 몇 곳이야?'])('ignores %s', (q) =>
    expect(isSummaryRequest(q)).toBe(false),
  );
});

describe('question intents', () => {
  it('tells quantity questions and their counters', () => {
    expect(quantityKind('유니트리의 점유율은?')).toBe('strong');
    expect(quantityKind('시장 규모는 어떻게 돼?')).toBe('weak');
    expect(quantityKind('본사는 어디야?')).toBeNull();
    expect(quantityKind('By how much did Nvidia’s share fall?')).toBe('strong');
    expect(askedCounters('모두 몇 곳이나 있어?')).toEqual(['곳', '개']);
    expect(askedCounters('계약을 몇 건 맺었어?')).toEqual(['건', '개']);
    expect(askedCounters('몇 명이야?')).toEqual(['명']);
    expect(hasCountedFigure('4 만 명 이상의 인력을 양성', ['명'])).toBe(true);
    expect(hasCountedFigure('전 세계 30 여 개국 및 지역에 수출', ['개국'])).toBe(true);
    // A rank (위) is not the start of 위안.
    expect(hasCountedFigure('1.5 억 위안 규모의 프로젝트', ['명', '위'])).toBe(false);
    expect(askedCounters('有多少家？')).toEqual(['곳', '개']);
    expect(askedCounters('How many times more chips?')).toEqual(['배']);
  });

  it('finds the words that only carry a counter', () => {
    expect(counterWords('모두 몇 곳이나 있어?')).toEqual(['곳이나']);
    expect(counterWords('몇 년에 세워졌고 공장을 몇 곳 운영해?')).toEqual(['년에', '곳']);
    expect(counterWords('정부가 밀어주는 네 가지 산업은 뭐야?')).toEqual(['가지']);
    // 팀, 회, 장… count only after 몇: after a numeral they begin nouns (세 회사, 한 장관).
    expect(counterWords('결승에 몇 팀이 나갔고 세 회사 중 어디가 컸어?')).toEqual(['팀이']);
    expect(counterWords('有多少家？')).toEqual(['多少家']);
    // Numerals inside words are not counts: 차세대, 한중.
    expect(counterWords('차세대 서버와 한중 협력')).toEqual([]);
  });

  it('tells page questions apart from place questions', () => {
    expect(isLocationQuestion('목차에서 청두 K-Demo Day는 몇 페이지에 나와?')).toBe(true);
    expect(isLocationQuestion('本社는 어디에 있어?')).toBe(false);
    expect(isLocationQuestion('카눠프 본사는 어디에 있어?')).toBe(false);
  });

  it('finds names in questions', () => {
    const ents = questionEntities('What rule do UBTECH and Nvidia follow for GB200 and 7,180 in 2024?');
    expect(ents).toEqual(expect.arrayContaining(['UBTECH', 'Nvidia', 'GB200', '7,180']));
    expect(ents).not.toContain('200');
    // A year qualifies a question rather than naming its subject.
    expect(ents).not.toContain('2024');
    expect(ents).not.toContain('What');
    expect(questionEntities('유니트리(宇树科技)의 점유율')).toContain('宇树科技');
    expect(questionEntities('宇树科技的份额是多少？')).not.toContain('宇树科技');
    // A month is a date: carried into a follow-up as a name, "June" outweighed its question.
    expect(questionEntities('Which fair did KIC China join in Changwon in June 2025?')).toEqual(expect.arrayContaining(['KIC', 'China', 'Changwon']));
    expect(questionEntities('Which fair did KIC China join in Changwon in June 2025?')).not.toContain('June');
  });
});

describe('isEnumeration: a sentence that lists items', () => {
  it('by commas or middle dots, or by the ▲ marks of the report\'s inline lists', () => {
    expect(isEnumeration('베이징, 상하이, 선전 등 세 도시')).toBe(true);
    expect(isEnumeration('행사에는 ▲A 기관 김 국장 ▲B 센터 이 센터장 ▲C 재단 박 대표가 참석했다.')).toBe(true);
    expect(isEnumeration('▲A 기관 김 국장 ▲B 센터 이 센터장')).toBe(true);
    expect(isEnumeration('▲핵심 기술 개발을 가속화한다.')).toBe(false);
    expect(isEnumeration('2024 년 매출은 10 억 위안이다.')).toBe(false);
  });
  it('two items and the mark of a longer list (등, 等): "A, B 등과", "甲、乙等"', () => {
    expect(isEnumeration('⚫ A 협정, B 구상 등과 협력 심화')).toBe(true);
    expect(isEnumeration('주요 고객사로는 비야디, 폭스콘 등이 있다.')).toBe(true);
    expect(isEnumeration('华为、中兴等企业参加了展会。')).toBe(true);
    // A comma and a word that begins with 등 are not a list.
    expect(isEnumeration('실적이 개선되면서, 신용 등급이 올랐다.')).toBe(false);
    expect(isEnumeration('서비스를 넓히고, 등록 절차를 줄였다.')).toBe(false);
  });
});

describe('statesKind: whether a sentence states a kind of answer at all (loose on purpose)', () => {
  it.each([
    ['money', '2019 년의 순이익이 16.1 억 위안에 불과했음에도'],
    ['money', '매출은 4.58 억 달러'],
    ['count', '총 6,000 개의 칩을 사용하였다'],
    ['count', '제12회 항공전력회의가 열린다'],
    ['figure', '출하량이 3 만 대를 넘었다'],
    ['percent', '점유율은 69.75%에 달했다'],
    ['area', '면적은 397 ㎢이다'],
    ['when', '2024 년 12 월 공개했다'],
    ['when', '지난해 출시한 모델'],
    ['when', '하반기 중 양산에 들어간다'],
    ['who', '왕촨푸(王传福) 회장은 연구개발을 강조했다'],
    ['who', '창업자 왕싱싱이 밝혔다'],
  ] as const)('%s in %s', (kind, s) => expect(statesKind(s, kind)).toBe(true));
  it.each([
    ['money', '점유율은 69.75%에 달했다'],
    ['money', '가격 경쟁력과 신속한 서비스 대응력을 바탕으로'],
    ['count', '2023 년 이후 성장이 이어졌다'],
    ['percent', '매출은 4.58 억 달러'],
    ['when', '가격 경쟁력과 신속한 서비스 대응력'],
    ['who', '유니트리는 데이터셋을 공개했다'],
  ] as const)('not %s in %s', (kind, s) => expect(statesKind(s, kind)).toBe(false));
});

describe('ReportText.about: the passages naming a subject, and the one after each in its article', () => {
  const chunk = (articleId: string, ordinal: number, text: string, reportId = 'june') => ({ reportId, articleId, ordinal, header: `기사 ${articleId}`, text });
  const report = new ReportText([
    chunk('b', 0, '다른 기사의 첫 문단.'),
    chunk('a', 3, '네 번째 문단에서 비야디가 다시 나온다.'),
    chunk('a', 1, '순이익은 16.1 억 위안이다.'),
    chunk('a', 0, '비야디는 연구개발을 강조했다.'),
    chunk('a', 2, '세 번째 문단.'),
  ]);
  it('in reading order, the next passage of the same article included (not of the next article)', () => {
    expect(report.about(['비야디']).map((p) => p.sentences[0])).toEqual(['비야디는 연구개발을 강조했다.', '순이익은 16.1 억 위안이다.', '네 번째 문단에서 비야디가 다시 나온다.']);
  });
  it('no passage for a name the report never writes', () => expect(report.about(['샤오펑'])).toEqual([]));
  it("another issue's article of the same id is another article", () => {
    const two = new ReportText([chunk('a', 0, '비야디는 연구개발을 강조했다.'), chunk('a', 1, '다음 호의 문단.', 'july'), chunk('a', 1, '순이익은 16.1 억 위안이다.')]);
    expect(two.about(['비야디']).map((p) => p.sentences[0])).toEqual(['비야디는 연구개발을 강조했다.', '순이익은 16.1 억 위안이다.']);
  });
});

describe('local terms', () => {
  it('normalizes for matching: width, case, thousands separators, spaces', () => {
    expect(matchForm('３,143 만 6 천 대, ＵＢＴＥＣＨ')).toBe('3143만6천대,ubtech');
    expect(matchForm('‘K-Demo Day’ 점·선·면 (69.75%)')).toBe('kdemoday점선면69.75%');
    expect(matchForm('R&D 투자')).toBe('rd투자');
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
    // Adnominal and contracted verb forms.
    expect(termImportance('맞먹는')).toBeLessThan(0.5);
    expect(termImportance('닫은')).toBeLessThan(0.5);
    expect(termImportance('걸쳐')).toBeLessThan(0.5);
    expect(termImportance('나이는')).toBe(1);
    expect(termImportance('파워')).toBe(1);
    expect(termImportance('점유율')).toBe(1);
    expect(termImportance('에너지')).toBe(1);
    // Request frames and reader-relative time, with or without a particle.
    expect(termImportance('기사를')).toBe(0);
    expect(termImportance('이름은')).toBe(0);
    expect(termImportance('작년')).toBe(0);
    expect(termImportance('去年')).toBe(0);
  });
});

describe('asksOthers and countsSetInPart: the rest of a set named in part', () => {
  it.each([
    ['A 말고 나머지 두 곳은?', true],
    ['除了A以外，另外两个是谁？', true],
    ['Besides A, which other agencies took part?', true],
    ['A는 어디에 있어?', false],
    ['What other products does A make?', false],
  ])('asksOthers(%s) → %s', (q, want) => expect(asksOthers(q)).toBe(want));
  it.each([
    ['중국 공업정보화부(工业和信息化部) 등 3 개 부처가 방안을 발표하였다.', true],
    ['중국, 싱가포르, 일본 등 6 개국의 창업팀이 참가했다.', true],
    ['A, B, C 등 국내 대표 기업 16 개사가 참여했다.', false],
    ['3 개 부처가 공동으로 발표했다.', false],
  ])('countsSetInPart(%s) → %s', (t, want) => expect(countsSetInPart(t)).toBe(want));
});

