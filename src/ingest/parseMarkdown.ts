/**
 * Parses a report written in Markdown. The format (a small, explicit subset; see
 * tests/fixtures/monthly-china-startup-2025-07.md for a complete example):
 *
 *   ---                                   optional front matter (simple `key: value` lines):
 *   title: 월간 중국창업 7월호              title, issue ("2025-07"; also "2025. 07", "2025년 7월")
 *   issue: 2025-07
 *   ---
 *   # 월간 중국창업 7월호 (2025-07)         report title (used when the front matter has none);
 *                                          the issue may be written in it
 *   ## 산업 트렌드                          a section
 *   ### 01. 구현 지능 산업 심층 분석 {p. 12}  an article: "NN." optional (else numbered in order
 *                                          within its section); start page as "{p. 12}" at the end
 *                                          or "<!-- page: 12 -->" on the next line
 *   <!-- page: 13 -->                      on its own line: the following blocks are on page 13
 *   #### 산업 개요                          heading level 1 inside the article (##### level 2,
 *                                          ###### level 3): the blocks' heading path
 *   Text lines …                           a paragraph (consecutive lines, joined by a space)
 *   - item / * item / 1. item              a list block (one item per line in the block's text)
 *   도표 1. 구현 지능 발전 과정             a caption line directly before a pipe table
 *   | 년도 | 단계 |                        a pipe table (separator rows dropped, cells joined
 *   |------|------|                        by " | ", rows by "\n")
 *   참고자료: 후이보즈쉰(慧博资讯). 제목. (25.06.01) https://…
 *                                          the article's source ("Source:"/"출처:" work too; one
 *                                          per line; several lines → several sources). A
 *                                          paragraph with a URL followed by a line "참고자료"
 *                                          (the PDF layout) is accepted as well.
 *
 * Text outside an article (before the first "###") is not part of any article and is dropped.
 * Pages: an article without a page marker starts on the page after the previous article's last
 * page (1 for the first). Never throws: a document without "###" gives a report without articles.
 */
import type { Article, Block, Report, SourceRef } from '../types.js';
import { findIssue, issueFromName, reportTitle } from './cover.js';
import { parseSourceText } from './source.js';
import { sectionSlug } from './toc.js';
import type { ParseOptions } from './parseText.js';

const PAGE_MARKER = /^<!--\s*page\s*:?\s*(\d{1,4})\s*-->$/i;
const INLINE_PAGE = /\s*(?:\{\s*p\.?\s*(\d{1,4})\s*\}|<!--\s*page\s*:?\s*(\d{1,4})\s*-->)\s*$/i;
const SOURCE_LINE = /^(?:참고\s*자료|출처|sources?)\s*[:：]\s*(.+)$/i;
const CAPTION = /^(?:도표|표|그림|table|figure)\s*\d+\s*[.:]\s*\S/i;
const URL_IN = /https?:\/\/\S+/;

interface Pending {
  article: Article;
  /** Current heading slots (levels 1–3). */
  slots: Array<string | undefined>;
  page: number;
  sources: SourceRef[];
}

export function parseReportMarkdown(md: string, opts: ParseOptions): Report {
  const lines = md.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (end > 0) {
      for (const l of lines.slice(1, end)) {
        const m = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(l);
        if (m) meta[m[1]!.toLowerCase()] = m[2]!.replace(/^["']|["']$/g, '');
      }
      i = end + 1;
    }
  }

  const report: Report = { id: opts.id, title: '', issue: '', file: opts.file, articles: [] };
  let h1: string | undefined;
  let section = '';
  const sections: string[] = [];
  const counters = new Map<string, number>();
  let cur: Pending | undefined;
  let para: string[] = [];
  let list: string[] = [];
  let table: string[][] = [];
  let caption: string | undefined;
  let lastEndPage = 0;

  const emit = (kind: Block['kind'], text: string, cap?: string): void => {
    if (!cur || text.trim().length === 0) return;
    const b: Block = { kind, text: text.trim(), page: cur.page, headings: cur.slots.filter((s): s is string => !!s) };
    if (cap) b.caption = cap;
    cur.article.blocks.push(b);
    cur.article.endPage = Math.max(cur.article.endPage, cur.page);
  };
  const flushPara = (): void => {
    if (para.length === 0) return;
    const text = para.join(' ').replace(/\s+/g, ' ').trim();
    para = [];
    emit('paragraph', text);
  };
  const flushList = (): void => {
    if (list.length > 0) emit('list', list.join('\n'));
    list = [];
  };
  const flushTable = (): void => {
    if (table.length > 0) emit('table', table.map((r) => r.join(' | ')).join('\n'), caption);
    else if (caption) emit('paragraph', caption);
    table = [];
    caption = undefined;
  };
  const flushAll = (): void => {
    flushPara();
    flushList();
    flushTable();
  };
  const closeArticle = (): void => {
    flushAll();
    if (!cur) return;
    if (cur.sources.length > 0) {
      cur.article.source = cur.sources[0]!;
      if (cur.sources.length > 1) cur.article.sources = cur.sources;
    }
    if (cur.article.blocks.length === 0) {
      cur.article.blocks.push({ kind: 'paragraph', text: cur.article.title, page: cur.article.page, headings: [] });
    }
    lastEndPage = cur.article.endPage;
    report.articles.push(cur.article);
    cur = undefined;
  };

  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(t);
    if (heading) {
      const level = heading[1]!.length;
      let text = heading[2]!;
      if (level === 1) {
        flushAll();
        h1 = text;
        continue;
      }
      if (level === 2) {
        closeArticle();
        section = text.trim();
        if (!sections.includes(section)) sections.push(section);
        continue;
      }
      if (level === 3) {
        closeArticle();
        let page: number | undefined;
        const pm = INLINE_PAGE.exec(text);
        if (pm) {
          page = Number(pm[1] ?? pm[2]);
          text = text.slice(0, pm.index);
        }
        const next = lines[i + 1]?.trim() ?? '';
        const nm = PAGE_MARKER.exec(next);
        if (page === undefined && nm) {
          page = Number(nm[1]);
          i++;
        }
        const num = /^(\d{1,2})\s*[.)]\s*(.+)$/.exec(text.trim());
        const n = num ? Number(num[1]) : (counters.get(section) ?? 0) + 1;
        counters.set(section, Math.max(counters.get(section) ?? 0, n));
        const title = (num ? num[2]! : text).trim();
        const number = String(n).padStart(2, '0');
        const start = page ?? lastEndPage + 1;
        const sectionIndex = Math.max(0, sections.indexOf(section));
        cur = {
          article: {
            id: `${sectionSlug(section, sectionIndex)}-${number}`,
            section,
            number,
            title,
            page: start,
            endPage: start,
            blocks: [],
          },
          slots: [undefined, undefined, undefined],
          page: start,
          sources: [],
        };
        continue;
      }
      // #### → level 1, ##### → 2, ###### → 3.
      flushAll();
      if (cur) {
        const k = level - 4;
        cur.slots[k] = text.replace(INLINE_PAGE, '').trim();
        for (let j = k + 1; j < cur.slots.length; j++) cur.slots[j] = undefined;
        if (/^참\s*고\s*자\s*료$|^sources?$|^출처$/i.test(cur.slots[k]!)) cur.slots[k] = undefined;
      }
      continue;
    }
    const pm = PAGE_MARKER.exec(t);
    if (pm) {
      flushAll();
      if (cur) cur.page = Number(pm[1]);
      continue;
    }
    if (t.length === 0) {
      flushPara();
      flushList();
      if (table.length > 0) flushTable();
      continue;
    }
    if (!cur) continue;
    const src = SOURCE_LINE.exec(t);
    if (src) {
      flushAll();
      cur.sources.push(sourceFrom(src[1]!));
      continue;
    }
    if (/^참\s*고\s*자\s*료$/.test(t)) {
      // The PDF layout: the source text (with its URL), then the word "참고자료".
      if (para.length > 0 && URL_IN.test(para.join(' '))) {
        cur.sources.push(sourceFrom(para.join(' ')));
        para = [];
      } else if (para.length === 0) {
        const last = cur.article.blocks[cur.article.blocks.length - 1];
        if (last && last.kind === 'paragraph' && URL_IN.test(last.text)) {
          cur.article.blocks.pop();
          cur.sources.push(sourceFrom(last.text));
        }
      }
      continue;
    }
    if (t.startsWith('|')) {
      flushPara();
      flushList();
      const cells = t
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => c.trim());
      if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) continue;
      table.push(cells);
      continue;
    }
    if (table.length > 0) flushTable();
    if (CAPTION.test(t) && lines[i + 1]?.trim().startsWith('|')) {
      flushPara();
      flushList();
      flushTable();
      caption = t;
      continue;
    }
    const item = /^(?:[-*+]|\d{1,2}[.)])\s+(.*)$/.exec(t);
    if (item) {
      flushPara();
      list.push(item[1]!.trim());
      continue;
    }
    if (list.length > 0 && /^\s{2,}\S/.test(raw)) {
      list[list.length - 1] += ' ' + t;
      continue;
    }
    flushList();
    para.push(t);
  }
  closeArticle();

  const issue =
    (meta.issue && findIssue([meta.issue])) ??
    (meta.date && findIssue([meta.date])) ??
    (h1 !== undefined ? findIssue([h1]) : undefined) ??
    issueFromName(`${opts.id} ${opts.file}`) ??
    '';
  const title = (meta.title ?? h1 ?? '').replace(/\s*\(\s*20\d{2}[-.]\s*\d{1,2}\s*\)\s*$/, '').trim();
  report.title = title || reportTitle('월간 중국창업', issue || undefined);
  report.issue = issue;
  return report;
}

/** "후이보즈쉰(慧博资讯). 제목. (25.06.01) https://…" → SourceRef. */
function sourceFrom(text: string): SourceRef {
  const url = URL_IN.exec(text)?.[0];
  const rest = url ? text.replace(url, ' ') : text;
  return parseSourceText(rest.replace(/\s+/g, ' ').trim(), url);
}
