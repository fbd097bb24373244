/**
 * Chunking: article blocks → retrieval units.
 *
 * Rules, and why:
 * - A chunk never crosses an article (citations name one article) and, apart from merging
 *   tiny neighbours, never crosses a heading (a chunk's heading is what a citation shows).
 * - Paragraphs are packed sentence by sentence (ICU sentence segmentation, which knows "다."
 *   and 。) up to `targetChars`; a sentence longer than `maxChars` is cut at a space.
 * - Tables stay whole when they fit in `maxChars`; a longer table is split by rows and every
 *   piece repeats the caption, so a row is never separated from what the table is about.
 * - `overlapSentences` of the previous chunk of the same heading are repeated at the start of
 *   the next, so a fact split across the boundary is still retrievable with its context.
 * - Each chunk gets a header "section › NN. article › heading" that is indexed and embedded
 *   with the text (contextual chunk headers: the article title carries topic words that the
 *   paragraph itself often omits).
 *
 * LangChain's RecursiveCharacterTextSplitter was measured on this corpus (see README): it cuts
 * across headings and articles and splits Korean mid-sentence, which costs recall; the
 * structure-aware packing below is what the parse makes possible.
 */
import { createHash } from 'node:crypto';
import type { Article, Block, Chunk, ChunkingOptions, Report } from '../types.js';
import { splitSentences } from './sentences.js';

export const DEFAULT_CHUNKING: ChunkingOptions = { targetChars: 500, maxChars: 800, overlapSentences: 1 };

interface Piece {
  text: string;
  page: number;
  headings: string[];
  /** Tables and captions are atomic pieces; sentences may be packed. */
  atomic: boolean;
  /** Sentences are overlap candidates; atomic pieces are not. */
  blockIndex: number;
}

export function chunkReports(reports: Report[], opts: ChunkingOptions = DEFAULT_CHUNKING): Chunk[] {
  return reports.flatMap((r) => r.articles.flatMap((a) => chunkArticle(r, a, opts)));
}

export function articleHeader(section: string, number: string, title: string, headings: string[] = []): string {
  return [section, `${number}. ${title}`, ...headings].join(' › ');
}

export function chunkArticle(report: Pick<Report, 'id' | 'title'>, article: Article, opts: ChunkingOptions = DEFAULT_CHUNKING): Chunk[] {
  const pieces = toPieces(article.blocks, opts);
  const groups = packPieces(pieces, opts);
  return groups.map((g, ordinal) => {
    const first = g[0]!;
    const sep = g.some((p) => p.atomic) ? '\n' : ' ';
    const text = g.map((p) => p.text).join(sep);
    const header = articleHeader(article.section, article.number, article.title, first.headings);
    const chunk: Chunk = {
      id: `${report.id}:${article.id}:${ordinal}`,
      reportId: report.id,
      reportTitle: report.title,
      articleId: article.id,
      section: article.section,
      articleNumber: article.number,
      articleTitle: article.title,
      headings: first.headings,
      page: Math.min(...g.map((p) => p.page)),
      pageEnd: Math.max(...g.map((p) => p.page)),
      ordinal,
      text,
      header,
      hash: sha256(`${header}\n${text}`),
    };
    if (chunk.pageEnd > chunk.page) chunk.pageMarks = pageMarks(g, sep.length);
    const marks = headingMarks(g, sep.length);
    if (marks) chunk.headingMarks = marks;
    if (article.source) chunk.source = article.source;
    return chunk;
  });
}

function toPieces(blocks: Block[], opts: ChunkingOptions): Piece[] {
  const out: Piece[] = [];
  blocks.forEach((b, blockIndex) => {
    const base = { page: b.page, headings: b.headings, blockIndex };
    if (b.kind === 'table') {
      const caption = b.caption ? `${b.caption}\n` : '';
      const whole = caption + b.text;
      if (whole.length <= opts.maxChars) {
        out.push({ ...base, text: whole, atomic: true });
        return;
      }
      // Split a long table by rows, repeating the caption on every piece.
      let cur = '';
      for (const row of b.text.split('\n')) {
        for (const part of cutLong(row, opts.maxChars - caption.length)) {
          if (cur && caption.length + cur.length + 1 + part.length > opts.maxChars) {
            out.push({ ...base, text: caption + cur, atomic: true });
            cur = '';
          }
          cur = cur ? `${cur}\n${part}` : part;
        }
      }
      if (cur) out.push({ ...base, text: caption + cur, atomic: true });
      return;
    }
    for (const s of splitSentences(b.text)) {
      for (const part of cutLong(s, opts.maxChars)) out.push({ ...base, text: part, atomic: false });
    }
  });
  return out;
}

/** Packs pieces into chunks of about targetChars, never crossing a heading unless the current chunk is tiny. */
function packPieces(pieces: Piece[], opts: ChunkingOptions): Piece[][] {
  const groups: Piece[][] = [];
  let cur: Piece[] = [];
  let len = 0;
  const flush = () => {
    if (cur.length) groups.push(cur);
    cur = [];
    len = 0;
  };
  for (const p of pieces) {
    const sameHeading = cur.length > 0 && sameHeadings(cur[cur.length - 1]!.headings, p.headings);
    // A heading change starts a new chunk, unless what we have is a fragment (a one-line intro
    // under a heading) that would be useless alone.
    if (cur.length && !sameHeading && len >= opts.targetChars / 3) flush();
    if (cur.length && len + p.text.length + 1 > opts.targetChars) {
      const prev = cur;
      flush();
      // Overlap: repeat the last sentences of the previous chunk when under the same heading.
      if (opts.overlapSentences > 0 && sameHeadings(prev[prev.length - 1]!.headings, p.headings) && !p.atomic) {
        const tail = prev.filter((x) => !x.atomic).slice(-opts.overlapSentences);
        const tailLen = tail.reduce((n, x) => n + x.text.length + 1, 0);
        if (tailLen + p.text.length <= opts.maxChars && tailLen < opts.targetChars / 2) {
          cur = [...tail];
          len = tailLen;
        }
      }
    }
    cur.push(p);
    len += p.text.length + 1;
  }
  flush();
  return groups;
}

/** Offsets in the joined text where the page changes. */
function pageMarks(g: Piece[], sepLength: number): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  let offset = 0;
  for (const p of g) {
    if (marks.at(-1)?.[1] !== p.page) marks.push([offset, p.page]);
    offset += p.text.length + sepLength;
  }
  return marks;
}

/**
 * Where a later heading's pieces begin inside the joined text: [character offset, heading path]
 * pairs, for a chunk that packs a short section with the next (a heading change does not start
 * a chunk while the current one is a fragment). Undefined when one heading path covers the whole
 * chunk. The text is left as it is: the later headings are not written into it, since measured
 * (docs/design.md (cl)) that moved retrieval and cost a `check` first citation; the marks only
 * let a citation name the heading its quote stands under ("둘째, 디지털 치료 분야로의 도약이다.",
 * not the chunk's first, "첫째, 서비스 영역 확장이다.").
 */
function headingMarks(g: Piece[], sepLength: number): Array<[number, string[]]> | undefined {
  const marks: Array<[number, string[]]> = [];
  let offset = 0;
  let current = g[0]!.headings;
  for (const p of g) {
    if (!sameHeadings(current, p.headings)) {
      marks.push([offset, p.headings]);
      current = p.headings;
    }
    offset += p.text.length + sepLength;
  }
  return marks.length ? marks : undefined;
}

/**
 * The value of the last mark at or before where `quote` starts in `text` (`first` when the quote
 * is not found or no mark precedes it). Compared with white space and private-use glyphs removed:
 * quotes are re-spaced for display, and U+F0D7, a Symbol-font dot of the PDF, becomes a space there.
 */
function markAt<T>(text: string, marks: ReadonlyArray<readonly [number, T]>, quote: string, first: T): T {
  const squash = (x: string) => x.replace(/[\s\p{Co}]+/gu, '');
  const probe = squash(quote).slice(0, 16);
  const at = probe ? squash(text).indexOf(probe) : -1;
  if (at < 0) return first;
  let value = first;
  for (const [offset, v] of marks) if (squash(text.slice(0, offset)).length <= at) value = v;
  return value;
}

/** The page on which `quote` stands in the chunk (its start page when the quote is not found). */
export function pageOf(chunk: Pick<Chunk, 'text' | 'page' | 'pageMarks'>, quote: string): number {
  return chunk.pageMarks ? markAt(chunk.text, chunk.pageMarks, quote, chunk.page) : chunk.page;
}

/** The heading path `quote` stands under in the chunk (the chunk's own when the quote is not found). */
export function headingsOf(chunk: Pick<Chunk, 'text' | 'headings' | 'headingMarks'>, quote: string): string[] {
  return chunk.headingMarks ? markAt(chunk.text, chunk.headingMarks, quote, chunk.headings) : chunk.headings;
}

function sameHeadings(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** Cuts text longer than max at the last space before the limit (or hard, for unspaced CJK). */
export function cutLong(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
