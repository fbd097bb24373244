/**
 * Feature extraction for the hashed embedder: text → weighted features, tuned for Korean
 * text about China (Hangul words with particles glued on, Chinese names in parentheses,
 * Latin brand names, numbers with units). Pure and deterministic; the hashing lives in
 * hashed.ts.
 *
 * Feature kinds (prefix: base weight):
 * - `w:` Korean word stem (particles/endings stripped)         1.0
 * - `b:` Hangul character bigram across the stems of a phrase  1.0 (joins "구현 지능" and "구현지능")
 * - `u:` Hangul syllable                                       0.25 (short ⇒ weak, but keeps partial matches)
 * - `h:` Han bigram / `g:` Han character                       1.0 / 0.35 (Chinese has no spaces)
 * - `l:` Latin word                                            1.0 (0.5 for one or two letters)
 * - `n:` number, `q:` number with its unit ("1.25억", "69.75%") 0.4/0.6/1.0 by digits / 1.0
 *
 * Function words and question words (Korean, Chinese, English) are dropped, so a question
 * matches on its content words. Weights were compared on eval/dev.jsonl with
 * scripts/measure-embed.ts: retrieval is insensitive to them within ±50%; the dimension matters more.
 */

import { EN_QUERY_STOP, EN_STOP, KO_QUERY_STOP, KO_STOP, KO_SUFFIXES, ZH_QUERY_STOP, ZH_STOP, ZH_STOP_CHARS, stripKoreanSuffix } from '../text/rules.js';

export type Features = Map<string, number>;

/** Base weight per feature kind (see the table above); short features are weak on purpose. */
export const DEFAULT_WEIGHTS = {
  koStem: 1,
  koBigram: 1,
  koChar: 0.25,
  zhBigram: 1,
  zhChar: 0.35,
  latin: 1,
  latinShort: 0.5,
  number: 1,
  numberShort: 0.6,
  digit: 0.4,
  numberUnit: 1,
};
export type FeatureWeights = typeof DEFAULT_WEIGHTS;

/** NFKC (full-width → half-width), lowercase, and the number spacing the PDF extraction adds. */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      // "1,256" → "1256": thousands separators would split a number into two.
      .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
      // "1.25 억" → "1.25억", "2025 년" → "2025년", "69.75 %" → "69.75%".
      .replace(/(\d)\s+(?=[%\p{Script=Hangul}\p{Script=Han}])/gu, '$1')
  );
}

// The word lists are the shared text rules (src/text/rules.ts): the same particles, endings and
// stop words as the retrieval analyzer and the answer stage. Question words are dropped here too:
// a question should match on its content words only.
const KO_STOP_ALL: ReadonlySet<string> = new Set([...KO_STOP, ...KO_QUERY_STOP]);
const ZH_STOP_ALL: ReadonlySet<string> = new Set([...ZH_STOP, ...ZH_QUERY_STOP, ...ZH_STOP_CHARS]);
const EN_STOP_ALL: ReadonlySet<string> = new Set([...EN_STOP, ...EN_QUERY_STOP]);

/**
 * Strips up to two particles/endings (기업들의 → 기업들 → 기업), keeping a stem of at least
 * `minStem` syllables so that nouns ending like a particle (지도, 아이) survive.
 */
export function stripKorean(word: string, minStem = 2): string {
  let w = word;
  for (let pass = 0; pass < 2; pass++) {
    const r = stripKoreanSuffix(w, minStem);
    if (!r) break;
    w = r.stem;
  }
  return w;
}

// One pass over the normalized text: numbers (with an optional %), Hangul runs, Han runs, and
// other letters (Latin…). The gap between two matches decides whether a Korean phrase goes on.
const TOKEN = /(\d+(?:\.\d+)?%?)|(\p{Script=Hangul}+)|(\p{Script=Han}+)|([^\P{L}\p{Script=Hangul}\p{Script=Han}]+)/gu;
const PARTICLES: ReadonlySet<string> = new Set(KO_SUFFIXES.map((x) => x.s));
const UNIT = /[\p{Script=Hangul}\p{Script=Han}]/u;

/** Text → feature → weight (already sublinear: weight × (1 + ln tf)). */
export function extractFeatures(text: string, W: FeatureWeights = DEFAULT_WEIGHTS): Features {
  const raw = new Map<string, { w: number; tf: number }>();
  const add = (f: string, w: number) => {
    const e = raw.get(f);
    if (e) e.tf++;
    else raw.set(f, { w, tf: 1 });
  };

  const norm = normalizeText(text);
  // Stems of consecutive Hangul words, bigrammed together at the end of the phrase.
  let phrase = '';
  let lastEnd = 0;
  const flushPhrase = () => {
    for (let i = 0; i + 1 < phrase.length; i++) add(`b:${phrase.slice(i, i + 2)}`, W.koBigram);
    phrase = '';
  };

  for (const m of norm.matchAll(TOKEN)) {
    const [, num, hangul, han, latin] = m;
    const gap = norm.slice(lastEnd, m.index);
    const afterNumber = gap === '' && /[\d%]/.test(norm[m.index - 1] ?? '');
    lastEnd = m.index + m[0].length;
    // A phrase continues over plain spaces between Hangul words, not over punctuation/numbers.
    if (!(hangul && /^[ \t]*$/.test(gap) && gap.length > 0)) flushPhrase();

    if (num !== undefined) {
      const digits = num.replace('%', '');
      add(`n:${digits}`, digits.length <= 1 ? W.digit : digits.length <= 2 ? W.numberShort : W.number);
      // The unit glued on (after normalizeText) tells 4.7억 from 4.7%: "q:4.7억", "q:69.75%".
      const unit = num.endsWith('%') ? '%' : UNIT.test(norm[lastEnd] ?? '') ? norm[lastEnd] : '';
      if (unit) add(`q:${digits}${unit}`, W.numberUnit);
    } else if (hangul) {
      // After a number the first syllable is its unit ("년까지" in "2028년까지"): strip harder.
      const stem = stripKorean(hangul, afterNumber ? 1 : 2);
      // A bare particle ("는" after a closing parenthesis) or a function word carries nothing.
      if (PARTICLES.has(hangul) || KO_STOP_ALL.has(hangul) || KO_STOP_ALL.has(stem)) {
        flushPhrase();
        continue;
      }
      if (stem.length >= 2) add(`w:${stem}`, W.koStem);
      for (const ch of stem) add(`u:${ch}`, W.koChar);
      phrase += stem;
    } else if (han) {
      for (const ch of han) if (!ZH_STOP_ALL.has(ch)) add(`g:${ch}`, W.zhChar);
      for (let i = 0; i + 1 < han.length; i++) {
        const bi = han.slice(i, i + 2);
        if (!ZH_STOP_ALL.has(bi)) add(`h:${bi}`, W.zhBigram);
      }
    } else if (latin && !EN_STOP_ALL.has(latin)) {
      add(`l:${latin}`, latin.length <= 2 ? W.latinShort : W.latin);
    }
  }
  flushPhrase();

  const out: Features = new Map();
  for (const [f, { w, tf }] of raw) out.set(f, w * (1 + Math.log(tf)));
  return out;
}
