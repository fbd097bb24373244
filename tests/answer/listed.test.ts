/**
 * Names the report lists without a figure beside others it gives one (src/answer/listed.ts), on
 * the report's own sentences, and the "not found" answer it gives through the answer stage.
 */
import { describe, expect, it } from 'vitest';
import { ReportText, termStatsFromTexts } from '../../src/answer/corpus.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { givesFigure, listedWithoutFigure, listsFiguresByName } from '../../src/answer/listed.js';
import { splitSentences } from '../../src/chunk/sentences.js';
import { Glossary } from '../../src/retrieve/glossary.js';
import { CANOP, CAR_MARGINS, CORELESS, NVIDIA_SHARE, UNITREE, makeHit, passage, queryFor, type ArticleMeta } from './corpusHits.js';

const TREND_04: ArticleMeta = { articleId: 'trend-04', section: '산업 트렌드', articleNumber: '04', articleTitle: '중국 저고도 경제 상위 30 개 도시 선정' };
/** trend-04 › 선도 도시: the second group of cities by index score, and three more without theirs (p. 25). */
const SECOND_GROUP = () => passage('<보고>에 따르면, 상하이(46.66)', '강력한 경쟁력을 보이고 있다.');
/** trend-04: the cities by number of low-altitude companies (p. 26). */
const DENSITY = () => passage('저고도 경제 기업 밀집도 측면에서 보면', '창사(65 개) 순이다.');
const sentencesOf = (...texts: string[]) => texts.flatMap((t) => splitSentences(t));

describe('a list of figures by name', () => {
  it('three or more names each with its figure in parentheses', () => {
    expect(listsFiguresByName(SECOND_GROUP())).toBe(true);
    expect(listsFiguresByName(DENSITY())).toBe(true);
    expect(listsFiguresByName('유니트리(Unitree 宇树科技)는 2024 년 매출 10 억 위안을 넘었다.')).toBe(false);
  });
  it("a name's own figure: in parentheses after it or a few characters on; a rank or a year is none", () => {
    const s = SECOND_GROUP();
    expect(givesFigure(s, '상하이')).toBe(true);
    expect(givesFigure(s, '항저우')).toBe(false);
    expect(givesFigure(DENSITY(), '쑤저우')).toBe(true);
    expect(givesFigure('항저우의 지수는 40.12 점이다.', '항저우')).toBe(true);
    expect(givesFigure('쑤저우는 2024 년 한 해에만 펀드를 만들었다.', '쑤저우')).toBe(false);
  });
});

describe('listedWithoutFigure', () => {
  const list = sentencesOf(SECOND_GROUP());
  it('a bare member of the list, given no figure anywhere in the report', () => {
    expect(listedWithoutFigure(['항저우', '杭州'], list, sentencesOf(SECOND_GROUP(), DENSITY()))).toBe(true);
  });
  it('not a member with its figure, nor one the report gives a figure elsewhere, nor a name not in the list', () => {
    expect(listedWithoutFigure(['상하이'], list, sentencesOf(SECOND_GROUP()))).toBe(false);
    expect(listedWithoutFigure(['쑤저우'], list, sentencesOf(SECOND_GROUP(), DENSITY()))).toBe(false);
    expect(listedWithoutFigure(['허페이'], list, sentencesOf(SECOND_GROUP()))).toBe(false);
  });
});

describe('the answer stage says the report lists the name without its figure', () => {
  // A report of these passages only, the density list without 쑤저우's company count: its index
  // score is asked of a list that names it without one, and the report gives it no figure. (The
  // other passages keep the city from being an everyday word of so small a report.)
  const listed = [SECOND_GROUP(), DENSITY().replace(/,?\s*쑤저우\(75 개\)/, '')];
  const texts = [...listed, UNITREE(), CANOP(), NVIDIA_SHARE(), CAR_MARGINS(), CORELESS()];
  const report = new ReportText(texts.map((text, ordinal) => ({ reportId: 'june', articleId: 'trend-04', ordinal, header: '산업 트렌드 › 04', text })));
  // The seed glossary knows the city (쑤저우 = 苏州 = Suzhou): the frame finds it as the question's name.
  const glossary = Glossary.fromTexts(texts);
  const answerer = new ExtractiveAnswerer({ report, termStats: termStatsFromTexts(texts), glossary });
  const hits = listed.map((t, i) => makeHit(i + 1, TREND_04, t, { ordinal: i }));
  it.each([
    ['ko', '연결력 지수에서 쑤저우 점수는 몇 점이야?', /쑤저우.*수치는 밝히지 않습니다/],
    ['en', 'How many points did Suzhou get in the connectivity index?', /lists Suzhou among others but gives no figure/],
  ] as const)('%s', async (lang, question, opening) => {
    const a = await answerer.answer({ question, lang, hits, query: queryFor(question, lang) });
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(opening);
    expect(a.answer).toContain('우한, 항저우, 쑤저우도 상위 10 위권');
    // Without the rule the same question is answered from the list.
    const without = await new ExtractiveAnswerer({ report, termStats: termStatsFromTexts(texts), glossary, withoutRules: ['listedOnly'] }).answer({ question, lang, hits, query: queryFor(question, lang) });
    expect(without.answer).not.toMatch(opening);
  });
});
