/**
 * Character-level helpers shared by the ingest modules: script tests, the printed width of a
 * line, sentence ends, and a tolerant title similarity. Pure functions, no state.
 */

export const isHangul = (c: string | undefined): boolean => c !== undefined && c >= '\uac00' && c <= '\ud7a3';

/** CJK ideographs (Chinese names and titles in parentheses). */
export const isHan = (c: string | undefined): boolean =>
  c !== undefined && ((c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf') || (c >= '\uf900' && c <= '\ufaff'));

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export const isLatin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** Last and first characters of a string (undefined when empty). */
export const lastChar = (s: string): string | undefined => (s.length > 0 ? s[s.length - 1] : undefined);
export const firstChar = (s: string): string | undefined => (s.length > 0 ? s[0] : undefined);

/**
 * Printed width of a line in ems. The PDF cuts lines at a fixed column width, so a line's
 * width tells whether it was cut by the column (a "full" line, which continues) or ended by
 * the author (a heading, a paragraph's last line). Character counts do not work: Hangul and
 * Han are one em wide, but digits, Latin letters and spaces much less. The weights were fitted
 * on the June issue so that lines cut mid-word (certainly full) have the least spread (~3%).
 */
export function visualWidth(s: string): number {
  let w = 0;
  for (const c of s) {
    if (c === ' ' || c === '\t') w += 0.4;
    else if (isHangul(c) || isHan(c)) w += 1;
    else if (isDigit(c)) w += 0.55;
    else if (isLatin(c)) w += 0.5;
    else {
      const code = c.codePointAt(0) ?? 0;
      // Full-width forms, CJK punctuation and symbols (◼ ⚫ － ㎡ 「」) are as wide as a syllable.
      w += code >= 0x2e80 || (code >= 0x25a0 && code <= 0x27bf) ? 1 : 0.35;
    }
  }
  return w;
}

/**
 * Whether a line ends a sentence: a full stop, question or exclamation mark, possibly followed
 * by closing quotes or brackets ("…밝혔다.", "…했다.”", "…있다)."). Table cells are written in
 * the nominal style ("…형성됨", "…금지함") without a stop, which is what tells a wrapped table
 * cell from prose.
 */
export function endsSentence(s: string): boolean {
  return /[.!?。！？]["'”’」』)\]]*$/.test(s.trimEnd()) && !/\d\.$/.test(s.trimEnd());
}

/** Normalization for comparing titles: NFKC, lower case, letters/digits/Hangul/Han only. */
export function normalizeForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) m.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i]! + chars[i + 1]!;
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/**
 * Sørensen–Dice similarity of character bigrams on normalized strings, in [0, 1]. Body titles
 * differ from the contents in spacing and in a word or two ("고도화 본격 추진" vs "발전 가속화
 * 추진"), which keeps most bigrams; unrelated lines share almost none.
 */
export function titleSimilarity(a: string, b: string): number {
  const x = normalizeForMatch(a);
  const y = normalizeForMatch(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  let nx = 0;
  let ny = 0;
  for (const v of bx.values()) nx += v;
  for (const v of by.values()) ny += v;
  for (const [k, v] of bx) common += Math.min(v, by.get(k) ?? 0);
  return (2 * common) / (nx + ny);
}

/** Number of separate digit groups ("2024 년 5.64 억 위안 56.79%" has 3). */
export function digitGroups(s: string): number {
  return (s.match(/\d+(?:[.,]\d+)*/g) ?? []).length;
}
