import { describe, expect, it } from 'vitest';
import { absentFromCorpus, termStatsFromTexts } from '../../src/answer/corpus.js';
import { buildProfile, candidatesFromHits, coverage } from '../../src/answer/evidence.js';
import { finalPhrase } from '../../src/answer/focus.js';
import { mergeNameForms, nameShare, questionNames } from '../../src/answer/names.js';
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
} from './corpusHits.js';

const texts = (...hits: ReturnType<typeof makeHit>[]) => hits.map((h) => `${h.chunk.header} ${h.chunk.text}`.normalize('NFKC'));

describe('names of a question', () => {
  it('takes the Korean form the report glosses a Chinese name with, from the passage or its title', () => {
    const q = '卡诺普2024年的净利润是多少？';
    const profile = buildProfile(q, 'zh', queryFor(q, 'zh', ['카눠프', '순이익']));
    // The title "…생산기업-카눠프(卡诺普)" glosses the name.
    const names = questionNames(q, profile, texts(makeHit(1, COMPANY_03, CANOP())));
    expect(names).toEqual([expect.objectContaining({ forms: expect.arrayContaining(['카눠프', '卡诺普']) })]);
  });

  it('transcribes a pinyin name of an English question (Chengdu → 청두)', () => {
    const q = 'What is the population of Chengdu?';
    const names = questionNames(q, buildProfile(q, 'en', queryFor(q, 'en')), texts(makeHit(1, KIC_05, BELT_AND_ROAD())));
    expect(names[0]!.forms).toEqual(expect.arrayContaining(['chengdu', '청두']));
  });

  it('leaves out names no passage prints in any form', () => {
    const q = 'When was the Shenzhen National Independent Innovation Demonstration Zone approved?';
    expect(questionNames(q, buildProfile(q, 'en', queryFor(q, 'en')), texts(makeHit(1, TREND_01, UNITREE())))).toEqual([]);
  });

  it('finds a name misspelt by one syllable, as the report does (엔디비아, 화에이)', () => {
    const nvidia = [{ forms: ['엔비디아'], weight: 1 }];
    expect(nameShare(matchForm(NVIDIA_SHARE()), nvidia)).toBe(1);
    expect(nameShare(matchForm('화에이는 파라미터 수가 7,180 억 개에 달하는'), [{ forms: ['화웨이'], weight: 1 }])).toBe(1);
    // Never a shorter piece: "화웨" alone is not 화웨이.
    expect(nameShare(matchForm('화웨 클라우드'), [{ forms: ['화웨이'], weight: 1 }])).toBe(0);
  });

  it('makes a name one concept in all its spellings', () => {
    const q = 'What is the R&D investment intensity of the Wuhan Donghu zone?';
    const hit = makeHit(1, { articleId: 'market-01', section: '시장 인사이트', articleNumber: '01', articleTitle: '우한 둥후 국가자주혁신시범구' }, '우한 둥후 국가자주혁신시범구');
    const terms = buildProfile(q, 'en', queryFor(q, 'en', ['우한', '둥후']));
    const merged = mergeNameForms(terms, questionNames(q, terms, texts(hit)));
    // Wuhan and 우한 are one concept: the Korean spelling covers it fully, and it counts once.
    expect(merged.groups.length).toBeLessThan(terms.groups.length);
    expect(coverage(matchForm('우한 둥후'), merged)).toBeGreaterThan(coverage(matchForm('우한 둥후'), terms));
  });
});

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

describe('sentence candidates of flattened tables', () => {
  it('keeps a row of figures with its header row', () => {
    const cands = candidatesFromHits([makeHit(1, TREND_01, NENGKE_TABLE())]);
    expect(cands.map((c) => c.text)).toEqual([
      '구분 영업이익 성장률 순이익 성장률',
      '구분 영업이익 성장률 순이익 성장률 2024 년 15.10 억 위안 7.47% 1.92 억 위안 -15.17%',
      // Rows in between are shown as "…": the quote stays verbatim piece by piece.
      '구분 영업이익 성장률 순이익 성장률 … 2025 년 Q1 3.37 억 위안 -16.65% 0.49 억 위안 -12.07%',
    ]);
  });

  it('keeps an item with its label', () => {
    const texts = candidatesFromHits([makeHit(1, COMPANY_01, HUAWEI_TABLE())]).map((c) => c.text);
    expect(texts).toContain('AI 모형 판구(盘古) … ⚫ 딥시크 R1 과 동등한 성능을 확보했다고 밝힘');
    expect(texts).toContain('개발 프레임워크 성쓰(MindSpore) … ⚫ 2024 년 말 기준, 중국 내 시장 점유율 30%을 달성함');
  });
});
