/**
 * A definition question quotes first the sentence that glosses its term (src/answer/definition.ts),
 * on the report's own sentences and through the answer stage.
 */
import { describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { definedTerms, glosses, isDefinitionQuestion } from '../../src/answer/definition.js';
import { termStatsFromTexts } from '../../src/answer/corpus.js';
import { CHAIN, OVERVIEW, TREND_01, makeHit, passage, queryFor } from './corpusHits.js';

/** trend-03's first sentence: the store's name, glossed by its four functions. */
const STORE = () => passage('지난 6월 11일, ‘로봇대세계', '출범을 알리는 발표 행사가 열렸다.');

describe('definition questions', () => {
  it('are told by their request words in each language', () => {
    expect(isDefinitionQuestion('EAI가 무슨 뜻이야?')).toBe(true);
    expect(isDefinitionQuestion('EAI는 뭐의 약자임')).toBe(true);
    expect(isDefinitionQuestion('EAI是什么意思？')).toBe(true);
    expect(isDefinitionQuestion('EAI代表什么')).toBe(true);
    expect(isDefinitionQuestion('What does EAI stand for?')).toBe(true);
    expect(isDefinitionQuestion('what does the term EAI mean')).toBe(true);
    expect(isDefinitionQuestion('유니트리 매출은 얼마야?')).toBe(false);
    expect(isDefinitionQuestion('What is the mean growth rate?')).toBe(false);
  });

  it('ask about the terms written in Latin letters or digits, or quoted', () => {
    expect(definedTerms('로봇 매장의 4S가 뭘 뜻해?')).toEqual(['4s']);
    expect(definedTerms('What does EAI stand for?')).toEqual(['eai']);
    expect(definedTerms("보고서의 '구현 지능'은 무슨 뜻이야?")).toEqual(['구현지능']);
    // Ordinary English words are no terms.
    expect(definedTerms('what does this word mean')).toEqual([]);
  });

  it('are answered by a parenthesis spelling out or listing the term', () => {
    expect(glosses(OVERVIEW(), ['eai'])).toBe(true);
    expect(glosses(OVERVIEW(), ['구현지능'])).toBe(true);
    expect(glosses(STORE(), ['4s'])).toBe(true);
    // A name with its Chinese form in parentheses is no gloss.
    expect(glosses('유니트리(Unitree 宇树科技)는 매출 10 억 위안을 넘었다.', ['unitree'])).toBe(false);
    expect(glosses(STORE(), ['eai'])).toBe(false);
  });
});

describe('the answer stage quotes the gloss first', () => {
  const texts = [CHAIN(), OVERVIEW()];
  const termStats = termStatsFromTexts(texts);
  const hits = [makeHit(1, TREND_01, CHAIN()), makeHit(2, TREND_01, OVERVIEW(), { ordinal: 1 })];
  const ask = (question: string, lang: 'ko' | 'en', withoutRules: 'definitionGloss'[] = []) =>
    new ExtractiveAnswerer({ termStats, withoutRules }).answer({ question, lang, hits, query: queryFor(question, lang) });

  it.each([
    ['ko', "'구현 지능'이라는 말은 정확히 무슨 뜻이야?"],
    ['en', "In the industry piece, what does '구현 지능' mean?"],
  ] as const)('%s', async (lang, question) => {
    // The first quote: the answer up to its first citation marker.
    const first = (a: { answer: string }) => a.answer.split(/\[\d+\]/)[0]!;
    expect(first(await ask(question, lang))).toMatch(/Embodied Artificial Intelligence/);
    expect(first(await ask(question, lang, ['definitionGloss']))).not.toMatch(/Embodied Artificial Intelligence/);
  });
});
