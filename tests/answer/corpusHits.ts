/**
 * Realistic retrieval hits for answer tests: passages cut out of the real June 2025 report (not
 * invented text), rejoined the way ingest does it (blank lines dropped, a line cut inside a word
 * rejoined without a space), wrapped as Chunks with plausible metadata.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyzedQuery, Chunk, Lang, SearchHit, SourceRef } from '../../src/types.js';
import { analyzeLocally } from '../../src/answer/terms.js';

const CORPUS = fileURLToPath(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url));

let joined: string | undefined;

/** The report's text with its PDF line breaks undone. */
export function corpusText(): string {
  if (joined !== undefined) return joined;
  const lines = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim().length > 0);
  // A line that ends without a space was cut by the column width: the next line continues the
  // word ("영업이" + "익률은"); one that ends with a space ended a word.
  joined = lines.map((l) => l.replace(/\s+$/, ' ')).join('');
  return joined;
}

/** The report's text from the first `from` through the end of the following `to`, inclusive. */
export function passage(from: string, to: string): string {
  const text = corpusText();
  const a = text.indexOf(from);
  if (a < 0) throw new Error(`passage start not in corpus: ${from}`);
  const b = text.indexOf(to, a);
  if (b < 0) throw new Error(`passage end not in corpus after start: ${to}`);
  return text.slice(a, b + to.length).trim();
}

export interface ArticleMeta {
  articleId: string;
  section: string;
  articleNumber: string;
  articleTitle: string;
  source?: SourceRef;
}

export const TREND_01: ArticleMeta = {
  articleId: 'trend-01',
  section: '산업 트렌드',
  articleNumber: '01',
  articleTitle: '구현 지능 산업 심층 분석',
  source: { title: '후이보즈쉰(慧博资讯). 구현 지능 산업 심층 분석', url: 'https://www.hibor.com.cn/' },
};
export const TREND_02: ArticleMeta = {
  articleId: 'trend-02',
  section: '산업 트렌드',
  articleNumber: '02',
  articleTitle: '中 자동차 산업 격변…주요 완성차 업체의 전략적 통합 본격화',
};
export const MARKET_01: ArticleMeta = { articleId: 'market-01', section: '시장 인사이트', articleNumber: '01', articleTitle: '우한 둥후 국가자주혁신시범구' };
export const MARKET_02: ArticleMeta = { articleId: 'market-02', section: '시장 인사이트', articleNumber: '02', articleTitle: '상하이 장장 국가자주혁신시범구' };

export function makeHit(
  rank: number,
  meta: ArticleMeta,
  text: string,
  opts: { headings?: string[]; page?: number; ordinal?: number } = {},
): SearchHit {
  const headings = opts.headings ?? [];
  const ordinal = opts.ordinal ?? 0;
  const chunk: Chunk = {
    id: `monthly-china-startup-2025-06:${meta.articleId}:${ordinal}`,
    reportId: 'monthly-china-startup-2025-06',
    reportTitle: '월간 중국창업 6월호',
    articleId: meta.articleId,
    section: meta.section,
    articleNumber: meta.articleNumber,
    articleTitle: meta.articleTitle,
    headings,
    page: opts.page ?? 1,
    pageEnd: opts.page ?? 1,
    ordinal,
    text,
    header: [meta.section, `${meta.articleNumber}. ${meta.articleTitle}`, ...headings].join(' › '),
    hash: `hash-${meta.articleId}-${ordinal}`,
  };
  if (meta.source) chunk.source = meta.source;
  return { rank, score: 1 / (60 + rank), chunk };
}

/** An AnalyzedQuery as retrieval would hand it over, built with the answer stage's local terms. */
export function queryFor(question: string, lang: Lang, expansions: string[] = []): AnalyzedQuery {
  return analyzeLocally(question, lang, { expansions });
}

// ─────────────── passages of the report used across tests ───────────────

/** trend-01 › 산업체인 분석 › 다운 스트림: Unitree's 69.75% share of quadruped robots (p. 9). */
export const UNITREE = () => passage('선도 기업들의 전략도 점차 가속화하고 있다.', '증가할 것으로 전망된다.');
/** trend-01 › 데이터 수집: UBTECH's 80:20 rule (p. 8). */
export const UBTECH = () => passage('유비테크(UBTECH\uF0D7优必选)는 20%는', '검증하고 있다.');
/** trend-01 › 데이터 수집: Galbot's GraspVLA (p. 8). */
export const GALBOT = () => passage('갤봇(GALBOT\uF0D7银河通用)은 로봇의 물체 집기', '평가를 받고 있다.');
/** trend-01 › 산업체인 분석 (p. 9). */
export const CHAIN = () => passage('구현 지능 산업은 첨단 기술, 복잡한 시스템 통합', '명확히 구분된다.');
/** trend-01 › 시장 기회 › 코어리스 모터 (p. 11). */
export const CORELESS = () => passage('코어리스 모터는 휴머노이드 로봇 전체 원가의', '것으로 보인다.');
/** trend-01 › 시장 기회 › 6축 힘 센서 (p. 10). */
export const SENSOR = () => passage('기술 장벽이 높으며, 2023 년 기준 시장 규모는 약 2.35', '기대되고 있다.');
/** trend-01 › 산업 개요 (p. 1). */
export const OVERVIEW = () => passage('구현 지능(Embodied Artificial Intelligence, EAI)이란', '능력을 의미한다.');
/** trend-02: the price war and the 4.3% / 8.99% margins (p. 17). */
export const CAR_MARGINS = () => passage('치열한 가격 전쟁 또한 산업 전반을 압박하고 있다.', '3.5%까지 하락했다.');
/** trend-02: 대·다·소 (p. 16). */
export const CAR_BIG = () => passage('최근 10 년간 중국 자동차 산업은', '절반에 불과하다.');
/** market-01/02: the intro repeated at the top of several 시장 인사이트 articles. */
export const ZONES_INTRO = () => passage('국가자주혁신시범구(이하 ‘국가자주혁신구’로 통칭)는', '66 개 국가 첨단산업개발구를 포함하고 있다.');

export const TREND_03: ArticleMeta = { articleId: 'trend-03', section: '산업 트렌드', articleNumber: '03', articleTitle: '세계 최초 구현지능 로봇 4S 매장 베이징에서 출범' };
export const POLICY_01: ArticleMeta = {
  articleId: 'policy-01',
  section: '정책 브리핑',
  articleNumber: '01',
  articleTitle: '中 3 개 부처, ‘전자정보제조업 디지털전환 실시방안’ 발표',
};
export const COMPANY_01: ArticleMeta = { articleId: 'company-01', section: '기업 리서치', articleNumber: '01', articleTitle: '화웨이 독자적인 인공지능(AI) 인프라 구축' };
export const COMPANY_03: ArticleMeta = {
  articleId: 'company-03',
  section: '기업 리서치',
  articleNumber: '03',
  articleTitle: '스마트 산업용 로봇 핵심 부품 및 통합 장비 생산기업-카눠프(卡诺普)',
};
export const KIC_05: ArticleMeta = { articleId: 'kic-05', section: 'KIC 중국 포커스', articleNumber: '05', articleTitle: '제 2 회 청두 ‘일대일로’ 과학기술 교류대회 성황리 개최' };

/** trend-01 › 주요 기업의 데이터 수집 방안 › 테슬라 (p. 6). */
export const TESLA_DATA = () => passage('테슬라는 AI 시스템 훈련에', '향상시키고 있다.');
/** company-03: 카눠프's founding and seat (p. 45). */
export const CANOP = () => passage('청두 카눠프 로보틱스기술주식유한공사', '본사를 두고 있다.');
/** trend-02: BYD's R&D against its net profit (p. 18). */
export const BYD_PROFIT = () => passage('비야디는 2021 년부터 2024 년까지', '56.3 억 위안을 투자했다.');
/** company-01: Nvidia and Huawei's own chips (p. 38). */
export const NVIDIA_GPU = () => passage('AI 서버 시장은 현재 미국 엔비디아', '경쟁에 나서고 있다.');
/** company-01: Nvidia's share in China, with the report's misspelling 엔디비아 (p. 40). */
export const NVIDIA_SHARE = () => passage('보도에 따르면, 중국 주요 기업들은', '하락한 것으로 나타났다.');
/** trend-02: 4S dealerships closed in 2024 (p. 18). */
export const DEALERS_CLOSED = () => passage('부품사들의 대금 회수 기간이', '폐업했다.');
/** trend-03: the robot 4S store's first partners (p. 22). */
export const STORE_PARTNERS = () => passage('현장에서는 베이징 휴머노이드 로봇 혁신센터를 비롯', '첫 입주 파트너로 참여했다.');
/** kic-05: 일대일로 science meeting no. 2, Chengdu (p. 70). */
export const BELT_AND_ROAD = () => passage('제 2 회 ‘일대일로(一带一路)’ 과학기술 교류대회가', '성황리에 개최되었다.');
/** policy-01: the plan and its 18 tasks in 5 fields, listed with ▲ (p. 30). */
export const DIGITAL_PLAN = () => passage('최근, 중국 공업정보화부', '서비스 보장 강화 등이다.');
/**
 * trend-01 › 넝커테크: a flattened table as ingest keeps it, one row a line (p. 14): a figure row
 * means nothing without the header row.
 */
export const NENGKE_TABLE = () =>
  ['도표 22. 넝커테크 경영 형황', '구분 영업이익 성장률 순이익 성장률', '2024 년 15.10 억 위안 7.47% 1.92 억 위안 -15.17%', '2025 년 Q1 3.37 억 위안 -16.65% 0.49 억 위안 -12.07%'].join('\n');
/** company-01: the end of 도표 1, rows of ⚫ items under their labels (p. 38). */
export const HUAWEI_TABLE = () =>
  [
    '개발 프레임워크 성쓰(MindSpore)',
    '⚫ 개발자를 대상으로 교육 체계를 운영함',
    '⚫ 2024 년 말 기준, 중국 내 시장 점유율 30%을 달성함',
    'AI 모형 판구(盘古)',
    '⚫ 성텅(昇腾) 칩을 다수 활용함',
    '⚫ 딥시크 R1 과 동등한 성능을 확보했다고 밝힘',
  ].join('\n');
