/**
 * A figure asked of a company whose closest passage is about something else: "not found", saying
 * so, with that passage quoted as possibly not the answer (the `notAbout` rule of
 * src/answer/extractive.ts), on the report's own passages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportText, termStatsFromTexts } from '../../src/answer/corpus.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { Glossary } from '../../src/retrieve/glossary.js';
import { BYD_PROFIT, CANOP, CORELESS, TREND_01, TREND_02, UNITREE, makeHit, queryFor } from './corpusHits.js';

const glossary = Glossary.fromTexts([readFileSync(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url), 'utf8')]);
// The report holds BYD's amounts (so the kind-never-stated rule has nothing to say), but the
// retrieved passages are a market's and another company's, neither naming BYD.
const texts = [BYD_PROFIT(), CORELESS(), UNITREE(), CANOP()];
const report = new ReportText(texts.map((text, ordinal) => ({ reportId: 'june', articleId: `a${ordinal}`, ordinal: 0, header: `기사 ${ordinal}`, text })));
const termStats = termStatsFromTexts(texts);
const hits = [makeHit(1, TREND_01, CORELESS()), makeHit(2, TREND_01, UNITREE(), { ordinal: 1 })];
const ask = (question: string, lang: 'ko' | 'en', withoutRules: 'notAbout'[] = []) =>
  new ExtractiveAnswerer({ report, termStats, glossary, withoutRules }).answer({ question, lang, hits, query: queryFor(question, lang) });

describe('a figure asked of a company whose closest passage names none of the question’s names', () => {
  it.each([
    ['ko', '비야디 광고비는 얼마나 돼?', /보고서에서 비야디에 관한 답을 찾지 못했습니다/],
    ['en', 'How much does BYD spend on advertising?', /does not answer this for BYD/],
  ] as const)('%s: not found, and says the passage is not about it', async (lang, question, opening) => {
    const a = await ask(question, lang);
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(opening);
    expect(a.citations.length).toBeGreaterThan(0);
    expect((await ask(question, lang, ['notAbout'])).answer).not.toMatch(opening);
  });

  it('not when the passage names it (its own figures), nor for a question that is no figure', async () => {
    const own = await new ExtractiveAnswerer({ report, termStats, glossary }).answer({
      question: '비야디 연구개발 투자액은 얼마야?',
      lang: 'ko',
      hits: [makeHit(1, TREND_02, BYD_PROFIT())],
      query: queryFor('비야디 연구개발 투자액은 얼마야?', 'ko'),
    });
    expect(own.answer).not.toMatch(/에 관한 답을 찾지 못했습니다/);
    expect((await ask('비야디는 어떤 회사야?', 'ko')).answer).not.toMatch(/에 관한 답을 찾지 못했습니다/);
  });
});
