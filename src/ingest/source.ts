/**
 * The "참고자료" source block that ends most articles: the original outlet and title, the date
 * "(25.06.01)", the URL, then the word "참고자료" as the block's last line. The block is printed
 * in a box, so its first line is a text-box start (one leading space after an empty line); a
 * block can list several sources (정책 브리핑 02 has two), each ending with its URL.
 * Several articles have no block at all: their `source` stays undefined.
 */
import type { SourceRef } from '../types.js';
import { joinLines, type Line } from './lines.js';

const SOURCE_WORD = /^참\s*고\s*자\s*료$/;
const URL = /^https?:\/\/\S+$/;
/** "후이보즈쉰(慧博资讯). …": an outlet name with its Chinese name, then a full stop. */
const OUTLET = /^[^.()]{1,40}\([^)]{1,40}\)\s*\./;

export const isSourceWord = (text: string): boolean => SOURCE_WORD.test(text);

export interface SourceBlock {
  /** Index (in the given lines) of the block's first line. */
  start: number;
  /** Index of the "참고자료" line. */
  end: number;
  sources: SourceRef[];
}

/**
 * Finds the last source block in an article's lines, walking up from its "참고자료" line:
 * URL, then the outlet/title lines up to the box start (at most four lines), repeatedly.
 */
export function findSourceBlock(lines: readonly Line[]): SourceBlock | undefined {
  let end = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (isSourceWord(lines[i]!.text)) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries: SourceRef[] = [];
  let i = end - 1;
  let start = end;
  while (i >= 0) {
    let url: string | undefined;
    if (URL.test(lines[i]!.text)) {
      url = lines[i]!.text;
      i--;
    } else if (entries.length > 0) break;
    // Text lines of this entry: up to the nearest box start or outlet line, at most four.
    // The box start is the surest top; an outlet-like line ("…(中文). ") is the next best, but
    // a wrapped title line can look like one ("분석(具身智能…). (25.06.01)"), so it comes second.
    let top = -1;
    for (const test of [(l: Line) => l.boxStart, (l: Line) => OUTLET.test(l.text)]) {
      for (let k = i; k >= 0 && k > i - 4; k--) {
        const l = lines[k]!;
        if (URL.test(l.text) || isSourceWord(l.text)) break;
        if (test(l)) {
          top = k;
          break;
        }
      }
      if (top >= 0) break;
    }
    if (top < 0) {
      if (url === undefined) break;
      top = i >= 0 && !URL.test(lines[i]!.text) ? i : i + 1;
    }
    const text = joinLines(lines.slice(top, i + 1));
    entries.unshift(parseSourceText(text, url));
    start = top;
    i = top - 1;
    if (i < 0 || !URL.test(lines[i]!.text)) break;
  }
  if (entries.length === 0) return undefined;
  return { start, end, sources: entries };
}

/**
 * "후이보즈쉰(慧博资讯). 구현 지능 산업 심층 분석: …(具身智能行业深度…). (25.06.01)" →
 * title (outlet and title as printed, without the date), outlet, date.
 */
export function parseSourceText(text: string, url?: string): SourceRef {
  const t = text.replace(/\s+/g, ' ').trim();
  const dateMatch = /\((\d{2}\.\d{1,2}\.\d{1,2})\)\s*\.?\s*$/.exec(t) ?? /\((\d{2}\.\d{1,2}\.\d{1,2})\)/.exec(t);
  let title = t;
  if (dateMatch) title = (t.slice(0, dateMatch.index) + t.slice(dateMatch.index + dateMatch[0].length)).trim();
  title = title.replace(/\s*\.$/, '').trim();
  const ref: SourceRef = { title };
  if (url) ref.url = url;
  const outlet = /^([^.()]{1,40}\([^)]{1,40}\))\s*\./.exec(t);
  if (outlet) ref.outlet = outlet[1]!.trim();
  if (dateMatch) ref.date = dateMatch[1]!;
  return ref;
}
