import { describe, expect, it } from 'vitest';
import { analyze, analyzeForIndex, tokenize } from '../../src/retrieve/analyzer.js';
import { normalize } from '../../src/text/normalize.js';

const terms = (s: string, query = false): string[] => analyze(normalize(s), { query }).map((t) => t.term);
const overlap = (a: string[], b: string[]): string[] => a.filter((t) => b.includes(t));

describe('analyzer: Korean', () => {
  it('gives 유니트리는 / 유니트리의 / 유니트리가 / 유니트리 a common term', () => {
    for (const form of ['유니트리는', '유니트리의', '유니트리가', '유니트리에서는', '유니트리']) {
      expect(terms(form)).toContain('유니트리');
    }
  });

  it('strips one particle or ending layer when at least two syllables remain', () => {
    expect(terms('기업들이')).toContain('기업');
    expect(terms('전략적인')).toContain('전략');
    expect(terms('발표했다')).toContain('발표');
    expect(terms('시장이')).toContain('시장');
    // Nouns that only end like a particle keep their surface form as a term.
    expect(terms('회의')).toEqual(['회의']);
    expect(terms('국가')).toEqual(['국가']);
    expect(terms('경제전문가')).toContain('경제전문가');
  });

  it('lets compounds match whatever their spacing (구현지능 ~ 구현 지능)', () => {
    const joined = terms('구현지능');
    const spaced = terms('구현 지능');
    expect(overlap(joined, spaced).sort()).toEqual(['구현', '지능']);
    expect(overlap(terms('저고도경제'), terms('저고도 경제'))).toContain('경제');
  });

  it('keeps a noun that ends in an ambiguous ending findable through its bigrams', () => {
    // 야 is also a question ending, but 분야 is a noun.
    expect(terms('산업분야')).toContain('분야');
  });

  it('drops function words everywhere and question words in questions only', () => {
    expect(terms('및 등 통해')).toEqual([]);
    expect(terms('무엇 알려줘')).not.toEqual([]);
    expect(terms('무엇 알려줘', true)).toEqual([]);
    expect(terms('넝커테크 본사는 어디에 있고 언제 생겼어?', true)).not.toContain('어디에');
  });
});

describe('analyzer: Chinese', () => {
  it('yields ICU words and bigrams from unspaced text, without function characters', () => {
    const t = terms('宇树科技的市场份额是多少？', true);
    expect(t).toEqual(expect.arrayContaining(['科技', '市场', '份额', '宇树', '树科']));
    expect(t).not.toContain('的');
    expect(t).not.toContain('多少'); // a question word
    expect(t).not.toContain('额是'); // bigrams do not cross function words
  });

  it('matches a name however ICU segments it', () => {
    expect(overlap(terms('宇树科技'), terms('宇树'))).toContain('宇树');
    expect(terms('深圳国家自主创新示范区')).toEqual(expect.arrayContaining(['深圳', '示范', '范区']));
  });

  it('keeps a one-character gloss whole', () => {
    expect(terms('한(汉)')).toContain('汉');
  });
});

describe('analyzer: Latin and numbers', () => {
  it('lowercases and joins hyphenated or ampersand names', () => {
    expect(terms('RT-2')).toContain('rt2');
    expect(terms('rt2')).toContain('rt2');
    expect(terms('e-VTOL')).toEqual(expect.arrayContaining(['evtol', 'vtol']));
    expect(terms('eVTOL')).toContain('evtol');
    expect(terms('R&D')).toContain('rd');
    expect(terms('GB200 4S')).toEqual(expect.arrayContaining(['gb200', '4s']));
    expect(terms("Nengke Technology's", true)).toEqual(['nengke', 'technology']);
  });

  it('gives numbers with and without a space before the unit the same terms', () => {
    expect(terms('2027 년')).toEqual(terms('2027년'));
    expect(terms('2027 년까지')).toEqual(['2027', '2027년']);
    expect(terms('2027')).toEqual(['2027']);
    expect(terms('1.25 억 위안')).toEqual(terms('1.25억 위안'));
    expect(terms('69.75 %')).toEqual(['69.75', '69.75%']);
  });

  it('spells units the Korean way, so Chinese numbers meet the report', () => {
    expect(terms('2028年')).toEqual(terms('2028 년'));
    expect(terms('4.7亿美元')).toEqual(expect.arrayContaining(['4.7', '4.7억']));
    expect(overlap(terms('4.7亿美元'), terms('4.7 억 달러'))).toEqual(['4.7', '4.7억']);
  });

  it('reads thousands separators as the same number', () => {
    expect(terms('3,143')).toEqual(terms('3143'));
    expect(terms('1,256%')).toContain('1256%');
    expect(terms('25.06.01')).toEqual(['25.06.01']);
  });

  it("gives the report's table dates the terms of the same date in words, and month names the Korean month", () => {
    // "2025.07.09-2025.07.11" was one term no question could meet.
    const row = terms('상하이 국제 알루미늄 산업 전시회 2025.07.09-2025.07.11 상하이');
    expect(row).toEqual(expect.arrayContaining(['2025.07.09', '2025.07.11', '2025년', '7월', '9일', '11일']));
    expect(overlap(terms('2025 년 7 월 9 일'), row)).toEqual(expect.arrayContaining(['2025년', '7월', '9일']));
    expect(terms('7月有哪些展会', true)).toContain('7월');
    expect(terms('七月的展会', true)).toContain('7월');
    expect(terms('trade fairs in July', true)).toContain('7월');
    expect(terms('In May the plan', true)).toContain('5월');
    expect(terms('what may change', true)).not.toContain('5월');
  });
});

describe('analyzer entry points', () => {
  it('analyzeForIndex normalizes first; tokenize expects normalized text', () => {
    expect(analyzeForIndex('宇樹科技 ２０２７ 년')).toEqual(tokenize(normalize('宇树科技 2027년')));
  });

  // Speed is measured by `npm run bench` (ingest and stages sections), not asserted here: a timed test fails on a busy machine.
});
