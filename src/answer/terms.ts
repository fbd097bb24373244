/**
 * Term handling for the answer stage, in ONE place: how text is normalized for matching, how
 * the question is cut into terms when retrieval did not hand us an AnalyzedQuery, and how much
 * each term should count as evidence.
 *
 * The tokenizer is a deliberately simple local stand-in (NFKC, lowercase, Hangul words with
 * trailing particles stripped + Hangul/Han character bigrams + Latin words + numbers). The real
 * CJK analyzer lives in src/retrieve/analyzer.ts; to switch, point `defaultTokenize` at it (one
 * line) or inject a `Tokenizer` into the answerers. Matching itself never depends on how the
 * terms were cut: a term is "in" a sentence when its normalized form is a substring of the
 * sentence's normalized form, so words, bigrams and glossary expansions from any analyzer work.
 */
import type { AnalyzedQuery, Lang } from '../types.js';
import { memoizeString } from '../util/memo.js';
import { EN_QUERY_STOP, EN_STOP, KO_QUERY_STOP, KO_SUFFIXES, ZH_QUERY_STOP } from '../text/rules.js';

export type Tokenizer = (text: string) => string[];

export interface WeightedTerm {
  term: string;
  weight: number;
}

const HANGUL_RE = /\p{Script=Hangul}/u;
const HAN_RE = /\p{Script=Han}/u;
const LATIN_RE = /^[a-z]/;
const NUMBER_RE = /^[0-9]/;

/**
 * NFKC + lowercase, thousands separators dropped ("3,143" → "3143"), and white space, hyphens,
 * ampersands, middle dots, quotes and brackets removed. The report writes numbers and units apart
 * ("2023 년", "1.25 억 위안"), breaks lines inside words and quotes terms (‘구현 지능’, 점·선·면), while
 * questions write "2023년", "구현지능", "점-선-면" and analyzers join "K-Demo" into "kdemo" and "R&D"
 * into "rd": comparing without these makes both meet. Decimal points, colons and % stay ("69.75",
 * "80:20").
 */
export const matchForm = memoizeString(computeMatchForm);

function computeMatchForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/[\s\-‐‑‒–—―·・&'’‘"“”`「」『』()[\]<>《》〈〉]+/gu, '');
}

/**
 * Korean particles and endings glued to nouns (유니트리의, 점유율은, 규모야), from the shared list
 * (src/text/rules.ts). Stripped from the end of a Hangul word so that the word still matches the
 * report's other inflections; longest first. Only stripped when at least two syllables remain
 * ("차이" stays), and since matching is by substring, a stripped loanword ("상하이" → "상하")
 * still matches where the full word appears.
 */
export const stripParticle: (word: string) => string = memoizeString(computeStripParticle);

function computeStripParticle(word: string): string {
  const n = [...word].length;
  for (const { s } of KO_SUFFIXES) {
    if (!word.endsWith(s)) continue;
    const rest = n - [...s].length;
    if (rest >= 2) return word.slice(0, word.length - s.length);
    // A bound noun with a long particle ("곳이나", "전이랑", "것으로"): nothing content-bearing is
    // left. (One-syllable particles after one syllable are kept whole: "나이", "차이" are nouns.)
    if (rest === 1 && [...s].length >= 2) return word.slice(0, word.length - s.length);
  }
  return word;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars.length === 1 ? [chars[0]!] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

const TOKEN_RE = /\p{Script=Hangul}+|\p{Script=Han}+|[a-z][a-z0-9]*|[0-9]+(?:[.:][0-9]+)*[a-z]*/gu;

/**
 * Local tokenizer: Hangul words (particle stripped; single syllables dropped, they match
 * everything) and their bigrams, Han bigrams (a lone Han character kept as is), Latin words and
 * numbers ("69.75", "80:20", "4s"). A Hangul run glued to a number is its unit plus particles
 * ("2028년에", "23곳이나"): it yields the number with its unit ("2028년", "23곳") instead of a
 * word. Duplicates are kept: callers dedupe as they need.
 */
export function localTokenize(text: string): string[] {
  const norm = text.normalize('NFKC').toLowerCase().replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const out: string[] = [];
  let number = ''; // the number token that ended right where the next token starts, if any
  let numberEnd = -1;
  for (const m of norm.matchAll(TOKEN_RE)) {
    const tok = m[0];
    const glued = m.index === numberEnd ? number : '';
    const isNumber = /^[0-9]/.test(tok) && !/[a-z]$/.test(tok);
    number = isNumber ? tok : '';
    numberEnd = isNumber ? m.index + tok.length : -1;
    if (HANGUL_RE.test(tok)) {
      if (glued) {
        out.push(glued + [...tok][0]!);
        continue;
      }
      const word = stripParticle(tok);
      if ([...word].length < 2) continue;
      out.push(word);
      if ([...word].length > 2) out.push(...bigrams(word));
    } else if (HAN_RE.test(tok)) {
      out.push(...bigrams(tok));
    } else {
      out.push(tok);
    }
  }
  return out;
}

/** The tokenizer the answer stage uses unless one is injected. Swap for the real analyzer here. */
export const defaultTokenize: Tokenizer = localTokenize;

// ───────────────────────── term importance ─────────────────────────

/**
 * Question words and request phrasing: they say what KIND of answer is wanted, never what it is
 * about, so they must not count as evidence (a report sentence never contains "얼마나" or "多少").
 * Compared with matchForm()ed terms: whole words and the bigrams they produce.
 */
const FILLER = new Set(
  [
    // The analyzer's question and stop words (text/rules.ts), and below what the answer stage
    // adds: the bigrams its tokenizer cuts from them, and words that frame a request.
    ...KO_QUERY_STOP,
    ...ZH_QUERY_STOP,
    ...EN_STOP,
    ...EN_QUERY_STOP,
    // ko: the bigrams of question words, requests and generic nouns of asking
    '마나', '무엇인', '엇인', '어떻', '떻게', '려줘', '설명해', '명해', '약해', '정리해', '리해', '대해', '대해서', '해서',
    '대한', '관련', '내용', '보고서', '보고', '고서', '말해', '있는', '하는', '인가', '래요', '나요', '는지', '모두', '전부',
    '어떠', '됐어', '되어', '하나', '나와있', '와있', '있었', '였어', '이었', '알고', '싶어', '비교해', '교해', '몇몇', '가요',
    '까요', '니까', '이번', '해당', '다음', '위해', '통해',
    // ko: degree adverbs and light words that any sentence may or may not use
    '가장', '제일', '많이', '많은', '주로', '모든', '각각', '함께', '같이', '무엇무엇', '누구누구', '이런', '그런',
    '저런', '어떠한', '정말', '실제', '실제로', '이라고', '있다고', '했다고', '한다고', '기사', '이기', '어느정도',
    // ko: frames of a request, not its topic ("모델 이름이 뭐야", "IMU 부분만 요약해줘", "덕분에")
    '이름', '명칭', '부분', '덕분', '때문', '페이지', '목차',
    // ko, zh: time relative to the reader; the report dates things absolutely ("2024 년", not
    // "작년"), and the chat reads such a word as the year it means beside it (frame/time.ts)
    '작년', '지난해', '올해', '금년', '내년', '去年', '今年', '明年', '目前', '现在', '当前', '当年',
    // zh: the bigrams of question words, requests, function words
    '是多', '是什', '么样', '报告', '告里', '里说', '结一', '为什', '有多', '到什', '在哪', '的是', '是哪', '什', '的', '了',
    '是', '在', '和', '都', '这篇', '篇文', '文章', '这个', '那个', '下这', '这些', '那些', '它的', '他们',
    // en: request words
    'being', 'overview', 'key', 'main', 'points', 'us', 's', 'article',
  ].map((w) => matchForm(w)),
);

/**
 * Korean predicate forms of a question (떨어졌어, 비교해줘, 운영돼, 몰려, 데리고, 묶어서, 걸쳐, 맞먹는): its verbs,
 * weak evidence since the report words the same fact differently (급감했다). Question and
 * connective endings, or a past-tense syllable anywhere. A few nouns end so too (광고, 측면): they
 * only lose weight, never disappear.
 */
const PREDICATE_END_RE = /(?:어|아|야|요|줘|니|냐|래|죠|까|돼|고|서|며|려|면)$/u;
/** Verb-noun forms of three syllables or more (성장해, 진단한, 발표된): too common as nouns when short (올해, 피해). */
const PREDICATE_LONG_END_RE = /(?:해|한|된|하는|되는)$/u;
const PAST_RE = /[었았였했됐졌웠]/u;
/** Contracted connective endings of verbs (걸쳐, 맞춰, 나눠, 봐). */
const CONTRACTED_END_RE = /(?:쳐|져|춰|눠|둬|봐|혀|켜|펴)$/u;

/** A Hangul syllable ends in a consonant (has a final, 받침). */
function hasFinal(syllable: string): boolean {
  const code = syllable.codePointAt(0)! - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0;
}

/**
 * Adnominal verb forms: -는 after a consonant ("맞먹는": a noun takes 은 there, not 는) and
 * -은 after a one-syllable stem ending in a consonant ("닫은", "받은").
 */
function isAdnominal(chars: string[]): boolean {
  const last = chars[chars.length - 1];
  const before = chars[chars.length - 2];
  if (!before) return false;
  if (last === '는') return hasFinal(before);
  return last === '은' && chars.length === 2 && hasFinal(before);
}
const PREDICATE_WEIGHT = 0.3;
/** A single Hangul syllable or Han character matches almost any sentence as a substring. */
const SINGLE_CHAR_WEIGHT = 0.15;

/**
 * How much a term counts as evidence, in [0, 1]; multiplies the analyzer's weight.
 * Filler 0, single characters and Korean predicate forms low, everything else 1.
 */
export function termImportance(term: string): number {
  const t = matchForm(term);
  if (t.length === 0 || FILLER.has(t)) return 0;
  // "기사를", "이름은": filler with a particle.
  if (HANGUL_RE.test(t) && FILLER.has(stripParticle(t))) return 0;
  const chars = [...t];
  if (chars.length === 1) return NUMBER_RE.test(t) ? 0.5 : SINGLE_CHAR_WEIGHT;
  if (HANGUL_RE.test(chars[chars.length - 1]!)) {
    if (PREDICATE_END_RE.test(t) || PAST_RE.test(t) || CONTRACTED_END_RE.test(t) || isAdnominal(chars)) return PREDICATE_WEIGHT;
    if (chars.length >= 3 && PREDICATE_LONG_END_RE.test(t)) return PREDICATE_WEIGHT;
  }
  return 1;
}

export type Script = 'hangul' | 'han' | 'latin' | 'number' | 'other';

/** The script of a term, judged by its first character: "2025년" is a number (with its unit). */
export const scriptOf: (term: string) => Script = memoizeString(computeScriptOf);

function computeScriptOf(term: string): Script {
  // Only the first character decides: normalize that one, not the whole term.
  const cp = term.codePointAt(0);
  const first = cp === undefined ? '' : (String.fromCodePoint(cp).normalize('NFKC').toLowerCase()[0] ?? '');
  if (HANGUL_RE.test(first)) return 'hangul';
  if (HAN_RE.test(first)) return 'han';
  if (NUMBER_RE.test(first)) return 'number';
  if (LATIN_RE.test(first)) return 'latin';
  return 'other';
}

/**
 * Dedupes terms by their match form (keeping the highest weight) and drops empty ones.
 */
export function dedupeTerms(terms: ReadonlyArray<WeightedTerm>): WeightedTerm[] {
  const best = new Map<string, number>();
  for (const { term, weight } of terms) {
    const key = matchForm(term);
    if (!key || !(weight > 0)) continue;
    best.set(key, Math.max(best.get(key) ?? 0, weight));
  }
  return [...best].map(([term, weight]) => ({ term, weight }));
}

/**
 * Builds an AnalyzedQuery with the local tokenizer: for answer calls made without retrieval's
 * analysis, and for tests. `expansions` are Korean glossary forms for a zh/en question; they are
 * added at `expansionWeight` (below 1, as the real analyzer does).
 */
export function analyzeLocally(
  question: string,
  lang: Lang,
  opts: { expansions?: string[]; expansionWeight?: number; tokenize?: Tokenizer } = {},
): AnalyzedQuery {
  const tokenize = opts.tokenize ?? defaultTokenize;
  const expansions = opts.expansions ?? [];
  const w = opts.expansionWeight ?? 0.7;
  const terms = dedupeTerms([
    ...tokenize(question).map((term) => ({ term, weight: 1 })),
    ...expansions.flatMap((e) => tokenize(e).map((term) => ({ term, weight: w }))),
  ]);
  return { raw: question, normalized: question.normalize('NFKC').trim(), lang, terms, expansions };
}

// ───────────────────────── matching ─────────────────────────

/** A number term matches only a whole number: "10" is not in "130", "1000" or "2.10". */
function numberIn(norm: string, term: string): boolean {
  for (let i = norm.indexOf(term); i >= 0; i = norm.indexOf(term, i + 1)) {
    const before = norm[i - 1] ?? '';
    const after = norm.slice(i + term.length, i + term.length + 2);
    if (/[0-9.]/.test(before) && !(before === '.' && !/[0-9]/.test(norm[i - 2] ?? ''))) continue;
    if (/^[0-9]|^[.:][0-9]/.test(after) && /[0-9]$/.test(term)) continue;
    return true;
  }
  return false;
}

/** A term is in a matchForm()ed text: a number only whole, a Korean word also without its particle. */
export function termIn(norm: string, term: string): boolean {
  if (/^[0-9]/.test(term)) return numberIn(norm, term);
  if (norm.includes(term)) return true;
  // The analyzer may hand us a word with its particle (점유율은): try the bare noun too.
  if (scriptOf(term) === 'hangul' && [...term].length >= 3) {
    const bare = stripParticle(term);
    return bare !== term && norm.includes(bare);
  }
  return false;
}
