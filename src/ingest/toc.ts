/**
 * The table of contents: the authority for sections, article numbering and start pages.
 *
 * Traps: section names are printed over two lines ("산업" / "트렌드", " KIC 중국" / "포커스");
 * an entry is "title   P16", but a long title wraps and its "P67" then stands on a line of its
 * own; the cover (dates, "June") and a running header precede the first section.
 */
import { isLonePageNumber, isRunningHeader, type Line } from './lines.js';

export interface TocEntry {
  section: string;
  /** Two digits, in contents order within the section ("01", "02", …). */
  number: string;
  title: string;
  page: number;
  /** Index (in the lines array) of the entry's last line. */
  line: number;
}

export interface Toc {
  entries: TocEntry[];
  /** Index of the first line before the contents (cover lines are before it). */
  start: number;
  /** Index of the first line after the contents (the body starts there). */
  end: number;
}

const ENTRY = /^(.*?)\s*P\s?(\d{1,3})$/;
const CONTENTS_WORD = /^(contents|목차|차례)$/i;

/** Short lines without digits are section-name parts ("산업", "트렌드", "KIC 중국"). */
const isSectionPart = (t: string): boolean => t.length <= 10 && !/\d/.test(t);

/**
 * Finds the contents at the start of the text. Returns undefined when there is none (then the
 * text cannot be split into articles: the caller returns a report without articles).
 */
export function parseToc(lines: readonly Line[]): Toc | undefined {
  const entries: TocEntry[] = [];
  let pending: string[] = [];
  let section = '';
  let start = -1;
  let end = -1;
  let sinceEntry = 0;
  const counters = new Map<string, number>();

  const addEntry = (title: string, page: number, line: number): void => {
    const n = (counters.get(section) ?? 0) + 1;
    counters.set(section, n);
    entries.push({ section, number: String(n).padStart(2, '0'), title: title.replace(/\s+/g, ' ').trim(), page, line });
  };

  // The contents sit near the start; stop looking after a few hundred lines without one.
  const limit = Math.min(lines.length, 400);
  for (let i = 0; i < limit; i++) {
    const t = lines[i]!.text;
    if (entries.length > 0 && CONTENTS_WORD.test(t)) {
      end = i + 1;
      break;
    }
    if (isRunningHeader(t) || isLonePageNumber(t)) {
      // The header printed above the contents page: what came before is the cover.
      if (entries.length === 0) pending = [];
      continue;
    }
    const m = ENTRY.exec(t);
    if (m) {
      if (start < 0) start = i;
      const before = m[1]!.trim();
      const page = Number(m[2]);
      // Pending lines: first the short parts of a new section name, then (if the title wrapped)
      // the title's first lines; "P67" alone means the whole title is pending.
      const firstLong = pending.findIndex((p) => !isSectionPart(p));
      const parts = (firstLong < 0 ? pending : pending.slice(0, firstLong)).slice(-3);
      const titleLines = firstLong < 0 ? [] : pending.slice(firstLong);
      if (before.length > 0) titleLines.push(before);
      else if (titleLines.length === 0 && parts.length > 0) titleLines.push(parts.pop()!);
      if (parts.length > 0) section = joinSection(parts);
      if (titleLines.length > 0) addEntry(titleLines.join(' '), page, i);
      pending = [];
      sinceEntry = 0;
      continue;
    }
    if (entries.length > 0 && ++sinceEntry > 4) {
      // Several lines in a row that are neither entries nor section names: the body has begun.
      end = entries[entries.length - 1]!.line + 1;
      break;
    }
    pending.push(t);
  }
  if (entries.length === 0) return undefined;
  if (end < 0) end = entries[entries.length - 1]!.line + 1;
  return { entries, start, end };
}

/** "산업" + "트렌드" → "산업 트렌드". */
function joinSection(parts: string[]): string {
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Stable slug of a section for article ids ("trend-01"). Known sections of the report get
 * readable slugs; another section gets `s<index>` so that ids stay unique and stable.
 */
export function sectionSlug(section: string, index: number): string {
  const s = section.replace(/\s+/g, '');
  if (/트렌드|트랜드|trend/i.test(s)) return 'trend';
  if (/정책|policy/i.test(s)) return 'policy';
  if (/기업|리서치|company/i.test(s)) return 'company';
  if (/시장|인사이트|market/i.test(s)) return 'market';
  if (/KIC|포커스/i.test(s)) return 'kic';
  if (/전시회|행사|event/i.test(s)) return 'events';
  return `s${index + 1}`;
}
