/**
 * Sentence splitting for Korean, Chinese and English with ICU's sentence segmenter, which
 * Node 20 ships with full ICU: it ends sentences at "다." and at 。！？ without a following
 * space, and keeps decimals ("1.25 억") and dates ("25.06.01") whole. A regex on [.!?] does
 * neither, and LangChain's splitters only know separators, not sentences.
 */
import { memoizeString } from '../util/memo.js';

const segmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

/** Splits text into sentences; concatenating the result gives back the input exactly. */
export function splitSentencesExact(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** Splits text into trimmed, non-empty sentences (memoized: passages are split on every request; the result is frozen). */
export const splitSentences: (text: string) => readonly string[] = memoizeString((text: string) =>
  Object.freeze(
    splitSentencesExact(text)
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  ),
);
