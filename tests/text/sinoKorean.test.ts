import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadingVocabulary, sinoKoreanReading } from '../../src/text/sinoKorean.js';
import { HybridRetriever } from '../../src/retrieve/retriever.js';
import { useRealContext } from '../helpers/context.js';
import { ROOT } from '../helpers/env.js';

const corpus = fs.readFileSync(path.join(ROOT, 'corpus', 'monthly-china-startup-2025-06.txt'), 'utf8');
const vocabulary = ReadingVocabulary.fromTexts([corpus]);

describe('Sino-Korean readings', () => {
  it('reads simplified characters through their traditional forms, with the initial-sound rule', () => {
    expect(sinoKoreanReading('农村')).toBe('농촌');
    expect(sinoKoreanReading('价格')).toBe('가격'); // 价 alone would read 개
    expect(sinoKoreanReading('利润')).toBe('이윤');
    expect(sinoKoreanReading('示範區')).toBe('시범구');
    expect(sinoKoreanReading('')).toBe('');
  });

  it('keeps only the readings the report uses as words', () => {
    expect(vocabulary.has('시범구')).toBe(true);
    expect(vocabulary.has('대사관')).toBe(true);
    expect(vocabulary.has('개격')).toBe(false);
    // 城市 reads 성시, which the report never writes (it says 도시): no expansion.
    expect(vocabulary.readingsIn('城市')).toEqual([]);
    expect(vocabulary.readingsIn('驻华大使馆')).toEqual(['대사관']); // inside the report's 주중국대사관
    expect(vocabulary.readingsIn('演讲的主题')).toEqual(['주제']);
  });

  it('skips stop words and runs of single characters that ICU cut from unknown words', () => {
    // 里有 reads 이유 (a word of the report), but it is two one-character words, not a word.
    expect(vocabulary.readingsIn('示范区里有多少家')).toEqual(['시범구']);
    expect(vocabulary.readingsIn('是的吗')).toEqual([]);
    expect(vocabulary.readingsIn('no Han at all')).toEqual([]);
  });
});

describe("the report's own transcriptions, aligned from its name pairs", () => {
  const pairs = [{ ko: '우한 둥후 국가자주혁신시범구', zh: ['武汉东湖国家自主创新示范区'] }];
  const v = ReadingVocabulary.fromTexts([corpus], pairs);
  it('gives part of a long name its Korean, even where ICU cuts it into characters', () => {
    expect(vocabulary.readingsIn('东湖的专利')).toEqual([]); // 东|湖: no word to read
    expect(v.readingsIn('东湖的专利')).toEqual(['둥후']);
  });
  it('aligns only pairs of equal length (one syllable per character)', () => {
    const odd = ReadingVocabulary.fromTexts([corpus], [{ ko: '둥후자주혁신구', zh: ['武汉东湖国家自主创新示范区'] }]);
    expect(odd.readingsIn('东湖')).toEqual([]);
  });
});

describe('readings in retrieval (real index)', () => {
  const context = useRealContext();

  it('gives a Chinese question the Korean words its characters read, on the lexical side only', () => {
    // Without the lexicon (which also knows 发明 → 발명, on both sides), to see the readings alone.
    const { index } = context();
    const readingsOnly = new HybridRetriever({ chunks: index.chunks, vector: index.vector, lexical: index.lexical, glossary: index.glossary, embedder: context().embedder, tuning: { vocabulary: false } });
    const q = readingsOnly.analyze('这项发明的意义', 'zh');
    expect(q.terms.find((t) => t.term === '발명')?.weight).toBe(0.8);
    expect(q.expansions).not.toContain('발명');
    expect(context().retriever.analyze('这项发明的意义', 'zh').expansions).toContain('발명');
    // Where the glossary explains a word (发明专利 → 발명특허), its reading is not added on top.
    // (발명 is there only as a bigram of 발명특허, at half the expansion weight.)
    expect(context().retriever.analyze('发明专利的数量', 'zh').terms.find((t) => t.term === '발명')?.weight).toBe(0.4);
    // Korean and English questions get none.
    expect(context().retriever.analyze('발명 특허 数量', 'ko').terms.some((t) => t.term === '수량')).toBe(false);
  });
});
