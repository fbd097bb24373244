import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeReportText, parseReportText } from '../../src/ingest/parseText.js';
import type { Article, Report } from '../../src/types.js';

const CORPUS = fileURLToPath(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/articles-2025-06.json', import.meta.url));
const OPTS = { id: 'monthly-china-startup-2025-06', file: 'monthly-china-startup-2025-06.txt' };

const text = readFileSync(CORPUS, 'utf8');
const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Array<{
  id: string;
  section: string;
  number: string;
  title: string;
  toc_page: number;
}>;
const { report, diagnostics } = analyzeReportText(text, OPTS);
const byId = new Map(report.articles.map((a) => [a.id, a]));
const article = (id: string): Article => {
  const a = byId.get(id);
  if (!a) throw new Error(`missing article ${id}`);
  return a;
};
/** Everything the parse keeps as text: block texts, captions, headings, titles, sources. */
const allText = (r: Report): string =>
  r.articles
    .flatMap((a) => [
      a.title,
      a.bodyTitle ?? '',
      ...(a.sources ?? (a.source ? [a.source] : [])).flatMap((s) => [s.title, s.url ?? '', s.outlet ?? '', s.date ?? '']),
      ...a.blocks.flatMap((b) => [b.text, b.caption ?? '', ...b.headings]),
    ])
    .join('\n');
const blockTexts = report.articles.flatMap((a) => a.blocks.map((b) => b.text)).join('\n');

describe('parseReportText on the June 2025 issue', () => {
  it('reads the title and the issue month from the cover', () => {
    expect(report.id).toBe(OPTS.id);
    expect(report.file).toBe(OPTS.file);
    expect(report.title).toBe('월간 중국창업 6월호');
    expect(report.issue).toBe('2025-06');
  });

  it('finds the 20 articles of the contents with their section, number, title and start page', () => {
    expect(report.articles.map((a) => a.id)).toEqual(expected.map((e) => e.id));
    for (const e of expected) {
      const a = article(e.id);
      expect({ section: a.section, number: a.number, title: a.title, page: a.page }).toEqual({
        section: e.section,
        number: e.number,
        title: e.title,
        page: e.toc_page,
      });
    }
  });

  it('counts physical pages in agreement with the contents (no diagnostics)', () => {
    expect(diagnostics).toEqual([]);
  });

  it('gives each article a plausible, increasing, non-overlapping page range', () => {
    const arts = report.articles;
    for (const [i, a] of arts.entries()) {
      expect(a.page).toBeLessThanOrEqual(a.endPage);
      const next = arts[i + 1];
      if (next) expect(a.endPage).toBeLessThan(next.page);
      for (const b of a.blocks) {
        expect(b.page).toBeGreaterThanOrEqual(a.page);
        expect(b.page).toBeLessThanOrEqual(a.endPage);
      }
      // Blocks come in reading order.
      const pages = a.blocks.map((b) => b.page);
      expect(pages).toEqual([...pages].sort((x, y) => x - y));
    }
    // The contents' spans are filled exactly: each article ends the page before the next starts.
    expect(arts.map((a) => [a.page, a.endPage])).toEqual([
      [1, 15], [16, 20], [21, 23], [24, 29], [30, 35], [36, 37], [38, 40], [41, 44], [45, 49], [50, 51],
      [52, 53], [54, 58], [59, 60], [61, 62], [63, 64], [65, 65], [66, 66], [67, 69], [70, 71], [72, 72],
    ]);
  });

  it("places Unitree's 69.75% quadruped share in 산업 트렌드 › 01, page 9, under its heading", () => {
    const hits = report.articles.flatMap((a) => a.blocks.filter((b) => b.text.includes('69.75%')).map((b) => ({ a, b })));
    expect(hits).toHaveLength(1);
    const { a, b } = hits[0]!;
    expect(a.id).toBe('trend-01');
    expect(a.section).toBe('산업 트렌드');
    expect(a.title).toBe('구현 지능 산업 심층 분석');
    // Physical page 9 of the report: the page that starts " 용화되고 있는 분야이며…" (the
    // printed numbers "20", "36", "49" and the contents confirm the page count).
    expect(b.page).toBe(9);
    expect(b.headings).toEqual(['산업체인 분석', '다운 스트림: 다양한 응용 환경']);
    expect(b.kind).toBe('paragraph');
    expect(b.text).toContain('유니트리(Unitree\uF0D7宇树科技)는 전력 점검, 국방 분야에서 지속적인 성과를 내며, 2023 년 기준 글로벌 사족 로봇 시장에서 69.75%의 점유율로 1 위를 차지하며, 2025 년 출하량은 50% 이상 증가할 것으로 전망된다.');
  });

  it('keeps running headers, page numbers, section labels and banners out of the blocks', () => {
    for (const a of report.articles) {
      for (const b of a.blocks) {
        for (const t of [b.text, b.caption ?? '', ...b.headings]) {
          expect(t).not.toMatch(/월간\s*중국\s*창업/);
          expect(t).not.toMatch(/월\s*호/);
          expect(t).not.toContain('CONTENTS');
          expect(t).not.toContain('KIC 뉴스&모집공고');
          for (const line of t.split('\n')) {
            expect(line.trim()).not.toMatch(/^\d{1,3}$/);
            expect(line.trim()).not.toMatch(/^(산업\s*(트랜드|트렌드)|정책 브리핑|기업 리서치|시장 인사이트|KIC 중국 포커스|전시회 소식)$/);
          }
        }
      }
    }
  });

  it('rejoins words and numbers cut by the column, around page breaks, headings and captions', () => {
    expect(blockTexts).toContain('시스템으로 정의된다');
    expect(blockTexts).toContain('스마트화에 기여');
    expect(blockTexts).not.toContain('시 스템');
    expect(blockTexts).toContain('새로운 핵심 이슈로 부상하고 있다');
    // A caption ("도표 13.") printed inside a word: "상" / 도표 13 / page break / "용화되고".
    expect(blockTexts).toContain('가장 먼저 상용화되고 있는 분야이며');
    // An article heading printed inside a word: "일정 성" / "01. 화웨이, …" / page break / "능 이상의".
    expect(blockTexts).toContain('일정 성능 이상의 GPU제품을');
    // A page break inside a word: "이좡" / " 은 <9 대".
    expect(blockTexts).toContain('지난 2 월, 이좡은 <9 대 로봇 대표 기술 실증 기회 리스트');
    // A page number and running header inside a word: "경쟁력" / 20 / header / "을 창출할".
    expect(blockTexts).toContain('핵심 경쟁력을 창출할 수 있으며');
    // Numbers cut from their unit keep the report's spacing ("2025 년").
    expect(blockTexts).toContain('2025 년 출하량은');
    expect(blockTexts).toContain('2023 년 약 2.9 억 달러');
    // "상하이" / "자동차(SAIC)": SAIC's Korean name, one word.
    expect(blockTexts).toContain('상하이자동차(SAIC)');
    // A footnote at a page bottom inside a list item: "혁신발전을" / footnote / "촉진한다.".
    expect(blockTexts).toContain('협업 컴퓨팅 등의 혁신발전을 촉진한다.');
    // No line of a paragraph is left unjoined.
    for (const a of report.articles) for (const b of a.blocks) if (b.kind === 'paragraph') expect(b.text).not.toContain('\n');
  });

  it('keeps the typos and glyphs of the source as printed', () => {
    // The PDF's Symbol-font dot U+F0D7 stays as printed (search-time normalization handles it).
    expect(allText(report)).toContain('갤봇(GALNOT\uF0D7银河通用)');
    expect(blockTexts).toContain('유니트리(Unitree\uF0D7宇树科技)는 전력 점검');
    expect(blockTexts).toContain('총 1,00 억 위안 이상 규모의 발전 펀드');
  });

  it('reads the source block of trend-01 and keeps "참고자료" out of the blocks', () => {
    const src = article('trend-01').source;
    expect(src?.url).toBe('https://mp.weixin.qq.com/s/bU0IvRJudlL3UHUidW-6aw');
    expect(src?.outlet).toBe('후이보즈쉰(慧博资讯)');
    expect(src?.date).toBe('25.06.01');
    expect(src?.title).toMatch(/^후이보즈쉰\(慧博资讯\)\. 구현 지능 산업 심층 분석: 기술 경로, 시장 기회, 산업 체인 및 관련 회사에 대한 심층 분석\(具身智能行业深度/);
    for (const a of report.articles) {
      for (const b of a.blocks) {
        for (const t of [b.text, b.caption ?? '', ...b.headings]) {
          expect(t).not.toContain('참고자료');
          expect(t).not.toContain('mp.weixin.qq.com');
        }
      }
    }
  });

  it('reads every source block, both entries of 정책 브리핑 02, and leaves the others undefined', () => {
    const withSource = report.articles.filter((a) => a.source).map((a) => a.id);
    expect(withSource).toEqual([
      'trend-01', 'trend-02', 'trend-03', 'trend-04', 'policy-01', 'policy-02', 'company-01', 'company-02', 'market-03',
    ]);
    for (const id of ['company-03', 'kic-01', 'kic-02', 'kic-03', 'kic-04', 'kic-05', 'events-01', 'market-01']) {
      expect(article(id).source).toBeUndefined();
    }
    for (const id of withSource) {
      const s = article(id).source!;
      expect(s.url).toMatch(/^https?:\/\/\S+$/);
      expect(s.date).toMatch(/^25\.0[56]\.\d{2}$/);
      expect(s.outlet).toBeTruthy();
      expect(s.title.startsWith(s.outlet!)).toBe(true);
    }
    const p2 = article('policy-02');
    expect(p2.sources?.map((s) => s.url)).toEqual([
      'https://mp.weixin.qq.com/s/1NCLfmlllkBGHabMeEzhjA',
      'https://mp.weixin.qq.com/s/DWosIidAQntk2ORoWe1y4A',
    ]);
    expect(p2.source).toEqual(p2.sources?.[0]);
    expect(article('trend-03').source?.url).toBe('http://bj.people.com.cn/n2/2025/0612/c14540-41257266.html');
  });

  it('keeps KIC 02 and 03 (headings only in the extraction) as articles findable by title', () => {
    for (const [id, page] of [['kic-02', 65], ['kic-03', 66]] as const) {
      const a = article(id);
      expect(a.page).toBe(page);
      expect(a.endPage).toBe(page);
      expect(a.blocks).toEqual([{ kind: 'paragraph', text: `${a.title} (P${page})`, page, headings: [] }]);
    }
  });

  it('records body titles that differ from the contents', () => {
    expect(article('policy-02').bodyTitle).toBe('中, 디지털·스마트화 공급망 발전 가속화 추진');
    expect(article('policy-02').title).toBe('中, 디지털·스마트화 공급망 고도화 본격 추진');
    expect(article('company-01').bodyTitle).toBe('화웨이, 독자적인 인공지능(AI) 인프라 구축');
    expect(article('events-01').bodyTitle).toBe('2025 년 중국 과학기술 분야 행사 정보');
    // Spacing-only differences and wrapped headings do not count.
    expect(article('trend-01').bodyTitle).toBeUndefined();
    expect(article('company-02').bodyTitle).toBeUndefined();
    expect(article('kic-04').bodyTitle).toBeUndefined();
  });

  it('finds the events table (its heading is the last line of the file)', () => {
    const a = article('events-01');
    expect(a.section).toBe('전시회 소식');
    expect(a.page).toBe(72);
    const table = a.blocks.find((b) => b.kind === 'table');
    expect(table?.text).toContain('세계 인공지능 컨퍼런스(WAIC 2025) 2025.07.26-2025.07.29 상하이 인공지능');
    expect(table?.text.split('\n')[0]).toBe('명칭 기간 장소 분야');
    expect(blockTexts).not.toContain('행사 정보\n');
  });

  it('starts each of the four 시장 인사이트 articles with the shared intro, in the right article', () => {
    const intro = '국가자주혁신시범구(이하 ‘국가자주혁신구’로 통칭)는 국무원의 승인을 받아';
    const owners = report.articles.filter((a) => a.blocks.some((b) => b.text.includes(intro))).map((a) => a.id);
    expect(owners).toEqual(['market-01', 'market-02', 'market-04', 'market-05']);
    const city: Record<string, string> = { 'market-01': '우한 둥후', 'market-02': '상하이 장장', 'market-04': '선전 국가', 'market-05': '쑤난' };
    for (const [id, name] of Object.entries(city)) {
      const a = article(id);
      expect(a.blocks[0]!.text.startsWith(intro)).toBe(true);
      expect(a.blocks[0]!.page).toBe(a.page);
      expect(a.blocks[0]!.headings).toEqual(['개요']);
      expect(a.blocks[1]!.headings[0]).toContain(name);
      // The article's own indicators table.
      const t = a.blocks.find((b) => b.kind === 'table');
      expect(t?.caption).toBe('도표 1. 주요 지표');
      expect(t?.text).toMatch(/^구분 2022 년 2023 년\n연간 매출/);
    }
    expect(article('market-03').blocks[0]!.text).toMatch(/^저고도 경제와 인공지능이 빠르게 현실화됨에 따라/);
  });

  it('builds heading paths from ◼, － and title lines, never glued to paragraphs', () => {
    const t1 = article('trend-01');
    const paths = new Set(t1.blocks.map((b) => b.headings.join(' › ')));
    expect(paths).toContain('산업 개요 › 구현 지능: 로봇 등 물리적 장치와의 결합된 인공지능');
    expect(paths).toContain('구현 지능 기술 구조 › 알고리즘: 현재 단계에서 대형모델이 ‘대뇌’ 구현을 위한 최적의 솔루션 › 엔드투엔드형 대형모델');
    expect(paths).toContain('시장 기회 › 센서 분야: 국산화 대체 가속화 › 6 축 힘 센서');
    // A "◼" heading wrapped over two lines.
    expect(paths).toContain('발전의 주요 도전 과제와 기술 트렌드 › 데이터를 통한 활성화, 연합 및 오픈소스 데이터셋이 구현 지능 로봇 산업의 성장을 견인할 것으로 보인다.');
    const t2 = new Set(article('trend-02').blocks.map((b) => b.headings[0]));
    expect(t2).toContain('통합의 핵심 논리: ‘대(大)’, ‘다(多)’, ‘소(小)’의 구조적 한계 돌파');
    expect(t2).toContain('통합은 시작일 뿐, 핵심은 ‘품질 향상’');
    // In the narrow column of the low-altitude article only the real title is a heading.
    const t4 = article('trend-04');
    expect(t4.blocks.map((b) => b.headings[0]).filter(Boolean)).toEqual(
      expect.arrayContaining(['선도 도시', '권역별 발전 구도', '전략적 역할의 명확화']),
    );
    expect(new Set(t4.blocks.flatMap((b) => b.headings))).toEqual(new Set(['선도 도시', '권역별 발전 구도', '전략적 역할의 명확화']));
    expect(t4.blocks.some((b) => b.text.includes('보고서에 따르면, 베이징(83.49 점)과 선전(77.28 점)이 강력한 경쟁 우위를 바탕으로 산업 체계를 주도하고'))).toBe(true);
    // Headings are never the start of a paragraph.
    for (const a of report.articles) {
      for (const b of a.blocks) {
        for (const h of b.headings) if (b.kind === 'paragraph') expect(b.text.startsWith(`${h} `)).toBe(false);
        expect(b.text).not.toMatch(/^[◼－]/);
      }
    }
    // The policy articles: "(n)" headings with their "－" items as one list block each.
    const p1 = article('policy-01');
    const lists = p1.blocks.filter((b) => b.kind === 'list');
    expect(lists).toHaveLength(18);
    expect(lists[0]!.headings).toEqual(['주요 업무', '핵심 디지털 스마트 기술의 연구개발 및 응용 가속화', '(1) 핵심 기술 개발 추진']);
    expect(lists[0]!.text.split('\n')).toHaveLength(3);
  });

  it('makes tables of captions with rows, figure captions of the others, and keeps labels', () => {
    const t1 = article('trend-01');
    const tables = t1.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((b) => b.caption)).toEqual([
      '도표 1. 구현 지능 발전 과정',
      '도표 2. 구현 지능 관련 정책',
      '도표 19. 아오비중광 경영 형황',
      '도표 20. 수어천테크 경영 형황',
      '도표 21. 중커촹다 경영 형황',
      '도표 22. 넝커테크 경영 형황',
      '도표 23. 하이캉웨이스 경영 형황',
    ]);
    const t19 = tables[2]!;
    expect(t19.page).toBe(13);
    expect(t19.text.split('\n')).toEqual([
      '구분 영업이익 성장률 모회사에 귀속되는 순이익 성장률 모회사 주주에게 귀속되는 순이익 성장률',
      '2024 년 5.64 억 위안 56.79% -0.63 억 위안 77.20% -1.12 억 위안 65.35%',
      '2025 년 Q1 1.91 억 위안 105.63% 0.24 억 위안 184.48% 0.03 억 위안 108.38%',
    ]);
    // A wrapped table cell is rejoined ("양" / "자기술").
    expect(tables[1]!.text).toContain('바이오 제조, 양자기술, 구현 지능, 6G');
    // Two captions on one line become two figure captions.
    const figures = t1.blocks.filter((b) => b.kind === 'paragraph' && b.text.startsWith('도표'));
    expect(figures.map((b) => b.text)).toContain('도표 5. 구글 RT-2 엔드투엔드형 대형모델');
    expect(figures.map((b) => b.text)).toContain('도표 6. Hi Robot 계층형 시각-언어-행동 모델');
    // The detached last row of 화웨이's 도표 2 stays in its table.
    const c1 = article('company-01').blocks.find((b) => b.caption === '도표 2. 미국의 대중국 첨단기술 수출 규제');
    expect(c1?.text.split('\n').pop()).toBe('성텅(昇腾) 칩 사용이 법규 위반 소지가 있다고 경고함');
    // KIC 04's photo labels: one block, the paragraphs around them intact.
    const k4 = article('kic-04');
    const labels = k4.blocks.find((b) => b.text.startsWith('뤄셴즈 서기'));
    expect(labels?.kind).toBe('list');
    expect(labels?.text.split('\n')).toContain('강영호');
    expect(k4.blocks.some((b) => b.text.startsWith('IR 피칭 세션에서는') && b.text.endsWith('활발한 네트워킹을 이어갔다.'))).toBe(true);
    // Caption-less tables: 카눠프's history and the events.
    const c3 = article('company-03').blocks.filter((b) => b.kind === 'table');
    expect(c3.length).toBeGreaterThanOrEqual(4);
    expect(c3[0]!.text).toContain('2013 ⚫ CRP-S40, CRP-S80 제어기 출시');
  });

  it('keeps footnotes as blocks of their own', () => {
    const p1 = article('policy-01');
    const notes = p1.blocks.filter((b) => /^1\s+(점:|전정특신은)/.test(b.text));
    expect(notes.map((b) => b.page)).toEqual([30, 33]);
    expect(notes[1]!.text).toContain('전문화·정밀화·특성화·혁신능력 등을 갖춘 중소기업을 의미한다.');
  });

  it('loses no text: every content line of the body is somewhere in the output', () => {
    const norm = (s: string): string =>
      s
        .replace(/\(\d{2}\.\d{2}\.\d{2}\)/g, '') // source dates are kept in `date`
        .replace(/[\s◼－⚫]/g, '') // markers are structure, spaces are rejoined
        .replace(/\.$/, '');
    const hay = norm(allText(report));
    const lines = text.split('\n');
    const bodyStart = lines.findIndex((l) => l.trim() === 'CONTENTS') + 1;
    expect(bodyStart).toBeGreaterThan(0);
    const boilerplate = new Set([
      '산업 트랜드', '정책 브리핑', '기업 리서치', '시장 인사이트', 'KIC 중국 포커스', '참고자료', 'KIC 뉴스&모집공고', '행사 정보',
    ]);
    const lost: string[] = [];
    let checked = 0;
    for (const raw of lines.slice(bodyStart)) {
      const l = raw.trim();
      if (!l || boilerplate.has(l) || /월간\s*중국창업/.test(l) || /^\d{1,3}$/.test(l) || /^[\p{P}\s]*$/u.test(l)) continue;
      // Article headings ("01. …") live on as titles; a line can hold two captions.
      for (const part of l.replace(/^\d{1,2}\.\s*/, '').split(/(?=도표\s*\d+\s*\.)/)) {
        checked++;
        if (!hay.includes(norm(part))) lost.push(part);
      }
    }
    expect(checked).toBeGreaterThan(1500);
    expect(lost).toEqual([]);
  });

  it('does not depend on trailing spaces: without them (fallback joining) the structure holds', () => {
    const stripped = text.split('\n').map((l) => l.replace(/\s+$/, '')).join('\n');
    const r = analyzeReportText(stripped, OPTS);
    expect(r.diagnostics).toEqual([]);
    expect(r.report.articles.map((a) => [a.id, a.page, a.endPage])).toEqual(report.articles.map((a) => [a.id, a.page, a.endPage]));
    const t = r.report.articles.flatMap((a) => a.blocks.map((b) => b.text)).join('\n');
    for (const s of ['시스템으로 정의된다', '스마트화에 기여', '가장 먼저 상용화되고', '2025 년 출하량은']) expect(t).toContain(s);
    expect(t).not.toContain('시 스템');
  });
});

describe('parseReportText on other input', () => {
  it('returns a report without articles for an empty string or text without contents', () => {
    for (const input of ['', '   \n\n ', 'hello world\n\nno contents here\n', '\u0000\u0001garbage\uFFFD']) {
      const r = parseReportText(input, { id: 'monthly-china-startup-2025-09', file: 'x.txt' });
      expect(r.articles).toEqual([]);
      expect(r.id).toBe('monthly-china-startup-2025-09');
      expect(r.issue).toBe('2025-09'); // from the id when the cover has no date
      const a = analyzeReportText(input, { id: 'x', file: 'x.txt' });
      expect(a.diagnostics.length).toBeGreaterThan(0);
      expect(a.report.issue).toBe('');
    }
  });

  it('never throws on arbitrary text, including mangled pieces of the real report', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        expect(Array.isArray(parseReportText(s, { id: 'x', file: 'x.txt' }).articles)).toBe(true);
      }),
      { numRuns: 200 },
    );
    const lines = text.split('\n');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length }), fc.integer({ min: 0, max: 400 }), (start, len) => {
        const r = parseReportText(lines.slice(start, start + len).join('\n'), { id: 'x', file: 'x.txt' });
        for (const a of r.articles) expect(a.page).toBeLessThanOrEqual(a.endPage);
      }),
      { numRuns: 40 },
    );
  });

  it('places an article whose heading is missing by its contents page and the previous "참고자료"', () => {
    for (const heading of [/^02\. 中 자동차/, /^01\. 화웨이, 독자적인/]) {
      // Blank the heading line (keeping the line, so the page glue of the next line stays).
      const mod = text
        .split('\n')
        .map((l) => (heading.test(l) ? ' ' : l))
        .join('\n');
      const r = analyzeReportText(mod, OPTS);
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatch(/heading not found/);
      expect(r.report.articles.map((a) => [a.id, a.page, a.endPage, a.blocks.length])).toEqual(
        report.articles.map((a) => [a.id, a.page, a.endPage, a.blocks.length]),
      );
    }
  });

  it('parses a shortened report laid out the same way (structure, not line numbers)', () => {
    // The contents plus the first two articles only: the parser must not rely on the rest.
    const lines = text.split('\n');
    const cut = lines.findIndex((l) => l.startsWith(' 지난 6월 11일'));
    const r = parseReportText(lines.slice(0, cut).join('\n'), OPTS);
    expect(r.articles[0]!.blocks.length).toBe(article('trend-01').blocks.length);
    expect(r.articles[1]!.blocks.map((b) => b.text)).toEqual(article('trend-02').blocks.map((b) => b.text));
  });
});
