/**
 * A day asked of something the report dates by month at most is "not found" with an opening that
 * says so (rule dayUnstated), on the report's own passages through the answer stage.
 */
import { describe, expect, it } from 'vitest';
import { termStatsFromTexts } from '../../src/answer/corpus.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { TREND_01, makeHit, passage, queryFor } from './corpusHits.js';

/** trend-04: a plan published in a month ("2023 년 10 월 발표된 <녹색 항공 …>"), p. 26. */
const GREEN_AVIATION = () => passage('이 지역은 모두 저고도 경제 분야의 핵심 거점으로', '형태를 갖추고 있는 상황이다.');
/** trend-04: an index report published on a day ("5 월 27 일, …"), p. 24. */
const INDEX_REPORT = () => passage('5 월 27 일, ‘메이르징지신원', '평가 결과를 공개했다.');

const texts = [GREEN_AVIATION(), INDEX_REPORT()];
const termStats = termStatsFromTexts(texts);
const ask = (question: string, lang: 'ko' | 'zh' | 'en', text: string, withoutRules: 'dayUnstated'[] = []) =>
  new ExtractiveAnswerer({ termStats, withoutRules }).answer({ question, lang, hits: [makeHit(1, TREND_01, text)], query: queryFor(question, lang) });

describe('a day the report does not give', () => {
  it.each([
    ['ko', '녹색 항공 제조업 발전 강요는 정확히 몇 월 며칠에 나왔어?', /정확한 날짜가 나와 있지 않습니다/],
    ['zh', '绿色航空制造业发展纲要是几月几号发布的？', /没有给出具体日期/],
    ['en', 'On what date was the green aviation manufacturing outline released?', /gives no exact date/],
  ] as const)('%s: not found, saying no exact date is given, and the passage still quoted', async (lang, question, opening) => {
    const a = await ask(question, lang, GREEN_AVIATION());
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(opening);
    expect(a.answer).toMatch(/2023 년 10 월/);
    expect((await ask(question, lang, GREEN_AVIATION(), ['dayUnstated'])).answer).not.toMatch(opening);
  });

  it('not when the most probable sentence states the day', async () => {
    const a = await ask('도시 저고도 경제 연결력 지수 보고서는 몇 월 며칠에 나왔어?', 'ko', INDEX_REPORT());
    expect(a.answer).not.toMatch(/정확한 날짜/);
    expect(a.answer).toMatch(/5 월 27 일/);
  });
});
