/** One set of Korean text rules, and every stage reads it the same way. */
import { describe, expect, it } from 'vitest';
import { stripParticle } from '../../src/answer/terms.js';
import { stripKorean } from '../../src/embed/features.js';
import { analyze } from '../../src/retrieve/analyzer.js';
import { KO_SUFFIXES, isKoreanQuestionWord, isTermAcronym, stripKoreanSuffix } from '../../src/text/rules.js';

describe('shared Korean rules', () => {
  it('strips one particle or ending, longest first, keeping two syllables', () => {
    expect(stripKoreanSuffix('유니트리는')?.stem).toBe('유니트리');
    expect(stripKoreanSuffix('점유율에서는')?.stem).toBe('점유율');
    expect(stripKoreanSuffix('발표했다')?.stem).toBe('발표');
    expect(stripKoreanSuffix('차이')).toBeUndefined();
    // a spoken follow-up's particle with the polite 요: the noun, not "순이익은"
    expect(stripKoreanSuffix('순이익은요')?.stem).toBe('순이익');
    expect(stripKoreanSuffix('2위는요')?.stem).toBe('2위');
    expect(stripKoreanSuffix('청두에서요')?.stem).toBe('청두');
    expect(KO_SUFFIXES.map((x) => x.s.length)).toEqual([...KO_SUFFIXES.map((x) => x.s.length)].sort((a, b) => b - a));
  });
  it('the analyzer, the hashed embedder and the answer stage agree on the stem', () => {
    for (const [word, stem] of <Array<[string, string]>>[
      ['유니트리는', '유니트리'],
      ['유니트리의', '유니트리'],
      ['점유율은', '점유율'],
    ]) {
      expect(analyze(word).map((t) => t.term)).toContain(stem);
      expect(stripKorean(word)).toBe(stem);
      expect(stripParticle(word)).toBe(stem);
    }
  });
  it('a question word with any ending asks rather than names, in a question only', () => {
    for (const w of ['뭐로', '뭐임', '뭐뭐', '어디임', '얼마임', '몇명', '누구랑', '정확히', '자세히']) expect(isKoreanQuestionWord(w), w).toBe(true);
    for (const w of ['유명함', '광벨리', '몇몇기업들에게서는', '특허', '어린이']) expect(isKoreanQuestionWord(w), w).toBe(false);
    const terms = (q: string) => analyze(q, { query: true }).map((t) => t.term);
    expect(terms('둥후는 정확히 뭐로 알려졌어')).not.toContain('뭐로');
    expect(terms('둥후는 정확히 뭐로 알려졌어')).not.toContain('정확히');
    expect(terms('둥후는 정확히 뭐로 알려졌어')).toContain('둥후');
    // Documents keep every word.
    expect(analyze('정확히 뭐로').map((t) => t.term)).toContain('정확히');
  });
});

describe('acronyms', () => {
  it('tells words of economics and technology (GDP, CEO) from names in capitals (CRP, GSAT)', () => {
    expect(isTermAcronym('GDP')).toBe(true);
    expect(isTermAcronym('ceo')).toBe(true);
    expect(isTermAcronym('CRP')).toBe(false);
    expect(isTermAcronym('GSAT')).toBe(false);
  });
});
