/**
 * The extractive answerer: the default, needs no service. It quotes the few sentences of the
 * retrieved passages that best cover the question, each with its [n], or says plainly that the
 * report does not answer. It never paraphrases: numbers and names are the report's, verbatim
 * (apart from invisible PDF glyphs and line breaks), so it cannot "correct" or invent a figure.
 *
 * Decision (found / not found) and selection are driven by term coverage (see evidence.ts) and
 * the constants in EXTRACTIVE_THRESHOLDS, which the eval tunes.
 */
import type { Answer, AnswerInput, Answerer, Citation, Lang, SearchHit } from '../types.js';
import { splitSentences } from '../chunk/sentences.js';
import { citationFromHit, displayText, verifyCitations } from './citations.js';
import { absentFromCorpus, type TermStats } from './corpus.js';
import {
  buildProfile,
  candidatesFromHits,
  coverage,
  entityCoverage,
  isJunkSentence,
  overlap,
  rankingCoverage,
  specificity,
  unknownShare,
  type Candidate,
  type QueryProfile,
} from './evidence.js';
import { asksForFigure, attributeShare, finalPhrase, focusEvidence, questionFocus, subjectShare } from './focus.js';
import {
  askedFigure,
  figureStandsFor,
  hasAmount,
  hasCountedFigure,
  hasDate,
  hasFigure,
  isEnumeration,
  isListQuestion,
  isLocationQuestion,
  isSummaryRequest,
  isWhenQuestion,
  isWhoQuestion,
  mentionsPerson,
  quantityKind,
  statesFigure,
  type AskedFigure,
  type QuantityKind,
} from './intent.js';
import { MESSAGES } from './messages.js';
import { mergeNameForms, nameShare, questionNames, type QuestionName } from './names.js';
import { focusedBullets, inReadingOrder, spreadBullets, topicOf, withAnnouncedLists } from './summary.js';
import { matchForm, type Tokenizer } from './terms.js';

export interface ExtractiveThresholds {
  /**
   * found:false below this: the best evidence sentence must cover at least this weighted share
   * of the question's content concepts. Verbose questions ("…어느 정도까지 떨어졌어? 10년 전이랑
   * 비교해줘") put much of their wording outside any one sentence, hence a lowish value.
   */
  minCoverage: number;
  /** The same for Chinese/English questions, judged mostly on names, numbers and expansions. */
  minCoverageCrossLingual: number;
  /**
   * found:false above this: weighted share of the question's concepts that NO retrieved passage
   * mentions. Catches "테슬라 주가는?" answered with robot passages that mention Tesla (coverage
   * is fine there, but 주가 is nowhere).
   */
  maxUnknownShare: number;
  /**
   * A sentence answers only from a passage that mentions at least this weighted share of the
   * question's names: "卡诺普 2024 年净利润" is not answered by BYD's 2024 net profit, however well
   * the rest of the question is covered.
   */
  minNameShare: number;
  /**
   * "Attribute of an entity" questions (focus.ts): a sentence answers only when its context
   * (heading, passage up to it) names at least this share of the subject…
   */
  minSubjectShare: number;
  /** …and the sentence itself states at least this share of the attribute ("주가 전망", "净利润"). */
  minAttributeShare: number;
  /** Bonus for the hit's rank: + rankBonus / rank (the retriever's order is informative). */
  rankBonus: number;
  /** Bonus weight of the whole passage's coverage (a sentence in a relevant passage is likelier right). */
  contextWeight: number;
  /**
   * Bonus for a sentence with a figure when the question asks for a quantity: strong when the
   * question needs one (얼마, 몇 곳) and the figure has the counter asked for (23곳 for 몇 곳);
   * weak for any other figure. A person answering "who" (누가, 谁) counts as a strong figure.
   */
  figureBonusStrong: number;
  figureBonusWeak: number;
  /** Bonus for an enumeration when the question asks for a list (네 가지 분야, 哪几个城市). */
  listBonus: number;
  /** Bonus for a sentence with a date when the question asks when (언제, 何时). */
  dateBonus: number;
  /**
   * Score lost per 100 characters beyond 150: of two sentences covering the question equally,
   * the shorter one states it (the longer is often a flattened table or a run-on list).
   */
  lengthPenalty: number;
  /** Bonus weight of the share of the question's names a sentence contains. */
  entityBonus: number;
  /** Score factor for a sentence repeated in several articles (the report's boilerplate intros). */
  boilerplatePenalty: number;
  /** At most this many quoted sentences (they cite at most as many passages). */
  maxSentences: number;
  /** A further sentence is quoted only when it scores at least this share of the best one… */
  secondSentenceRatio: number;
  /** …or this share when it gives a part of the answer the chosen ones lack (another asked count, the date). */
  newPartRatio: number;
  /** A further sentence of the first one's article must add this much coverage of the question (or state the asked figure)… */
  minGainSameArticle: number;
  /**
   * …and one of another article this much (or give a missing part of the answer): it is cited,
   * so it must be worth sending the reader to a second place.
   */
  minGainOtherArticle: number;
  /** Two sentences sharing this share of character bigrams say the same thing; keep one. */
  redundantOverlap: number;
  /**
   * A sentence whose subject is in the sentence before ("실제로 중국의 코어리스 모터 시장은 …
   * 기록 중이다. 2023년 약 2.9 억 달러에서 2028 년 4.7 억 달러로 성장하여…") is quoted with it when
   * the pair covers at least this much more of the question than the sentence alone…
   */
  contextCarryMin: number;
  /** …and the pair's extra coverage counts this much for ranking (in full for deciding found). */
  contextCarryWeight: number;
  /** Longer sentences (flattened tables) are cut to their most relevant window of this length. */
  maxSentenceChars: number;
  /** Summaries: bullet count bounds (past the minimum, only informative sentences: summary.ts). */
  summaryMinBullets: number;
  summaryMaxBullets: number;
  /** Summaries: the article's passages must cover this share of the topic words (when any). */
  summaryMinCoverage: number;
}

/**
 * Defaults checked on the real index with the dev set (eval/dev.jsonl) and a held-out set
 * written from the report (tests/answer/fixtures/extra-questions.jsonl; run both with
 * tests/answer/eval-answers.ts): answerable questions cover 0.3–1.0 with their best unit
 * (verbose Korean and cross-lingual ones lowest). Unanswerable questions that share a name with
 * the passages are told apart by structure rather than by a coverage level: the names rule, the
 * asked figure kind, the subject and attribute of "X의 Y" questions, corpus statistics.
 * ExtractiveAnswerer.explain() returns the numbers behind a decision.
 */
export const EXTRACTIVE_THRESHOLDS: ExtractiveThresholds = {
  minCoverage: 0.3,
  minCoverageCrossLingual: 0.25,
  maxUnknownShare: 0.4,
  minNameShare: 0.5,
  minSubjectShare: 0.5,
  minAttributeShare: 0.75,
  rankBonus: 0.1,
  contextWeight: 0.15,
  figureBonusStrong: 0.3,
  figureBonusWeak: 0.12,
  listBonus: 0.12,
  dateBonus: 0.12,
  lengthPenalty: 0.05,
  contextCarryMin: 0.15,
  contextCarryWeight: 0.6,
  entityBonus: 0.15,
  boilerplatePenalty: 0.85,
  maxSentences: 3,
  secondSentenceRatio: 0.8,
  newPartRatio: 0.6,
  minGainSameArticle: 0.05,
  minGainOtherArticle: 0.15,
  redundantOverlap: 0.6,
  maxSentenceChars: 300,
  summaryMinBullets: 3,
  summaryMaxBullets: 5,
  summaryMinCoverage: 0.3,
};

export interface ExtractiveOptions {
  /** Term splitter for questions without an AnalyzedQuery (default: terms.ts). */
  tokenize?: Tokenizer;
  thresholds?: Partial<ExtractiveThresholds>;
  /**
   * Document frequency of a term in the whole index (corpus.ts; termStatsFromTexts builds one
   * from the chunks). With it, a Korean question whose last noun phrase holds a word the report
   * never uses ("테슬라 주가 전망은?") is found:false; without it, only the passages are judged.
   */
  termStats?: TermStats;
}

/** What the answerer decided and why: returned by explain() for the eval's miss list. */
export interface ExtractiveTrace {
  mode: 'answer' | 'summary' | 'location' | 'none';
  found: boolean;
  bestCoverage: number;
  unknownShare: number;
  quantity: QuantityKind;
  /** Words of the question's last noun phrase the report never uses (with corpus statistics). */
  absentFromCorpus?: string[];
  /** The subject and attribute of an "attribute of an entity" question, when it is one. */
  focus?: { subject: string; attribute: string; unverifiable: boolean };
  chosen: Array<{ hit: number; index: number; score: number; coverage: number; text: string }>;
}

interface Scored extends Candidate {
  score: number;
  cov: number;
}

/** What one request's answer modes share: the question's profile and the evidence in the passages. */
interface Evidence {
  input: AnswerInput;
  hits: ReadonlyArray<SearchHit>;
  profile: QueryProfile;
  names: QuestionName[];
  /** Per hit: matchForm(header + text), its coverage of the question, the share of the names it mentions. */
  passageNorms: string[];
  passageCov: number[];
  passageNames: number[];
  /** Weighted share of the question's concepts no passage mentions. */
  unknown: number;
  /** Per hit: its sentences as split for candidates (index = Candidate.index). */
  sentences: ReadonlyArray<readonly string[]>;
  cands: Candidate[];
  trace: ExtractiveTrace;
}

/** What kind of answer a question wants, read once per question (intent.ts, focus.ts). */
interface Wants {
  asked: AskedFigure | null;
  quantity: QuantityKind;
  list: boolean;
  when: boolean;
  who: boolean;
}

function questionWants(question: string, lang: Lang): Wants {
  const asked = askedFigure(question);
  return {
    asked,
    // "…판매 가격은?" wants the price as much as "…가격은 얼마야?" does.
    quantity: lang === 'ko' && asksForFigure(question, asked) ? 'strong' : quantityKind(question),
    list: isListQuestion(question),
    when: isWhenQuestion(question),
    who: isWhoQuestion(question),
  };
}

/**
 * The parts of the answer a sentence gives: each asked counter ("몇 년에 설립됐고 … 몇 곳": 년, 곳),
 * the asked figure, a date for "when", a person for "who".
 */
function answerParts(text: string, { asked, when, who }: Wants): string[] {
  const parts: string[] = [];
  if (asked?.kind === 'count') parts.push(...asked.counters.filter((k) => hasCountedFigure(text, [k])));
  else if (asked && statesFigure(text, asked)) parts.push(asked.kind);
  if (when && hasDate(text)) parts.push('date');
  if (who && mentionsPerson(text)) parts.push('person');
  return parts;
}

/** Discourse connectives that dangle once a sentence is quoted alone ("또한 유니트리는…"). */
const LEADING_CONNECTIVE_RE = /^(?:또한|특히|아울러|이에 따라|이에|한편|이와 함께|이처럼|따라서|그중|그리고|하지만|다만|동시에)[,\s]+/u;

export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive';
  readonly thresholds: ExtractiveThresholds;
  private readonly tokenize: Tokenizer | undefined;

  private readonly termStats: TermStats | undefined;

  constructor(opts: ExtractiveOptions = {}) {
    this.thresholds = { ...EXTRACTIVE_THRESHOLDS, ...opts.thresholds };
    this.tokenize = opts.tokenize;
    this.termStats = opts.termStats;
  }

  async answer(input: AnswerInput): Promise<Answer> {
    return this.answerSync(input);
  }

  /** Streams the finished answer in a few pieces (it is computed at once; no service to wait for). */
  async stream(input: AnswerInput, onDelta: (text: string) => void): Promise<Answer> {
    const a = this.answerSync(input);
    for (const piece of a.answer.split(/(?<=\n)|(?<=\] )/)) if (piece) onDelta(piece);
    return a;
  }

  answerSync(input: AnswerInput): Answer {
    return this.run(input).answer;
  }

  /** The answer with the decision trace (coverage, unknown share, chosen sentences). */
  explain(input: AnswerInput): { answer: Answer; trace: ExtractiveTrace } {
    return this.run(input);
  }

  private run(input: AnswerInput): { answer: Answer; trace: ExtractiveTrace } {
    const { question, lang } = input;
    const hits = input.hits ?? [];
    const trace: ExtractiveTrace = { mode: 'none', found: false, bestCoverage: 0, unknownShare: 0, quantity: null, chosen: [] };
    if (hits.length === 0) return { answer: this.notFound(lang, hits, false), trace };

    const ev = this.gather(input, hits, trace);
    if (input.summary || isSummaryRequest(question)) {
      trace.mode = 'summary';
      return { answer: this.summarize(ev), trace };
    }
    if (isLocationQuestion(question)) {
      trace.mode = 'location';
      return { answer: this.locate(ev), trace };
    }
    trace.mode = 'answer';
    return { answer: this.answerQuestion(ev), trace };
  }

  private gather(input: AnswerInput, hits: ReadonlyArray<SearchHit>, trace: ExtractiveTrace): Evidence {
    const texts = hits.map((h) => `${h.chunk.header} ${h.chunk.text}`.normalize('NFKC'));
    const terms = buildProfile(input.question, input.lang, input.query, this.tokenize);
    const names = questionNames(input.question, terms, texts);
    const profile = mergeNameForms(terms, names);
    const passageNorms = texts.map(matchForm);
    const unknown = unknownShare(passageNorms, profile);
    trace.unknownShare = unknown;
    // A name every passage mentions ("AI" in a set of AI passages) cannot tell which one is about
    // the question's subject: the passages are judged on the others.
    const telling = names.filter((n) => passageNorms.some((p) => nameShare(p, [n]) === 0));
    return {
      input,
      hits,
      profile,
      names,
      passageNorms,
      passageCov: passageNorms.map((n) => coverage(n, profile)),
      passageNames: passageNorms.map((n) => nameShare(n, telling)),
      unknown,
      sentences: hits.map((h) => splitSentences(h.chunk.text)),
      cands: candidatesFromHits(hits).map((c) => this.window(c, profile)),
      trace,
    };
  }

  /** A factual question: the best 1–3 sentences, or found:false when the evidence is too thin. */
  private answerQuestion(ev: Evidence): Answer {
    const { input, hits, profile, unknown, trace } = ev;
    const T = this.thresholds;
    const wants = questionWants(input.question, input.lang);
    trace.quantity = wants.quantity;
    const scored = this.scoreUnits(ev, wants);
    const pool = this.answerPool(ev, scored, wants);
    const minCov = input.lang === 'ko' ? T.minCoverage : T.minCoverageCrossLingual;
    const bestCov = Math.max(0, ...pool.map((c) => c.cov));
    trace.bestCoverage = bestCov;
    // No content words at all ("더 알려줘" after a rewrite failed): trust retrieval's ranking.
    const covered = profile.total === 0 || (bestCov >= minCov && unknown <= T.maxUnknownShare);
    trace.found = pool.length > 0 && covered && this.asksKnownThing(ev);
    if (!trace.found) return this.notFound(input.lang, hits, Math.max(0, ...scored.map((c) => c.cov)) > 0);

    const eligible = pool.filter((c) => profile.total === 0 || c.cov >= minCov).sort((a, b) => b.score - a.score);
    const chosen = this.select(eligible, ev, (c) => answerParts(c.text, wants));
    trace.chosen = chosen.map((c) => ({ hit: c.hit, index: c.index, score: c.score, coverage: c.cov, text: c.text }));
    return this.compose(input.lang, hits, chosen);
  }

  /**
   * Each candidate sentence as a unit (with the sentence before it when that carries the
   * subject), its coverage of the question and its score: coverage ranked by specificity, the
   * passage's relevance and rank, and the kind of answer the question wants.
   */
  private scoreUnits(ev: Evidence, wants: Wants): Scored[] {
    const { cands, profile, passageCov, sentences } = ev;
    const T = this.thresholds;
    const spec = specificity(cands.map((c) => c.norm), profile);
    return cands.map((c) => {
      let unit: Candidate = c;
      let cov = coverage(c.norm, profile);
      let rank = rankingCoverage(c.norm, profile, spec);
      // The chunk's own previous sentence (a candidate of its own, or the overlap with the chunk before).
      const prev = sentences[c.hit]![c.index - 1];
      if (prev && !isJunkSentence(prev)) {
        const pairNorm = matchForm(prev) + c.norm;
        const carry = coverage(pairNorm, profile) - cov;
        if (carry >= T.contextCarryMin) {
          // The reader sees the pair: it decides found in full; ranking still prefers a sentence
          // that states the answer on its own.
          unit = { ...c, index: c.index - 1, text: `${prev} ${c.text}`, norm: pairNorm };
          cov += carry;
          rank += T.contextCarryWeight * (rankingCoverage(pairNorm, profile, spec) - rank);
        }
      }
      let score = rank + T.contextWeight * passageCov[c.hit]! + T.rankBonus / c.rank;
      score += this.figureBonus(c.text, wants);
      if (wants.list && isEnumeration(c.text)) score += T.listBonus;
      if (wants.when && hasDate(c.text)) score += T.dateBonus;
      // For "who" a person is the answer, as the figure is for "how many".
      if (wants.who && mentionsPerson(c.text)) score += T.figureBonusStrong;
      score -= (T.lengthPenalty * Math.max(0, [...c.text].length - 150)) / 100;
      score += T.entityBonus * entityCoverage(unit.norm, profile);
      if (c.boilerplate) score *= T.boilerplatePenalty;
      return { ...unit, score, cov };
    });
  }

  /**
   * The units that may answer: from a passage about the question's names; stating an amount
   * when the question cannot be answered without one (of the asked kind when it names it: a
   * share %, a price 위안, 몇 명 명); and, for an "attribute of an entity" question, about the
   * subject and stating the attribute — tested on each sentence as read (its subject before or
   * in it), not on a pair joined by context carry, which may put another entity's figure next to
   * the subject. (`scored[i]` is the unit of `ev.cands[i]`.)
   */
  private answerPool(ev: Evidence, scored: Scored[], wants: Wants): Scored[] {
    const T = this.thresholds;
    const { asked, quantity } = wants;
    const statesAmount = (c: Candidate) => (asked ? statesFigure(c.text, asked) : hasAmount(c.text));
    const focusOk = ev.cands.map(this.focusTest(ev, asked));
    return scored.filter(
      (c, i) => ev.passageNames[c.hit]! >= T.minNameShare && (quantity !== 'strong' || statesAmount(c)) && focusOk[i],
    );
  }

  /**
   * The best sentence, then each next-best one that adds to it: question words the chosen ones
   * lack, or a part of the answer. From the same article, another sentence stating the asked
   * figure or date is shown too (two totals of sales: the reader sees both). A sentence of another
   * article (eligible, so relevant itself) must add a good deal of the question or a part of the
   * answer the first lacks (the date of the event) — citing a second article for a sentence that
   * merely shares the question's words is padding that points the reader to the wrong place.
   */
  private select(eligible: Scored[], ev: Evidence, answers: (c: Candidate) => string[]): Scored[] {
    const T = this.thresholds;
    const { hits, profile } = ev;
    const first = eligible[0]!;
    const article = (c: Candidate) => hits[c.hit]!.chunk.articleId;
    const chosen: Scored[] = [first];
    const given = new Set(answers(first));
    for (const c of eligible.slice(1)) {
      if (chosen.length >= T.maxSentences) break;
      // A part of the answer the chosen sentences lack ("외래 진료소 9 곳" after "2016 년에 설립") is
      // worth a lower-scoring sentence.
      const newPart = answers(c).some((a) => !given.has(a));
      if (c.score < first.score * (newPart ? T.newPartRatio : T.secondSentenceRatio)) continue;
      if (chosen.some((x) => overlap(x.norm, c.norm) >= T.redundantOverlap)) continue;
      const before = coverage(chosen.map((x) => x.norm).join('|'), profile);
      const gain = coverage(`${chosen.map((x) => x.norm).join('|')}|${c.norm}`, profile) - before;
      const adds =
        article(c) === article(first) ? gain >= T.minGainSameArticle || answers(c).length > 0 : gain >= T.minGainOtherArticle || newPart;
      if (!adds) continue;
      chosen.push(c);
      for (const a of answers(c)) given.add(a);
    }
    return chosen;
  }

  /**
   * With corpus statistics: the Korean question's last noun phrase (what it asks about) uses no
   * word the report never does. Chinese and English questions are not judged so: their own words
   * are naturally absent from a Korean report.
   */
  private asksKnownThing(ev: Evidence): boolean {
    const { input, profile, trace } = ev;
    if (!this.termStats || input.lang !== 'ko') return true;
    const absent = absentFromCorpus(profile, finalPhrase(input.question), this.termStats);
    if (absent.length > 0) trace.absentFromCorpus = absent;
    return absent.length === 0;
  }

  /**
   * For an "attribute of an entity" question, a test that a unit is about the subject (in its
   * context: heading and passage up to it) and states the attribute; every unit passes otherwise.
   */
  private focusTest(ev: Evidence, asked: AskedFigure | null): (c: Candidate) => boolean {
    const { input, hits, profile, names, passageNorms } = ev;
    const focus = questionFocus(input.question, input.lang);
    if (!focus) return () => true;
    const fe = focusEvidence(focus, input.lang, profile, names, passageNorms, (t) => !!asked && figureStandsFor(t, asked));
    ev.trace.focus = { subject: focus.subject, attribute: focus.attribute, unverifiable: fe.unverifiable };
    const T = this.thresholds;
    const sentences = ev.sentences.map((ss) => ss.map(matchForm));
    const context = (c: Candidate) => matchForm(hits[c.hit]!.chunk.header) + sentences[c.hit]!.slice(0, c.index).join('') + c.norm;
    return (c) =>
      subjectShare(context(c), fe) >= T.minSubjectShare &&
      attributeShare(c.norm, asked ? statesFigure(c.text, asked) : undefined, fe) >= T.minAttributeShare;
  }

  /**
   * Bonus for the figure a quantity question asks for: strong for a figure of the asked kind
   * (or any figure when the kind is not named and the figure is required), weak for another.
   */
  private figureBonus(text: string, { asked, quantity }: Wants): number {
    const T = this.thresholds;
    if (asked && statesFigure(text, asked)) return T.figureBonusStrong;
    if (!quantity || !hasFigure(text)) return 0;
    return quantity === 'strong' && !asked ? T.figureBonusStrong : T.figureBonusWeak;
  }

  /** Cuts a long "sentence" (a flattened table, a list) to its most relevant window. */
  private window(c: Candidate, profile: QueryProfile): Candidate {
    const max = this.thresholds.maxSentenceChars;
    if ([...c.text].length <= max) return c;
    const words = c.text.split(/\s+/).filter(Boolean);
    let best = { start: 0, end: 0, cov: -1 };
    for (let start = 0; start < words.length; start++) {
      let end = start;
      let len = 0;
      while (end < words.length && len + [...words[end]!].length + 1 <= max - 2) len += [...words[end++]!].length + 1;
      if (end === start) end = start + 1; // a single over-long word: keep it, clipQuote will cut it
      const cov = coverage(matchForm(words.slice(start, end).join(' ')), profile);
      // Ties go to the later window: the question's words usually come before the answer
      // ("…의 수량은 GB200의 5 배에 달하며"), so keep what follows them.
      if (cov >= best.cov) best = { start, end, cov };
      if (end >= words.length) break;
    }
    const text = `${best.start > 0 ? '…' : ''}${words.slice(best.start, best.end).join(' ')}${best.end < words.length ? '…' : ''}`;
    return { ...c, text, norm: matchForm(text) };
  }

  /** Opening + quoted sentences, each followed by the [n] of its passage; then verified. */
  private compose(lang: Lang, hits: ReadonlyArray<SearchHit>, chosen: Candidate[]): Answer {
    const m = MESSAGES[lang];
    const { ids, citations } = this.cite(hits, chosen);
    const parts = chosen.map((c, i) => {
      let t = displayText(c.text);
      if (i === 0) t = t.replace(LEADING_CONNECTIVE_RE, '');
      return `${t} [${ids.get(c.hit)}]`;
    });
    const text = `${m.opening}${m.afterOpening}${parts.join(lang === 'ko' ? ' ' : '\n')}`;
    const v = verifyCitations(text, citations);
    return { found: true, answer: v.answer, citations: v.citations, answerer: this.name };
  }

  /** One citation per passage used, quoting the chosen sentences of it in reading order. */
  private cite(hits: ReadonlyArray<SearchHit>, chosen: Candidate[]): { ids: Map<number, number>; citations: Citation[] } {
    const ids = new Map<number, number>();
    for (const c of chosen) if (!ids.has(c.hit)) ids.set(c.hit, ids.size + 1);
    const citations = [...ids].map(([hit, id]) => {
      const quote = chosen
        .filter((c) => c.hit === hit)
        .sort((a, b) => a.index - b.index)
        .map((c) => displayText(c.text))
        .join(' ');
      return citationFromHit(hits[hit]!, id, quote);
    });
    return { ids, citations };
  }

  private notFound(lang: Lang, hits: ReadonlyArray<SearchHit>, someOverlap: boolean): Answer {
    const m = MESSAGES[lang];
    // A hint, not a claim: article titles of the closest passages, without citations.
    const titles = someOverlap ? [...new Set(hits.slice(0, 3).map((h) => h.chunk.articleTitle))].slice(0, 2) : [];
    return {
      found: false,
      answer: titles.length > 0 ? `${m.notFound}${m.closestTopics(titles)}` : m.notFound,
      citations: [],
      answerer: this.name,
    };
  }

  // ───────────────────────── summaries ─────────────────────────

  /**
   * A cited multi-point summary of the highest-ranked article (summary.ts): focused on the part
   * the request names beyond the article's title, or spread over the whole article.
   */
  private summarize(ev: Evidence): Answer {
    const { input, hits, cands, profile, unknown, trace } = ev;
    const T = this.thresholds;
    const top = hits[0]!.chunk;
    const inArticle = hits.map((h, i) => (h.chunk.articleId === top.articleId ? i : -1)).filter((i) => i >= 0);
    const articleNorm = matchForm(inArticle.map((i) => `${hits[i]!.chunk.header} ${hits[i]!.chunk.text}`).join(' '));
    const articleCov = coverage(articleNorm, profile);
    trace.bestCoverage = articleCov;
    const found = profile.total === 0 || (articleCov >= T.summaryMinCoverage && unknown <= T.maxUnknownShare);
    const pool = cands.filter((c) => hits[c.hit]!.chunk.articleId === top.articleId && !c.boilerplate);
    trace.found = found && pool.length > 0;
    if (!trace.found) return this.notFound(input.lang, hits, articleCov > 0);

    const limits = {
      minBullets: T.summaryMinBullets,
      maxBullets: T.summaryMaxBullets,
      redundantOverlap: T.redundantOverlap,
    };
    // A topic worth focusing on: a content word beyond the title that the passages do cover.
    const topic = topicOf(profile, top, inArticle.map((i) => ev.passageNorms[i]!));
    const focused = topic.total >= 1 && inArticle.some((i) => coverage(ev.passageNorms[i]!, topic) >= T.summaryMinCoverage);
    const picked = focused ? focusedBullets(pool, hits, topic, limits) : spreadBullets(pool, hits, limits);
    const chosen = inReadingOrder(withAnnouncedLists(picked, cands), hits);
    trace.chosen = chosen.map((c) => ({ hit: c.hit, index: c.index, score: c.score, coverage: coverage(c.norm, profile), text: c.text }));

    const m = MESSAGES[input.lang];
    // The article's earliest page among its retrieved passages (its first page when retrieved).
    const page = Math.min(...inArticle.map((i) => hits[i]!.chunk.page));
    const { ids, citations } = this.cite(hits, chosen);
    const bullets = chosen.map((c) => `- ${displayText(c.text)} [${ids.get(c.hit)}]`);
    const text = `${m.summaryOpening(top.articleTitle, m.where(top.section, top.articleNumber, page))}\n${bullets.join('\n')}`;
    const v = verifyCitations(text, citations);
    return { found: true, answer: v.answer, citations: v.citations, answerer: this.name };
  }

  // ───────────────────────── "which page" questions ─────────────────────────

  /** Where in the report: the best-matching passage's article, section and page. */
  private locate(ev: Evidence): Answer {
    const { hits, passageCov, profile, unknown, trace } = ev;
    const { lang } = ev.input;
    const T = this.thresholds;
    let best = 0;
    passageCov.forEach((c, i) => {
      if (c > passageCov[best]! + 1e-9) best = i;
    });
    trace.bestCoverage = passageCov[best]!;
    const minCov = lang === 'ko' ? T.minCoverage : T.minCoverageCrossLingual;
    trace.found = profile.total === 0 || (passageCov[best]! >= minCov && unknown <= T.maxUnknownShare);
    if (!trace.found) return this.notFound(lang, hits, passageCov[best]! > 0);
    const c = hits[best]!.chunk;
    const m = MESSAGES[lang];
    // The article's first page is where it is "in the report"; the passage's own page is in the citation.
    const page = c.ordinal === 0 ? c.page : Math.min(...hits.filter((h) => h.chunk.articleId === c.articleId).map((h) => h.chunk.page));
    const quote = displayText(c.text).length > 0 ? displayText(c.text) : c.articleTitle;
    const text = `${m.location(c.articleTitle, `${c.section} ${c.articleNumber}`, page)} [1]`;
    const v = verifyCitations(text, [citationFromHit(hits[best]!, 1, quote)]);
    return { found: true, answer: v.answer, citations: v.citations, answerer: this.name };
  }
}
