import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Citation } from '../../src/types.js';
import { citationFromHit, clipQuote, markerIds, parseMarker, stripMarkers, verifyCitations } from '../../src/answer/citations.js';
import { TREND_01, TREND_02, UNITREE, makeHit } from './corpusHits.js';

function cit(id: number, chunk = `c${id}`): Citation {
  return {
    id,
    section: '산업 트렌드',
    article: { number: '01', title: '구현 지능 산업 심층 분석' },
    heading: '',
    page: id,
    quote: `quote ${id}`,
    chunkId: chunk,
    articleId: 'trend-01',
  };
}

/** The contract of api.md, checked on canonical [n] markers. */
function assertContract(answer: string, citations: Citation[]): void {
  const named = [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const ids = citations.map((c) => c.id);
  expect(ids).toEqual(ids.map((_, i) => i + 1));
  for (const n of named) expect(ids).toContain(n);
  for (const id of ids) expect(named).toContain(id);
  // No other marker spelling survives.
  expect(answer).not.toMatch(/[【［][0-9０-９]/);
  expect(answer).not.toMatch(/\[\s*\d+\s*[,，、;\-–~]/);
}

describe('citationFromHit', () => {
  it('takes section, article, innermost heading, page, source and ids from the chunk', () => {
    const hit = makeHit(1, TREND_01, UNITREE(), { headings: ['산업체인 분석', '◼ 다운 스트림: 다양한 응용 환경'], page: 9, ordinal: 12 });
    const c = citationFromHit(hit, 3, '유니트리는 69.75%의 점유율로 1 위');
    expect(c).toEqual({
      id: 3,
      section: '산업 트렌드',
      article: { number: '01', title: '구현 지능 산업 심층 분석' },
      heading: '다운 스트림: 다양한 응용 환경',
      page: 9,
      quote: '유니트리는 69.75%의 점유율로 1 위',
      source: { title: TREND_01.source!.title, url: TREND_01.source!.url },
      chunkId: 'monthly-china-startup-2025-06:trend-01:12',
      articleId: 'trend-01',
    });
  });

  it('uses an empty heading and no source when the chunk has none', () => {
    const c = citationFromHit(makeHit(1, TREND_02, '본문.'), 1, '본문.');
    expect(c.heading).toBe('');
    expect(c.source).toBeUndefined();
  });

  it('clips long quotes to about 300 characters', () => {
    const long = '가나다라 '.repeat(200);
    const c = citationFromHit(makeHit(1, TREND_02, long), 1, long);
    expect([...c.quote].length).toBeLessThanOrEqual(300);
    expect(c.quote.endsWith('…')).toBe(true);
    expect(clipQuote('짧은 인용')).toBe('짧은 인용');
  });
});

describe('verifyCitations', () => {
  it('keeps valid markers, drops unused citations and renumbers by first appearance', () => {
    const v = verifyCitations('A는 69.75%다 [3]. B는 4.3%다 [1].', [cit(1), cit(2), cit(3)]);
    expect(v.answer).toBe('A는 69.75%다 [1]. B는 4.3%다 [2].');
    expect(v.citations.map((c) => [c.id, c.chunkId])).toEqual([
      [1, 'c3'],
      [2, 'c1'],
    ]);
    expect(v.removedMarkers).toEqual([]);
  });

  it('removes markers that name no citation, with the space before them', () => {
    const v = verifyCitations('유니트리는 1 위다 [7]. 점유율은 69.75%다 [1].', [cit(1)]);
    expect(v.answer).toBe('유니트리는 1 위다. 점유율은 69.75%다 [1].');
    expect(v.removedMarkers).toEqual([7]);
    assertContract(v.answer, v.citations);
  });

  it('splits lists and ranges and normalizes full-width and lenticular brackets', () => {
    const v = verifyCitations('가 [1, 2]. 나【3】 다［４］ 라 [2-4] 마 [1,9]', [cit(1), cit(2), cit(3), cit(4)]);
    expect(v.answer).toBe('가 [1][2]. 나[3] 다[4] 라 [2][3][4] 마 [1]');
    expect(v.removedMarkers).toEqual([9]);
    assertContract(v.answer, v.citations);
  });

  it('collapses a repeated marker and handles an answer with no markers at all', () => {
    expect(verifyCitations('가 [2][2] 나 [2] [2]', [cit(2)]).answer).toBe('가 [1] 나 [1]');
    const none = verifyCitations('근거 없는 답.', [cit(1), cit(2)]);
    expect(none.answer).toBe('근거 없는 답.');
    expect(none.citations).toEqual([]);
  });

  it('leaves brackets that are not markers alone', () => {
    const v = verifyCitations('‘80:20 법칙’ [참고] (2024) [1]', [cit(1)]);
    expect(v.answer).toBe('‘80:20 법칙’ [참고] (2024) [1]');
  });

  it('satisfies the contract and is idempotent on random texts (property)', () => {
    const fragment = fc.constantFrom('유니트리는', ' 69.75%', '의 점유율로', ' 1 위.', ' 4.3%', '\n', ' ', '。', '根据报告，', 'According to', '.');
    const marker = fc.oneof(
      fc.integer({ min: 0, max: 12 }).map((n) => `[${n}]`),
      fc.integer({ min: 0, max: 12 }).map((n) => `【${n}】`),
      fc.integer({ min: 0, max: 12 }).map((n) => `［${String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}］`),
      fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(([a, b]) => `[${a}, ${b}]`),
      fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 })).map(([a, d]) => `[${a}-${a + d}]`),
    );
    const text = fc.array(fc.oneof(fragment, marker), { maxLength: 30 }).map((xs) => xs.join(''));
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 8 });
    fc.assert(
      fc.property(text, ids, (t, idList) => {
        const citations = idList.map((id) => cit(id));
        const v = verifyCitations(t, citations);
        assertContract(v.answer, v.citations);
        // Every kept citation is one of the input ones (by chunk), none invented.
        for (const c of v.citations) expect(idList.map((i) => `c${i}`)).toContain(c.chunkId);
        // Idempotent: verifying again changes nothing.
        const again = verifyCitations(v.answer, v.citations);
        expect(again.answer).toBe(v.answer);
        expect(again.citations).toEqual(v.citations);
        expect(again.removedMarkers).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('marker helpers', () => {
  it('parses marker insides', () => {
    expect(parseMarker('1, 3-5')).toEqual([1, 3, 4, 5]);
    expect(parseMarker('２、３')).toEqual([2, 3]);
    expect(parseMarker('1-500')).toEqual([1, 500]);
  });

  it('strips and lists markers', () => {
    expect(stripMarkers('가 [1]. 나 【2】 다')).toBe('가. 나 다');
    expect(markerIds('가 [1]. 나 【2】 [3, 4]')).toEqual([1, 2, 3, 4]);
  });
});
