/**
 * Parses a report extracted from PDF (like corpus/monthly-china-startup-2025-06.txt) into its
 * real structure: contents → sections and articles; pages; per article its blocks, headings,
 * source. The steps, and the module that answers each trap:
 *
 * 1. lines.ts    physical lines, page breaks, trailing-space cue for words cut by the column.
 * 2. toc.ts      the contents: the authority for sections, numbering and start pages.
 * 3. cover.ts    title and issue month.
 * 4. headings.ts where each article starts: its heading (printed at the END of its first page,
 *                or at the top for the KIC items, or last in the file for the events) locates
 *                the PAGE on which the article starts; the article starts at that page's top
 *                (or after a "참고자료" block earlier on the same page).
 * 5. source.ts   the "참고자료" block → article.source (not a block).
 * 6. blocks.ts   paragraphs, headings, tables, lists.
 *
 * Pages. The contents give each article's start page; a block's page is its article's contents
 * page plus the number of physical pages between the article's first line and the block. On the
 * June issue the physical count (lines.ts's page-break rule) agrees with the contents for every
 * article, so this equals global counting; the rule is still per article so that one missed or
 * spurious break cannot shift every later article, and pages are clamped to the article's
 * contents span. Disagreements are reported as diagnostics by analyzeReportText.
 */
import type { Article, Block, Report, SourceRef } from '../types.js';
import { buildBlocks, type BlockLine } from './blocks.js';
import { parseCover } from './cover.js';
import { findFootnotes } from './footnotes.js';
import { findArticleHeading, isSectionLabel, type HeadingMatch } from './headings.js';
import { assignPhysicalPages, isPageNumberAt, isRunningHeader, splitLines, type Line } from './lines.js';
import { findSourceBlock, isSourceWord } from './source.js';
import { endsSentence } from './text.js';
import { parseToc, sectionSlug, type TocEntry } from './toc.js';

export interface ParseOptions {
  /** Report id, e.g. "monthly-china-startup-2025-06". */
  id: string;
  /** Corpus-relative path of the file. */
  file: string;
}

export interface ParseResult {
  report: Report;
  /** Things a human should look at: unmatched headings, page counts that disagree with the contents. */
  diagnostics: string[];
}

/** Parses PDF-extracted text. Never throws: a text without contents gives a report without articles. */
export function parseReportText(text: string, opts: ParseOptions): Report {
  return analyzeReportText(text, opts).report;
}

/** parseReportText with diagnostics. */
export function analyzeReportText(text: string, opts: ParseOptions): ParseResult {
  const diagnostics: string[] = [];
  const { lines, fullWidth } = splitLines(text);
  const toc = parseToc(lines);
  const cover = parseCover(lines, toc?.start ?? lines.length, `${opts.id} ${opts.file}`);
  const report: Report = { id: opts.id, title: cover.title, issue: cover.issue, file: opts.file, articles: [] };
  if (!toc) {
    diagnostics.push('no table of contents found: no articles');
    return { report, diagnostics };
  }

  const body = lines.slice(toc.end);
  assignPhysicalPages(body);
  const entries = toc.entries;
  const sections = [...new Set(entries.map((e) => e.section))];
  const firstPage = entries[0]!.page;

  // Where each article starts.
  const headings: Array<HeadingMatch | undefined> = [];
  const starts: number[] = [];
  let from = 0;
  for (const [k, entry] of entries.entries()) {
    const h = findArticleHeading(body, from, entry, sections);
    headings.push(h);
    const prev = starts[k - 1] ?? -1;
    let start: number;
    if (h) {
      start = startOfArticle(body, h.line, prev);
      from = h.consumed[h.consumed.length - 1]! + 1;
    } else {
      diagnostics.push(`${entry.section} ${entry.number} "${entry.title}": heading not found in the body`);
      start = fallbackStart(body, entry, firstPage, prev);
    }
    starts.push(start);
  }

  const drop = boilerplate(body, sections, headings);
  const sectionIndex = new Map(sections.map((s, i) => [s, i]));

  for (const [k, entry] of entries.entries()) {
    const start = starts[k]!;
    const end = starts[k + 1] ?? body.length;
    const next = entries[k + 1];
    const span = next && next.page > entry.page ? next.page - entry.page : Infinity;
    const startPhys = body[start]?.phys ?? 0;
    const pageOf = (l: Line): number => entry.page + Math.min(Math.max(0, l.phys - startPhys), span - 1);

    if (body[start] && startPhys !== entry.page - firstPage) {
      diagnostics.push(
        `${entry.section} ${entry.number}: starts on physical page ${startPhys + firstPage}, contents say ${entry.page}`,
      );
    }
    const range = body.slice(start, end).filter((_, i) => !drop.has(start + i));
    const lastPhys = range.length > 0 ? range[range.length - 1]!.phys : startPhys;
    if (lastPhys - startPhys + 1 > span) {
      diagnostics.push(
        `${entry.section} ${entry.number}: ${lastPhys - startPhys + 1} physical pages for ${span} in the contents (clamped)`,
      );
    }

    // The source block ends the article and is not text of it.
    let content = range;
    let sources: SourceRef[] = [];
    const src = findSourceBlock(range);
    if (src) {
      sources = src.sources;
      content = [...range.slice(0, src.start), ...range.slice(src.end + 1)];
    }
    content = content.filter((l) => !isSourceWord(l.text));

    const foot = findFootnotes(content);
    const blockLines: BlockLine[] = content.map((l, i) => ({ ...l, page: pageOf(l), footnote: foot.has(i) }));
    const h = headings[k];
    // Differences of spacing only do not count; a comma or a word does ("화웨이, 독자적인 …").
    const bodyTitle =
      h && noSpace(h.text) !== noSpace(entry.title) ? h.text.replace(/\s+/g, ' ').trim() : undefined;
    let blocks: Block[] = buildBlocks(blockLines, fullWidth);
    if (blocks.length === 0) {
      // KIC 02 and 03: only their headings survived the extraction. The text the report does
      // have for them is its contents line ("청두 K-Demo Day- 과학기술교류대회   P65"): one
      // block with it keeps them findable by title and lets "몇 페이지?" be answered from text.
      blocks = [{ kind: 'paragraph', text: `${h?.text ?? entry.title} (P${entry.page})`, page: entry.page, headings: [] }];
    }

    const all = body.slice(start, end).filter((l) => l.text.length > 0);
    const endPage = all.length > 0 ? pageOf(all[all.length - 1]!) : entry.page;
    const article: Article = {
      id: `${sectionSlug(entry.section, sectionIndex.get(entry.section) ?? 0)}-${entry.number}`,
      section: entry.section,
      number: entry.number,
      title: entry.title,
      page: entry.page,
      endPage: Math.max(entry.page, endPage),
      blocks,
    };
    if (bodyTitle) article.bodyTitle = bodyTitle;
    if (sources.length > 0) {
      article.source = sources[0]!;
      if (sources.length > 1) article.sources = sources;
    }
    report.articles.push(article);
  }
  return { report, diagnostics };
}

const noSpace = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * The first line of the page that holds the heading, or the line after a "참고자료" that ends
 * the previous article on that same page. Never before the previous article's start.
 */
function startOfArticle(body: readonly Line[], headingLine: number, prevStart: number): number {
  const phys = body[headingLine]!.phys;
  let s = headingLine;
  while (s > 0 && body[s - 1]!.phys === phys) s--;
  for (let i = headingLine - 1; i >= s; i--) {
    if (isSourceWord(body[i]!.text)) {
      s = i + 1;
      break;
    }
  }
  if (s <= prevStart) s = Math.min(headingLine, prevStart + 1);
  return s;
}

/**
 * Without a heading: the first line of the page the contents announce (physical numbering), or,
 * if earlier, the line after the "참고자료" block that closes the previous article.
 */
function fallbackStart(body: readonly Line[], entry: TocEntry, firstPage: number, prevStart: number): number {
  const want = entry.page - firstPage;
  const byPage = body.findIndex((l, idx) => idx > prevStart && l.phys >= want);
  const source = body.findIndex((l, idx) => idx > prevStart && isSourceWord(l.text));
  if (source >= 0 && source + 1 < body.length && (byPage < 0 || source + 1 < byPage)) return source + 1;
  // Beyond the end of the text (a truncated file): an empty article, not a slice of the previous one.
  return byPage >= 0 ? byPage : body.length;
}

/**
 * Lines that are not article text: running headers, surviving page numbers, section labels,
 * banners ("KIC 뉴스&모집공고", printed just before a section label), and the article headings
 * with their labels (their text is the article's title/bodyTitle).
 */
function boilerplate(
  body: readonly Line[],
  sections: readonly string[],
  headings: ReadonlyArray<HeadingMatch | undefined>,
): Set<number> {
  const drop = new Set<number>();
  for (const h of headings) for (const i of h?.consumed ?? []) drop.add(i);
  for (let i = 0; i < body.length; i++) {
    const t = body[i]!.text;
    if (isRunningHeader(t) || isPageNumberAt(body, i) || /^contents$/i.test(t)) drop.add(i);
    else if (isSectionLabel(t, sections) && !drop.has(i)) {
      drop.add(i);
      const prev = body[i - 1];
      if (prev && !drop.has(i - 1) && prev.text.length <= 15 && !/\d/.test(prev.text) && !endsSentence(prev.text)) {
        drop.add(i - 1);
      }
    }
  }
  return drop;
}
