/**
 * A figure asked per unit ("한 대에 얼마", "per company") that the passages about the subject give
 * only for all, or not at all, is "not found" with an opening that says so (rule perUnitUnstated),
 * on the report's own passages through the answer stage.
 */
import { describe, expect, it } from 'vitest';
import { termStatsFromTexts } from '../../src/answer/corpus.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { asksPerUnit, statesPerUnit } from '../../src/answer/intent.js';
import { CAR_MARGINS, GALBOT, TREND_01, TREND_02, makeHit, queryFor } from './corpusHits.js';

describe('figures per unit', () => {
  it('are asked with 당, 한 대에, 每, per', () => {
    for (const q of ['기업당 얼마씩 지원해?', '로봇 한 대에 얼마야?', '每家企业补贴多少？', 'How much is it per robot?', 'What does each company get?']) expect(asksPerUnit(q)).toBe(true);
    for (const q of ['1인당 지원금은?', '만 명당 특허는 몇 건이야?']) expect(asksPerUnit(q)).toBe(true);
    for (const q of ['로봇 가격은 얼마야?', '补贴总额是多少？', 'How much did the company raise?', '당시 매출은?', '확인 당시 매출은?', '기업 당국의 지원은?', '명당자리 가격은?']) expect(asksPerUnit(q)).toBe(false);
  });
  it('are stated with a unit and 당, then a number', () => {
    expect(statesPerUnit(CAR_MARGINS())).toBe(true);
    expect(statesPerUnit('동후 시범구의 만 명당 발명 특허 보유량은 150 건이다')).toBe(true);
    expect(statesPerUnit(GALBOT())).toBe(false);
    expect(statesPerUnit('해당 기업은 2024 년 매출 10 억 위안을 기록했다')).toBe(false);
  });
});

describe('the answer stage says the report gives no per-unit figure', () => {
  const texts = [GALBOT(), CAR_MARGINS()];
  const termStats = termStatsFromTexts(texts);
  const ask = (question: string, lang: 'ko' | 'zh' | 'en', hit: ReturnType<typeof makeHit>, withoutRules: 'perUnitUnstated'[] = []) =>
    new ExtractiveAnswerer({ termStats, withoutRules }).answer({ question, lang, hits: [hit], query: queryFor(question, lang) });
  const galbot = makeHit(1, TREND_01, GALBOT());

  it.each([
    ['ko', '갤봇 로봇은 한 대에 얼마야?', /단위당\(한 대·한 곳 등\) 수치가 나와 있지 않습니다/],
    ['zh', '银河通用的机器人每台卖多少钱？', /没有给出按单位/],
    ['en', 'How much does a Galbot robot cost per unit?', /gives no per-unit figure/],
  ] as const)('%s: not found, saying so, and the passage still quoted', async (lang, question, opening) => {
    const a = await ask(question, lang, galbot);
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(opening);
    expect(a.citations.length).toBeGreaterThan(0);
    expect((await ask(question, lang, galbot, ['perUnitUnstated'])).answer).not.toMatch(opening);
  });

  it('not when a passage about the subject gives some figure per unit (loose on purpose: it is then the model’s call)', async () => {
    const a = await ask('중국 완성차 업체의 대당 원가는 얼마야?', 'ko', makeHit(1, TREND_02, CAR_MARGINS()));
    expect(a.answer).not.toMatch(/단위당/);
  });
});
