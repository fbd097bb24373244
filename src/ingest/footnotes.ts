/**
 * Footnotes at the bottom of a page ("1 점: 기업; 선: 산업체인; …", "1  전정특신은 …"). They
 * are printed between the last line of a page and the first of the next, so they can fall in the
 * middle of a sentence ("…혁신발전을" / footnote / "촉진한다."): marking them lets the block
 * builder set them aside and rejoin the sentence.
 *
 * A line is a footnote when it starts with a small number that the text above calls as a
 * superscript ("(点线面)1’", "(专精特新)1’") and only a few lines remain before the next page.
 */
import type { Line } from './lines.js';

const FOOTNOTE_START = /^([1-9])\s+\S/;

/** Returns the indexes of footnote lines (the numbered line and its continuation lines). */
export function findFootnotes(lines: readonly Line[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const m = FOOTNOTE_START.exec(lines[i]!.text);
    if (!m) continue;
    // Lines left on this page after the candidate.
    let end = i + 1;
    while (end < lines.length && !lines[end]!.pageBreak && end - i <= 3) end++;
    const atPageBottom = end >= lines.length || lines[end]!.pageBreak;
    if (!atPageBottom) continue;
    const n = m[1]!;
    const call = new RegExp(`[)\\]’'”"\\uac00-\\ud7a3\\u4e00-\\u9fff]${n}(?=[’'”"\\s]|$)`);
    const above = lines.slice(Math.max(0, i - 80), i).some((l) => call.test(l.text));
    if (!above) continue;
    for (let k = i; k < end; k++) out.add(k);
  }
  return out;
}
