/**
 * The report's vocabulary in Chinese and English: how a Chinese or English reader's ordinary
 * words (功能, 专利, 嘉宾, "function", "patent", "guest") reach the Korean words the report writes
 * (기능, 특허, 귀빈). The glossary (glossary.ts) pairs names, as the report prints them in
 * parentheses, plus a hand-written seed of industry terms; most of the report's prose has no
 * such pair, so without this list a cross-lingual question is matched on its names alone and
 * every sentence about the subject looks alike.
 *
 * Provenance (src/retrieve/vocabulary.ts): every Hangul word of the June 2025 issue (particles
 * stripped, 2,703 words not already in the seed) translated word by word, from the word and a
 * snippet of its context, never from a question; fragments, function words and names whose
 * Chinese original is not certain were left out. For a new issue, `npm run lexicon -- --missing`
 * lists its words that have no entry.
 *
 * Used one way only: Chinese/English words → Korean expansions of the query (lexical side and
 * the answer stage's concepts). A Korean question is never expanded into these Chinese or English
 * forms: the report prints Chinese and English only for names, which the glossary covers.
 */
import { normalize } from '../text/normalize.js';
import { ZH_QUERY_STOP, ZH_STOP, isEnglishStopWord } from '../text/rules.js';
import { memoizeString } from '../util/memo.js';
import { VOCABULARY } from './vocabulary.js';

export interface LexiconEntry {
  ko: string;
  zh: string[];
  en: string[];
}

/** A Chinese form shorter than this matches too much by substring (会 in 会议, 社会, 机会). */
const MIN_ZH_CHARS = 2;
/** Longest Chinese form tried at one position (the longest entry form is shorter). */
const MAX_ZH_CHARS = 8;
/** English words of three letters or fewer are looked up as written, never as an inflection. */
const MIN_INFLECTED = 4;

/**
 * A question's request and function words are noise in every language (text/rules.ts), so
 * they are not looked up either: an English request for a summary of what "the report" says
 * about a place got 요약, 보고서 and 보도, and passages that write "요약할 수 있다" or quote a
 * <보고> outranked the article asked about.
 */
const isStopEn = (w: string): boolean => isEnglishStopWord(w, true);
const isStopZh = (w: string): boolean => ZH_QUERY_STOP.has(w) || ZH_STOP.has(w);

/**
 * Candidate base forms of an English word: the word, and what regular inflections leave
 * ("provides" → provide, "studies" → study, "launched" → launch/launche → launch, "hosting" →
 * host/hoste). Irregular forms are in the list as entries of their own when they matter.
 */
export const englishBases = memoizeString((word: string): string[] => {
  const w = word.toLowerCase();
  const out = [w];
  if (w.length < MIN_INFLECTED) return out;
  const push = (x: string) => {
    if (x.length >= 3 && !out.includes(x)) out.push(x);
  };
  if (w.endsWith('ies')) push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) push(w.slice(0, -1));
  if (w.endsWith('ied')) push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    push(w.slice(0, -2));
    push(w.slice(0, -1));
    // Doubled consonant: "planned" → plan.
    if (w.length > 5 && w[w.length - 3] === w[w.length - 4]) push(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    push(w.slice(0, -3));
    push(`${w.slice(0, -3)}e`);
    if (w.length > 6 && w[w.length - 4] === w[w.length - 5]) push(w.slice(0, -4));
  }
  return out;
});

/** Parses `korean | chinese, … | english, …` lines (either list may be empty). */
export function parseLexicon(text: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const [ko = '', zh = '', en = ''] = line.split('|').map((s) => s.trim());
    const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);
    if (!ko) continue;
    out.push({ ko, zh: list(zh).map((z) => normalize(z).replace(/\s+/g, '')).filter((z) => [...z].length >= MIN_ZH_CHARS), en: list(en) });
  }
  return out;
}

export class Lexicon {
  /** Chinese form (simplified, no spaces) → Korean words. */
  private readonly zh = new Map<string, string[]>();
  /** First English word (lowercased base form) → the forms starting with it, as word lists. */
  private readonly en = new Map<string, Array<{ words: string[]; ko: string }>>();
  /** Every word of the English forms (built on first use, for `knowsEnglish`). */
  private enWords: Set<string> | undefined;

  constructor(readonly entries: readonly LexiconEntry[]) {
    const add = (m: Map<string, string[]>, k: string, ko: string) => {
      const l = m.get(k);
      if (!l) m.set(k, [ko]);
      else if (!l.includes(ko)) l.push(ko);
    };
    for (const e of entries) {
      for (const z of e.zh) add(this.zh, z, e.ko);
      for (const x of e.en) {
        const words = x.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        if (!words.length) continue;
        const l = this.en.get(words[0]!) ?? [];
        l.push({ words, ko: e.ko });
        this.en.set(words[0]!, l);
      }
    }
  }

  /** Some English form of the lexicon has this word (in any of its base forms). */
  knowsEnglish(word: string): boolean {
    this.enWords ??= new Set([...this.en.values()].flatMap((l) => l.flatMap((f) => f.words)));
    const words = this.enWords;
    return englishBases(word.toLowerCase()).some((b) => words.has(b));
  }

  static parse(text: string): Lexicon {
    return new Lexicon(parseLexicon(text));
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * The Korean words for the Chinese or English words of `text`, one group per word of the
   * question (a word with two Korean translations gives a group of two: the query weighs the
   * group, not each translation, so a word with many senses does not outweigh one with one).
   * Chinese: longest form first at each position, left to right, no overlaps. English: word
   * sequences compared on base forms ("provided services" matches "provide service").
   */
  koreanFor(text: string, lang: 'zh' | 'en'): string[][] {
    return lang === 'zh' ? this.matchZh(text) : this.matchEn(text);
  }

  private matchZh(text: string): string[][] {
    const out: string[][] = [];
    for (const run of normalize(text).match(/[\u3400-\u9FFF]+/gu) ?? []) {
      const chars = [...run];
      for (let i = 0; i < chars.length; ) {
        let taken = 0;
        for (let len = Math.min(MAX_ZH_CHARS, chars.length - i); len >= MIN_ZH_CHARS && !taken; len--) {
          const form = chars.slice(i, i + len).join('');
          const ko = this.zh.get(form);
          if (ko) {
            if (!isStopZh(form)) out.push(ko);
            taken = len;
          }
        }
        i += taken || 1;
      }
    }
    return out;
  }

  private matchEn(text: string): string[][] {
    const words = normalize(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const out: string[][] = [];
    for (let i = 0; i < words.length; ) {
      let best: { len: number; ko: string[] } | undefined;
      for (const base of englishBases(words[i]!)) {
        for (const f of this.en.get(base) ?? []) {
          if (i + f.words.length > words.length) continue;
          const ok = f.words.every((fw, k) => k === 0 || englishBases(words[i + k]!).includes(fw));
          if (!ok) continue;
          if (!best || f.words.length > best.len) best = { len: f.words.length, ko: [f.ko] };
          else if (f.words.length === best.len && !best.ko.includes(f.ko)) best.ko.push(f.ko);
        }
      }
      if (best) {
        if (best.len > 1 || !isStopEn(words[i]!)) out.push(best.ko);
        i += best.len;
      } else i++;
    }
    return out;
  }
}

let lexicon: Lexicon | undefined;
/** The built-in lexicon, parsed on the first Chinese or English question (a few ms, once per process). */
export function defaultLexicon(): Lexicon {
  lexicon ??= Lexicon.parse(VOCABULARY);
  return lexicon;
}
