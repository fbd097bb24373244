import { describe, expect, it } from 'vitest';
import { absentFromCorpus, capitalizedWords, termStatsFromTexts, unknownLatinNames } from '../../src/answer/corpus.js';
import { defaultLexicon } from '../../src/retrieve/lexicon.js';
import { pinyinToHangul } from '../../src/retrieve/pinyin.js';
import { buildProfile, candidatesFromHits, coverage } from '../../src/answer/evidence.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { finalPhrase } from '../../src/answer/focus.js';
import { matchForm } from '../../src/answer/terms.js';
import {
  BELT_AND_ROAD,
  CANOP,
  COMPANY_01,
  COMPANY_03,
  HUAWEI_TABLE,
  KIC_05,
  NENGKE_TABLE,
  NVIDIA_SHARE,
  TREND_01,
  UNITREE,
  makeHit,
  queryFor,
  corpusText,
} from './corpusHits.js';

const texts = (...hits: ReturnType<typeof makeHit>[]) => hits.map((h) => `${h.chunk.header} ${h.chunk.text}`.normalize('NFKC'));

describe('corpus statistics', () => {
  const df = termStatsFromTexts([UNITREE(), CANOP(), NVIDIA_SHARE()]);

  it('counts the passages holding a term, spacing and case aside', () => {
    expect(df('유니트리')).toBe(1);
    expect(df('Unitree')).toBe(1);
    expect(df('주가')).toBe(0);
  });

  it('names the asked word the report never uses', () => {
    const q = '테슬라 주가 전망은?';
    expect(absentFromCorpus(buildProfile(q, 'ko', queryFor(q, 'ko')), finalPhrase(q), df)).toEqual(['주가']);
    const ok = '유니트리 점유율 전망은?';
    expect(absentFromCorpus(buildProfile(ok, 'ko', queryFor(ok, 'ko')), finalPhrase(ok), df)).toEqual([]);
  });
});

describe('Latin names the report never prints', () => {
  const df = termStatsFromTexts([corpusText()]);
  const known = (w: string) => defaultLexicon().knowsEnglish(w) || pinyinToHangul(w) !== undefined;

  it('a run of capitalized words whose first word no passage and no list knows', () => {
    expect(unknownLatinNames('How much funding has Agility Robotics raised?', 'en', df, known)).toEqual(['Agility Robotics']);
    expect(unknownLatinNames("Boston Dynamics's share of humanoid robots?", 'zh', df, known)).toEqual(['Boston Dynamics']);
  });

  it("an English question's capitalized words: past each sentence's first word, outside sentences about the asker", () => {
    expect(capitalizedWords("How large is the Sunan zone's output?")).toEqual(['Sunan']);
    expect(capitalizedWords('Any news on the Tianwen-2 probe?')).toEqual(['Tianwen-2']);
    expect(capitalizedWords('Sunan revenue?')).toEqual([]);
    expect(capitalizedWords('I work in Seoul. What does Zhangjiang make?')).toEqual(['Zhangjiang']);
  });

  it('not a name the report prints, an English word, a pinyin word or one word alone', () => {
    // Booster Robotics is in the report; Optics Valley is two English words (광벨리 in the report);
    // Yizhuang is pinyin (이좡); a single unknown word may be an English word the lists lack.
    for (const q of ['What did Booster Robotics show?', 'Which fibres are made in Optics Valley?', 'Where is the Yizhuang Robot Store?', 'What about Agility?']) {
      expect(unknownLatinNames(q, 'en', df, known)).toEqual([]);
    }
    // An English sentence's first word is capitalized whatever it is.
    expect(unknownLatinNames('Boston Dynamics?', 'en', df, known)).toEqual([]);
  });
});

describe('sentence candidates of flattened tables', () => {
  it('keeps a row of figures with its header row and the caption above it, which says whose figures they are', () => {
    const cands = candidatesFromHits([makeHit(1, TREND_01, NENGKE_TABLE())]);
    expect(cands.map((c) => c.text)).toEqual([
      '구분 영업이익 성장률 순이익 성장률',
      '넝커테크 경영 형황 구분 영업이익 성장률 순이익 성장률 2024 년 15.10 억 위안 7.47% 1.92 억 위안 -15.17%',
      // Rows in between are shown as "…": the quote stays verbatim piece by piece.
      '넝커테크 경영 형황 구분 영업이익 성장률 순이익 성장률 … 2025 년 Q1 3.37 억 위안 -16.65% 0.49 억 위안 -12.07%',
    ]);
    // What each row is quoted with, so that an answer quoting both prints it once (extractive.ts).
    expect(cands.slice(1).map((c) => c.head)).toEqual(['넝커테크 경영 형황 구분 영업이익 성장률 순이익 성장률', '넝커테크 경영 형황 구분 영업이익 성장률 순이익 성장률']);
    expect(cands[0]!.head).toBeUndefined();
    // A sentence above the header is not a caption: the rows keep the header alone.
    const prose = ['넝커테크는 2024 년 실적이 개선되었다.', '구분 영업이익 성장률 순이익 성장률', '2024 년 15.10 억 위안 7.47% 1.92 억 위안 -15.17%'].join('\n');
    expect(candidatesFromHits([makeHit(1, TREND_01, prose)]).map((c) => c.text)).toContain('구분 영업이익 성장률 순이익 성장률 2024 년 15.10 억 위안 7.47% 1.92 억 위안 -15.17%');
    // Over items the line above a label is a column header, not a caption: items keep their label alone.
    const items = ['분류 사진 적용 사례 및 기종', '스마트 용접', '⚫ 적용 사례: 자동차 좌석 부품'].join('\n');
    expect(candidatesFromHits([makeHit(1, TREND_01, items)]).map((c) => c.text)).toContain('스마트 용접 ⚫ 적용 사례: 자동차 좌석 부품');
  });

  it('marks a caption or a column header over rows or items: scored, never quoted alone', () => {
    const cands = candidatesFromHits([makeHit(1, TREND_01, NENGKE_TABLE()), makeHit(2, COMPANY_01, HUAWEI_TABLE())]);
    expect(cands.filter((c) => c.caption).map((c) => c.text)).toEqual(['구분 영업이익 성장률 순이익 성장률', '개발 프레임워크 성쓰(MindSpore)', 'AI 모형 판구(盘古)']);
    // A row, an item with its label, a flattened cell with its items, prose: content.
    const cell = candidatesFromHits([makeHit(1, TREND_01, '농촌 전자상거래 품질 제고 ⚫ 첫 번째 1km 문제 해소\n스마트공장 및 공급망 구축 ⚫ 스마트 제조공장 확대\n이러한 조치는 공급망 전반의 효율을 높일 것으로 예상된다.')]);
    expect(cell.filter((c) => c.caption)).toEqual([]);
    expect(cands.filter((c) => /\d{4} 년|⚫/.test(c.text)).every((c) => !c.caption)).toBe(true);
  });

  it('marks a column header of years quoted with its label: it states nothing alone', () => {
    // The zones' tables (market insight 01–05): a label, a header of years, rows of figures.
    const table = ['주요 지표', '구분 2022 년 2023 년', '연간 매출 5,707.60 억 위안 6,008.76 억 위안', '순이익 266.99 억 위안 275.77 억 위안'].join('\n');
    const cands = candidatesFromHits([makeHit(1, TREND_01, table)]);
    expect(cands.filter((c) => c.caption).map((c) => c.text)).toEqual(['주요 지표 구분 2022 년 2023 년']);
    expect(cands.filter((c) => !c.caption).map((c) => c.text)).toEqual([
      '주요 지표 구분 2022 년 2023 년 연간 매출 5,707.60 억 위안 6,008.76 억 위안',
      '주요 지표 구분 2022 년 2023 년 … 순이익 266.99 억 위안 275.77 억 위안',
    ]);
  });

  it("marks the title of an image chart that the next chart's number ends", () => {
    // trend-01 p. 12: two captions of image charts run together after the sentence they illustrate.
    const text = '2023 년 약 2.9 억 달러에서 2028 년 4.7 억 달러로 성장하여, 연 평균 성장율(CAGR)은 12.4%에 이를 것으로 보인다. 도표 17. 글로벌 코어리스 모터 시장규모(억 달러) 도표 18. 중국 코어리스 모터 시장규모(억 달러)';
    const cands = candidatesFromHits([makeHit(1, TREND_01, text)]);
    expect(cands.filter((c) => c.caption).map((c) => c.text)).toEqual(['글로벌 코어리스 모터 시장규모(억 달러) 도표 18.']);
    expect(cands[0]!.text).toMatch(/^2023 년 .*보인다\.$/);
    expect(cands[0]!.caption).toBeUndefined();
  });

  it("marks the lines of a chart up to the prose after it, with the index of the chart's number", () => {
    // company-01 p. 39: 도표 2, a timeline a line a year, then the article's prose again.
    const text = [
      '도표 2. 미국의 대중국 첨단기술 수출 규제',
      '2018 년 미국 정부는 화웨이 제품 사용을 금지함',
      '19 년 화웨이 및 관련 기업들을 수출 금지 리스트(블랙리스트)에 포함시킴',
      '22 년 중국으로의 첨단 반도체 및 반도체 제조 장비 수출을 제한함',
      '2025 년 5 월 초, 화웨이 기술팀은 대형언어모델(LLM)의 훈련 성과를 담은 논문을 통해 자사 AI 성능을 발표했다.',
    ].join('\n');
    const cands = candidatesFromHits([makeHit(1, COMPANY_01, text)]);
    const charted = cands.filter((c) => c.chart !== undefined);
    expect(charted.map((c) => c.text)).toEqual([
      '미국의 대중국 첨단기술 수출 규제',
      '2018 년 미국 정부는 화웨이 제품 사용을 금지함',
      '19 년 화웨이 및 관련 기업들을 수출 금지 리스트(블랙리스트)에 포함시킴',
      '22 년 중국으로의 첨단 반도체 및 반도체 제조 장비 수출을 제한함',
    ]);
    expect(new Set(charted.map((c) => c.chart))).toEqual(new Set([0]));
    expect(cands.at(-1)!.text).toMatch(/^2025 년 5 월 초/);
    expect(cands.at(-1)!.chart).toBeUndefined();
    // Prose with no chart above it is in none.
    expect(candidatesFromHits([makeHit(1, TREND_01, UNITREE())]).every((c) => c.chart === undefined)).toBe(true);
  });

  it('keeps an item with its label', () => {
    const texts = candidatesFromHits([makeHit(1, COMPANY_01, HUAWEI_TABLE())]).map((c) => c.text);
    expect(texts).toContain('AI 모형 판구(盘古) … ⚫ 딥시크 R1 과 동등한 성능을 확보했다고 밝힘');
    expect(texts).toContain('개발 프레임워크 성쓰(MindSpore) … ⚫ 2024 년 말 기준, 중국 내 시장 점유율 30%을 달성함');
  });
});

describe('table rows under a header of years', () => {
  it('quotes each row with its label and its column header, so its figures say which year they are', () => {
    const text = ['주요 지표', '구분 2022 년 2023 년', '연간 매출 5,707.60 억 위안 6,008.76 억 위안', '순이익 266.99 억 위안 275.77 억 위안', '이러한 성과는 지역 협력의 결과로 평가된다.'].join('\n');
    const texts = candidatesFromHits([makeHit(1, TREND_01, text)]).map((c) => c.text);
    expect(texts).toContain('주요 지표 구분 2022 년 2023 년 연간 매출 5,707.60 억 위안 6,008.76 억 위안');
    expect(texts).toContain('주요 지표 구분 2022 년 2023 년 … 순이익 266.99 억 위안 275.77 억 위안');
    // A sentence of prose after the table is itself, not a row.
    expect(texts).toContain('이러한 성과는 지역 협력의 결과로 평가된다.');
  });
});

describe('quoting two rows of one table', () => {
  it('prints the caption and header once; the citation quotes each row whole', async () => {
    const question = '넝커테크 2024년과 2025년 1분기 영업이익 알려줘';
    const a = await new ExtractiveAnswerer().answer({ question, lang: 'ko', hits: [makeHit(1, TREND_01, NENGKE_TABLE())], query: queryFor(question, 'ko') });
    const header = '넝커테크 경영 형황 구분 영업이익 성장률 순이익 성장률';
    expect(a.answer).toContain('15.10 억 위안');
    expect(a.answer).toContain('3.37 억 위안');
    expect(a.answer.split(header).length - 1).toBe(1);
    expect(a.answer).toContain('… 2025 년 Q1 3.37 억 위안');
    expect(a.citations[0]!.quote.split(header).length - 1).toBe(2);
  });
});
