/**
 * Sino-Korean readings of Chinese words: 农村 → 농촌, 面积 → 면적, 体验 → 체험, 示范区 → 시범구.
 *
 * Why: most of the report's vocabulary is Sino-Korean, written in Hangul. A Chinese question's
 * words are, character by character, the same morphemes, so their Korean reading is very often the
 * report's own word. The bilingual glossary (parenthesised pairs + seed list) covers names and a few
 * hundred terms; readings cover the long tail of ordinary words (发明 → 발명, 大使馆 → 대사관).
 * They are not translations: 城市 reads 성시 (Korean says 도시), 专利 reads 전리 (Korean: 특허), and
 * Chinese place and company names are transcribed from Mandarin (成都 → 청두), not read. So a
 * reading is only used when the report itself contains it as a word (ReadingVocabulary), only
 * where the glossary explained nothing, and only on the lexical side (retrieve/query.ts).
 *
 * Libraries: `hanja` (MIT, no dependencies) holds the per-character readings, with the initial-
 * sound rule (利润 → 이윤); its table is keyed by traditional characters, so simplified text goes
 * through opencc-js's character table first (价 → 價 reads 가, not 개 as the simplified glyph does).
 */
import { createRequire } from 'node:module';
// The character table alone (opencc-js/dict/STCharacters, "简 繁|…"): a full cn→tw converter
// (phrase tries) costs ~75 MiB of heap per process; per-character forms are all a reading needs.
// @ts-expect-error -- the package ships no types for its dictionary modules; it is a string.
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import { memoizeString } from '../util/memo.js';
import { ZH_QUERY_STOP, ZH_STOP, ZH_STOP_CHARS, isHan, isHangul } from './rules.js';

type Hanja = { translate(text: string, mode: 'SUBSTITUTION'): string };
let hanjaLib: Hanja | undefined;
/**
 * `hanja`, loaded on the first Chinese question (its table is ~13 MiB of heap: a worker that
 * never sees one does not pay for it). CommonJS with `exports.default`, hence the unwrapping.
 */
function hanja(): Hanja {
  if (!hanjaLib) {
    const mod = createRequire(import.meta.url)('hanja') as { default?: Hanja } & Partial<Hanja>;
    hanjaLib = (mod.default ?? mod) as Hanja;
  }
  return hanjaLib;
}

let stTable: Map<string, string> | undefined;
/** Simplified → traditional, character by character (the first traditional form of each). */
function traditional(s: string): string {
  if (!stTable) {
    stTable = new Map();
    for (const pair of (ST_CHARACTERS as string).split('|')) {
      const [from, to] = pair.split(' ');
      if (from && to) stTable.set(from, to);
    }
  }
  let out = '';
  for (const ch of s) out += stTable.get(ch) ?? ch;
  return out;
}

/** The Hangul reading of a Han string, or '' when a character has none (rare characters, kana). */
export const sinoKoreanReading: (han: string) => string = memoizeString((han: string): string => {
  if (!han) return '';
  const reading = hanja().translate(traditional(han), 'SUBSTITUTION');
  return [...reading].every((ch) => isHangul(ch.codePointAt(0)!)) ? reading : '';
});

/** Shortest and longest Han stretch read as one word (2: a single character's reading is too ambiguous). */
const MIN_WORD = 2;
const MAX_WORD = 4;

/** A reading of this many syllables also counts inside a compound (대사관 in 주중국대사관); shorter ones only at its start. */
const INFIX_MIN = 3;

/**
 * The Hangul words of a report (surface forms, particles included), to keep only the readings the
 * report uses. A reading counts when it is a word, begins one (발명 in 발명특허: particles and
 * compounds follow the noun), or, from three syllables, lies inside one (대사관 in 주중국대사관).
 */
export class ReadingVocabulary {
  private readonly sorted: string[];
  private readonly words: Set<string>;
  private readonly joined: string;
  /** Han substring → the report's own Hangul for it, aligned from its name pairs (see `alignPairs`). */
  private readonly aligned: Map<string, Set<string>>;

  constructor(words: Iterable<string>, pairs: ReadonlyArray<{ ko: string; zh: readonly string[] }> = []) {
    this.words = new Set([...words].filter((w) => [...w].length >= MIN_WORD));
    this.sorted = [...this.words].sort();
    this.joined = this.sorted.join('\n');
    this.aligned = alignPairs(pairs);
  }

  /** Builds it from raw texts (every Hangul run of two or more syllables) and the report's name pairs. */
  static fromTexts(texts: Iterable<string>, pairs: ReadonlyArray<{ ko: string; zh: readonly string[] }> = []): ReadingVocabulary {
    const words = new Set<string>();
    for (const t of texts) for (const m of t.matchAll(/[\uAC00-\uD7AF]{2,}/g)) words.add(m[0]);
    return new ReadingVocabulary(words, pairs);
  }

  /** The report has a word that is, begins with, or (three syllables and more) contains `reading`. */
  has(reading: string): boolean {
    if (this.words.has(reading)) return true;
    if ([...reading].length >= INFIX_MIN) return this.joined.includes(reading);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < reading) lo = mid + 1;
      else hi = mid;
    }
    return this.sorted[lo]?.startsWith(reading) ?? false;
  }

  /**
   * The report's words that read the Chinese words of `text`. Within each stretch without stop
   * words (ICU word segments, as the analyzer cuts them), left to right: the longest substring of
   * 4 down to 2 characters whose reading the report uses, then on after it. Substrings of three
   * or four characters need not follow ICU's cuts (it splits 驻华大使|馆) but must hold part of a
   * word of two or more characters: ICU cuts unknown names and function words into single
   * characters, and their readings are chance (里|有 → 이유). Two characters must be one of ICU's
   * words: a two-syllable reading is too easily some other word (净利|润 → 정리, "to tidy").
   */
  readingsIn(text: string): string[] {
    const out: string[] = [];
    for (const span of wordSpans(text)) {
      const chars = span.flatMap((w) => [...w].map(() => [...w].length > 1));
      const han = span.flatMap((w) => [...w]);
      const words = new Set<number>(); // start offsets of two-character ICU words
      let at = 0;
      for (const w of span) {
        if ([...w].length === 2) words.add(at);
        at += [...w].length;
      }
      for (let i = 0; i + MIN_WORD <= han.length; ) {
        let taken = 0;
        for (let len = Math.min(MAX_WORD, han.length - i); len >= MIN_WORD && !taken; len--) {
          const sub = han.slice(i, i + len).join('');
          // The report's own transcription (东湖 → 둥후, from 우한 둥후 …(武汉东湖…)) is taken
          // wherever it fits: ICU cuts such names into characters (东|湖). A reading needs a word.
          const readable = chars.slice(i, i + len).some(Boolean) && (len !== 2 || words.has(i));
          for (const r of [...(this.aligned.get(sub) ?? []), readable ? sinoKoreanReading(sub) : '']) {
            if (!r || !this.has(r)) continue;
            if (!out.includes(r)) out.push(r);
            taken = len;
          }
        }
        i += taken || 1;
      }
    }
    return out;
  }
}

/**
 * The report writes a Chinese name or term one Hangul syllable per character, either transcribed
 * from Mandarin (武汉东湖 → 우한 둥후) or read (国家自主创新示范区 → 국가자주혁신시범구). So in a
 * pair whose Korean, without spaces, has as many syllables as the Chinese has characters, every
 * stretch of 2–4 characters has its Korean: 东湖 → 둥후. A question that names part of a long
 * name (东湖示范区) then reaches the report's spelling of that part.
 */
function alignPairs(pairs: ReadonlyArray<{ ko: string; zh: readonly string[] }>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of pairs) {
    const ko = [...p.ko.replace(/\s+/g, '')];
    if (!ko.every((c) => isHangul(c.codePointAt(0)!))) continue;
    for (const z of p.zh) {
      const han = [...z];
      if (han.length !== ko.length || !han.every((c) => isHan(c.codePointAt(0)!))) continue;
      for (let i = 0; i < han.length; i++) {
        for (let len = MIN_WORD; len <= MAX_WORD && i + len <= han.length; len++) {
          const key = han.slice(i, i + len).join('');
          const set = out.get(key) ?? new Set<string>();
          set.add(ko.slice(i, i + len).join(''));
          out.set(key, set);
        }
      }
    }
  }
  return out;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Stretches of consecutive Han words without stop words or stop characters (的, 是, 多少, 哪些 …). */
function wordSpans(text: string): string[][] {
  const spans: string[][] = [];
  let cur: string[] = [];
  const close = (): void => {
    if (cur.length) spans.push(cur);
    cur = [];
  };
  for (const { segment } of segmenter.segment(text)) {
    const han = [...segment].every((ch) => isHan(ch.codePointAt(0)!));
    if (!han || ZH_STOP.has(segment) || ZH_QUERY_STOP.has(segment) || [...segment].some((ch) => ZH_STOP_CHARS.has(ch))) close();
    else cur.push(segment);
  }
  close();
  return spans;
}
