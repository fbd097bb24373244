/**
 * The named features of a candidate sentence (and of a whole question, for "found"), the only
 * inputs of the fitted scorer (model.ts, weights.json). Each is a number in about [0, 1]; the
 * weights, not hand-set thresholds, decide how much each counts. Adding, removing or changing a
 * feature means refitting (`npm run fit`) and checking the `check` split (README, Design).
 */
import type { QuestionFrame } from '../frame/frame.js';
import { monthMatches, statedMonths } from '../frame/time.js';
import type { SearchHit } from '../types.js';
import { type TermStats, absentFromCorpus } from './corpus.js';
import { finalPhrase } from './focus.js';
import { type Candidate, type QueryProfile, type TermGroup, coverage, entityCoverage, groupScore, overlap, specificity, subjectCoverage } from './evidence.js';
import { hasAmount, hasDate, hasFigure, isEnumeration, mentionsPerson, statesFigure } from './intent.js';
import { matchForm } from './terms.js';

export const SENTENCE_FEATURES = [
  /**
   * Weighted share of the question's concepts in the sentence, each also weighed by how specific
   * it is within the retrieved sentences (a concept every sentence has ranks nothing).
   */
  'localCoverage',
  /** Coverage by the headings alone (a heading that is the question: "상용화의 과제"). */
  'headingCoverage',
  /** Share of the question's names in the sentence. */
  'namesInSentence',
  /** Share of the question's names in the passage (header included). */
  'namesInPassage',
  /** The question asks for a kind of answer (figure, date, person, list) and the sentence holds it. */
  'typeMatch',
  /** …and the sentence does not. */
  'typeMiss',
  /** The sentence states some figure. */
  'hasFigure',
  /** Fused retrieval score of the passage relative to the best one. */
  'passageScore',
  /** The sentence was already quoted in the previous answer (a follow-up wants something new). */
  'repeat',
] as const;

export type SentenceFeature = (typeof SENTENCE_FEATURES)[number];

export const QUESTION_FEATURES = [
  /** Best sentence probability. */
  'bestP',
  /** Second best. */
  'secondP',
  /** Weighted share of the question's own concepts no retrieved passage mentions. */
  'unknownInPassages',
  /** Weighted share of the question's own concepts the whole report never mentions. */
  'unknownInReport',
  /** Best share of the question's names in one passage (1 when it names nothing). */
  'namesFound',
  /** Best sentence that holds the asked kind of answer (or any, when no kind is asked) in a passage naming the subject. */
  'typedNamed',
  /** Content words of the question's last noun phrase (what it asks about) that the report never uses. */
  'attributeUnknown',
  /**
   * Best local coverage of a sentence that holds the asked kind of answer (any sentence when no
   * kind is asked): is there a sentence both about the question and of the kind it wants? "How
   * many visitors" over passages whose counted sentences are about something else scores ~0.
   */
  'typedCoverage',
  /** Korean question (cross-lingual questions match less of their own wording). */
  'korean',
  /**
   * Best share of the asked attribute stated by a sentence of a passage naming the subject: the
   * report names the company and has the word (면적, 净利润 → 순이익) but never about it.
   * 1 when the question has no recognizable attribute.
   */
  'attributeNearSubject',
] as const;

export type QuestionFeature = (typeof QUESTION_FEATURES)[number];

/**
 * Which way each question feature can point, known before any data: evidence and names found
 * make an answer likelier, concepts missing make it less likely. The found model is fitted with
 * these signs (model.ts): with ten unanswerable `tune` questions an unconstrained fit gave
 * "more names found → less answerable", which is noise, not method.
 */
export const QUESTION_FEATURE_SIGNS: Readonly<Record<QuestionFeature, number>> = {
  bestP: 1,
  secondP: 1,
  unknownInPassages: -1,
  unknownInReport: -1,
  namesFound: 1,
  typedNamed: 1,
  attributeUnknown: -1,
  typedCoverage: 1,
  korean: 0,
  attributeNearSubject: 1,
};

export interface FeatureInput {
  frame: QuestionFrame;
  profile: QueryProfile;
  hits: ReadonlyArray<SearchHit>;
  cands: ReadonlyArray<Candidate>;
  df?: TermStats | undefined;
  /** Each hit's header and text in matchForm(), once per question (every passage-level test reads them). */
  passageNorms: readonly string[];
  /** The candidates' sentence features (set once computed), for question-level features. */
  sentenceX?: number[][];
  /** Text of the previous answer in the conversation. */
  previousAnswer?: string | undefined;
}

/** Does the sentence hold the kind of answer the frame asks for? undefined when it asks for no kind. */
export function holdsAnswerType(frame: QuestionFrame, sentence: string): boolean | undefined {
  const kind = holdsAskedKind(frame, sentence);
  // A question naming a month asks about what happens then: a sentence dated in another month is
  // about another time ("7월에 열리는 전시회" over a table whose June rows hold the question's other
  // words as much as its July ones), and one dated in it holds the answer when no other kind is asked.
  if (!frame.months?.length) return kind;
  const stated = statedMonths(sentence);
  if (stated.length === 0) return kind;
  return monthMatches(frame.months, stated) ? (kind ?? true) : false;
}

function holdsAskedKind(frame: QuestionFrame, sentence: string): boolean | undefined {
  // A question may ask two kinds (who founded it, and in which year): a sentence
  // holding either answers a part of it.
  const { figure } = frame;
  const parts: Array<() => boolean> = [];
  if (figure) parts.push(() => statesFigure(sentence, figure) || (figure.kind === 'count' && hasAmount(sentence) && hasFigure(sentence)));
  else if (frame.quantity === 'strong') parts.push(() => hasAmount(sentence));
  if (frame.when) parts.push(() => hasDate(sentence));
  if (frame.who) parts.push(() => mentionsPerson(sentence));
  if (parts.length) return parts.some((holds) => holds());
  if (frame.list || frame.compare) return isEnumeration(sentence) || hasFigure(sentence);
  return undefined;
}

/** The profile's concepts that name the asked attribute (their head or another spelling is one of its terms). */
export function attributeGroups(frame: QuestionFrame, profile: QueryProfile): TermGroup[] {
  if (!frame.attributeTerms?.length) return [];
  const terms = new Set(frame.attributeTerms);
  // Not the subject's names ("카눠프 대표이사": the name is in every sentence about the company).
  return profile.groups.filter((g) => !g.optional && !g.entity && (terms.has(g.head) || g.alternatives.some((a) => terms.has(a))));
}

/** Weighted share of the attribute's concepts in a normalized text (0 when it has none). */
function attributeShare(norm: string, groups: readonly TermGroup[]): number {
  const total = groups.reduce((s, g) => s + g.weight, 0);
  return total > 0 ? groups.reduce((s, g) => s + g.weight * groupScore(norm, g), 0) / total : 0;
}

/** Feature vectors of the candidates, in SENTENCE_FEATURES order. */
export function sentenceFeatures(input: FeatureInput): number[][] {
  const { frame, profile, hits, cands } = input;
  const norms = cands.map((c) => c.norm);
  const spec = specificity(norms, profile);
  const localTotal = profile.groups.reduce((s, g, i) => s + (g.optional || spec[i]! <= 0 ? 0 : g.weight * spec[i]!), 0);
  const top = hits[0]?.score || 1;
  const prev = input.previousAnswer ? matchForm(input.previousAnswer) : '';
  return cands.map((c) => {
    const h = hits[c.hit]!;
    const pn = input.passageNorms[c.hit]!;
    const headingNorm = matchForm(h.chunk.headings.join(' '));
    let localGot = 0;
    profile.groups.forEach((g, i) => {
      if (spec[i]! > 0) localGot += g.weight * spec[i]! * groupScore(c.norm, g);
    });
    const holds = holdsAnswerType(frame, c.text);
    const hasNames = profile.groups.some((g) => g.entity);
    const f: Record<SentenceFeature, number> = {
      localCoverage: localTotal > 0 ? Math.min(1, localGot / localTotal) : 0,
      headingCoverage: coverage(headingNorm, profile),
      namesInSentence: hasNames ? entityCoverage(c.norm, profile) : 0,
      namesInPassage: hasNames ? entityCoverage(pn, profile) : 0,
      typeMatch: holds === true ? 1 : 0,
      typeMiss: holds === false ? 1 : 0,
      hasFigure: hasFigure(c.text) ? 1 : 0,
      passageScore: h.score / top,
      repeat: prev && c.norm.length > 10 && overlap(c.norm, prev) > 0.8 ? 1 : 0,
    };
    return SENTENCE_FEATURES.map((k) => f[k]);
  });
}

/** Passages about the question's subject: those with at least half its names (all, when it names none). */
export function namedPassages(input: Pick<FeatureInput, 'profile' | 'passageNorms'>): boolean[] {
  const ents = input.profile.groups.some((g) => g.entity);
  return input.passageNorms.map((n) => !ents || subjectCoverage(n, input.profile) >= 0.5);
}

/** Question-level features for the found / not-found decision, in QUESTION_FEATURES order. */
export function questionFeatures(input: FeatureInput, probs: readonly number[]): number[] {
  const { profile, hits, df, frame } = input;
  const sorted = [...probs].sort((a, b) => b - a);
  const own = profile.groups.filter((g) => !g.foreign && !g.optional);
  const total = own.reduce((s, g) => s + g.weight, 0);
  const norms = input.passageNorms;
  let inPassages = 0;
  let inReport = 0;
  for (const g of own) {
    if (!norms.some((p) => groupScore(p, g) >= 0.5)) inPassages += g.weight;
    if (df && df(g.head) === 0 && !g.members.some((m) => df(m) > 0 && [...m].length >= 3)) inReport += g.weight;
  }
  const ents = profile.groups.some((g) => g.entity);
  const X = input.sentenceX;
  const iType = SENTENCE_FEATURES.indexOf('typeMiss');
  const iLocal = SENTENCE_FEATURES.indexOf('localCoverage');
  let typedNamed = 0;
  let typedCoverage = 0;
  const attr = attributeGroups(frame, profile);
  let attributeNear = attr.length ? 0 : 1;
  if (X) {
    const namedPassage = namedPassages(input);
    X.forEach((x, i) => {
      const typed = x[iType] === 0;
      if (typed) typedCoverage = Math.max(typedCoverage, x[iLocal]!);
      const namedOk = namedPassage[input.cands[i]!.hit]!;
      if (typed && namedOk) typedNamed = Math.max(typedNamed, probs[i] ?? 0);
      if (namedOk && attr.length) attributeNear = Math.max(attributeNear, attributeShare(input.cands[i]!.norm, attr));
    });
  }
  const f: Record<QuestionFeature, number> = {
    bestP: sorted[0] ?? 0,
    secondP: sorted[1] ?? 0,
    unknownInPassages: total > 0 ? inPassages / total : 0,
    unknownInReport: total > 0 ? inReport / total : 0,
    namesFound: ents ? Math.max(0, ...norms.map((n) => subjectCoverage(n, profile))) : 1,
    typedNamed,
    // Korean only: the Korean forms the glossary gives a Chinese or English question (a seed
    // term such as 주가 for 股价) were measured as this feature and made `check` worse.
    attributeUnknown: df && frame.lang === 'ko' ? Math.min(1, absentFromCorpus(profile, finalPhrase(frame.text), df).length) : 0,
    typedCoverage,
    korean: frame.lang === 'ko' ? 1 : 0,
    attributeNearSubject: attributeNear,
  };
  return QUESTION_FEATURES.map((k) => f[k]);
}
