/**
 * Physical lines of PDF-extracted text: what each line is (page start, text box, boilerplate)
 * and how two lines cut by the column are joined back.
 *
 * Traps this module answers (see /work/shared/docs/corpus.md):
 * - Page breaks: the extractor glues each page to the previous one, so a new page is a line
 *   that starts with exactly one space *directly after a non-empty line*. Text boxes (the
 *   "참고자료" source box, a table's caption or header row printed as a frame) also start with
 *   one space but follow an empty line; counting them as pages gave the first article 17 pages
 *   for the 15 the contents promise. With this rule, plus the pages whose printed number and
 *   running header survived ("20", "36", "49"), the physical count matches the contents on every
 *   page of the June issue (72 pages).
 * - Broken lines: the extractor leaves a trailing space when the PDF line ended between words
 *   and none when the column cut a word ("…계획하는 시" / "스템으로"). That is a far better cue
 *   than guessing from line length: on the June issue every line without the space continues
 *   mid-word. When a document has no such signal (all or no lines end with a space), a line is
 *   taken as cut when it is full width and ends on a Hangul/Han character.
 * - Running headers ("월간 중국창업 6 월호 … 산업 트랜드", once "5 월호") and lone page numbers.
 */
import { digitGroups, firstChar, isDigit, isHan, isHangul, isLatin, lastChar, visualWidth } from './text.js';

export interface Line {
  /** 0-based index of the line in the file. */
  no: number;
  /** Text without surrounding whitespace. */
  text: string;
  /** Printed width in ems (see visualWidth). */
  width: number;
  /** The PDF line was cut inside a word: join the next line without a space (see joinSeparator). */
  cut: boolean;
  /** First line of a new physical page (a glued one-space line). */
  pageBreak: boolean;
  /** Starts a text box (one leading space after an empty line): source boxes, detached table frames. */
  boxStart: boolean;
  /** Physical page index within the document body, from 0 (filled by assignPhysicalPages). */
  phys: number;
}

/** "월간 중국창업 6 월호" however spaced; the month is what the typo ("5 월호") gets wrong. */
const RUNNING_HEADER = /^\s*(월간\s*중\s*국\s*창\s*업)\s*(\d{1,2})\s*월\s*호/;

/** A running header: the report name with its month, usually followed by a wide gap and the section. */
export function isRunningHeader(text: string): boolean {
  return RUNNING_HEADER.test(text);
}

/** The report name and month printed in a running header, if the line is one. */
export function parseRunningHeader(text: string): { name: string; month: number } | undefined {
  const m = RUNNING_HEADER.exec(text);
  if (!m) return undefined;
  return { name: m[1]!.replace(/\s+/g, ' ').replace(/월간\s*중\s*국\s*창\s*업/, '월간 중국창업'), month: Number(m[2]) };
}

/** A lone page number as printed ("20"). Whether it really is one depends on its neighbours. */
export const isLonePageNumber = (text: string): boolean => /^\d{1,3}$/.test(text);

/** Punctuation-only debris of the PDF (a lone ":" next to a chart). */
export const isNoise = (text: string): boolean => /^[\s:;.,·\-–—_|•~*'"‘’“”()[\]]*$/.test(text);

export interface SplitResult {
  lines: Line[];
  /** Median printed width of a full (column-cut) line, in ems. */
  fullWidth: number;
  /** Whether trailing spaces tell word boundaries apart (see module comment). */
  spaceSignal: boolean;
}

/**
 * Splits the text into non-blank lines with their layout facts. Blank and whitespace-only lines
 * carry no text (the extractor puts one after every line), so they are dropped here once the
 * page-break rule, which needs them, has been applied.
 */
export function splitLines(text: string): SplitResult {
  const raw = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const pre: Array<{ no: number; raw: string; text: string; pageBreak: boolean; boxStart: boolean }> = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    const t = r.trim();
    if (t.length === 0) continue;
    const oneSpace = /^ \S/.test(r);
    const prevNonEmpty = i > 0 && raw[i - 1]!.length > 0;
    pre.push({ no: i, raw: r, text: t, pageBreak: oneSpace && prevNonEmpty, boxStart: oneSpace && !prevNonEmpty });
  }
  // The trailing-space signal is trusted when it discriminates: some lines have it, some not.
  const long = pre.filter((p) => p.text.length >= 20);
  const withSpace = long.filter((p) => /\s$/.test(p.raw)).length;
  const ratio = long.length > 0 ? withSpace / long.length : 0;
  const spaceSignal = long.length >= 20 && ratio > 0.2 && ratio < 0.97;

  const widths = pre.map((p) => visualWidth(p.text));
  let fullWidth: number;
  const cutWidths = spaceSignal
    ? pre
        .map((p, i) => ({ p, w: widths[i]! }))
        .filter(({ p }) => !/\s$/.test(p.raw) && isHangul(lastChar(p.text)) && p.text.length >= 15)
        .map(({ w }) => w)
    : [];
  if (cutWidths.length >= 10) fullWidth = median(cutWidths);
  else {
    const ws = widths.filter((w) => w >= 10).sort((a, b) => a - b);
    fullWidth = ws.length > 0 ? ws[Math.floor(ws.length * 0.85)]! : 40;
  }

  const lines: Line[] = pre.map((p, i) => {
    const width = widths[i]!;
    const last = lastChar(p.text);
    const cut = spaceSignal
      ? !/\s$/.test(p.raw)
      : (isHangul(last) || isHan(last)) && width >= 0.9 * fullWidth;
    return { no: p.no, text: p.text, width, cut, pageBreak: p.pageBreak, boxStart: p.boxStart, phys: 0 };
  });
  return { lines, fullWidth, spaceSignal };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * The separator to put between a line and the next piece of text of the same paragraph.
 * - A line ended between words: a space.
 * - A line cut mid-word: nothing ("시" + "스템으로" → "시스템으로"; "상하이" + "자동차(SAIC)" →
 *   "상하이자동차", which is indeed SAIC's Korean name), except
 *   - after a number before Hangul ("2025" / "년") a space, the report's own convention
 *     ("2027 년", "1.25 억"), so that the same number reads the same wherever the line broke;
 *   - between Hangul and a Latin word, digit or opening quote ("공개로" / "G1"), where Korean
 *     always has a space and the extractor only lost it;
 *   - after a comma, semicolon or colon.
 */
export function joinSeparator(prev: string, prevCut: boolean, next: string): '' | ' ' {
  if (!prevCut) return ' ';
  const a = lastChar(prev);
  const b = firstChar(next);
  if (a === undefined || b === undefined) return '';
  if (/[,;:]/.test(a)) return ' ';
  if (isDigit(a) && isHangul(b)) return ' ';
  if (isHangul(a) && (isLatin(b) || isDigit(b) || /['"‘“]/.test(b))) return ' ';
  return '';
}

/** Joins lines of one paragraph (or one table cell) with the separators above. */
export function joinLines(lines: ReadonlyArray<Pick<Line, 'text' | 'cut'>>): string {
  let out = '';
  let prevCut = false;
  for (const l of lines) {
    if (out.length === 0) out = l.text;
    else out += joinSeparator(out, prevCut, l.text) + l.text;
    prevCut = l.cut;
  }
  return out;
}

/**
 * Numbers the physical pages of the body lines (from 0). A page starts at a glued one-space line,
 * or at a surviving page number / running header (those pages have no glued line). A page-start
 * event only counts once the current page holds text, so a number, a header and a glued line at
 * the top of the same page count as one break.
 */
export function assignPhysicalPages(lines: Line[]): void {
  let phys = 0;
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const numberBeforeHeader =
      isLonePageNumber(l.text) && lines.slice(i + 1, i + 3).some((n) => isRunningHeader(n.text));
    const event = l.pageBreak || isRunningHeader(l.text) || numberBeforeHeader;
    if (event && content) {
      phys++;
      content = false;
    }
    l.phys = phys;
    if (!(isRunningHeader(l.text) || numberBeforeHeader)) content = true;
  }
}

/**
 * Whether a lone number is a page number: next to a running header or a page start (where the
 * surviving numbers stand), rather than a table cell.
 */
export function isPageNumberAt(lines: readonly Line[], i: number): boolean {
  const l = lines[i]!;
  if (!isLonePageNumber(l.text)) return false;
  const next = lines[i + 1];
  const next2 = lines[i + 2];
  if (next && (isRunningHeader(next.text) || next.pageBreak)) return true;
  if (next2 && isRunningHeader(next2.text)) return true;
  if (l.pageBreak) return true;
  const prev = lines[i - 1];
  return prev !== undefined && isRunningHeader(prev.text);
}

/** A "data row" of a table: several numbers (financial rows, dates of the events table). */
export const isDataRow = (text: string): boolean => digitGroups(text) >= 2 || /\d%/.test(text);

/**
 * A row of figures: at least two decimals, thousands or percentages ("13,094.74 억 위안",
 * "56.79%", "2025.06.24"). Stricter than isDataRow: prose has years and counts too
 * ("2011 년, 2012 년, …"), but rarely two such figures on one line.
 */
export const isFigureRow = (text: string): boolean => (text.match(/\d[.,]\d|\d%/g) ?? []).length >= 2;
