/**
 * Hybrid retrieval: BM25 over the CJK analyzer (with glossary expansion) + dense search over
 * the HNSW index, fused by weighted RRF, then near-duplicates removed and a per-article cap.
 */
import type { Glossary } from './glossary.js';
import { analyzeQuery } from './query.js';
import { ReadingVocabulary } from '../text/sinoKorean.js';
import { KoreanSpacer } from '../text/spacing.js';
import { type Correction, LatinNameSpeller, NameSpeller } from '../text/spelling.js';
import { EN_QUERY_STOP, EN_STOP } from '../text/rules.js';
import { defaultLexicon } from './lexicon.js';
import { expectedFigure } from './answerType.js';
import { diversify, reciprocalRankFusion } from './fuse.js';
import type { AnalyzedQuery, Chunk, Embedder, LexicalIndex, Lang, Retriever, SearchHit, SearchOptions, VectorIndex } from '../types.js';

/** Article identity across reports ("trend-01" repeats in every issue). */
export const articleKey = (c: Pick<Chunk, 'reportId' | 'articleId'>): string => `${c.reportId}:${c.articleId}`;

export interface RetrievalTuning {
  /** Candidates taken from each side before fusion. */
  candidates: number;
  /** RRF weights of the lexical and dense lists, and the RRF constant. */
  lexicalWeight: number;
  denseWeight: number;
  rrfK: number;
  /**
   * Default max chunks per article in the results. 5 (no cap at the default k = 5): with 3, the
   * answering passage was often the 4th of an article that dominates the question, replaced by
   * weaker passages of other articles (evidence@5 tune 0.86 → 0.91, check 0.91 → 0.94 at 5;
   * keywords unchanged on both splits).
   */
  perArticle: number;
  /** Bigram Jaccard at or above which two chunks count as the same text. */
  duplicateAt: number;
  /** Use glossary expansions (off only for measurements). */
  glossary: boolean;
  /** Add Sino-Korean readings of a Chinese question's words (off only for measurements). */
  readings: boolean;
  /** Add the report's Korean words for a Chinese/English question's ordinary words (lexicon.ts; off only for measurements). */
  vocabulary: boolean;
  /**
   * Bonus for a passage holding the kind of figure the question asks for (answer-type cue),
   * as a fraction of a first-place RRF contribution: 0.25 ≈ moving up a few places.
   */
  figureBonus: number;
}

export const DEFAULT_TUNING: RetrievalTuning = {
  candidates: 30,
  lexicalWeight: 1,
  denseWeight: 1,
  rrfK: 60,
  perArticle: 5,
  duplicateAt: 0.85,
  glossary: true,
  readings: true,
  vocabulary: true,
  figureBonus: 0.25,
};

export interface RetrieverDeps {
  chunks: Chunk[];
  vector: VectorIndex;
  lexical: LexicalIndex;
  glossary: Glossary;
  embedder: Embedder;
  tuning?: Partial<RetrievalTuning>;
}

export class HybridRetriever implements Retriever {
  readonly tuning: RetrievalTuning;

  private byArticle: Map<string, Chunk[]> | undefined;
  private readingWords: ReadingVocabulary | undefined;
  private spacer: KoreanSpacer | undefined;
  private speller: NameSpeller | undefined;
  private latinSpeller: LatinNameSpeller | undefined;

  constructor(private readonly deps: RetrieverDeps) {
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  }

  /** The index's glossary: the question frame resolves names with it. */
  get glossary(): Glossary {
    return this.deps.glossary;
  }

  /** An article's chunks in reading order (overviews, summaries of a named article). */
  articleChunks(key: string): Chunk[] {
    if (!this.byArticle) {
      this.byArticle = new Map();
      for (const c of this.deps.chunks) {
        const l = this.byArticle.get(articleKey(c)) ?? [];
        l.push(c);
        this.byArticle.set(articleKey(c), l);
      }
      for (const l of this.byArticle.values()) l.sort((a, b) => a.ordinal - b.ordinal);
    }
    return this.byArticle.get(key) ?? [];
  }

  analyze(text: string, lang?: Lang): AnalyzedQuery {
    return analyzeQuery(text, this.deps.glossary, {
      ...(lang ? { lang } : {}),
      expand: this.tuning.glossary,
      ...(this.tuning.readings ? { readings: (t: string) => this.readingVocabulary().readingsIn(t) } : {}),
      ...(this.tuning.vocabulary ? { vocabulary: (t: string, l: 'zh' | 'en') => defaultLexicon().koreanFor(t, l) } : {}),
    });
  }

  /**
   * The question as the stages read it: Korean spacing restored where it was typed without
   * (text/spacing.ts: "유니트리점유율은몇퍼센트야"), then a misspelt name read as the report's
   * (text/spelling.ts: 능커테크 → 넝커테크), with the names read so. Both work from the report's
   * own words and names, built from the passages on first use (~10 ms). English questions also
   * get their Latin name spellings read so (Hikvison → Hikvision); only they, so that a Korean or
   * Chinese question never loads the English lexicon for it.
   */
  readable(text: string, lang: Lang): { text: string; corrections: Correction[] } {
    this.spacer ??= KoreanSpacer.fromTexts(this.deps.chunks.map((c) => `${c.header} ${c.text}`));
    const spacer = this.spacer;
    this.speller ??= new NameSpeller(
      this.deps.glossary.extracted.map((e) => e.ko),
      (w) => spacer.knows(w),
    );
    const speller = this.speller;
    const korean = speller.correct(spacer.respace(text, (piece) => !spacer.knows(piece) && speller.nearName(piece) !== undefined));
    if (lang !== 'en') return korean;
    const glossary = this.deps.glossary;
    this.latinSpeller ??= new LatinNameSpeller(
      glossary.entries.flatMap((e) => e.en),
      (w) => EN_STOP.has(w) || EN_QUERY_STOP.has(w) || defaultLexicon().knowsEnglish(w) || glossary.knowsEnglishWord(w),
    );
    const latin = this.latinSpeller.correct(korean.text);
    return { text: latin.text, corrections: [...korean.corrections, ...latin.corrections] };
  }

  /** The report's Hangul words, for Sino-Korean readings of Chinese questions (built once, ~10 ms). */
  private readingVocabulary(): ReadingVocabulary {
    this.readingWords ??= ReadingVocabulary.fromTexts(
      this.deps.chunks.map((c) => `${c.header} ${c.text}`),
      this.deps.glossary.extracted,
    );
    return this.readingWords;
  }

  async search(text: string, opts: SearchOptions & { lang?: Lang }): Promise<{ query: AnalyzedQuery; hits: SearchHit[] }> {
    const query = this.analyze(text, opts.lang);
    const hits = await this.searchAnalyzed(query, opts);
    return { query, hits };
  }

  async searchAnalyzed(query: AnalyzedQuery, opts: SearchOptions): Promise<SearchHit[]> {
    const t = this.tuning;
    const { chunks } = this.deps;
    // When restricted to one article, look deeper so the article's chunks survive the filter.
    const depth = opts.articleId ? Math.max(t.candidates, chunks.length) : t.candidates;
    const inScope = (label: number) => !opts.articleId || articleKey(chunks[label]!) === opts.articleId;

    const lexical = query.terms.length ? this.deps.lexical.search(query, depth).filter((h) => inScope(h.label)) : [];
    // The dense side sees the glossary's Korean expansions too: with the hashed embedder this
    // is what lets a Chinese question land on Korean passages; a multilingual model is not hurt.
    const denseText = [query.normalized, ...query.expansions].join(' ').trim();
    const dense = denseText
      ? this.deps.vector.search(await this.deps.embedder.embedQuery(denseText), depth).filter((h) => inScope(h.label))
      : [];

    const fused = reciprocalRankFusion([lexical, dense], [t.lexicalWeight, t.denseWeight], t.rrfK);
    const figure = t.figureBonus > 0 ? expectedFigure(query.raw, query.lang) : undefined;
    if (figure) {
      const bonus = (t.figureBonus * Math.max(t.lexicalWeight, t.denseWeight)) / (t.rrfK + 1);
      for (const f of fused) if (figure.test(chunks[f.label]!.text)) f.score += bonus;
      fused.sort((a, b) => b.score - a.score || a.label - b.label);
    }
    const picked = diversify(fused, {
      k: opts.k,
      perArticle: opts.perArticle ?? t.perArticle,
      duplicateAt: t.duplicateAt,
      articleOf: (f) => articleKey(chunks[f.label]!),
      textOf: (f) => chunks[f.label]!.text,
    });
    return picked.map((f, i) => ({
      rank: i + 1,
      score: f.score,
      chunk: chunks[f.label]!,
      debug: {
        lexical: f.scores[0],
        dense: f.scores[1],
        ...(Number.isFinite(f.ranks[0]) ? { lexicalRank: f.ranks[0] } : {}),
        ...(Number.isFinite(f.ranks[1]) ? { denseRank: f.ranks[1] } : {}),
      },
    }));
  }
}
