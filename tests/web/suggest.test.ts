/** The page's follow-up suggestions (src/web/public/suggest.js), a pure browser module, run here in Node. */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/env.js';

type Words = { sectionSummary: (a: string, h: string) => string; summarize: (t: string) => string };
let subjectOf: (q: string) => string;
let suggestions: (input: { question: string; citations: unknown[]; articles: unknown[] | null; asked: Set<string>; words: Words; max?: number }) => string[];
let STRINGS: Record<'ko' | 'zh' | 'en', Words>;

beforeAll(async () => {
  // Imported by URL: a browser module without type declarations.
  ({ subjectOf, suggestions } = await import(pathToFileURL(path.join(ROOT, 'src/web/public/suggest.js')).href));
  ({ STRINGS } = await import(pathToFileURL(path.join(ROOT, 'src/web/public/strings.js')).href));
});

const cite = (id: number, heading: string) => ({ id, heading, articleId: 'trend-01', article: { number: '01', title: '구현 지능 산업 심층 분석' }, page: 9, section: '산업 트렌드', quote: '…' });
const articles = [{ id: 'trend-01', title: '구현 지능 산업 심층 분석', headings: ['구현 지능의 정의', '산업체인 분석', '다운 스트림: 다양한 응용 환경', '주요 기업 동향', '유니트리(Unitree宇树科技)'] }];

describe('subjectOf', () => {
  it.each([
    ['유니트리의 글로벌 사족 로봇 시장 점유율은?', '유니트리'],
    ['화웨이는 어떤 전략을 쓰나요?', '화웨이'],
    ['중국 저고도 경제 상위 도시는?', '중국'],
    ['宇树科技在四足机器人市场的份额是多少？', '宇树科技'],
    ['华为的AI战略是什么？', '华为'],
    ['How big is Unitree’s global market share in quadruped robots?', 'Unitree'],
    ['Summarize Huawei’s AI infrastructure strategy', 'Huawei'],
    ['what about it?', ''],
    ['그', ''],
  ])('%s → %s', (q, subject) => {
    expect(subjectOf(q)).toBe(subject);
  });
});

const A = '구현 지능 산업 심층 분석';

describe('suggestions', () => {
  it('summarizes the sections naming the subject, then those after the cited one, then the article, in the reader’s language', () => {
    const out = suggestions({ question: '유니트리의 글로벌 사족 로봇 시장 점유율은?', citations: [cite(1, '산업체인 분석')], articles, asked: new Set(), words: STRINGS.ko });
    expect(out).toEqual([`‘${A}’ 기사의 ‘유니트리(Unitree宇树科技)’ 부분을 요약해줘`, `‘${A}’ 기사의 ‘다운 스트림: 다양한 응용 환경’ 부분을 요약해줘`, `‘${A}’ 기사를 요약해줘`]);
    const zh = suggestions({ question: '华为的AI战略是什么？', citations: [cite(1, '산업체인 분석')], articles, asked: new Set(), words: STRINGS.zh });
    expect(zh).toEqual([`总结一下《${A}》中“다운 스트림: 다양한 응용 환경”部分`, `总结一下《${A}》中“주요 기업 동향”部分`, `总结一下《${A}》`]);
    // The last section cited: the ones before it, in reading order.
    const last = suggestions({ question: '그건?', citations: [cite(1, '유니트리(Unitree宇树科技)')], articles, asked: new Set(), words: STRINGS.en, max: 4 });
    expect(last).toEqual([`Summarize the part “구현 지능의 정의” of the article ‘${A}’`, `Summarize the part “산업체인 분석” of the article ‘${A}’`, `Summarize the part “다운 스트림: 다양한 응용 환경” of the article ‘${A}’`, `Summarize the article ‘${A}’`]);
  });

  it('shows no private-use characters (the report’s Symbol-font dot) in a suggestion', () => {
    const out = suggestions({ question: '그건?', citations: [cite(1, '유니트리(Unitree\uF0D7宇树科技)')], articles: null, asked: new Set(), words: STRINGS.ko });
    expect(out[0]).toBe(`‘${A}’ 기사의 ‘유니트리(Unitree 宇树科技)’ 부분을 요약해줘`);
  });

  it('without the article list, uses the cited headings; skips what was asked and a summary of a summary', () => {
    const asked = new Set([`‘${A}’ 기사의 ‘산업체인 분석’ 부분을 요약해줘`]);
    const out = suggestions({ question: '그 회사 요약해줘', citations: [cite(1, '산업체인 분석'), cite(2, '주요 기업 동향')], articles: null, asked, words: STRINGS.ko });
    expect(out).toEqual([`‘${A}’ 기사의 ‘주요 기업 동향’ 부분을 요약해줘`]);
    expect(suggestions({ question: 'x', citations: [], articles, asked: new Set(), words: STRINGS.en })).toEqual([]);
  });
});
