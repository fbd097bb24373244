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

// The stripper tries the longest suffix first and takes one that leaves a long enough stem.
const KO_SUFFIXES = [
  // verb/adjective endings (하다/되다/이다 families), so 발표했다 ≈ 발표한 ≈ 발표
  '하였으며', '되었으며', '하였다', '되었다', '했으며', '됐으며', '하였고', '되었고', '한다는', '된다는',
  '했다', '됐다', '한다', '된다', '하는', '되는', '하고', '되고', '하며', '되며', '하여', '되어', '해서', '돼서',
  '하기', '되기', '했고', '됐고', '했던', '됐던', '하면', '되면', '할', '될', '한', '된', '함', '됨', '해', '돼',
  '입니다', '이었다', '였다', '이다', '이며', '이고', '이자', '이라는', '라는', '이란', '란',
  // particles
  '에서부터', '으로부터', '에서는', '에서도', '에서의', '에게서', '으로서', '으로써', '으로는', '으로도', '으로의',
  '로부터', '까지는', '까지의', '에서', '에게', '한테', '으로', '로서', '로써', '로는', '로도', '로의', '까지', '부터',
  '보다', '처럼', '만큼', '마다', '이나', '에는', '에도', '에의', '과의', '와의', '과는', '와는', '이라', '조차', '마저',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '나', '께', '들',
] as const;

/**
 * Words that carry no content: connectives, auxiliaries, and question words (a question
 * "어느 정도 떨어졌어?" should match on its content words only).
 */
const KO_STOP = new Set([
  '있다', '있는', '있으며', '있고', '있어', '있음', '없다', '없는', '것', '것이', '것으로', '수', '등', '및', '또한', '또는',
  '그리고', '하지만', '그러나', '위해', '위한', '통해', '대한', '대해', '따라', '따른', '이는', '이를', '이에', '그',
  '이', '더', '약', '중', '간', '때', '각', '총', '현재', '최근', '관련', '해당', '기타', '경우',
  '어느', '정도', '얼마', '얼마나', '무엇', '무슨', '어떤', '어떻게', '몇', '왜', '언제', '어디', '누가', '누구',
  '알려줘', '알려', '주세요', '해줘', '뭐야', '뭐', '있나', '있니', '했어', '되나', '인가', '인지', '까', '나요', '요',
]);

/** Chinese function words and question words, as unigrams and bigrams. */
const ZH_STOP = new Set([
  '的', '了', '是', '在', '和', '与', '及', '等', '有', '也', '都', '而', '其', '这', '那', '吗', '呢', '个', '将', '对', '为',
  '什么', '多少', '哪些', '哪个', '怎么', '如何', '为什', '是否', '报告', '告里', '里说',
]);

const EN_STOP = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'to', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'by', 'with', 'at', 'as',
  'what', 'how', 'which', 'who', 'when', 'where', 'why', 'does', 'did', 'do', 'its', 'it', 'this', 'that', 'from', 'much', 'many',
]);

/**
 * Strips up to two particles/endings (기업들의 → 기업들 → 기업), keeping a stem of at least
 * `minStem` syllables so that nouns ending like a particle (지도, 아이) survive.
 */
export function stripKorean(word: string, minStem = 2): string {
  let w = word;
  for (let pass = 0; pass < 2; pass++) {
    const candidates = SUFFIXES_BY_LAST.get(w[w.length - 1] ?? '');
    let cut = 0;
    for (const s of candidates ?? []) {
      if (w.length - s.length >= minStem && w.endsWith(s)) {
        cut = s.length;
        break;
      }
    }
    if (cut === 0) break;
    w = w.slice(0, -cut);
  }
  return w;
}

// Suffixes grouped by their last syllable, longest first: a word is checked against a handful, not all.
const SUFFIXES_BY_LAST = new Map<string, string[]>();
for (const s of [...KO_SUFFIXES].sort((a, b) => b.length - a.length)) {
  const last = s[s.length - 1]!;
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), s]);
}

// One pass over the normalized text: numbers (with an optional %), Hangul runs, Han runs, and
// other letters (Latin…). The gap between two matches decides whether a Korean phrase goes on.
const TOKEN = /(\d+(?:\.\d+)?%?)|(\p{Script=Hangul}+)|(\p{Script=Han}+)|([^\P{L}\p{Script=Hangul}\p{Script=Han}]+)/gu;
const PARTICLES = new Set<string>(KO_SUFFIXES);
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
      if (PARTICLES.has(hangul) || KO_STOP.has(hangul) || KO_STOP.has(stem)) {
        flushPhrase();
        continue;
      }
      if (stem.length >= 2) add(`w:${stem}`, W.koStem);
      for (const ch of stem) add(`u:${ch}`, W.koChar);
      phrase += stem;
    } else if (han) {
      for (const ch of han) if (!ZH_STOP.has(ch)) add(`g:${ch}`, W.zhChar);
      for (let i = 0; i + 1 < han.length; i++) {
        const bi = han.slice(i, i + 2);
        if (!ZH_STOP.has(bi)) add(`h:${bi}`, W.zhBigram);
      }
    } else if (latin && !EN_STOP.has(latin)) {
      add(`l:${latin}`, latin.length <= 2 ? W.latinShort : W.latin);
    }
  }
  flushPhrase();

  const out: Features = new Map();
  for (const [f, { w, tf }] of raw) out.set(f, w * (1 + Math.log(tf)));
  return out;
}
