import { describe, expect, it } from 'vitest';
import type { Answer, SearchHit } from '../../src/types.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { matchForm } from '../../src/answer/terms.js';
import { termStatsFromTexts } from '../../src/answer/corpus.js';
import {
  BELT_AND_ROAD,
  BYD_PROFIT,
  CANOP,
  CAR_BIG,
  CAR_MARGINS,
  CHAIN,
  COMPANY_01,
  COMPANY_03,
  CORELESS,
  DEALERS_CLOSED,
  DIGITAL_PLAN,
  GALBOT,
  KIC_05,
  MARKET_01,
  MARKET_02,
  NENGKE_TABLE,
  NVIDIA_GPU,
  NVIDIA_SHARE,
  OVERVIEW,
  POLICY_01,
  SENSOR,
  STORE_PARTNERS,
  TESLA_DATA,
  TREND_01,
  TREND_02,
  TREND_03,
  UBTECH,
  UNITREE,
  ZONES_INTRO,
  makeHit,
  queryFor,
} from './corpusHits.js';

const answerer = new ExtractiveAnswerer();

/** Robot passages of trend-01, ranked as a retriever might for a question about Unitree. */
function robotHits(): SearchHit[] {
  return [
    makeHit(1, TREND_01, UNITREE(), { headings: ['산업체인 분석', '다운 스트림: 다양한 응용 환경'], page: 9, ordinal: 14 }),
    makeHit(2, TREND_01, UBTECH(), { headings: ['발전의 추진 요소', '데이터 수집'], page: 8, ordinal: 10 }),
    makeHit(3, TREND_01, GALBOT(), { headings: ['발전의 추진 요소', '데이터 수집'], page: 8, ordinal: 9 }),
    makeHit(4, TREND_01, CHAIN(), { headings: ['산업체인 분석'], page: 9, ordinal: 12 }),
  ];
}

/** The api.md contract: every [n] has a citation, every citation is used, ids 1..k. */
function expectContract(a: Answer): void {
  const named = new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  expect(a.citations.map((c) => c.id)).toEqual(a.citations.map((_, i) => i + 1));
  for (const n of named) expect(a.citations.some((c) => c.id === n)).toBe(true);
  for (const c of a.citations) expect(named.has(c.id)).toBe(true);
}

/** Quotes are the report's words: every cited quote occurs in its chunk (white space aside). */
function expectVerbatim(a: Answer, hits: SearchHit[]): void {
  for (const c of a.citations) {
    const chunk = hits.find((h) => h.chunk.id === c.chunkId)!.chunk;
    for (const part of c.quote.replace(/…/g, '\n').split('\n')) {
      if (part.trim()) expect(matchForm(chunk.text.replace(/[\uE000-\uF8FF]/g, ' '))).toContain(matchForm(part));
    }
  }
}

describe('ExtractiveAnswerer: answerable questions', () => {
  it('answers a Korean number question with the figure, verbatim, and cites its passage', async () => {
    const hits = robotHits();
    const q = '유니트리의 사족 로봇 시장 점유율은?';
    const a = await answerer.answer({ question: q, lang: 'ko', hits, query: queryFor(q, 'ko') });
    expect(a.found).toBe(true);
    expect(a.answer.startsWith('보고서에 따르면')).toBe(true);
    expect(a.answer).toContain('69.75%');
    expect(a.answer).toMatch(/69\.75%[^[]*\[1\]/);
    expect(a.citations[0]!.chunkId).toBe(hits[0]!.chunk.id);
    expect(a.citations[0]!.quote).toContain('69.75%');
    expect(a.citations[0]!.heading).toBe('다운 스트림: 다양한 응용 환경');
    expect(a.citations[0]!.page).toBe(9);
    expect(a.citations.length).toBeLessThanOrEqual(3);
    expect(a.answerer).toBe('extractive');
    expectContract(a);
    expectVerbatim(a, hits);
  });

  it('answers a Chinese question from the Korean glossary expansions with a Chinese opening', async () => {
    const hits = robotHits();
    const q = '宇树科技在全球四足机器人市场的份额是多少？';
    const query = queryFor(q, 'zh', ['유니트리', '사족 로봇', '점유율']);
    const a = await answerer.answer({ question: q, lang: 'zh', hits, query });
    expect(a.found).toBe(true);
    expect(a.answer.startsWith('根据报告')).toBe(true);
    expect(a.answer).toContain('69.75%');
    expect(a.citations[0]!.chunkId).toBe(hits[0]!.chunk.id);
    expectContract(a);
  });

  it('answers an English question about a named company with an English opening', async () => {
    const hits = [robotHits()[2]!, robotHits()[1]!, robotHits()[0]!];
    const q = 'What rule does UBTECH follow when it collects robot training data?';
    const a = await answerer.answer({ question: q, lang: 'en', hits, query: queryFor(q, 'en', ['유비테크', '데이터 수집']) });
    expect(a.found).toBe(true);
    expect(a.answer.startsWith('According to the report')).toBe(true);
    expect(a.answer).toContain('80:20');
    expect(a.citations.find((c) => c.quote.includes('80:20'))!.chunkId).toBe(hits[1]!.chunk.id);
    // The PDF's invisible Symbol-font glyph between "UBTECH" and "优必选" is not shown.
    expect(a.answer).not.toMatch(/[\uE000-\uF8FF]/);
    expectContract(a);
    expectVerbatim(a, hits);
  });

  it('answers a verbose comparison question with both margins', async () => {
    const hits = [
      makeHit(1, TREND_02, CAR_MARGINS(), { page: 17, ordinal: 6 }),
      makeHit(2, TREND_02, CAR_BIG(), { headings: ['통합의 핵심 논리'], page: 16, ordinal: 3 }),
      makeHit(3, TREND_01, UNITREE(), { page: 9, ordinal: 14 }),
    ];
    const q = '작년 중국 완성차 업계 평균 영업이익률은 어느 정도까지 떨어졌어? 10년 전이랑 비교해줘.';
    const a = await answerer.answer({ question: q, lang: 'ko', hits, query: queryFor(q, 'ko') });
    expect(a.found).toBe(true);
    expect(a.answer).toContain('4.3%');
    expect(a.answer).toContain('8.99%');
    expect(a.citations[0]!.articleId).toBe('trend-02');
    expectContract(a);
  });

  it('prefers the sentence with the counted figure the question asks for ("몇 곳")', async () => {
    const hits = [
      makeHit(1, MARKET_01, ZONES_INTRO(), { headings: ['개요'], page: 50, ordinal: 0 }),
      makeHit(2, MARKET_02, ZONES_INTRO(), { headings: ['개요'], page: 52, ordinal: 0 }),
    ];
    const q = '중국에 국가급 자주혁신 시범지역이 지금 모두 몇 곳이나 있어?';
    const a = await answerer.answer({ question: q, lang: 'ko', hits, query: queryFor(q, 'ko') });
    expect(a.found).toBe(true);
    expect(a.answer).toContain('23곳');
    // The intro printed at the top of two articles is quoted once.
    expect(a.answer.match(/23곳/g)).toHaveLength(1);
    expect(a.citations).toHaveLength(1);
    expectContract(a);
  });

  it('works without an AnalyzedQuery (analyzes the question locally)', async () => {
    const a = await answerer.answer({ question: '코어리스 모터 시장은 2028년에 얼마 규모로 성장해?', lang: 'ko', hits: [makeHit(1, TREND_01, CORELESS(), { page: 11 })] });
    expect(a.found).toBe(true);
    expect(a.answer).toContain('4.7 억 달러');
  });
});

describe('ExtractiveAnswerer: questions the report does not answer', () => {
  it('says so in Korean, without citations, for a question sharing only a name with the passages', async () => {
    const q = '테슬라 주가는?';
    const a = await answerer.answer({ question: q, lang: 'ko', hits: robotHits(), query: queryFor(q, 'ko') });
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.answer.startsWith('보고서에서 해당 내용을 찾을 수 없습니다.')).toBe(true);
    expect(a.answer).not.toMatch(/\[\d+\]/);
  });

  it('says so in English for an unrelated question', async () => {
    const q = 'What is the weather like in Paris today?';
    const a = await answerer.answer({ question: q, lang: 'en', hits: robotHits(), query: queryFor(q, 'en') });
    expect(a).toMatchObject({ found: false, citations: [], answer: 'The report does not cover this.' });
  });

  it('says so in Chinese for an unrelated question', async () => {
    const q = '巴黎今天天气怎么样？';
    const a = await answerer.answer({ question: q, lang: 'zh', hits: robotHits(), query: queryFor(q, 'zh') });
    expect(a).toMatchObject({ found: false, citations: [], answer: '报告中没有找到相关内容。' });
  });

  it('says so when a quantity is asked that the passages do not state', async () => {
    const q = '로봇 4S 매장 면적은 몇 제곱미터 규모야?';
    const a = await answerer.answer({ question: q, lang: 'ko', hits: robotHits(), query: queryFor(q, 'ko') });
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it('says so when there are no hits', async () => {
    const a = await answerer.answer({ question: '유니트리 점유율은?', lang: 'ko', hits: [] });
    expect(a).toMatchObject({ found: false, citations: [], answer: '보고서에서 해당 내용을 찾을 수 없습니다.' });
  });
});

describe('ExtractiveAnswerer: entities the report has, facts it has not', () => {
  /** Tesla, Unitree and UBTECH passages of trend-01. */
  const teslaHits = () => [
    makeHit(1, TREND_01, UNITREE(), { headings: ['산업체인 분석', '다운 스트림: 다양한 응용 환경'], page: 9, ordinal: 14 }),
    makeHit(2, TREND_01, TESLA_DATA(), { headings: ['주요 기업의 데이터 수집 방안', '테슬라'], page: 6, ordinal: 8 }),
    makeHit(3, TREND_01, UBTECH(), { headings: ['주요 기업의 데이터 수집 방안'], page: 7, ordinal: 10 }),
  ];

  it('says not found for an attribute no passage states ("테슬라의 … 주가 전망")', async () => {
    const q = '테슬라의 2025년 주가 전망은 어떻게 돼?';
    const { answer, trace } = answerer.explain({ question: q, lang: 'ko', hits: teslaHits(), query: queryFor(q, 'ko') });
    expect(answer).toMatchObject({ found: false, citations: [] });
    expect(trace.focus).toMatchObject({ subject: '테슬라', attribute: '2025년 주가 전망은' });
  });

  it('answers the same shape when the passages state the attribute', async () => {
    const q = '유니트리의 사족 로봇 시장 점유율은?';
    const a = await answerer.answer({ question: q, lang: 'ko', hits: teslaHits(), query: queryFor(q, 'ko') });
    expect(a.found).toBe(true);
    expect(a.answer).toContain('69.75%');
  });

  it('does not answer for one company with another company\'s figure (卡诺普 vs BYD net profit)', async () => {
    const q = '卡诺普2024年的净利润是多少？';
    const hits = [makeHit(1, COMPANY_03, CANOP(), { page: 45 }), makeHit(2, TREND_02, BYD_PROFIT(), { page: 18, ordinal: 12 })];
    const a = await answerer.answer({ question: q, lang: 'zh', hits, query: queryFor(q, 'zh', ['카눠프', '순이익']) });
    expect(a).toMatchObject({ found: false, citations: [] });
    expect(a.answer.startsWith('报告中没有找到相关内容')).toBe(true);
  });

  it('says not found when the asked attribute has no Korean form to check (Unitree\'s stock ticker)', async () => {
    const q = "What is Unitree's stock ticker?";
    const a = await answerer.answer({ question: q, lang: 'en', hits: teslaHits(), query: queryFor(q, 'en', ['유니트리']) });
    expect(a).toMatchObject({ found: false, citations: [] });
  });

  it('says not found for a place the report names, asking what it does not say (population of Chengdu)', async () => {
    const q = 'What is the population of Chengdu?';
    const a = await answerer.answer({ question: q, lang: 'en', hits: [makeHit(1, KIC_05, BELT_AND_ROAD(), { page: 70 })], query: queryFor(q, 'en', ['청두']) });
    expect(a.found).toBe(false);
  });

  it('with corpus statistics, says not found when the asked word is nowhere in the report', async () => {
    const q = '테슬라 주가 전망은?';
    const termStats = termStatsFromTexts([UNITREE(), TESLA_DATA(), UBTECH(), CANOP(), BYD_PROFIT(), NVIDIA_SHARE()]);
    const { answer, trace } = new ExtractiveAnswerer({ termStats }).explain({ question: q, lang: 'ko', hits: teslaHits(), query: queryFor(q, 'ko') });
    expect(answer.found).toBe(false);
    expect(trace.absentFromCorpus).toEqual(['주가']);
  });

  it('matches a name the report misspells (엔디비아) and quotes the sentence with the asked share', async () => {
    const q = "How much has Nvidia's share of the Chinese market dropped?";
    const hits = [makeHit(1, COMPANY_01, NVIDIA_GPU(), { page: 38, ordinal: 1 }), makeHit(2, COMPANY_01, NVIDIA_SHARE(), { page: 40, ordinal: 10 })];
    const a = await answerer.answer({ question: q, lang: 'en', hits, query: queryFor(q, 'en', ['엔비디아', '점유율', '중국', '시장']) });
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/95%[^[]*50%[^[]*\[\d\]/);
  });
});

describe('ExtractiveAnswerer: what is quoted and cited', () => {
  it('cites one article when another only repeats the question\'s words', async () => {
    const q = '2024년에 문을 닫은 4S 매장은 몇 곳이야?';
    const hits = [makeHit(1, TREND_03, STORE_PARTNERS(), { page: 22 }), makeHit(2, TREND_02, DEALERS_CLOSED(), { page: 18, ordinal: 10 })];
    const a = await answerer.answer({ question: q, lang: 'ko', hits, query: queryFor(q, 'ko') });
    expect(a.answer).toContain('4,000 곳');
    expect(a.citations.map((c) => c.articleId)).toEqual(['trend-02']);
    expectContract(a);
  });

  it('answers from a table row read with its header row', async () => {
    const q = '넝커테크의 2024년 영업이익은 얼마야?';
    const hits = [makeHit(1, { ...TREND_01, articleTitle: '구현 지능 산업 심층 분석' }, NENGKE_TABLE(), { headings: ['구현 지능 관련 주요 기업', '넝커테크(能科科技)'], page: 14, ordinal: 37 })];
    const a = await answerer.answer({ question: q, lang: 'ko', hits, query: queryFor(q, 'ko') });
    expect(a.answer).toContain('구분 영업이익 성장률 순이익 성장률 2024 년 15.10 억 위안');
    expectVerbatim(a, hits);
  });

  it('quotes every part of a two-part question', async () => {
    const q = '카눠프는 언제 세워졌고 본사는 어디에 있어?';
    const a = await answerer.answer({ question: q, lang: 'ko', hits: [makeHit(1, COMPANY_03, CANOP(), { page: 45 })], query: queryFor(q, 'ko') });
    expect(a.answer).toContain('2012 년');
    expect(a.answer).toContain('청두');
  });
});

describe('ExtractiveAnswerer: summaries', () => {
  const trendHits = () => [
    makeHit(1, TREND_01, OVERVIEW(), { headings: ['산업 개요', '구현 지능: 로봇 등 물리적 장치와의 결합된 인공지능'], page: 1, ordinal: 0 }),
    makeHit(2, TREND_01, UNITREE(), { headings: ['산업체인 분석', '다운 스트림: 다양한 응용 환경'], page: 9, ordinal: 14 }),
    makeHit(3, TREND_02, CAR_MARGINS(), { page: 17, ordinal: 6 }),
    makeHit(4, TREND_01, SENSOR(), { headings: ['시장 기회', '센서 분야: 국산화 대체 가속화'], page: 10, ordinal: 16 }),
    makeHit(5, TREND_01, UBTECH(), { headings: ['발전의 추진 요소', '데이터 수집'], page: 8, ordinal: 10 }),
    makeHit(6, TREND_01, CORELESS(), { headings: ['시장 기회', '코어리스 모터: 로봇 핸드 기술의 핵심 병목'], page: 11, ordinal: 18 }),
  ];

  it('gives 3+ cited bullets from the top article, spread over headings, in reading order', async () => {
    const hits = trendHits();
    const q = '구현 지능 산업 보고서 내용을 요약해줘';
    const a = await answerer.answer({ question: q, lang: 'ko', hits, query: queryFor(q, 'ko') });
    expect(a.found).toBe(true);
    const bullets = a.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    expect(bullets.length).toBeLessThanOrEqual(6);
    for (const b of bullets) expect(b).toMatch(/\[\d+\]$/);
    expect(a.answer.split('\n')[0]).toContain('구현 지능 산업 심층 분석');
    // Only the top article is summarised.
    for (const c of a.citations) expect(c.articleId).toBe('trend-01');
    // Different headings where possible.
    expect(new Set(a.citations.map((c) => c.heading)).size).toBeGreaterThanOrEqual(3);
    // Reading order: pages never go backwards along the bullets.
    const pages = bullets.map((b) => a.citations.find((c) => c.id === Number(/\[(\d+)\]$/.exec(b)![1]))!.page);
    expect([...pages].sort((x, y) => x - y)).toEqual(pages);
    expectContract(a);
    expectVerbatim(a, hits);
  });

  it('honours the summary flag and the question language', async () => {
    const q = '总结一下这篇文章';
    const a = await answerer.answer({ question: q, lang: 'zh', hits: trendHits(), query: queryFor(q, 'zh'), summary: true });
    expect(a.found).toBe(true);
    expect(a.answer.startsWith('报告「구현 지능 산업 심층 분석」')).toBe(true);
    expect(a.answer.split('\n').filter((l) => l.startsWith('- ')).length).toBeGreaterThanOrEqual(3);
    expectContract(a);
  });

  it('focuses a summary on the part of the article the request names, in reading order', async () => {
    const q = '구현 지능 보고서에서 코어리스 모터 부분만 요약해줘';
    const hits = trendHits();
    const a = await answerer.answer({ question: q, lang: 'ko', hits, query: queryFor(q, 'ko'), summary: true });
    const bullets = a.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    // Every bullet from the coreless-motor passage, its figures included.
    for (const c of a.citations) expect(c.heading).toBe('코어리스 모터: 로봇 핸드 기술의 핵심 병목');
    expect(a.answer).toContain('85%');
    expect(a.answer).toContain('4.7 억 달러');
    expectContract(a);
    expectVerbatim(a, hits);
  });

  it('shows the list a bullet announces', async () => {
    const q = '전자정보 제조업 디지털 전환 실행 방안의 주요 과제를 요약해줘.';
    const hits = [makeHit(1, POLICY_01, DIGITAL_PLAN(), { page: 30 })];
    const a = await answerer.answer({ question: q, lang: 'ko', hits, query: queryFor(q, 'ko'), summary: true });
    expect(a.answer).toMatch(/18 개 핵심 과제를 제시하고 있다\. ▲핵심 디지털/);
    expect(a.answer).toContain('점-선-면');
  });

  it('declines to summarise a topic the passages do not cover', async () => {
    const q = '파리 날씨 예보를 요약해줘';
    const a = await answerer.answer({ question: q, lang: 'ko', hits: trendHits(), query: queryFor(q, 'ko') });
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
  });
});

describe('ExtractiveAnswerer: streaming and explain', () => {
  it('streams the final answer text in pieces', async () => {
    const deltas: string[] = [];
    const q = '유니트리의 사족 로봇 시장 점유율은?';
    const a = await answerer.stream({ question: q, lang: 'ko', hits: robotHits(), query: queryFor(q, 'ko') }, (d) => deltas.push(d));
    expect(deltas.join('')).toBe(a.answer);
  });

  it('explains its decision', () => {
    const q = '테슬라 주가는?';
    const { trace } = answerer.explain({ question: q, lang: 'ko', hits: robotHits(), query: queryFor(q, 'ko') });
    expect(trace.mode).toBe('answer');
    expect(trace.found).toBe(false);
    expect(trace.unknownShare).toBeGreaterThan(answerer.thresholds.maxUnknownShare);
  });
});
