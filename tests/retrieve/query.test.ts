import { describe, expect, it } from 'vitest';
import { Glossary } from '../../src/retrieve/glossary.js';
import { analyzeQuery } from '../../src/retrieve/query.js';

const glossary = Glossary.fromEntries([
  { ko: '유니트리', zh: ['宇树科技'], en: ['Unitree'], count: 4 },
  { ko: '넝커테크', zh: ['能科科技'], en: [], count: 1 },
]);
const weightOf = (q: ReturnType<typeof analyzeQuery>, term: string): number | undefined => q.terms.find((t) => t.term === term)?.weight;

describe('analyzeQuery', () => {
  it('normalizes, detects the language and keeps the raw text', () => {
    const q = analyzeQuery('宇樹科技的市場份額是多少？', glossary);
    expect(q.raw).toBe('宇樹科技的市場份額是多少？');
    expect(q.normalized).toBe('宇树科技的市场份额是多少?');
    expect(q.lang).toBe('zh');
    expect(analyzeQuery('유니트리는?', glossary).lang).toBe('ko');
    expect(analyzeQuery('宇树科技', glossary, { lang: 'en' }).lang).toBe('en');
  });

  it('adds the Korean of a Chinese question with a weight below the question\'s own words but far from zero', () => {
    const q = analyzeQuery('宇树科技的市场份额是多少？', glossary);
    expect(q.expansions).toEqual(['유니트리', '점유율']);
    expect(weightOf(q, '份额')).toBe(1);
    const ko = weightOf(q, '유니트리')!;
    expect(ko).toBeGreaterThanOrEqual(0.5);
    expect(ko).toBeLessThan(1);
    expect(weightOf(q, '점유율')).toBe(ko);
    expect(weightOf(q, '多少')).toBeUndefined(); // question word
    expect(weightOf(q, '的')).toBeUndefined();
  });

  it('weights bigrams below words', () => {
    const q = analyzeQuery('유니트리의 점유율', glossary);
    expect(weightOf(q, '유니트리')).toBe(1);
    expect(weightOf(q, '유니')!).toBeLessThan(1);
  });

  it('expands an English question and transcribes pinyin names into Hangul', () => {
    const q = analyzeQuery('What is the market share of Unitree?', glossary);
    expect(q.lang).toBe('en');
    expect(q.expansions).toEqual(expect.arrayContaining(['점유율', '유니트리']));
    expect(weightOf(q, 'what')).toBeUndefined();
    const p = analyzeQuery("Nengke Technology: how much did its AI business grow?", glossary);
    expect(p.expansions).toContain('넝커');
    expect(weightOf(p, '넝커')).toBeGreaterThan(0);
  });

  it('gives a Korean question the Chinese/English forms at a low weight', () => {
    const q = analyzeQuery('유니트리의 점유율은?', glossary);
    expect(q.expansions).toEqual([]); // no Korean variants here
    expect(weightOf(q, 'unitree')!).toBeLessThan(0.5);
    expect(weightOf(q, '宇树')!).toBeLessThan(0.5);
  });

  it('can switch expansion off (for measurements)', () => {
    const q = analyzeQuery('宇树科技的市场份额是多少？', glossary, { expand: false });
    expect(q.expansions).toEqual([]);
    expect(q.terms.map((t) => t.term)).not.toContain('유니트리');
    expect(q.terms.map((t) => t.term)).toContain('份额');
  });

  it('returns no terms for a question made only of question words', () => {
    expect(analyzeQuery('뭐야?', glossary).terms).toEqual([]);
    expect(analyzeQuery('什么？', glossary).terms).toEqual([]);
  });
});
