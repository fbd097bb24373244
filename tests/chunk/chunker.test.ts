import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHUNKING, chunkArticle, chunkReports, cutLong } from '../../src/chunk/chunker.js';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import type { Article, Block } from '../../src/types.js';
import { ROOT } from '../helpers/env.js';

const squash = (s: string) => s.replace(/\s+/g, '');

const sentence = fc
  .array(fc.constantFrom('구현', '지능', '로봇', '시장', '점유율', '69.75%', '宇树科技', 'Unitree', '2027 년', '1.25 억 위안', '의', '은', '산업'), { minLength: 1, maxLength: 40 })
  .map((ws) => `${ws.join(' ')}다.`);

const block: fc.Arbitrary<Block> = fc.record({
  kind: fc.constantFrom<'paragraph' | 'table'>('paragraph', 'paragraph', 'paragraph', 'table'),
  text: fc.array(sentence, { minLength: 1, maxLength: 12 }).map((ss) => ss.join(' ')),
  page: fc.integer({ min: 1, max: 80 }),
  headings: fc.constantFrom([], ['산업 개요'], ['산업 개요', '◼ 시장 규모'], ['시장 기회']),
});

const article = (blocks: Block[]): Article => ({ id: 'trend-01', section: '산업 트렌드', number: '01', title: '구현 지능 산업 심층 분석', page: 1, endPage: 80, blocks });
const opts = fc.record({ targetChars: fc.integer({ min: 80, max: 900 }), overlapSentences: fc.integer({ min: 0, max: 2 }) }).map((o) => ({ ...o, maxChars: o.targetChars + 300 }));

describe('chunking invariants (property)', () => {
  it('loses no text, bounds sizes, keeps order and metadata', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 15 }), opts, (blocks, o) => {
        const chunks = chunkArticle({ id: 'r', title: 'R' }, article(blocks), o);
        const all = squash(chunks.map((c) => c.text).join(''));
        // Every sentence of every block is in some chunk (no text lost).
        for (const b of blocks) for (const s of b.text.split(/(?<=다\.)\s*/)) if (s) expect(all).toContain(squash(s));
        for (const c of chunks) {
          expect(c.text.length).toBeLessThanOrEqual(o.maxChars + 60); // + a repeated table caption at most
          expect(c.articleId).toBe('trend-01');
          expect(c.header.startsWith('산업 트렌드 › 01. 구현 지능 산업 심층 분석')).toBe(true);
          expect(c.page).toBeLessThanOrEqual(c.pageEnd);
        }
        expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
        expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
      }),
      { numRuns: 150 },
    );
  });

  it('cuts over-long unspaced text', () => {
    const parts = cutLong('가'.repeat(2500), 700);
    expect(parts.map((p) => p.length)).toEqual([700, 700, 700, 400]);
  });
});

describe('chunking the June report', async () => {
  const { reports } = await readCorpus(path.join(ROOT, 'corpus'));
  const chunks = chunkReports(reports, DEFAULT_CHUNKING);

  it('never crosses an article and carries section, article, heading and page', () => {
    for (const c of chunks) {
      const a = reports[0]!.articles.find((x) => x.id === c.articleId)!;
      expect(a).toBeDefined();
      expect(c.page).toBeGreaterThanOrEqual(a.page);
      expect(c.pageEnd).toBeLessThanOrEqual(a.endPage);
      expect(c.section).toBe(a.section);
    }
    expect(new Set(chunks.map((c) => c.articleId)).size).toBe(20);
  });

  it('keeps the Unitree market-share sentence whole in one chunk of 산업 트렌드 › 01', () => {
    const c = chunks.filter((x) => x.text.includes('69.75%'));
    expect(c.length).toBeGreaterThan(0);
    expect(c[0]!.articleId).toBe('trend-01');
    expect(squash(c[0]!.text)).toContain(squash('글로벌 사족 로봇 시장에서 69.75%의 점유율로 1 위를 차지'));
  });

  it('has no running header or page number in any chunk', () => {
    for (const c of chunks) {
      expect(c.text).not.toMatch(/월간 중국창업/);
      expect(c.text).not.toMatch(/\d\s*월호/);
    }
  });
});

describe('pages and headings inside a chunk', async () => {
  const { reports } = await readCorpus(path.join(ROOT, 'corpus'));
  const chunks = chunkReports(reports, DEFAULT_CHUNKING);
  it('gives the page of the quoted sentence, not the page the chunk starts on', async () => {
    const { pageOf } = await import('../../src/chunk/chunker.js');
    const multi = chunks.filter((c) => c.pageMarks);
    expect(multi.length).toBeGreaterThan(10);
    for (const c of multi) {
      expect(c.pageMarks![0]).toEqual([0, c.page]);
      expect(c.pageMarks!.at(-1)![1]).toBe(c.pageEnd);
    }
    const unitree = chunks.find((c) => c.text.includes('69.75%'))!;
    const sentence = unitree.text.slice(unitree.text.indexOf('유니트리(Unitree'));
    expect(pageOf(unitree, sentence)).toBe(9);
    // As quoted for display: the PDF's U+F0D7 glyph inside "Unitree\uF0D7宇树科技" becomes a space.
    expect(pageOf(unitree, sentence.replace(/\uF0D7/g, ' '))).toBe(9);
    expect(pageOf(unitree, '없는 문장입니다')).toBe(unitree.page);
  });

  it('records where a later heading begins in a chunk that packs two sections, and a quote under it names it', async () => {
    const { headingsOf } = await import('../../src/chunk/chunker.js');
    const marked = chunks.filter((c) => c.headingMarks);
    expect(marked.length).toBeGreaterThan(3);
    for (const c of marked) {
      for (const [offset, headings] of c.headingMarks!) {
        expect(offset).toBeGreaterThan(0);
        expect(offset).toBeLessThan(c.text.length);
        expect(headings).not.toEqual(c.headings);
      }
    }
    // Three headed items of one article (◼ 첫째 … ◼ 둘째 … ◼ 셋째) share a chunk: a sentence under
    // the second is cited under the second, the chunk's first sentence under the first.
    const items = chunks.find((c) => c.headings.at(-1)?.startsWith('첫째, 서비스 영역') && c.headingMarks)!;
    expect(items).toBeDefined();
    const second = items.text.slice(items.text.indexOf('AI 의료는 단순한 건강 안내를'));
    expect(headingsOf(items, second).at(-1)).toBe('둘째, 디지털 치료 분야로의 도약이다.');
    expect(headingsOf(items, items.text).at(-1)).toBe('첫째, 서비스 영역 확장이다.');
    expect(headingsOf(items, '없는 문장입니다')).toEqual(items.headings);
  });
});
