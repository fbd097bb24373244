/**
 * How central a sentence is to its article: the cosine of its TF-IDF vector with the article's
 * (the centroid summarizer of Radev et al., 2004). A summary of an article the question only
 * names ("산업 트렌드 3번 요약", "华为那篇的要点") has no question words to rank
 * sentences by; the article's own distinctive words (성텅 and 엔비디아 in the Huawei article, 창안
 * and 둥펑 in the car-industry one) say what it is about, and the sentences that hold the most of
 * them say it best.
 *
 * Terms: character bigrams inside each word for Hangul and Han (Korean words carry particles; a
 * bigram of a name survives them), Latin words and numbers whole. Weights: the term's count in the
 * article's sentences times its inverse document frequency over the report's passages (`df`), so
 * a word every article uses (있다, 기업) weighs nothing.
 */
import type { TermStats } from './corpus.js';

const RUN_RE = /[\p{Script=Hangul}\p{Script=Han}]+|[a-z][a-z0-9]*|[0-9][0-9.,]*%?/gu;

/** A sentence's terms (with repeats). */
export function centroidTerms(text: string): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().match(RUN_RE) ?? []) {
    if (/^[a-z0-9]/.test(run)) {
      if (run.length >= 2) out.push(run.replace(/,/g, ''));
      continue;
    }
    const cs = [...run];
    for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
  }
  return out;
}

/** Cosine of each text's TF-IDF vector with the vector of all of them together, in order. */
export function centrality(texts: readonly string[], df: TermStats): number[] {
  const n = df.passages ?? 1;
  const idfCache = new Map<string, number>();
  const idf = (t: string) => {
    let v = idfCache.get(t);
    if (v === undefined) idfCache.set(t, (v = Math.log((n + 1) / (df(t) + 1))));
    return v;
  };
  const counts = texts.map((text) => {
    const m = new Map<string, number>();
    for (const t of centroidTerms(text)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const centroid = new Map<string, number>();
  for (const m of counts) for (const [t, c] of m) centroid.set(t, (centroid.get(t) ?? 0) + c);
  let centroidNorm = 0;
  for (const [t, c] of centroid) centroidNorm += (c * idf(t)) ** 2;
  centroidNorm = Math.sqrt(centroidNorm);
  return counts.map((m) => {
    let dot = 0;
    let norm = 0;
    for (const [t, c] of m) {
      const w = c * idf(t);
      dot += w * (centroid.get(t)! * idf(t));
      norm += w * w;
    }
    return norm > 0 && centroidNorm > 0 ? dot / (Math.sqrt(norm) * centroidNorm) : 0;
  });
}
