/**
 * Headings: the article headings of the body (to place each article), the section labels that
 * follow them, and the sub-headings inside an article.
 *
 * Traps:
 * - An article heading ("01. 구현 지능 산업 심층 분석", then the label "산업 트랜드") is mostly
 *   printed at the END of the article's first page, after text that already belongs to the
 *   article, sometimes between two halves of a word; the KIC items ("1."–"5.", no leading zero)
 *   stand at the top of their page; the events heading (no number) is the last line of the file.
 *   So a heading locates the PAGE on which its article starts, not the article's first line.
 * - Body titles differ from the contents ("고도화 본격 추진" vs "발전 가속화 추진", a comma, a
 *   word, spacing), and a heading can wrap ("… 이중 진료 모델" / "구축"): matched tolerantly
 *   (bigram similarity), and the number must agree when printed.
 * - Section labels are spelt "트랜드" where the contents say "트렌드".
 */
import { joinLines, type Line } from './lines.js';
import { endsSentence, normalizeForMatch, titleSimilarity } from './text.js';
import type { TocEntry } from './toc.js';

const NUMBERED = /^(\d{1,2})\s*\.\s*(\S.*)$/;

export interface HeadingMatch {
  /** Index of the heading's first line. */
  line: number;
  /** Indexes of all lines of the heading (it can wrap) and of the section label after it. */
  consumed: number[];
  /** Heading text as printed, without its number. */
  text: string;
  similarity: number;
}

/** Normalized section name, tolerant of the "트랜드" spelling of the running labels. */
const sectionKey = (s: string): string => normalizeForMatch(s).replace(/트랜드/g, '트렌드');

/** A line that is only a section's name ("산업 트랜드", "KIC 중국 포커스"). */
export function isSectionLabel(text: string, sections: readonly string[]): boolean {
  const k = sectionKey(text);
  return k.length > 0 && sections.some((s) => sectionKey(s) === k);
}

/**
 * Finds the heading line of a contents entry in the body, searching from `from`. A numbered line
 * with the entry's number and a similar title wins; failing that, an unnumbered line very
 * similar to the title (the events heading). Returns undefined when nothing matches.
 */
export function findArticleHeading(
  lines: readonly Line[],
  from: number,
  entry: TocEntry,
  sections: readonly string[],
): HeadingMatch | undefined {
  const wanted = Number(entry.number);
  let loose: HeadingMatch | undefined;
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.text;
    const m = NUMBERED.exec(t);
    if (m && Number(m[1]) === wanted) {
      const grown = growHeading(lines, i, m[2]!, entry.title);
      if (grown.similarity >= 0.5) return finishHeading(lines, i, grown, sections);
    } else if (!loose && !m && t.length <= entry.title.length * 1.6 + 4) {
      const grown = growHeading(lines, i, t, entry.title);
      if (grown.similarity >= 0.75) loose = finishHeading(lines, i, grown, sections);
    }
  }
  return loose;
}

/** Adds the next line(s) to a heading while that makes it closer to the contents title. */
function growHeading(
  lines: readonly Line[],
  i: number,
  first: string,
  title: string,
): { text: string; similarity: number; lines: number[] } {
  let parts: Array<Pick<Line, 'text' | 'cut'>> = [{ text: first, cut: lines[i]!.cut }];
  let best = { text: first, similarity: titleSimilarity(first, title), lines: [i] };
  for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
    const next = lines[k]!;
    if (next.pageBreak || next.text.length > 40) break;
    parts = [...parts, { text: next.text, cut: next.cut }];
    const text = joinLines(parts);
    const sim = titleSimilarity(text, title);
    if (sim <= best.similarity) break;
    best = { text, similarity: sim, lines: [...best.lines, k] };
  }
  return best;
}

/**
 * Adds the section label printed after a heading to the lines to drop: the section's name
 * ("산업 트랜드"), or a short line closing the page (the events table's "행사 정보").
 */
function finishHeading(
  lines: readonly Line[],
  i: number,
  grown: { text: string; similarity: number; lines: number[] },
  sections: readonly string[],
): HeadingMatch {
  const consumed = [...grown.lines];
  let k = grown.lines[grown.lines.length - 1]! + 1;
  for (let n = 0; n < 2 && k < lines.length; n++, k++) {
    const l = lines[k]!;
    if (l.pageBreak) break;
    const closesPage = k + 1 >= lines.length || lines[k + 1]!.pageBreak;
    const shortLabel = l.text.length <= 12 && !/\d/.test(l.text) && !endsSentence(l.text);
    if (isSectionLabel(l.text, sections) || (shortLabel && closesPage)) consumed.push(k);
    else break;
  }
  return { line: i, consumed, text: grown.text, similarity: grown.similarity };
}

// ───────────────────────── headings inside an article ─────────────────────────

/** "◼ 정책적 지원 확대": level 2. */
export const isSquareHeading = (t: string): boolean => /^[◼■▪◾]\s*\S/.test(t);
/** "－ 엔드투엔드형 대형모델" (heading) or "－ …한다." (list item, see blocks.ts). */
export const isDashLine = (t: string): boolean => /^[－]\s*\S/.test(t);
/** "(1) 핵심 기술 개발 추진": level 3 in the policy articles. */
export const isNumberedHeading = (t: string): boolean => /^\(\d{1,2}\)\s*\S/.test(t) && !endsSentence(t);
/** "⚫ …": a bullet, printed inside tables. */
export const isBullet = (t: string): boolean => /^[⚫●•]\s*\S/.test(t);
/** "첫째 대(大).", "둘째, 다(多).": short ordinal lines announcing what follows. */
export const isOrdinalHeading = (t: string): boolean =>
  t.length <= 16 && /^(첫|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열)째[\s,]/.test(t);

/** Text of a marker heading without its marker. */
export const stripMarker = (t: string): string => t.replace(/^[◼■▪◾－]\s*/, '').trim();
