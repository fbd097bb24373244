import { describe, expect, it } from 'vitest';
import { bigrams, diversify, jaccard, reciprocalRankFusion } from '../../src/retrieve/fuse.js';

describe('reciprocal rank fusion', () => {
  it('rewards items ranked well by both lists and respects weights', () => {
    const lex = [{ label: 1, score: 9 }, { label: 2, score: 5 }, { label: 3, score: 1 }];
    const dense = [{ label: 2, score: 0.9 }, { label: 4, score: 0.8 }, { label: 1, score: 0.7 }];
    const fused = reciprocalRankFusion([lex, dense], [1, 1], 60);
    expect(fused.map((f) => f.label).slice(0, 2).sort()).toEqual([1, 2]);
    expect(fused.find((f) => f.label === 4)!.ranks).toEqual([Number.POSITIVE_INFINITY, 2]);
    // A zero weight turns a list off entirely.
    expect(reciprocalRankFusion([lex, dense], [1, 0]).map((f) => f.label).slice(0, 3)).toEqual([1, 2, 3]);
    expect(reciprocalRankFusion([lex, dense], [0, 1]).map((f) => f.label).slice(0, 3)).toEqual([2, 4, 1]);
  });

  it('is deterministic on ties', () => {
    const a = reciprocalRankFusion([[{ label: 5, score: 1 }], [{ label: 3, score: 1 }]], [1, 1]);
    expect(a.map((f) => f.label)).toEqual([3, 5]);
  });
});

describe('diversify', () => {
  const items = [
    { a: 'x', t: '중국 정부는 23개 국가자주혁신시범구를 지정하였다 첫째' },
    { a: 'x', t: '두 번째 문단은 완전히 다른 이야기' },
    { a: 'y', t: '중국 정부는 23 개 국가자주혁신시범구를 지정하였다 첫째' }, // near-duplicate of #0 (spacing)
    { a: 'x', t: '세 번째 문단 역시 다른 내용이다' },
    { a: 'x', t: '네 번째 문단도 있다 여기에' },
    { a: 'z', t: '다른 기사의 문단' },
  ];
  it('caps chunks per article and removes near-duplicates across articles', () => {
    const out = diversify(items, { k: 10, perArticle: 2, articleOf: (i) => i.a, textOf: (i) => i.t });
    expect(out.map((i) => i.t)).toEqual([items[0]!.t, items[1]!.t, items[5]!.t]);
  });
  it('stops at k', () => {
    expect(diversify(items, { k: 2, perArticle: 9, articleOf: (i) => i.a, textOf: (i) => i.t })).toHaveLength(2);
  });
  it('jaccard of bigrams ignores white space', () => {
    expect(jaccard(bigrams('1.25 억 위안'), bigrams('1.25억위안'))).toBe(1);
    expect(jaccard(bigrams('가나다'), bigrams('라마바'))).toBe(0);
  });
});
