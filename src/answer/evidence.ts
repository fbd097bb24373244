/**
 * Evidence: how well a sentence (or a chunk) of the retrieved passages covers the question.
 * Pure functions, shared by the extractive answerer (to pick and to decide found/not found) and
 * the LLM answerer (to pick the quote of a citation).
 *
 * The question's terms are grouped into "concepts": a word and the bigrams inside it form one
 * group (유니트리 ⊃ 유니, 니트, 트리), so a long name does not outweigh a short one ("테슬라 주가":
 * two concepts, not three bigrams against one). A group is matched fully when its head (or,
 * for a name, another of its spellings: names.ts) is in the sentence, partly by the share of its
 * bigrams that are. Also here: sentence candidates (with flattened table rows), redundancy.
 */
import type { AnalyzedQuery, Lang, SearchHit } from '../types.js';
import { splitSentences } from '../chunk/sentences.js';
import { counterWords, questionEntities } from './intent.js';
import { analyzeLocally, dedupeTerms, matchForm, scriptOf, stripParticle, termImportance, termIn, type Tokenizer } from './terms.js';
import { memoizeString } from '../util/memo.js';

/**
 * In a Chinese or English question, the terms in the question's own script (Han, or English
 * words) can only match the Korean report where it glosses a name (유니트리(Unitree宇树科技));
 * most of them have no chance to. They count this much, so that a cross-lingual question is
 * judged mostly on its names, numbers and the Korean glossary expansions.
 */
export const CROSS_LINGUAL_NATIVE_WEIGHT = 0.35;
/** Names of the question (Latin names, numbers, quoted phrases) count this much more. */
export const ENTITY_BOOST = 1.5;

/** A term names entity `e`: is it, is part of it, or is the number `e` with its unit ("7180억"). */
export function isEntityTerm(term: string, e: string): boolean {
  if (e === term) return true;
  if (e.length >= 2 && term.length >= 2 && e.includes(term)) return true;
  return /^[0-9]/.test(e) && term.startsWith(e) && !/^[0-9.:]/.test(term.slice(e.length));
}

export interface TermGroup {
  /** The longest form (a word), in match form. */
  head: string;
  /** Other spellings of the same name, each as good as the head (Wuhan ≡ 우한, R&D ≡ 연구개발). */
  alternatives: string[];
  /** Shorter terms inside the head (its bigrams), in match form. */
  members: string[];
  /** Weight of the concept: analyzer weight × importance × entity boost × cross-lingual factor. */
  weight: number;
  /** True for a name of the question. */
  entity: boolean;
  /** True for a term that cannot be expected in Korean text (Han/English word of a zh/en question). */
  foreign: boolean;
  /**
   * True for a Chinese or English form the glossary added (宇树科技, unitree for "유니트리의 …?"):
   * welcome evidence when the report prints it in parentheses, but never missed when it does not.
   * It adds to coverage when found and is left out of the denominator and the unknown share.
   */
  optional: boolean;
}

export interface QueryProfile {
  groups: TermGroup[];
  /** Sum of the weights of the non-optional groups: the denominator of coverage. */
  total: number;
}

/**
 * Builds the weighted concept groups of a question from the analyzer's terms (or the local
 * tokenizer when retrieval gave none).
 */
export function buildProfile(
  question: string,
  lang: Lang,
  query: AnalyzedQuery | undefined,
  tokenize?: Tokenizer,
  names: readonly string[] = [],
): QueryProfile {
  const base = query?.terms?.length ? query.terms : analyzeLocally(question, lang, tokenize ? { tokenize } : {}).terms;
  // Names written as such (Latin, numbers, quotes) and the report's names the frame resolved
  // through the glossary (能科科技 → 넝커테크): a Chinese question's company is as much a name as "GB200".
  // A resolved name counts only as a whole term: the pieces of 能科科技 (科技) name nothing.
  const entityForms = questionEntities(question).map(matchForm);
  const nameForms = new Set(names.map(matchForm).filter((e) => [...e].length >= 2));
  const counters = counterWords(question).map(matchForm);
  // Chinese and English forms the question does not itself write came from the glossary.
  const typed = matchForm(question);
  const weighed = dedupeTerms(base).map((t) => ({ ...t, importance: termImportance(t.term) }));
  // Pieces of question words and counters ("름이" of 이름이, "곳이" of 곳이나) are no evidence either.
  const noEvidence = [...counters, ...weighed.filter((t) => t.importance === 0 && [...t.term].length >= 3).map((t) => t.term)];
  const terms = weighed
    .filter((t) => t.importance > 0 && !noEvidence.some((w) => scriptOf(t.term) !== 'number' && w.includes(t.term)))
    // Longest first: words become heads, the bigrams inside them become members.
    .sort((a, b) => [...b.term].length - [...a.term].length || b.weight - a.weight);

  const groups: Array<TermGroup & { script: string }> = [];
  for (const t of terms) {
    const script = scriptOf(t.term);
    const owner = groups.find((g) => g.script === script && g.head !== t.term && g.head.includes(t.term));
    if (owner) {
      owner.members.push(t.term);
      continue;
    }
    const entity = nameForms.has(t.term) || entityForms.some((e) => isEntityTerm(t.term, e));
    const foreign = (lang === 'zh' && script === 'han') || (lang === 'en' && script === 'latin');
    const optional = (script === 'han' || script === 'latin') && !typed.includes(t.term) && !(lang === 'zh' && script === 'han');
    let weight = t.weight * t.importance;
    if (entity) weight *= ENTITY_BOOST;
    if (foreign) weight *= CROSS_LINGUAL_NATIVE_WEIGHT;
    groups.push({ head: t.term, alternatives: [], members: [], weight, entity, foreign, optional, script });
  }
  const out = groups.map(({ script: _s, ...g }) => g);
  return { groups: out, total: out.reduce((s, g) => s + (g.optional ? 0 : g.weight), 0) };
}

/** How much of one concept a normalized text contains, in [0, 1]. */
export function groupScore(norm: string, g: TermGroup): number {
  if (termIn(norm, g.head) || g.alternatives.some((a) => termIn(norm, a))) return 1;
  if (g.members.length === 0) return 0;
  let hit = 0;
  for (const m of g.members) if (termIn(norm, m)) hit++;
  const share = hit / g.members.length;
  // A name is there or not: one bigram of it (테크 of 넝커테크 in 리콩테크) is another name.
  return g.entity && share < PARTIAL_NAME ? 0 : share;
}

/** Share of a name's bigrams that must be present for partial credit (a spelling with a space or a particle). */
const PARTIAL_NAME = 0.5;

/** Weighted share of the question's concepts found in a text (matchForm()ed), in [0, 1]. */
export function coverage(norm: string, profile: QueryProfile): number {
  if (profile.total <= 0) return 0;
  let got = 0;
  for (const g of profile.groups) got += g.weight * groupScore(norm, g);
  return Math.min(1, got / profile.total);
}

/**
 * Specificity of each concept within the retrieved sentences, in [0, 1]: log-scaled inverse
 * document frequency over `norms`. "중국" in every sentence of a China report ranks nothing;
 * "영업이익률" in two sentences points at the answer. 0 for concepts no sentence contains.
 */
export function specificity(norms: string[], profile: QueryProfile): number[] {
  const n = norms.length;
  return profile.groups.map((g) => {
    const df = norms.reduce((k, x) => k + (groupScore(x, g) >= 0.5 ? 1 : 0), 0);
    return df === 0 || n === 0 ? 0 : Math.log((n + 1) / (df + 1)) / Math.log(n + 1) + 0.1;
  });
}


/**
 * Share of the question's names found in a text, counting only the report's own spellings when
 * the question has any: a Chinese or English question's "Optics Valley" or 宇树 is rarely in the
 * Korean text, the glossary's 광벨리 or 유니트리 is. For the question-level "is it there" features.
 */
export function subjectCoverage(norm: string, profile: QueryProfile): number {
  const all = profile.groups.filter((g) => g.entity);
  const native = all.filter((g) => !g.foreign);
  return nameShare(norm, native.length ? native : all);
}

/** Share of the question's names (entity groups) found in a text, or 0 when it has none. */
export function entityCoverage(norm: string, profile: QueryProfile): number {
  return nameShare(norm, profile.groups.filter((g) => g.entity));
}

function nameShare(norm: string, names: readonly TermGroup[]): number {
  if (names.length === 0) return 0;
  return names.reduce((s, g) => s + groupScore(norm, g), 0) / names.length;
}


// ───────────────────────── parts of the question ─────────────────────────

/** The group is written in `span` (match form), with or without its particle. */
export function inSpan(g: TermGroup, span: string): boolean {
  return span.includes(g.head) || (scriptOf(g.head) === 'hangul' && span.includes(stripParticle(g.head)));
}

/**
 * The content concepts the question itself writes in `span` (a part of it, e.g. its last noun
 * phrase), in the report's script: no verbs, question words or single syllables.
 */
export function groupsIn(profile: QueryProfile, span: string): TermGroup[] {
  const norm = matchForm(span);
  return profile.groups.filter((g) => !g.foreign && !g.optional && g.weight >= 1 && inSpan(g, norm));
}

// ───────────────────────── sentence candidates ─────────────────────────

export interface Candidate {
  /** Index of the hit in the input list. */
  hit: number;
  /** 1-based rank of the hit (position in the list when the hit's own rank is missing). */
  rank: number;
  /** Position of the sentence in its chunk. */
  index: number;
  /** The sentence, verbatim (trimmed). */
  text: string;
  /** matchForm(text). */
  norm: string;
  /** The same sentence occurs in passages of two or more articles (the report's repeated intros). */
  boilerplate: boolean;
  /**
   * A caption or column header over rows or items: scored like any line (it tells what the
   * table is about), never quoted alone.
   */
  caption?: boolean;
  /**
   * For a table row or a list item: the caption, header or label it is quoted with (the start of
   * `text`), so that an answer quoting two rows of one table prints the header once.
   */
  head?: string;
  /**
   * The index of the chart caption ("도표 2. …") this line is under, for the lines of a chart: the
   * report's charts are runs of short lines (a timeline's years, a label's items) that end where
   * prose starts again.
   */
  chart?: number;
}

/** Shorter "sentences" are labels, photo captions or table debris, not statements. */
export const MIN_SENTENCE_CHARS = 12;

/** Lines that are never an answer: chart captions, URLs, the source block's label. */
const JUNK_RE = /^(?:도표|그림|표|자료|출처)\s*\d+[.:]?|https?:\/\/|^참고자료$|^\(?\d{2}\.\d{2}\.\d{2}\)?$/u;

/** Mostly digits and symbols: a flattened table row of figures ("2024 년 15.10 억 위안 7.47% …"). */
export const isFigureRow: (t: string) => boolean = memoizeString(computeIsFigureRow);

function computeIsFigureRow(t: string): boolean {
  const letters = (t.match(/[\p{L}]/gu) ?? []).length;
  return letters < [...t].length * 0.3;
}

/**
 * A table row with a word label: two figures or more, short, and not a sentence of prose (the
 * report's sentences end in 다): "순이익 266.99 억 위안 275.77 억 위안" has a third of letters, so the
 * share of letters alone does not tell it from a sentence.
 */
function isLabelledRow(t: string): boolean {
  return [...t].length <= LABELLED_ROW_MAX_CHARS && (t.match(/\d[\d,.]*/g) ?? []).length >= 2 && !/[다요음함됨][.\s]*$/u.test(t);
}
const LABELLED_ROW_MAX_CHARS = 80;

/**
 * A short line that does not end as a sentence does and holds no item: a caption, a label, a
 * column header ("하이캉웨이스 경영 현황"). A flattened table cell with its items ("농촌 전자상거래
 * 품질 제고 ⚫ 첫 번째 1km 문제 해소") is content, however short.
 */
function isCaption(t: string): boolean {
  return [...t].length <= CAPTION_MAX_CHARS && !/[⚫•▪◦]/u.test(t) && !/[다요음함됨.。!?？！][\s\]]*$/u.test(t);
}
const CAPTION_MAX_CHARS = 40;
/**
 * A line that ends in the next chart's number: the report's captions of image charts run
 * together ("도표 17. 글로벌 … 시장규모(억 달러) 도표 18. 중국 …"), and the segmenter ends a
 * "sentence" at the number's full stop, leaving one caption's title with the next one's number.
 */
const CHART_NUMBER_END = /(?:^|\s)(?:도표|그림|표)\s*\d+\.\s*$/u;

/** The start of a chart: its number, with or without its title ("도표 2.", "도표 2. 미국의 …"). */
const CHART_START_RE = /^(?:도표|그림)\s*\d+\s*\./u;

/** A sentence of prose, which ends a chart: the report's sentences end in 다; a chart's lines in 함, 음 or a noun. */
function isProse(t: string): boolean {
  return /다[.。]?[\s"'”’)\]]*$/u.test(t);
}

/** A column header of years ("구분 2022 년 2023 년"): every figure in it is a year. */
function isYearHeader(t: string): boolean {
  const figures = t.match(/\d[\d,.]*/g) ?? [];
  return figures.length >= 2 && figures.every((f) => /^(?:19|20)\d{2}$/.test(f));
}

/** Memoized: the same passages' sentences are judged on every request. */
export const isJunkSentence: (s: string) => boolean = memoizeString(computeIsJunkSentence);

function computeIsJunkSentence(s: string): boolean {
  const t = s.trim();
  if ([...t].length < MIN_SENTENCE_CHARS) return true;
  if (JUNK_RE.test(t)) return true;
  return isFigureRow(t);
}

/** A table's header row or a row label is short ("구분 영업이익 성장률 순이익 성장률", "AI 모형 판구(盘古)"). */
const TABLE_LABEL_MAX_CHARS = 60;
/** An item of a flattened table cell or list ("⚫ 딥시크 R1 과 동등한 성능을 확보했다고 밝힘"). */
const ITEM_RE = /^[⚫•▪◦]/u;

/**
 * Splits the hits into sentence candidates, in rank order, without junk and without repeats:
 * a sentence already seen (overlap between neighbouring chunks, the same intro in two articles)
 * is kept once, at its best rank, and flagged as boilerplate when the articles differ.
 * Flattened tables: a row of figures or an item, meaningless alone, is a candidate together with
 * the table's header row or the item's label ("구분 영업이익 성장률 … 2024 년 15.10 억 위안 7.47% …",
 * "AI 모형 판구(盘古) … ⚫ 딥시크 R1 과 동등한 성능을 확보했다고 밝힘"; lines in between shown as "…").
 */
export function candidatesFromHits(hits: ReadonlyArray<SearchHit>): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Map<string, { cand: Candidate; articles: Set<string> }>();
  hits.forEach((h, i) => {
    const rank = h.rank > 0 ? h.rank : i + 1;
    let label: { text: string; index: number } | undefined;
    // The row right under a table's label is its column header ("구분 2022 년 2023 년"): the
    // rows after it are quoted with it, so that "순이익 266.99 억 위안 275.77 억 위안" says which
    // figure is which year (and a question's "2023년" finds the row that holds it).
    let header: { text: string; index: number } | undefined;
    // A caption right above a table's label ("하이캉웨이스 경영 현황" over "구분 영업이익 성장률 …"):
    // it names whose figures the rows are, which neither the header nor the rows say. Rows of
    // figures only: over an item list the line above a label is a column header ("분류 사진 적용
    // 사례 및 기종" over "스마트 용접 ⚫ …").
    let title: string | undefined;
    let chart: number | undefined;
    const sentences = splitSentences(h.chunk.text);
    const kinds = sentences.map((sentence) => {
      const t = sentence.trim();
      const row = [...t].length >= MIN_SENTENCE_CHARS && /\d/.test(t) && (isFigureRow(t) || isLabelledRow(t));
      return { t, row, item: ITEM_RE.test(t) };
    });
    sentences.forEach((sentence, index) => {
      const { t, row, item } = kinds[index]!;
      if (CHART_START_RE.test(t)) chart = index;
      else if (chart !== undefined && !row && !item && isProse(t)) chart = undefined;
      if (!row && !item) {
        title = label && label.index === index - 1 && isCaption(label.text) ? label.text : undefined;
        label = [...t].length <= TABLE_LABEL_MAX_CHARS && !JUNK_RE.test(t) ? { text: t, index } : undefined;
        header = undefined;
      } else if (row && label && label.index === index - 1 && isYearHeader(t)) header = { text: t, index };
      if (row ? !label : !item && isJunkSentence(t)) return;
      // A caption or a column header over the rows or items that follow ("하이캉웨이스 경영 현황",
      // "분야 주요 조치 세부 내용"): it states nothing alone, and the rows are quoted with it.
      const next = kinds[index + 1];
      // A row that is the column header of years itself ("주요 지표 구분 2022 년 2023 년") says nothing
      // alone either: it was quoted as a summary's bullet.
      const caption =
        (!row && !item && isCaption(t) && !!next && (next.row || next.item || isCaption(next.t))) || CHART_NUMBER_END.test(t) || (row && header?.index === index);
      const labelText = row && title && label ? `${title} ${label.text}` : label?.text;
      const head = row && label && header && header.index < index ? `${labelText} ${header.text}` : labelText;
      const last = row && header && header.index < index ? header.index : label?.index;
      const text = (row || item) && label ? `${head}${last === index - 1 ? ' ' : ' … '}${sentence}` : sentence;
      const norm = matchForm(text);
      const prior = seen.get(norm);
      if (prior) {
        prior.articles.add(h.chunk.articleId);
        if (prior.articles.size > 1) prior.cand.boilerplate = true;
        return;
      }
      const cand: Candidate = { hit: i, rank, index, text, norm, boilerplate: false, ...(caption ? { caption } : {}), ...((row || item) && head ? { head } : {}), ...(chart !== undefined && chart < index ? { chart } : {}) };
      seen.set(norm, { cand, articles: new Set([h.chunk.articleId]) });
      out.push(cand);
    });
  });
  return out;
}

// ───────────────────────── redundancy ─────────────────────────

/**
 * Memoized (read-only sets): candidate sentences are the report's, the same few thousand on every
 * request, and redundancy checks compare each with several others (memory: ~2,000 sentences).
 */
const bigramSet: (norm: string) => ReadonlySet<string> = memoizeString(computeBigramSet, 5_000);

function computeBigramSet(norm: string): Set<string> {
  const chars = [...norm];
  const s = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) s.add(chars[i]! + chars[i + 1]!);
  return s;
}

/** Share of the shorter text's character bigrams found in the longer one, in [0, 1]. */
export function overlap(aNorm: string, bNorm: string): number {
  const a = bigramSet(aNorm);
  const b = bigramSet(bNorm);
  if (a.size === 0 || b.size === 0) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (big.has(x)) n++;
  return n / small.size;
}
