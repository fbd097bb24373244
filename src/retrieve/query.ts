/**
 * Question analysis: normalize → detect the language → analyze → expand with the glossary.
 *
 * The report is Korean, so a Chinese or English question mostly reaches it through its Korean
 * expansions (宇树科技 → 유니트리, 份额 → 점유율, "Nengke" → 넝커 by pinyin); those carry a
 * weight close to the question's own words, or the lexical side would be blind to them. For a
 * Korean question the expansions are the Chinese/English forms (the report prints them in
 * parentheses) and other Korean spellings sharing a Chinese form (저공경제 → 저고도 경제).
 */
import type { AnalyzedQuery, Lang } from '../types.js';
import { analyze, type Token } from './analyzer.js';
import type { Glossary } from './glossary.js';
import { detectLanguage } from './language.js';
import { escapeRegExp, normalize } from '../text/normalize.js';
import { pinyinToHangul } from './pinyin.js';

/** Term weights; every value in (0, 1]. */
export interface QueryWeights {
  /** Factor for bigram terms (they repeat what the word already says). Default 0.5. */
  gram: number;
  /** Korean glossary expansions of a Chinese/English question, and Korean variants of a Korean one. Default 0.8. */
  expansion: number;
  /** Chinese/English forms added to a Korean question. Default 0.3. */
  crossScript: number;
  /** Hangul transcriptions of pinyin words in an English question. Default 0.6. */
  pinyin: number;
  /** Sino-Korean readings of a Chinese question's words that the report uses (农村 → 농촌). Default 0.8, as a glossary form. */
  reading: number;
  /** Korean words of the report's vocabulary for a Chinese/English question's words (功能 → 기능), per word of the question. */
  vocabulary: number;
}

export const DEFAULT_QUERY_WEIGHTS: Readonly<QueryWeights> = Object.freeze({ gram: 0.5, expansion: 0.8, crossScript: 0.3, pinyin: 0.6, reading: 0.8, vocabulary: 0.8 });

export interface AnalyzeQueryOptions {
  /** Skip detection (the chat layer may know the language already). */
  lang?: Lang;
  weights?: Partial<QueryWeights>;
  /** Glossary and pinyin expansion (default true; false for measurements). */
  expand?: boolean;
  /**
   * The report's Korean words that read the Chinese words of a text (text/sinoKorean.ts); the
   * retriever passes its index's vocabulary. Without it, no readings are added.
   */
  readings?: (text: string) => string[];
  /**
   * The report's Korean words for a Chinese or English text's ordinary words, one group per word
   * (lexicon.ts); the retriever passes its lexicon. Without it, none are added.
   */
  vocabulary?: (text: string, lang: 'zh' | 'en') => string[][];
}

const HANGUL = /[\uAC00-\uD7AF]/;
/**
 * Bounds on what one question sends to the indexes: terms (highest weight first) and glossary
 * expansions (48 terms: dev-set quality unchanged against 96, random long questions 25% cheaper).
 * A typical question has 10–40 terms and a few expansions; the bounds only bite on
 * long or hostile input, whose cost would otherwise grow with its length.
 */
export const MAX_QUERY_TERMS = 48;
export const MAX_EXPANSIONS = 24;

/** A word or phrase as a whole (`\b` on both sides), case-insensitive, every occurrence. */
function wholeWord(x: string): RegExp {
  return new RegExp(`\\b${escapeRegExp(x)}\\b`, 'giu');
}

export function analyzeQuery(text: string, glossary: Glossary, opts: AnalyzeQueryOptions = {}): AnalyzedQuery {
  const w = { ...DEFAULT_QUERY_WEIGHTS, ...opts.weights };
  const normalized = normalize(text);
  const lang = opts.lang ?? detectLanguage(normalized);
  const weights = new Map<string, number>();
  const add = (tokens: Token[], base: number): void => {
    for (const t of tokens) {
      const weight = t.kind === 'gram' ? base * w.gram : base;
      if ((weights.get(t.term) ?? 0) < weight) weights.set(t.term, weight);
    }
  };

  add(analyze(normalized, { query: true }), 1);

  const expansions: string[] = [];
  const expand = opts.expand ?? true;
  // A Chinese or English question's glossary entries are matched once: their Korean forms are
  // the expansions (what Glossary.expand gives for zh/en), and their own forms are struck from
  // `rest` below.
  const entries = expand && lang !== 'ko' ? glossary.entriesIn(normalized, lang) : [];
  const forms = !expand ? [] : lang === 'ko' ? glossary.expand(normalized, lang) : [...new Set(entries.map((e) => e.ko))];
  for (const form of forms.slice(0, MAX_EXPANSIONS)) {
    if (HANGUL.test(form)) {
      expansions.push(form);
      add(analyze(normalize(form)), w.expansion);
    } else {
      add(analyze(normalize(form)), w.crossScript);
    }
  }

  // What the glossary did not explain (its names and seed terms are weighed above): 能科科技 is
  // 넝커테크 by the glossary, and its 科技 must not add a reading or a vocabulary word as well.
  let rest = normalized;
  // The seed's English forms the question writes as whole words ("AI" is not in "said"), with their entry.
  const seedEnglish: Array<{ ko: string; form: string }> = [];
  for (const e of entries) {
    for (const z of e.zh) rest = rest.split(z).join(' ');
    for (const x of e.en) {
      const re = wholeWord(x);
      if (normalized.search(re) >= 0) seedEnglish.push({ ko: e.ko, form: x });
      rest = rest.replace(re, ' ');
    }
  }

  if (expand && lang !== 'ko' && opts.vocabulary) {
    // Both sides and the answer stage's concepts; a word with n translations gives each 1/n of
    // the weight, so that it counts as one concept, as a word with one translation does. In the
    // dense text too (unlike readings): measured when added, `check` Chinese evidence@5 0.96 →
    // 1.00, English 0.75 → 0.92, keywords 0.70 → 0.74 and 0.67 → 0.75 (`tune` up as well).
    for (const group of opts.vocabulary(rest, lang).slice(0, MAX_EXPANSIONS)) {
      for (const ko of group) {
        add(analyze(normalize(ko)), w.vocabulary / group.length);
        if (!expansions.includes(ko)) expansions.push(ko);
      }
    }
  }

  if (expand && lang === 'en' && opts.vocabulary) {
    // A seed term the glossary explained has other words in the report that the vocabulary lists
    // for the same English word (commercialization: the seed's 상업화, the vocabulary's 상용화 and
    // 사업화): they join as vocabulary words. Names have no vocabulary entry. English only: an
    // English word covers more Korean words than a Chinese one (商业化 is 상업화), and measured on
    // `tune`, Chinese questions lost keywords with it (0.75 → 0.71) while English ones gained.
    for (const { ko: seedKo, form } of seedEnglish) {
      for (const group of opts.vocabulary(form, lang)) {
        for (const ko of group.filter((k) => k !== seedKo && !expansions.includes(k))) {
          add(analyze(normalize(ko)), w.vocabulary / group.length);
          expansions.push(ko);
        }
      }
    }
  }

  if (expand && lang === 'zh' && opts.readings) {
    // Lexical side only (not in `expansions`, which the dense side embeds): readings include
    // common words (기업, 방안) that BM25 discounts by their frequency but that shift a hashed
    // query vector. Measured when added (`tune` Chinese): in the dense text too, evidence@5
    // 0.75 → 0.83 but keywords unchanged and `check` worse; lexical only, keywords 0.58 → 0.63
    // and `check` unchanged. Since the seed glossary grew, `--no-readings` only moves `tune`
    // first citation (0.97 → 0.95).
    // Only where the glossary explained nothing (`rest`): not the reading 과기 for 能科科技's 科技.
    for (const ko of opts.readings(rest)) if (!expansions.includes(ko)) add(analyze(ko), w.reading);
  }

  if (expand && lang !== 'ko') {
    // Capitalized Latin words that the glossary did not already explain: Chinese names in pinyin.
    for (const m of normalized.matchAll(/\b[A-Z][a-z]+(?:['’][a-z]+)?\b/g)) {
      const word = m[0];
      if (glossary.knowsEnglishWord(word)) continue;
      const ko = pinyinToHangul(word);
      if (ko && !expansions.includes(ko)) {
        expansions.push(ko);
        add(analyze(ko), w.pinyin);
      }
    }
  }

  return {
    raw: text,
    normalized,
    lang,
    // Stable sort: among equal weights the question's own order is kept.
    terms: [...weights.entries()]
      .map(([term, weight]) => ({ term, weight }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_QUERY_TERMS),
    expansions,
  };
}
