/**
 * The report's title and issue month, from the cover ("2025. 06", "2025 년 06 월") and the running
 * headers ("월간 중국창업 6 월호"). One header of the June issue says "5 월호" by mistake, so the
 * month comes from the cover, and the headers only give the report's name (majority vote).
 */
import { parseRunningHeader, type Line } from './lines.js';

const DEFAULT_NAME = '월간 중국창업';

/** "2025. 06", "2025.6", "2025 년 06 월", "2025-06" → "2025-06". */
export function findIssue(texts: Iterable<string>): string | undefined {
  for (const t of texts) {
    const m =
      /(20\d{2})\s*년\s*(\d{1,2})\s*월/.exec(t) ??
      /(20\d{2})\s*[.\-/]\s*(\d{1,2})(?![\d.])/.exec(t);
    if (m) {
      const month = Number(m[2]);
      if (month >= 1 && month <= 12) return `${m[1]}-${String(month).padStart(2, '0')}`;
    }
  }
  return undefined;
}

/** Issue from a file name or id such as "monthly-china-startup-2025-06". */
export function issueFromName(name: string): string | undefined {
  const m = /(20\d{2})[-_.]?(0[1-9]|1[0-2])(?!\d)/.exec(name);
  return m ? `${m[1]}-${m[2]}` : undefined;
}

/** "월간 중국창업 6월호" for issue "2025-06". */
export function reportTitle(name: string, issue: string | undefined): string {
  const month = issue ? Number(issue.slice(5, 7)) : undefined;
  return month ? `${name} ${month}월호` : name;
}

/**
 * Title and issue of a PDF-extracted report. `coverEnd` is the index of the first line of the
 * contents: the cover is what precedes it.
 */
export function parseCover(
  lines: readonly Line[],
  coverEnd: number,
  fallbackName: string,
): { title: string; issue: string } {
  const cover = lines.slice(0, Math.max(0, coverEnd)).map((l) => l.text);
  const names = new Map<string, number>();
  for (const l of lines) {
    const h = parseRunningHeader(l.text);
    if (!h) continue;
    names.set(h.name, (names.get(h.name) ?? 0) + 1);
  }
  const name = [...names.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? DEFAULT_NAME;
  // No date on the cover nor in the file name: '' (the headers' month alone has no year, and
  // one header even gives the wrong month).
  const issue = findIssue(cover) ?? issueFromName(fallbackName) ?? '';
  return { title: reportTitle(name, issue || undefined), issue };
}
