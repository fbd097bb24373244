/**
 * The report's vocabulary in Chinese and English (src/retrieve/lexicon.ts, vocabulary.ts): how a
 * reader's ordinary words reach the Korean words the report writes, unit by unit and through the
 * real retriever on the real index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/retrieve/lexicon.js';
import { HybridRetriever } from '../../src/retrieve/retriever.js';
import { Lexicon, englishBases, parseLexicon } from '../../src/retrieve/lexicon.js';
import { VOCABULARY } from '../../src/retrieve/vocabulary.js';
import { useRealContext } from '../helpers/context.js';
import { ROOT } from '../helpers/env.js';

const corpus = fs.readFileSync(path.join(ROOT, 'corpus', 'monthly-china-startup-2025-06.txt'), 'utf8').replace(/\s+/g, '');

describe('the lexicon format', () => {
  it('parses entries, drops one-character Chinese forms and comment lines', () => {
    const e = parseLexicon('# comment\n기능 | 功能, 能 | function, feature\n\n회의 | | meeting\n | 空 | nothing');
    expect(e).toEqual([
      { ko: '기능', zh: ['功能'], en: ['function', 'feature'] },
      { ko: '회의', zh: [], en: ['meeting'] },
    ]);
  });

  it('the built-in vocabulary: every entry is a word of the report with a Chinese or English form', () => {
    const entries = parseLexicon(VOCABULARY);
    expect(entries.length).toBeGreaterThan(2000);
    const missing = entries.filter((e) => !corpus.includes(e.ko.replace(/\s+/g, '')));
    expect(missing).toEqual([]);
    expect(entries.filter((e) => e.zh.length === 0 && e.en.length === 0)).toEqual([]);
    expect(entries.flatMap((e) => e.zh).filter((z) => [...z].length < 2)).toEqual([]);
  });
});

describe('matching a question', () => {
  const lx = Lexicon.parse(['팔레타이징 | 码垛 | palletizing', '제공 | 提供 | provide', '기능 | 功能 | function', '성능 | 性能, 功能 | performance', '인지기능 | 认知功能 | cognitive function'].join('\n'));

  it('Chinese: longest form first, one group per word of the question', () => {
    expect(lx.koreanFor('认知功能和码垛', 'zh')).toEqual([['인지기능'], ['팔레타이징']]);
    // A word with two translations is one group of two (the query splits its weight).
    expect(lx.koreanFor('提供哪些功能', 'zh')).toEqual([['제공'], ['기능', '성능']]);
    expect(lx.koreanFor('no Chinese here', 'zh')).toEqual([]);
  });

  it('English: regular inflections and multi-word forms', () => {
    expect(englishBases('provides')).toContain('provide');
    expect(englishBases('studies')).toContain('study');
    expect(englishBases('planned')).toContain('plan');
    expect(englishBases('hosting')).toContain('host');
    expect(lx.koreanFor('It provided palletizing and cognitive functions', 'en')).toEqual([['제공'], ['팔레타이징'], ['인지기능']]);
    expect(lx.koreanFor('pal', 'en')).toEqual([]);
  });

  it("a question's request words are not looked up (they are noise in every language), the other words are", () => {
    const withRequests = Lexicon.parse(['요약 | 总结 | summary, summarize', '보고서 | 报告 | report', '팔레타이징 | 码垛 | palletizing'].join('\n'));
    expect(withRequests.koreanFor('Please give me a summary of the report on palletizing', 'en')).toEqual([['팔레타이징']]);
    expect(withRequests.koreanFor('总结一下码垛', 'zh')).toEqual([['팔레타이징']]);
    // 报告 is not a request word in Chinese (报告里 is): it is still looked up.
    expect(withRequests.koreanFor('报告', 'zh')).toEqual([['보고서']]);
    // …in their -s forms too ("the reports say", "summaries of"); but "listing" (상장) is not "list".
    expect(withRequests.koreanFor('What do the reports and their summaries say about palletizing', 'en')).toEqual([['팔레타이징']]);
    const listing = Lexicon.parse(['상장 | 上市 | listing', '목록 | 清单 | list'].join('\n'));
    expect(listing.koreanFor('Does it plan a listing?', 'en')[0]).toContain('상장');
    expect(listing.koreanFor('lists', 'en')).toEqual([]);
  });
});

describe('the lexicon in retrieval (real index)', () => {
  const context = useRealContext();

  it('gives Chinese and English questions the Korean word; Korean questions get no Chinese or English from it', () => {
    expect(defaultLexicon().size).toBeGreaterThan(2000);
    expect(context().retriever.analyze('码垛机器人', 'zh').terms.find((t) => t.term === '팔레타이징')?.weight).toBe(0.8);
    expect(context().retriever.analyze('robots for palletizing', 'en').terms.some((t) => t.term === '팔레타이징')).toBe(true);
    expect(context().retriever.analyze('팔레타이징 로봇', 'ko').terms.some((t) => t.term === 'palletizing' || t.term === '码垛')).toBe(false);
  });

  it('a question in ordinary Chinese words finds the passage that only the Korean word names, and without the lexicon it does not', async () => {
    const question = '码垛用的是哪一款机器人？';
    const has = (hits: Array<{ chunk: { text: string } }>) => hits.some((h) => h.chunk.text.includes('팔레타이징'));
    const { hits } = await context().retriever.search(question, { k: 5, lang: 'zh' });
    expect(has(hits)).toBe(true);
    const { index } = context();
    const without = new HybridRetriever({ chunks: index.chunks, vector: index.vector, lexical: index.lexical, glossary: index.glossary, embedder: context().embedder, tuning: { vocabulary: false } });
    expect(has((await without.search(question, { k: 5, lang: 'zh' })).hits)).toBe(false);
  });

  it('an English question about what the report says finds the place it names, not a passage that writes 보고서', async () => {
    // Before request words were skipped, "report" brought 보고/보고서/보도, and a passage quoting
    // a <보고> outranked the article about 이좡 (亦庄).
    const question = "Give me the report's take on Yizhuang.";
    const q = context().retriever.analyze(question, 'en');
    expect(q.expansions).toContain('이좡');
    expect(q.expansions.filter((x) => ['보고', '보고서', '보도'].includes(x))).toEqual([]);
    const { hits } = await context().retriever.search(question, { k: 3, lang: 'en' });
    expect(hits[0]!.chunk.text).toContain('이좡');
    // The plural is a request word too: it was looked up until 2026-12-06.
    const plural = context().retriever.analyze('What do the reports say about Yizhuang?', 'en');
    expect(plural.expansions.filter((x) => ['보고', '보고서', '보도'].includes(x))).toEqual([]);
    expect(plural.terms.some((t) => t.term === 'reports')).toBe(false);
  });

  it("an English seed term also brings the vocabulary's other words for it (commercialization: 상업화, and 상용화 of the report's heading)", async () => {
    const q = context().retriever.analyze('what are the obstacles to embodied AI commercialization', 'en');
    expect(q.expansions).toEqual(expect.arrayContaining(['상업화', '상용화']));
    // Chinese questions keep the seed's word alone (measured: their keywords fell with the others).
    expect(context().retriever.analyze('具身智能商业化面临哪些挑战', 'zh').expansions).not.toContain('상용화');
    const { hits } = await context().retriever.search('what are the obstacles to embodied AI commercialization', { k: 3, lang: 'en' });
    expect(hits[0]!.chunk.headings.join(' ')).toContain('상용화의 과제');
  });
});
