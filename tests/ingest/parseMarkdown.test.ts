import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReportMarkdown } from '../../src/ingest/parseMarkdown.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/monthly-china-startup-2025-07.md', import.meta.url));
const OPTS = { id: 'monthly-china-startup-2025-07', file: 'monthly-china-startup-2025-07.md' };

describe('parseReportMarkdown', () => {
  const report = parseReportMarkdown(readFileSync(FIXTURE, 'utf8'), OPTS);

  it('reads title and issue from the front matter', () => {
    expect(report).toMatchObject({ id: OPTS.id, file: OPTS.file, title: '월간 중국창업 7월호', issue: '2025-07' });
  });

  it('reads sections, numbered and unnumbered articles, and their pages', () => {
    expect(report.articles.map((a) => [a.id, a.section, a.number, a.title, a.page, a.endPage])).toEqual([
      ['trend-01', '산업 트렌드', '01', '휴머노이드 로봇 산업 동향', 1, 2],
      ['trend-02', '산업 트렌드', '02', '저고도 경제 도시 순위', 3, 3],
      ['policy-01', '정책 브리핑', '01', '중국 공급망 정책 발표', 5, 5],
    ]);
  });

  it('builds paragraphs, tables with captions and lists under their headings and pages', () => {
    const [p, t, l] = report.articles[0]!.blocks;
    expect(p).toEqual({
      kind: 'paragraph',
      text: '휴머노이드 로봇 산업이 빠르게 성장하고 있다. 유니트리(Unitree宇树科技)는 사족 로봇 시장에서 선두를 지키고 있다.',
      page: 1,
      headings: ['산업 개요'],
    });
    expect(t).toEqual({
      kind: 'table',
      text: '연도 | 규모(억 위안)\n2024 | 27.6\n2025 | 53.0',
      page: 1,
      headings: ['산업 개요', '시장 규모'],
      caption: '도표 1. 중국 휴머노이드 로봇 시장 규모',
    });
    expect(l).toEqual({
      kind: 'list',
      text: '유니트리(宇树科技): 사족 로봇\n유비테크(优必选): 휴머노이드 로봇',
      page: 2,
      headings: ['산업 개요', '주요 기업'],
    });
    // Text before the first article belongs to none.
    expect(JSON.stringify(report)).not.toContain('버려진다');
  });

  it('reads sources from "참고자료:" lines and from the PDF-like layout, never as blocks', () => {
    expect(report.articles[0]!.source).toEqual({
      title: '후이보즈쉰(慧博资讯). 휴머노이드 로봇 산업 심층 분석(人形机器人行业深度)',
      url: 'https://mp.weixin.qq.com/s/example-0701',
      outlet: '후이보즈쉰(慧博资讯)',
      date: '25.07.01',
    });
    expect(report.articles[1]!.source).toBeUndefined();
    expect(report.articles[2]!.source?.url).toBe('https://mp.weixin.qq.com/s/example-0707');
    expect(report.articles[2]!.source?.outlet).toBe('중국 하이테크 산업 헤럴드(中国高新技术产业导报)');
    for (const a of report.articles) for (const b of a.blocks) expect(b.text).not.toMatch(/참고자료|https?:/);
  });

  it('uses "# title" and the file name when there is no front matter, and numbers articles in order', () => {
    const r = parseReportMarkdown(
      ['# 월간 중국창업 8월호', '', '## 기업 리서치', '', '### 화웨이 동향', '본문.', '', '### 샤오미 동향 <!-- page: 9 -->', '본문 둘.', '', 'Source: 36Kr(36氪). 제목. (25.08.02) https://36kr.com/p/1', ''].join('\n'),
      { id: 'monthly-china-startup-2025-08', file: 'sub/monthly-china-startup-2025-08.md' },
    );
    expect(r.title).toBe('월간 중국창업 8월호');
    expect(r.issue).toBe('2025-08');
    expect(r.articles.map((a) => [a.id, a.number, a.title, a.page])).toEqual([
      ['company-01', '01', '화웨이 동향', 1],
      ['company-02', '02', '샤오미 동향', 9],
    ]);
    expect(r.articles[1]!.source).toMatchObject({ url: 'https://36kr.com/p/1', date: '25.08.02', outlet: '36Kr(36氪)' });
  });

  it('keeps an article without body findable by its title, and returns no article for empty input', () => {
    const r = parseReportMarkdown('## KIC 중국 포커스\n\n### 02. 청두 K-Demo Day {p. 65}\n', OPTS);
    expect(r.articles[0]!.blocks).toEqual([{ kind: 'paragraph', text: '청두 K-Demo Day', page: 65, headings: [] }]);
    expect(parseReportMarkdown('', OPTS).articles).toEqual([]);
    expect(parseReportMarkdown('just text\nwithout headings', OPTS).articles).toEqual([]);
  });
});
