/**
 * Which sentences make the bullets of an extractive summary of one article.
 *
 * A request names the article (its title words) and may name a part of it: "구현 지능 보고서에서
 * 코어리스 모터 부분만 요약해줘", "자동차 산업을 '대·다·소' 세 글자로 진단한 내용을 요약해줘". The
 * request's words that are not the article's own title are its TOPIC. With a topic, the bullets
 * come from the passages about it, most relevant first, at most two per passage; without one
 * ("이 기사 요약해줘", "总结一下"), they spread over the whole article, one from each stretch of it.
 * Either way they are shown in reading order.
 */
import type { SearchHit } from '../types.js';
import { type Candidate, type QueryProfile, type TermGroup, coverage, groupScore, overlap } from './evidence.js';
import { hasFigure } from './intent.js';
import { matchForm } from './terms.js';

export interface SummaryLimits {
  minBullets: number;
  maxBullets: number;
  /** Two sentences sharing this share of character bigrams say the same thing. */
  redundantOverlap: number;
}

export interface Bullet extends Candidate {
  score: number;
}

/**
 * Weight of the topic words in a focused summary's sentence score. The passages are already the
 * part about the topic (the heading "‘대(大)’, ‘다(多)’, ‘소(小)’의 구조적 한계" makes its figures part
 * of it though they do not repeat its words), so the sentence that names the topic leads, and the
 * informative ones follow.
 */
const TOPIC_SENTENCE_WEIGHT = 0.6;
/**
 * In an article without headings, a passage is about the topic when it covers at least this share
 * of the best passage's coverage.
 */
const TOPIC_PASSAGE_SHARE = 0.5;
/** At least this many bullets may come from one passage of a focused summary (more when few are about the topic). */
const BULLETS_PER_PASSAGE = 2;

/**
 * A word found in at least this share of the article's passages pervades it ("중국" in an article on
 * China's car industry): like a title word, it cannot tell one part of the article from another.
 */
const PERVASIVE_SHARE = 0.6;

/**
 * The request's concepts that name a part of the article: not in its title or section, not
 * pervading its passages. Chinese and English words count through their Korean expansions only
 * (their own spelling is in no Korean passage, title or not).
 */
export function topicOf(profile: QueryProfile, chunk: SearchHit['chunk'], passageNorms: ReadonlyArray<string>): QueryProfile {
  const title = matchForm(`${chunk.section} ${chunk.articleTitle}`);
  const pervasive = (g: TermGroup) => passageNorms.filter((n) => groupScore(n, g) >= 0.5).length >= passageNorms.length * PERVASIVE_SHARE;
  const groups = profile.groups.filter((g) => !g.optional && !g.foreign && groupScore(title, g) < 0.5 && !pervasive(g));
  return { groups, total: groups.reduce((s, g) => s + g.weight, 0) };
}

/**
 * What makes a sentence a good bullet whatever the topic: a figure, a name with its original
 * (세미애널리시스(SemiAnalysis)), being the article's lead, a readable length.
 */
function informativeness(c: Candidate, hit: SearchHit): number {
  const len = [...c.text].length;
  let s = 0;
  if (hasFigure(c.text)) s += 0.2;
  if (/[(（][^)）]*[\p{Script=Han}A-Za-z]/u.test(c.text)) s += 0.1;
  if (hit.chunk.ordinal === 0 && c.index === 0) s += 0.1;
  if (len >= 40 && len <= 250) s += 0.05;
  if (len < 30) s -= 0.3;
  // A chart caption run into the text ("…시장규모(억 달러) 도표 18.") is no statement.
  if (/(?:도표|그림)\s*\d+/u.test(c.text)) s -= 0.3;
  // Flattened table rows ("⚫ 다수의 성텅 칩을 탑재함") read badly out of their table.
  if (/⚫|•/.test(c.text)) s -= 0.1;
  return s;
}

/**
 * Greedy: best first, skipping repeats and over-used passages, up to the maximum; past the
 * minimum only sentences with something to tell (a positive score: no caption, no fragment).
 */
function pick(scored: Bullet[], limits: SummaryLimits, perPassage: number): Bullet[] {
  const chosen: Bullet[] = [];
  const used = new Map<number, number>();
  for (const c of [...scored].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= limits.maxBullets) break;
    if (chosen.length >= limits.minBullets && c.score <= 0) break;
    if ((used.get(c.hit) ?? 0) >= perPassage) continue;
    if (chosen.some((x) => overlap(x.norm, c.norm) >= limits.redundantOverlap)) continue;
    chosen.push(c);
    used.set(c.hit, (used.get(c.hit) ?? 0) + 1);
  }
  return chosen;
}

/**
 * The passages about the topic: those under the heading of the passage that covers it best (its
 * heading path, or deeper — the report's own "part" of the article), or, in an article without
 * headings, those covering a good share of what the best one covers.
 */
function topicPassages(passageTopic: Map<number, number>, hits: ReadonlyArray<SearchHit>): Set<number> {
  const ranked = [...passageTopic].sort((a, b) => b[1] - a[1] || hits[a[0]]!.chunk.ordinal - hits[b[0]]!.chunk.ordinal);
  const [bestHit, best] = ranked[0]!;
  const path = hits[bestHit]!.chunk.headings;
  const under = (h: number) => path.every((x, i) => hits[h]!.chunk.headings[i] === x);
  return new Set(ranked.filter(([h, cov]) => (path.length > 0 ? under(h) : cov >= best * TOPIC_PASSAGE_SHARE)).map(([h]) => h));
}

/** A focused summary: the sentences of the passages about the topic. */
export function focusedBullets(cands: Candidate[], hits: ReadonlyArray<SearchHit>, topic: QueryProfile, limits: SummaryLimits): Bullet[] {
  const passageTopic = new Map<number, number>();
  for (const c of cands) if (!passageTopic.has(c.hit)) passageTopic.set(c.hit, coverage(matchForm(`${hits[c.hit]!.chunk.header} ${hits[c.hit]!.chunk.text}`), topic));
  const about = topicPassages(passageTopic, hits);
  const scored = cands
    .filter((c) => about.has(c.hit))
    .map((c) => ({ ...c, score: TOPIC_SENTENCE_WEIGHT * coverage(c.norm, topic) + informativeness(c, hits[c.hit]!) }));
  return pick(scored, limits, Math.max(BULLETS_PER_PASSAGE, Math.ceil(limits.maxBullets / about.size)));
}

/** A sentence announcing what follows ("다음의 5 개 분야의 18 개 핵심 과제를 제시하고 있다."). */
const ANNOUNCES_RE = /다음(?:의|과\s*같)|아래(?:의|와\s*같)|如下|以下|following|as follows|[:：]$/u;
/** A list: items marked ▲ ⚫ • or numbered (1), 1), ①. */
const LIST_RE = /^(?:[▲⚫•◼■□▪-]|\(?\d{1,2}\)|[①-⑳])/u;

/**
 * A bullet that announces a list is shown with it: "…18 개 핵심 과제를 제시하고 있다. ▲핵심 디지털
 * …▲'점-선-면' 통합 …" — the announcement alone says nothing.
 */
export function withAnnouncedLists(bullets: Bullet[], cands: Candidate[]): Bullet[] {
  return bullets.map((b) => {
    if (!ANNOUNCES_RE.test(b.text.trim())) return b;
    const next = cands.find((c) => c.hit === b.hit && c.index === b.index + 1);
    if (!next || !LIST_RE.test(next.text.trim())) return b;
    const text = `${b.text} ${next.text}`;
    return { ...b, text, norm: matchForm(text) };
  });
}

/**
 * A whole-article summary: the article's passages in reading order cut into as many stretches as
 * bullets, the most informative sentence of each stretch.
 */
export function spreadBullets(cands: Candidate[], hits: ReadonlyArray<SearchHit>, limits: SummaryLimits): Bullet[] {
  const passages = [...new Set(cands.map((c) => c.hit))].sort((a, b) => hits[a]!.chunk.ordinal - hits[b]!.chunk.ordinal);
  const stretches = Math.min(limits.maxBullets, passages.length);
  const stretchOf = new Map(passages.map((p, i) => [p, Math.floor((i * stretches) / passages.length)]));
  const bullets: Bullet[] = [];
  for (let s = 0; s < stretches; s++) {
    const inStretch = cands.filter((c) => stretchOf.get(c.hit) === s).map((c) => ({ ...c, score: informativeness(c, hits[c.hit]!) }));
    bullets.push(...pick(inStretch, { ...limits, minBullets: 1, maxBullets: 1 }, 1).filter((b) => !bullets.some((x) => overlap(x.norm, b.norm) >= limits.redundantOverlap)));
  }
  // Short articles: fewer stretches than the minimum; top up from the rest.
  if (bullets.length < limits.minBullets) {
    const rest = cands.filter((c) => !bullets.some((b) => b.hit === c.hit && b.index === c.index)).map((c) => ({ ...c, score: informativeness(c, hits[c.hit]!) }));
    for (const b of pick(rest, { ...limits, maxBullets: limits.minBullets - bullets.length, minBullets: 0 }, limits.maxBullets)) {
      if (!bullets.some((x) => overlap(x.norm, b.norm) >= limits.redundantOverlap)) bullets.push(b);
    }
  }
  return bullets;
}

/** Bullets in reading order: passage position in the article, then sentence position. */
export function inReadingOrder(bullets: Bullet[], hits: ReadonlyArray<SearchHit>): Bullet[] {
  return [...bullets].sort((a, b) => hits[a.hit]!.chunk.ordinal - hits[b.hit]!.chunk.ordinal || a.index - b.index);
}
