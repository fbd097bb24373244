/**
 * The BM25 lexical index: MiniSearch (BM25+, inverted index) with the CJK analyzer plugged
 * into its `tokenize` hook. LangChain's BM25Retriever splits on white space and rescores the
 * whole corpus per query, which fits neither Korean nor Chinese (environment.md).
 *
 * - Documents have two fields: `header` ("section › article › heading", boosted: a word of the
 *   article's title says more about a chunk than a word of its body) and `text`.
 * - Only the ids (chunk labels) are stored; the chunk store lives elsewhere.
 * - Queries arrive analyzed (./query.ts) as weighted terms and are run as one OR query whose
 *   per-term boost is the weight; prefix and fuzzy matching stay off (meaningless for CJK bigrams).
 * - Serialization records this module's format version and the analyzer version: an index
 *   built with another analyzer would silently miss terms, so it refuses to load instead.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { AppError } from '../errors.js';
import type { AnalyzedQuery, LexicalHit, LexicalIndex } from '../types.js';
import { ANALYZER_VERSION, analyzeForIndex } from './analyzer.js';

/** Bump when the fields, boosts or stored layout change. */
export const LEXICAL_INDEX_VERSION = 1;

export interface LexicalDoc {
  /** Position of the chunk in the chunk store (unique). */
  label: number;
  /** "section › article › heading". */
  header: string;
  text: string;
}

export interface LexicalIndexOptions {
  /** Boost of the header field relative to the text (1 = equal). Default 1.5. */
  headerBoost: number;
  /** BM25+ parameters (MiniSearch defaults k 1.2, b 0.7, d 0.5). */
  bm25: { k: number; b: number; d: number };
}

export const DEFAULT_LEXICAL_OPTIONS: Readonly<LexicalIndexOptions> = Object.freeze({
  headerBoost: 1.5,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
});

export interface LexicalIndexJSON {
  kind: 'minisearch-bm25';
  version: number;
  analyzerVersion: number;
  options: LexicalIndexOptions;
  index: AsPlainObject;
}

const FIELDS = ['header', 'text'];

/** The MiniSearch options: identical at build and at load, or loadJS would misread the index. */
function miniSearchOptions(): Options<LexicalDoc> {
  return {
    idField: 'label',
    fields: FIELDS,
    storeFields: [],
    tokenize: (text: string) => analyzeForIndex(text),
    // The analyzer already lowercases and normalizes; a second pass would break Hangul/Han terms.
    processTerm: (term: string) => term || null,
  };
}

export class MiniSearchLexicalIndex implements LexicalIndex {
  private constructor(
    private readonly ms: MiniSearch<LexicalDoc>,
    readonly options: LexicalIndexOptions,
  ) {}

  static build(docs: ReadonlyArray<LexicalDoc>, options: Partial<LexicalIndexOptions> = {}): MiniSearchLexicalIndex {
    const ms = new MiniSearch<LexicalDoc>(miniSearchOptions());
    ms.addAll(docs.map((d) => ({ label: d.label, header: d.header, text: d.text })));
    return new MiniSearchLexicalIndex(ms, { ...DEFAULT_LEXICAL_OPTIONS, ...options });
  }

  /** Loads an index written by toJSON(); throws INDEX_STALE when it was built by another analyzer or format. */
  static fromJSON(json: string | LexicalIndexJSON): MiniSearchLexicalIndex {
    let data: LexicalIndexJSON;
    try {
      data = typeof json === 'string' ? (JSON.parse(json) as LexicalIndexJSON) : json;
    } catch (cause) {
      throw new AppError('INDEX_CORRUPT', 'lexical index: not valid JSON', { cause });
    }
    if (data?.kind !== 'minisearch-bm25' || typeof data.index !== 'object' || data.index === null) {
      throw new AppError('INDEX_CORRUPT', `lexical index: unexpected kind ${JSON.stringify(data?.kind)}`);
    }
    if (data.version !== LEXICAL_INDEX_VERSION) {
      throw new AppError('INDEX_STALE', `lexical index format ${String(data.version)} ≠ ${LEXICAL_INDEX_VERSION}: rebuild the index (npm run ingest)`);
    }
    if (data.analyzerVersion !== ANALYZER_VERSION) {
      throw new AppError(
        'INDEX_STALE',
        `lexical index built with analyzer ${String(data.analyzerVersion)}, this code uses analyzer ${ANALYZER_VERSION}: rebuild the index (npm run ingest)`,
      );
    }
    const ms = MiniSearch.loadJS<LexicalDoc>(data.index, miniSearchOptions());
    return new MiniSearchLexicalIndex(ms, { ...DEFAULT_LEXICAL_OPTIONS, ...data.options });
  }

  toJSON(): LexicalIndexJSON {
    return {
      kind: 'minisearch-bm25',
      version: LEXICAL_INDEX_VERSION,
      analyzerVersion: ANALYZER_VERSION,
      options: this.options,
      index: this.ms.toJSON(),
    };
  }

  get size(): number {
    return this.ms.documentCount;
  }

  search(query: AnalyzedQuery, k: number): LexicalHit[] {
    if (k <= 0 || query.terms.length === 0) return [];
    const weights = new Map<string, number>();
    for (const { term, weight } of query.terms) if (term && weight > 0) weights.set(term, Math.max(weight, weights.get(term) ?? 0));
    if (weights.size === 0) return [];
    const results: SearchResult[] = this.ms.search([...weights.keys()].join(' '), {
      // Terms are already analyzed: split them back and use them verbatim.
      tokenize: (s: string) => s.split(' '),
      processTerm: (t: string) => t,
      boostTerm: (t: string) => weights.get(t) ?? 0,
      boost: { header: this.options.headerBoost, text: 1 },
      bm25: this.options.bm25,
      prefix: false,
      fuzzy: false,
      combineWith: 'OR',
    });
    // MiniSearch multiplies each score by the number of query terms matched (a coordination
    // factor). With bigrams that counts one long word several times (인공지능 = 인공지능 + 인공 +
    // 공지 + 지능) and lets documents matching a few long generic words beat one matching a rare
    // name. Count concepts instead: a term contained in a longer query term belongs to it.
    const owner = conceptOwners([...weights.keys()]);
    const rescored = results.map((r) => {
      const concepts = new Set(r.queryTerms.map((t: string) => owner.get(t) ?? t));
      return { label: r.id as number, score: (r.score / Math.max(1, r.queryTerms.length)) * concepts.size };
    });
    rescored.sort((a, b) => b.score - a.score || a.label - b.label);
    return rescored.slice(0, k);
  }
}

/**
 * For each CJK bigram or number, the longest query term that contains it (its "concept":
 * 인공지능 for 공지, 2027년 for 2027); roots are absent. Latin words stand alone ("ai" is not
 * part of "chain").
 */
function conceptOwners(terms: string[]): Map<string, string> {
  const byLength = [...terms].sort((a, b) => b.length - a.length);
  const owner = new Map<string, string>();
  for (const t of terms) {
    if (/^[a-z]/.test(t)) continue;
    const o = byLength.find((u) => u.length > t.length && u.includes(t));
    if (o) owner.set(t, owner.get(o) ?? o);
  }
  return owner;
}
