import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFeatures, normalizeText, stripKorean } from '../../src/embed/features.js';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { cosine, embedderContract, norm } from './contract.js';

embedderContract('HashedEmbedder', async () => new HashedEmbedder());
embedderContract('HashedEmbedder (d=512)', async () => new HashedEmbedder({ dimensions: 512 }));

const e = new HashedEmbedder();
const cos = (a: string, b: string) => cosine(e.embed(a), e.embed(b));

const UNITREE =
  '유니트리(Unitree宇树科技)는 사족 로봇 분야에서 지속적으로 성과를 거두고 있으며, 2024년 글로벌 사족 로봇 시장에서 69.75%의 점유율을 기록하며 업계 1위를 차지했다.';
const CARS =
  '지난해 중국 완성차 업계의 평균 영업이익률은 4.3%까지 하락해 10년 전 8.99%와 비교하면 절반 수준에 그쳤으며, 가격 경쟁이 수익성을 압박하고 있다.';

describe('HashedEmbedder', () => {
  it('names its version and dimension in the id', () => {
    expect(e.info).toEqual({ id: 'hashed-ngram-v2-d2048', dimensions: 2048, kind: 'hashed' });
    expect(new HashedEmbedder({ dimensions: 512 }).info.id).toBe('hashed-ngram-v2-d512');
    expect(() => new HashedEmbedder({ dimensions: 500 })).toThrow(/power of two/);
  });

  it('puts a Korean query close to the matching Korean passage and far from an unrelated one', async () => {
    const q = await e.embedQuery('유니트리의 사족 로봇 점유율');
    const [unitree, cars] = await e.embedPassages([UNITREE, CARS]);
    expect(cosine(q, unitree!)).toBeGreaterThan(0.3);
    expect(cosine(q, cars!)).toBeLessThan(0.1);
    expect(cosine(q, unitree!)).toBeGreaterThan(cosine(q, cars!) + 0.25);
  });

  it('finds the Korean passage from a Chinese question through the Chinese name in parentheses', () => {
    expect(cos('宇树科技的市占率有多高？', UNITREE)).toBeGreaterThan(cos('宇树科技的市占率有多高？', CARS) + 0.1);
  });

  it('ignores particles and endings', () => {
    expect(cos('유니트리는', '유니트리의')).toBeGreaterThan(0.999);
    expect(cos('기업들의 성장', '기업 성장')).toBeGreaterThan(0.999);
    expect(cos('구현 지능', '구현지능')).toBeGreaterThan(0.6);
    expect(cos('공급망을 발표했다', '공급망 발표')).toBeGreaterThan(0.999);
  });

  it('ignores spacing and separators in numbers, and full-width forms', () => {
    expect(cos('1.25 억 위안', '1.25억 위안')).toBeGreaterThan(0.999);
    expect(cos('1,256 %', '1256%')).toBeGreaterThan(0.999);
    expect(cos('６９．７５％', '69.75%')).toBeGreaterThan(0.999);
    expect(cos('ＡＩ 로봇', 'ai 로봇')).toBeGreaterThan(0.999);
    // …but keeps the unit: 4.7억 is not 4.7%.
    expect(cos('4.7억', '4.7%')).toBeLessThan(0.9);
  });

  it('gives unit vectors for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const v = e.embed(s);
        return v.every(Number.isFinite) && Math.abs(norm(v) - 1) < 1e-4;
      }),
      { numRuns: 300 },
    );
  });
});

describe('features', () => {
  it('normalizes numbers and width', () => {
    expect(normalizeText('2025 년 06 월, 1.25 억 위안, 1,256 %, ＡＩ')).toBe('2025년 06월, 1.25억 위안, 1256%, ai');
  });

  it('strips particles but keeps two-syllable stems', () => {
    expect(stripKorean('유니트리는')).toBe('유니트리');
    expect(stripKorean('시장에서')).toBe('시장');
    expect(stripKorean('기업들의')).toBe('기업');
    expect(stripKorean('지도')).toBe('지도');
    expect(stripKorean('발표했다')).toBe('발표');
  });

  it('splits mixed scripts: Hangul stems, Han bigrams, Latin words, numbers with units', () => {
    const f = extractFeatures('유니트리(Unitree宇树科技)는 2028년까지 4.7 억 달러');
    for (const k of ['w:유니트리', 'b:니트', 'l:unitree', 'h:宇树', 'h:科技', 'n:2028', 'q:2028년', 'q:4.7억', 'w:달러']) {
      expect(f.has(k), k).toBe(true);
    }
    expect([...f.keys()].some((k) => k.includes('는'))).toBe(false);
  });

  it('uses sublinear term frequency', () => {
    const once = extractFeatures('로봇').get('w:로봇')!;
    const thrice = extractFeatures('로봇 로봇 로봇').get('w:로봇')!;
    expect(thrice).toBeCloseTo(once * (1 + Math.log(3)), 6);
  });
});
