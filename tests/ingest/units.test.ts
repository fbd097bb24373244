import { describe, expect, it } from 'vitest';
import { buildBlocks, splitCaptions, type BlockLine } from '../../src/ingest/blocks.js';
import { findIssue, issueFromName, reportTitle } from '../../src/ingest/cover.js';
import { findFootnotes } from '../../src/ingest/footnotes.js';
import { findArticleHeading, isSectionLabel } from '../../src/ingest/headings.js';
import {
  assignPhysicalPages,
  isRunningHeader,
  joinLines,
  joinSeparator,
  parseRunningHeader,
  splitLines,
  type Line,
} from '../../src/ingest/lines.js';
import { findSourceBlock, parseSourceText } from '../../src/ingest/source.js';
import { endsSentence, titleSimilarity, visualWidth } from '../../src/ingest/text.js';
import { parseToc, sectionSlug } from '../../src/ingest/toc.js';

/** PDF-extraction layout: every line followed by an empty line, pages glued with one space. */
const pdf = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('\n');

/**
 * Lines as splitLines makes them from a long document (where trailing spaces are trusted): a
 * line without a trailing space was cut mid-word; a leading space marks a text box.
 */
const mk = (...raw: string[]): Line[] =>
  raw.map((r, i) => ({
    no: i,
    text: r.trim(),
    width: visualWidth(r.trim()),
    cut: !/\s$/.test(r),
    pageBreak: false,
    boxStart: /^ \S/.test(r),
    phys: 0,
  }));

describe('joining lines cut by the column', () => {
  it('joins a word cut between two syllables without a space', () => {
    expect(joinSeparator('계획하는 시', true, '스템으로')).toBe('');
    expect(joinSeparator('그 밖에도 상하이', true, '자동차(SAIC)는')).toBe('');
    expect(joinSeparator('구현 지능은 ', false, '인공지능')).toBe(' ');
  });
  it("keeps the report's spacing between a number and its unit, and spaces before Latin words", () => {
    expect(joinSeparator('1 위를 차지하며, 2025', true, '년 출하량은')).toBe(' ');
    expect(joinSeparator('이번 공개로', true, 'G1 휴머노이드')).toBe(' ');
    expect(joinSeparator('엔드투엔드', true, '(End-to-End) 모델')).toBe('');
    expect(joinSeparator('수익성,', true, '경쟁력')).toBe(' ');
  });
  it('joins several lines', () => {
    expect(joinLines([{ text: '행동을 계획하는 시', cut: true }, { text: '스템으로 정의된다.', cut: false }])).toBe(
      '행동을 계획하는 시스템으로 정의된다.',
    );
  });
});

describe('physical lines and pages', () => {
  it('tells page breaks (glued one-space lines) from text boxes (one space after an empty line)', () => {
    const text = '첫 페이지의 마지막 줄이다. \n 둘째 페이지의 첫 줄이다. \n\n 참고자료 상자의 첫 줄 \n\n끝 \n';
    const { lines } = splitLines(text);
    expect(lines.map((l) => [l.text, l.pageBreak, l.boxStart])).toEqual([
      ['첫 페이지의 마지막 줄이다.', false, false],
      ['둘째 페이지의 첫 줄이다.', true, false],
      ['참고자료 상자의 첫 줄', false, true],
      ['끝', false, false],
    ]);
  });

  it('counts pages at glued lines and at surviving page numbers with a running header, once each', () => {
    const text = [
      '1', '', '월간 중국창업 6 월호                 산업 트랜드 ', '', '첫 쪽 본문 ', '',
      '2', '', '월간 중국창업 6 월호                 산업 트랜드 ', '', '둘째 쪽 본문 ', '셋째 쪽 본문이 붙어 있다',
      ' 넷째 쪽 ', '20 ', '', '월간 중국창업 5 월호        정책 브리핑 ', '', '다섯째 쪽 ', '',
    ].join('\n');
    const { lines } = splitLines(text);
    assignPhysicalPages(lines);
    const phys = Object.fromEntries(lines.map((l) => [l.text, l.phys]));
    expect(phys['첫 쪽 본문']).toBe(0);
    expect(phys['둘째 쪽 본문']).toBe(1);
    expect(phys['넷째 쪽']).toBe(2);
    expect(phys['다섯째 쪽']).toBe(3);
  });

  it('recognises running headers, with the "5 월호" typo and any spacing', () => {
    expect(isRunningHeader('월간 중국창업 6 월호                     산업 트랜드')).toBe(true);
    expect(parseRunningHeader('월간 중국창업 5 월호   정책 브리핑')).toEqual({ name: '월간 중국창업', month: 5 });
    expect(isRunningHeader('월간 중국 창업 6월호')).toBe(true);
    expect(isRunningHeader('중국창업 생태계는 매월 성장한다')).toBe(false);
  });

  it('measures printed width: Hangul is twice as wide as Latin letters', () => {
    expect(visualWidth('가나다라')).toBe(4);
    expect(visualWidth('abcd')).toBe(2);
    expect(visualWidth('◼')).toBe(1);
  });

  it('knows sentence ends from nominal cell endings', () => {
    expect(endsSentence('전망된다.')).toBe(true);
    expect(endsSentence('안 된다”고 강조했다.')).toBe(true);
    expect(endsSentence('“…가교 역할을 하겠다.”')).toBe(true);
    expect(endsSentence('이론적 기반이 형성됨')).toBe(false);
    expect(endsSentence('2025. ')).toBe(false);
  });
});

describe('table of contents', () => {
  it('reads two-line section names, wrapped titles with "P67" alone, and skips the cover', () => {
    const text = pdf(
      '1', '2025. 06', 'June', '2025 년 06 월', '2',
      '월간 중국창업 6 월호                       산업 트랜드',
      '산업 ', '트렌드', '구현 지능 산업 심층 분석  P1', '中 자동차 산업 격변   P16',
      ' KIC 중국', '포커스', '한국 창원 개막 GSAT 2025 … KIC 중국 참가   P63',
      '2025 한국혁신기업 로드쇼 K-데모데이 한중 모빌리티 산업의 새로운 협력', '가능성', '  P67',
      '전시회  ', '소식', '2025 년 과학기술 분야 행사 정보    P72',
      'CONTENTS', '본문 시작',
    );
    const { lines } = splitLines(text);
    const toc = parseToc(lines)!;
    expect(toc.entries.map((e) => [e.section, e.number, e.title, e.page])).toEqual([
      ['산업 트렌드', '01', '구현 지능 산업 심층 분석', 1],
      ['산업 트렌드', '02', '中 자동차 산업 격변', 16],
      ['KIC 중국 포커스', '01', '한국 창원 개막 GSAT 2025 … KIC 중국 참가', 63],
      ['KIC 중국 포커스', '02', '2025 한국혁신기업 로드쇼 K-데모데이 한중 모빌리티 산업의 새로운 협력 가능성', 67],
      ['전시회 소식', '01', '2025 년 과학기술 분야 행사 정보', 72],
    ]);
    expect(lines[toc.end]!.text).toBe('본문 시작');
    expect(parseToc(splitLines(pdf('no', 'contents', 'here')).lines)).toBeUndefined();
  });

  it('gives known sections readable slugs and others a stable fallback', () => {
    expect(['산업 트렌드', '정책 브리핑', '기업 리서치', '시장 인사이트', 'KIC 중국 포커스', '전시회 소식'].map((s, i) => sectionSlug(s, i))).toEqual([
      'trend', 'policy', 'company', 'market', 'kic', 'events',
    ]);
    expect(sectionSlug('특별 기고', 6)).toBe('s7');
  });
});

describe('cover', () => {
  it('reads the issue month in its printed forms', () => {
    expect(findIssue(['June', '2025. 06'])).toBe('2025-06');
    expect(findIssue(['2025 년 6 월'])).toBe('2025-06');
    expect(findIssue(['2025-11'])).toBe('2025-11');
    expect(findIssue(['P16', '제 2 회'])).toBeUndefined();
    expect(issueFromName('monthly-china-startup-2025-07.md')).toBe('2025-07');
    expect(reportTitle('월간 중국창업', '2025-06')).toBe('월간 중국창업 6월호');
  });
});

describe('article headings', () => {
  it('matches body headings tolerantly, with their number, wrap and section label', () => {
    const lines = mk('본문이 먼저 온다. ', '02. 야오잉의료 AI 가정 주치의 출범, ‘AI+전문 의료진’ 이중 진료 모델 ', '구축 ', '기업 리서치 ');
    const entry = { section: '기업 리서치', number: '02', title: '야오잉의료 AI 가정 주치의 출범, ‘AI+전문 의료진’ 이중 진료 모델 구축', page: 41, line: 0 };
    const h = findArticleHeading(lines, 0, entry, ['기업 리서치'])!;
    expect(h.line).toBe(1);
    expect(h.consumed).toEqual([1, 2, 3]);
    expect(h.text).toBe('야오잉의료 AI 가정 주치의 출범, ‘AI+전문 의료진’ 이중 진료 모델 구축');
    expect(titleSimilarity('中, 디지털·스마트화 공급망 발전 가속화 추진', '中, 디지털·스마트화 공급망 고도화 본격 추진')).toBeGreaterThan(0.5);
    expect(titleSimilarity('구현 지능 산업 심층 분석', '세계 최초 구현지능 로봇 4S 매장')).toBeLessThan(0.3);
    expect(isSectionLabel('산업 트랜드', ['산업 트렌드'])).toBe(true);
    expect(isSectionLabel('산업 개요', ['산업 트렌드'])).toBe(false);
  });
});

describe('source blocks', () => {
  it('reads one or several entries ending with "참고자료"', () => {
    const lines = mk(
      '본문의 마지막 문장이다. ',
      ' 커촹중궈(科创中国). 좋은 소식! 8 개 부처가 디지털 공급망 발전 가속화하기 위한 전문 행동계획을 ',
      '발표(重大利好！八部门发布加快数智供应链发展专项行动计划). (25.06.07) ',
      'https://mp.weixin.qq.com/s/1NCLfmlllkBGHabMeEzhjA ',
      ' 중국 하이테크 산업 헤럴드(中国高新技术产业导报). 디지털 공급망 발전 가속화! 8 개 부처 정책 발',
      '표(加快数智供应链发展！八部门发文). (25.06.07) ',
      'https://mp.weixin.qq.com/s/DWosIidAQntk2ORoWe1y4A ',
      '참고자료 ',
    );
    const src = findSourceBlock(lines)!;
    expect(src.start).toBe(1);
    expect(src.end).toBe(lines.length - 1);
    expect(src.sources).toEqual([
      {
        title: '커촹중궈(科创中国). 좋은 소식! 8 개 부처가 디지털 공급망 발전 가속화하기 위한 전문 행동계획을 발표(重大利好！八部门发布加快数智供应链发展专项行动计划)',
        url: 'https://mp.weixin.qq.com/s/1NCLfmlllkBGHabMeEzhjA',
        outlet: '커촹중궈(科创中国)',
        date: '25.06.07',
      },
      {
        title: '중국 하이테크 산업 헤럴드(中国高新技术产业导报). 디지털 공급망 발전 가속화! 8 개 부처 정책 발표(加快数智供应链发展！八部门发文)',
        url: 'https://mp.weixin.qq.com/s/DWosIidAQntk2ORoWe1y4A',
        outlet: '중국 하이테크 산업 헤럴드(中国高新技术产业导报)',
        date: '25.06.07',
      },
    ]);
    expect(findSourceBlock(mk('참고자료가 없는 글이다. '))).toBeUndefined();
    expect(parseSourceText('런민망(人民网). 제목(标题). (25.06.16)', 'http://bj.people.com.cn/x.html')).toEqual({
      title: '런민망(人民网). 제목(标题)',
      url: 'http://bj.people.com.cn/x.html',
      outlet: '런민망(人民网)',
      date: '25.06.16',
    });
  });
});

describe('footnotes and blocks', () => {
  const lines = (...texts: Array<[string, boolean?]>): BlockLine[] =>
    mk(...texts.map(([t]) => t)).map((l, i) => ({ ...l, pageBreak: texts[i]![1] === true, page: 1, footnote: false }));

  it('finds a page-bottom footnote called by a superscript, and rejoins the sentence around it', () => {
    const ls = lines(
      ['－ ‘전정특신(专精特新)1’ 중소기업을 대상으로 디지털 전환을 전면 추진하여, 확산 가능한 성공 사례를 '],
      ['－ 고성능 컴퓨팅, 스마트 컴퓨팅, 클라우드-엣지-디바이스 협업 컴퓨팅 등의 혁신발전을 '],
      ['1  전정특신은 전문화·정밀화·특성화·혁신능력 등을 갖춘 중소기업을 의미한다. '],
      ['촉진한다. ', true],
    );
    const foot = findFootnotes(ls);
    expect([...foot]).toEqual([2]);
    const blocks = buildBlocks(ls.map((l, i) => ({ ...l, footnote: foot.has(i) })), 42);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['list', '‘전정특신(专精特新)1’ 중소기업을 대상으로 디지털 전환을 전면 추진하여, 확산 가능한 성공 사례를\n고성능 컴퓨팅, 스마트 컴퓨팅, 클라우드-엣지-디바이스 협업 컴퓨팅 등의 혁신발전을 촉진한다.'],
      ['paragraph', '1  전정특신은 전문화·정밀화·특성화·혁신능력 등을 갖춘 중소기업을 의미한다.'],
    ]);
  });

  it('splits two captions printed on one line', () => {
    expect(splitCaptions('도표 10. 갤봇 대형 휴머노이드 로봇 도표11. 갤봇 VLA')).toEqual(['도표 10. 갤봇 대형 휴머노이드 로봇', '도표11. 갤봇 VLA']);
  });
});
