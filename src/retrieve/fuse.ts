/**
 * Fusion of ranked lists, near-duplicate removal and the per-article cap: pure functions.
 *
 * Weighted reciprocal-rank fusion (Cormack et al. 2009): score(d) = Σ_i w_i / (k + rank_i(d)).
 * Ranks rather than raw scores, because BM25 scores are unbounded and query-dependent while
 * cosine similarities of the hashed embedder crowd in a narrow band; RRF needs no calibration
 * between them. The weights and k were chosen on the dev set (see README, "Retrieval").
 */
import { memoizeString } from '../util/memo.js';

export interface Ranked {
  label: number;
  score: number;
}

export interface FusedItem {
  label: number;
  score: number;
  ranks: number[];
  scores: number[];
}

export function reciprocalRankFusion(lists: Ranked[][], weights: number[], k = 60): FusedItem[] {
  const byLabel = new Map<number, FusedItem>();
  lists.forEach((list, li) => {
    const w = weights[li] ?? 1;
    list.forEach((hit, r) => {
      let item = byLabel.get(hit.label);
      if (!item) {
        item = { label: hit.label, score: 0, ranks: lists.map(() => Number.POSITIVE_INFINITY), scores: lists.map(() => 0) };
        byLabel.set(hit.label, item);
      }
      item.score += w / (k + r + 1);
      item.ranks[li] = r + 1;
      item.scores[li] = hit.score;
    });
  });
  return [...byLabel.values()].sort((a, b) => b.score - a.score || a.label - b.label);
}

/** Character-bigram set of a text, whitespace ignored (robust to the report's spacing variants). Memoized: the same chunks come back query after query. */
export const bigrams: (text: string) => ReadonlySet<string> = memoizeString(computeBigrams, 5_000);

function computeBigrams(text: string): Set<string> {
  const s = text.replace(/\s+/g, '');
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Walks a ranked list and keeps an item unless it is a near-duplicate of one already kept
 * (the report repeats an intro paragraph in four articles) or its article already has
 * `perArticle` items. Stops at k.
 */
export function diversify<T>(
  ranked: T[],
  opts: { k: number; perArticle: number; articleOf: (t: T) => string; textOf: (t: T) => string; duplicateAt?: number },
): T[] {
  const threshold = opts.duplicateAt ?? 0.85;
  const kept: Array<{ item: T; grams: ReadonlySet<string> }> = [];
  const perArticle = new Map<string, number>();
  for (const item of ranked) {
    if (kept.length >= opts.k) break;
    const article = opts.articleOf(item);
    if ((perArticle.get(article) ?? 0) >= opts.perArticle) continue;
    const grams = bigrams(opts.textOf(item));
    // Jaccard ≥ t needs size(small) ≥ t·size(large): skip the intersection for pairs that cannot qualify.
    const near = (k: { grams: ReadonlySet<string> }) =>
      Math.min(k.grams.size, grams.size) >= threshold * Math.max(k.grams.size, grams.size) && jaccard(k.grams, grams) >= threshold;
    if (kept.some(near)) continue;
    kept.push({ item, grams });
    perArticle.set(article, (perArticle.get(article) ?? 0) + 1);
  }
  return kept.map((k) => k.item);
}
