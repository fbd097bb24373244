import { describe, expect, it } from 'vitest';
import { centrality, centroidTerms } from '../../src/answer/centroid.js';
import { termStatsFromTexts } from '../../src/answer/corpus.js';

describe('centrality (TF-IDF cosine with the article)', () => {
  // A toy report of four passages: 성텅 is this article's own word, 있다 and 기업 are everyone's.
  const df = termStatsFromTexts([
    '화웨이는 성텅 칩을 만든다. 성텅 칩은 엔비디아 칩을 대체한다.',
    '기업들이 있다. 많은 기업이 있다.',
    '자동차 기업이 있다.',
    '로봇 기업이 있다.',
  ]);

  it('ranks the sentence holding the article distinctive words first, a generic one last', () => {
    const article = ['화웨이의 성텅 칩은 엔비디아 칩과 견줄 만하다.', '성텅 칩의 수량은 다섯 배다.', '많은 기업이 있다.'];
    const c = centrality(article, df);
    expect(c[0]).toBeGreaterThan(c[2]!);
    expect(c[1]).toBeGreaterThan(c[2]!);
    for (const v of c) expect(v).toBeGreaterThanOrEqual(0);
    for (const v of c) expect(v).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('reads Hangul and Han as bigrams inside words, Latin words and numbers whole', () => {
    expect(centroidTerms('유니트리(Unitree宇树科技)는 69.75%')).toEqual(['유니', '니트', '트리', 'unitree', '宇树', '树科', '科技', '69.75%']);
  });

  it('gives 0 to a sentence of no terms, and does not divide by zero', () => {
    expect(centrality(['', '...'], df)).toEqual([0, 0]);
  });
});
