import { describe, expect, it } from 'vitest';
import { centroidTerms, coverageOrder } from '../../src/answer/centroid.js';
import { termStatsFromTexts } from '../../src/answer/corpus.js';

describe('coverage of the article centroid (a summary of an article only named)', () => {
  // A toy report of four passages: 성텅 is this article's own word, 있다 and 기업 are everyone's.
  const df = termStatsFromTexts([
    '화웨이는 성텅 칩을 만든다. 성텅 칩은 엔비디아 칩을 대체한다.',
    '기업들이 있다. 많은 기업이 있다.',
    '자동차 기업이 있다.',
    '로봇 기업이 있다.',
  ]);

  it('picks the sentence holding the article distinctive words first, a generic one last', () => {
    const article = ['많은 기업이 있다.', '화웨이의 성텅 칩은 엔비디아 칩과 견줄 만하다.', '성텅 칩의 수량은 다섯 배다.'];
    expect(coverageOrder(article, df, 3)).toEqual([1, 2, 0]);
  });

  it('prefers a sentence adding new names and figures to one repeating what is covered', () => {
    const article = [
      '화웨이의 성텅 칩은 엔비디아 칩과 견줄 만하다.',
      '화웨이의 성텅 칩은 엔비디아 칩과 견줄 만하다고 한다.',
      '성쓰 플랫폼은 30% 점유율을 확보했다.',
    ];
    // The second sentence holds every term of the first and two more: it goes first, and the
    // first, all covered then, never ranks above the one of new names.
    expect(coverageOrder(article, df, 3)).toEqual([1, 2]);
  });

  it('reads Hangul and Han as bigrams inside words, Latin words and numbers whole', () => {
    expect(centroidTerms('유니트리(Unitree宇树科技)는 69.75%')).toEqual(['유니', '니트', '트리', 'unitree', '宇树', '树科', '科技', '69.75%']);
  });

  it('picks nothing from sentences of no terms, and does not divide by zero', () => {
    expect(coverageOrder(['', '...'], df, 2)).toEqual([]);
  });
});
