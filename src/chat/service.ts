/**
 * The chat service: one question in a conversation → retrieval → answer, with the session's
 * history used to make follow-ups standalone. Used by /api/chat, /v1/chat/completions, the
 * bots and `npm run ask`; it knows nothing of HTTP.
 */
import { AppError } from '../errors.js';
import { detectLanguage } from '../retrieve/language.js';
import { type HybridRetriever, articleKey } from '../retrieve/retriever.js';
import type { Correction } from '../text/spelling.js';
import type { AnalyzedQuery, Answer, AnswerInput, Answerer, ChatOptions, ChatRequest, ChatResponse, ChatService, Lang, SearchHit, Session, SessionStore, Turn } from '../types.js';
import { isBareRequest, resolveFollowUp } from './followup.js';
import { analyzeQuestion, type QuestionFrame } from '../frame/frame.js';
import { EN_MONTH_NAMES } from '../text/rules.js';
import { type ResolvedDate, issueMonth, issueYear, resolveRelativeDates } from '../frame/time.js';
import { splitAskerContext } from '../frame/context.js';
import type { TocEntry } from '../frame/references.js';
import { candidatesFromHits } from '../answer/evidence.js';
import { BODY_SENTENCE_CHARS } from '../answer/corpus.js';
import { matchForm } from '../answer/terms.js';
import { clarifyAnswer, overviewAnswer, sectionAnswer, sourcesAnswer } from '../answer/overview.js';
import { newApiSessionId } from './ownership.js';
import { smallTalk } from './smalltalk.js';

/** Rewrites a follow-up into a standalone question (the LLM's rewriter, when configured). */
export interface QuestionRewriter {
  rewrite(history: Turn[], question: string, signal?: AbortSignal): Promise<string>;
}

export interface ChatServiceDeps {
  retriever: HybridRetriever;
  answerer: Answerer;
  sessions: SessionStore;
  rewriter?: QuestionRewriter;
  defaultTopK: number;
  /** The table of contents of the index: references to articles ("2번 기사") and overviews. */
  toc?: TocEntry[];
  /** Title of the report the overview is of. */
  reportTitle?: string;
  /** The report's issue month ("2025-06"): the year "작년", "去年", "last year" are read against. */
  issue?: string;
  /** Words in over a third of the report's passages: never a follow-up's subject (chat/followup.ts). */
  commonWord?: (ko: string) => boolean;
  /** Characters of a question analysed; the rest is ignored with a note (MAX_ANALYZED_CHARS). */
  maxAnalyzedChars?: number;
  newId?: () => string;
  now?: () => number;
}

/**
 * How much of an answer a session keeps: follow-ups are resolved from the question, the cited
 * articles and the gist of the answer, not its full quotes; sessions are many (one per
 * API call without a sessionId) and this bounds their memory.
 */
const REMEMBERED_ANSWER_CHARS = 400;
/** Passages given to a summary (from one article, in reading order). */
const SUMMARY_PASSAGES = 8;

export const SESSION_ID = /^[\w.:@-]{1,128}$/;

export class DefaultChatService implements ChatService {
  private readonly newId: () => string;
  private readonly now: () => number;

  private readonly toc: TocEntry[];

  constructor(private readonly deps: ChatServiceDeps) {
    this.toc = deps.toc ?? [];
    this.newId = deps.newId ?? newApiSessionId;
    this.now = deps.now ?? Date.now;
  }

  async ask(req: ChatRequest, opts: ChatOptions = {}): Promise<ChatResponse> {
    const message = req.message.trim();
    if (!message) throw new AppError('VALIDATION_FAILED', 'message must not be empty', { field: 'message' });
    if (req.sessionId !== undefined && !SESSION_ID.test(req.sessionId)) {
      throw new AppError('VALIDATION_FAILED', 'sessionId must be 1-128 characters of letters, digits and . : @ _ -', { field: 'sessionId' });
    }
    const lang: Lang = req.language ?? detectLanguage(message);
    const k = req.topK ?? this.deps.defaultTopK;
    const ephemeral = opts.history !== undefined && req.sessionId === undefined;
    const session = ephemeral ? this.fromHistory(opts.history ?? []) : await this.session(req.sessionId, req.owner);

    // Greetings and thanks get a friendly reply, not a passage (src/chat/smalltalk.ts); the
    // session is kept (its id stays valid) but the greeting is not remembered as a question.
    const friendly = smallTalk(message, lang);
    if (friendly !== undefined) {
      if (!ephemeral) await this.deps.sessions.save(session);
      opts.onDelta?.(friendly);
      return { sessionId: session.id, language: lang, found: true, answer: friendly, citations: [], answerer: 'smalltalk', smalltalk: true };
    }

    const analysed = clipForAnalysis(message, this.deps.maxAnalyzedChars ?? DEFAULT_ANALYZED_CHARS);
    const prepared = await this.prepare(analysed, lang, session.turns, k, opts.signal);
    const { query, standalone, hits, summary, frame } = prepared;

    const input: AnswerInput = {
      question: prepared.question,
      ...(prepared.context ? { context: prepared.context } : {}),
      lang,
      hits,
      query,
      summary,
      frame,
      history: session.turns.map((t) => ({ role: t.role, content: t.content })),
      ...(prepared.restricted ? { restricted: true } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    };
    const { answerer } = this.deps;
    let answer: Answer;
    if (prepared.direct) {
      const picked = this.toc.filter((e) => prepared.candidates?.includes(e.key));
      answer =
        prepared.direct === 'overview'
          ? this.overview(lang)
          : prepared.direct === 'section'
            ? sectionAnswer(picked[0]?.section ?? '', picked, (key) => this.deps.retriever.articleChunks(key), lang)
            : prepared.direct === 'sources'
              ? sourcesAnswer(picked, (key) => this.deps.retriever.articleChunks(key), lang)
              : clarifyAnswer(picked, lang);
      opts.onDelta?.(answer.answer);
    } else {
      answer = opts.onDelta && answerer.stream ? await answerer.stream(input, opts.onDelta) : await answerer.answer(input);
      if (opts.onDelta && !answerer.stream) opts.onDelta(answer.answer);
    }

    // A chunk id starts with its report id: `${reportId}:${articleId}:${ordinal}`.
    const cited = [...new Set(answer.citations.map((c) => c.chunkId.split(':').slice(0, -1).join(':')))];
    const at = this.now();
    const remembered = answer.answer.length > REMEMBERED_ANSWER_CHARS ? `${answer.answer.slice(0, REMEMBERED_ANSWER_CHARS)}…` : answer.answer;
    // The answer as given and its citations are kept for GET /api/sessions/:id (the stores bound them).
    const given = { ...(remembered !== answer.answer ? { answer: answer.answer } : {}), citations: answer.citations };
    session.turns.push({ role: 'user', content: message, standalone, at }, { role: 'assistant', content: remembered, articleIds: cited, ...given, at });
    if (!ephemeral) await this.deps.sessions.save(session);

    const res: ChatResponse = {
      sessionId: session.id,
      language: lang,
      found: answer.found,
      answer: answer.answer,
      citations: answer.citations,
      answerer: answer.answerer,
      standaloneQuestion: standalone,
    };
    const clipped = analysed.length < message.length ? CLIPPED_NOTE[lang](analysed.length) : undefined;
    const read = prepared.corrections?.length ? READ_AS_NOTE[lang](prepared.corrections) : undefined;
    const dated = prepared.years?.length ? YEAR_NOTE[lang](prepared.years, this.deps.issue ?? '') : undefined;
    const note = [read, dated, answer.note, clipped].filter(Boolean).join(' ');
    if (note) res.note = note;
    return res;
  }

  private overview(lang: Lang): Answer {
    return overviewAnswer(this.toc, (key) => this.deps.retriever.articleChunks(key), lang, this.deps.reportTitle ?? '');
  }

  private fromHistory(history: NonNullable<ChatOptions['history']>): Session {
    const at = this.now();
    return { id: this.newId(), turns: history.map((h) => ({ role: h.role, content: h.content, at })), createdAt: at, updatedAt: at };
  }

  private async session(id: string | undefined, owner: string | undefined): Promise<Session> {
    const fresh = (sid: string): Session => ({ id: sid, turns: [], createdAt: this.now(), updatedAt: this.now(), ...(owner ? { owner } : {}) });
    if (id) {
      const s = await this.deps.sessions.get(id);
      // An unknown id (expired, or a bot's) starts a new conversation under that id. The HTTP
      // API never passes ids it did not issue to this caller (src/chat/ownership.ts).
      if (s) return s;
      return fresh(id);
    }
    return fresh(this.newId());
  }

  /**
   * Question → frame → analyzed query (resolved against the conversation) → passages. Public so
   * that the eval and the fit measure retrieval exactly as the chat performs it.
   */
  async prepare(typed: string, lang: Lang, turns: Turn[], k: number, signal?: AbortSignal): Promise<Prepared> {
    // Every stage reads the question with its Korean spacing restored ("유니트리점유율은몇퍼센트야"),
    // a misspelt name read as the report's (능커테크 → 넝커테크) and "작년" as the year it means.
    const read = this.deps.retriever.readable(typed, lang);
    const { text: dated, years } = resolveRelativeDates(read.text, lang, issueYear(this.deps.issue), issueMonth(this.deps.issue)?.month);
    const { corrections } = read;
    // What the asker says of themselves first ("저희는 … 수입하는데,") is not what to search for.
    const asker = splitAskerContext(dated, lang);
    const question = asker?.rest ?? dated;
    return {
      ...(await this.prepareRead(question, lang, turns, k, signal, asker?.context)),
      question,
      ...(asker ? { context: asker.context } : {}),
      ...(corrections.length ? { corrections } : {}),
      ...(years.length ? { years } : {}),
    };
  }

  private async prepareRead(
    message: string,
    lang: Lang,
    turns: Turn[],
    k: number,
    signal?: AbortSignal,
    asker?: string,
  ): Promise<Omit<Prepared, 'question' | 'corrections'>> {
    // The frame's context: the index's glossary and the retriever's analysis (for the attribute's terms).
    const context = { glossary: this.deps.retriever.glossary, analyze: (t: string, l: Lang) => this.deps.retriever.analyze(t, l) };
    let frame = analyzeQuestion(message, lang, { ...context, toc: this.toc });
    const ref = frame.reference;
    if (frame.kind === 'overview') return { frame, query: this.deps.retriever.analyze(message, lang), standalone: message, hits: [], summary: true, direct: 'overview' };
    if (ref?.kind === 'section' && !frame.summary) {
      return { frame, query: this.deps.retriever.analyze(message, lang), standalone: message, hits: this.firstPassages(ref.candidates, k), summary: false, direct: 'section', candidates: ref.candidates };
    }
    if (ref?.kind === 'sources') {
      return { frame, query: this.deps.retriever.analyze(message, lang), standalone: message, hits: this.firstPassages(ref.candidates, k), summary: false, direct: 'sources', candidates: ref.candidates };
    }
    if (ref?.kind === 'ambiguous' && (frame.summary || ref.candidates.length <= 8)) {
      return { frame, query: this.deps.retriever.analyze(message, lang), standalone: message, hits: [], summary: frame.summary, direct: 'clarify', candidates: ref.candidates };
    }
    const { query, standalone, restrictTo, prior, previous, subject, carried } = await this.understand(message, frame, turns, signal, asker);
    // An elliptical follow-up asks what the previous question asked (its attribute, its kind of
    // figure) about the part it replaces: the frame the answer stage weighs is inherited.
    if (previous) frame = inheritFrame(frame, analyzeQuestion(previous, frame.lang, context));
    // "그 회사" is the conversation's subject: the answer stage's facts about the report (a kind
    // it never states about that subject) need its names, which the question does not write.
    const glossary = this.deps.retriever.glossary;
    if (carried?.length && !frame.entries.length && glossary) {
      const referents = glossary.entriesIn(carried.join(' '), 'ko').filter((e) => glossary.isMined(e));
      if (referents.length) frame = { ...frame, referents };
    }
    const summary = frame.summary;
    // A named article is what a summary is of; for a question it is a prior, not a filter. An
    // article with no body text (two KIC items survive only as headings: corpus.md) cannot be
    // summarized: then the search finds the passages that report on its subject.
    const named = ref?.kind === 'article' && this.hasBody(ref.key) ? ref.key : undefined;
    // Where in the report an article is ("… 몇 쪽에 나와"): the titled article, like a summary's.
    const ofArticle = summary || frame.location;
    const article = ofArticle ? (named ?? restrictTo) : restrictTo;
    let hits = await this.retrieve(query, k, summary, article, named && !summary ? [named, ...prior] : prior);
    // The previous question asked of a new subject ("광둥 선전은?" after one on 쑤난): only passages
    // naming it can answer. The previous wording, carried at 0.8, otherwise ranks the previous
    // subject's passage first, and its figures were quoted as the new subject's.
    // Its Korean names only: an English name ("Nengke Technology") reaches the report through
    // readings, and its words alone matched other passages ("… Tech Technology Co.").
    const subjectKo = subject?.filter((n) => /\p{Script=Hangul}/u.test(n)) ?? [];
    if (subjectKo.length) hits = hits.filter((h) => namesAny(`${h.chunk.header} ${h.chunk.text}`, subjectKo));
    return { frame, query, standalone, hits, summary, ...(article && (summary || (frame.location && named)) ? { restricted: true } : {}) };
  }

  /** The article has text beyond its heading line. */
  private hasBody(key: string): boolean {
    return this.deps.retriever.articleChunks(key).some((c) => candidatesFromHits([{ rank: 1, score: 0, chunk: c }]).some((s) => [...s.text].length > BODY_SENTENCE_CHARS));
  }

  /**
   * The passages a table-of-contents answer draws on: each listed article's first passage, in
   * list order (what it cites), so that the eval measures those answers' articles like a search's.
   */
  private firstPassages(keys: readonly string[], k: number): SearchHit[] {
    return keys
      .map((key) => this.deps.retriever.articleChunks(key)[0])
      .filter((c): c is NonNullable<typeof c> => !!c)
      .slice(0, k)
      .map((chunk, i) => ({ rank: i + 1, score: 0, chunk }));
  }

  /** Analyzes the question, carrying over context from the conversation for follow-ups. */
  private async understand(
    message: string,
    frame: QuestionFrame,
    turns: Turn[],
    signal?: AbortSignal,
    asker?: string,
  ): Promise<{ query: AnalyzedQuery; standalone: string; restrictTo?: string; prior: string[]; previous?: string; subject?: string[]; carried?: string[] }> {
    const { retriever, rewriter } = this.deps;
    const lang = frame.lang;
    const q = retriever.analyze(message, lang);
    if (asker) {
      // The asker's words count a little: they may share a word with the answer ("진료" of a
      // clinic's situation), but they are not what is asked.
      const own = new Set(q.terms.map((t) => t.term));
      q.terms.push(...retriever.analyze(asker, lang).terms.filter((t) => !own.has(t.term)).map((t) => ({ term: t.term, weight: t.weight * CONTEXT_WEIGHT })));
    }
    const resolved = resolveFollowUp(frame, turns, { glossary: retriever.glossary, terms: q.terms, ...(this.deps.commonWord ? { common: this.deps.commonWord } : {}) });
    if (!resolved) return { query: q, standalone: message, prior: [] };
    const bare = isBareRequest(message) && resolved.articles[0] ? { restrictTo: resolved.articles[0] } : {};
    if (rewriter) {
      try {
        const rewritten = (await rewriter.rewrite(turns, message, signal)).trim();
        if (rewritten) {
          const r = retriever.analyze(rewritten, lang);
          return { query: { ...r, raw: message, lang }, standalone: rewritten, prior: resolved.articles, ...bare, ...(resolved.names.length ? { carried: resolved.names } : {}) };
        }
      } catch {
        // Rewriter failed or timed out: the resolution below still works.
      }
    }
    const seen = new Set(q.terms.map((t) => t.term));
    const carry = (text: string, weight: number): AnalyzedQuery['terms'] => {
      const a = retriever.analyze(text);
      const out = a.terms.filter((t) => !seen.has(t.term)).map((t) => ({ term: t.term, weight: t.weight * weight }));
      for (const t of out) seen.add(t.term);
      q.expansions.push(...a.expansions);
      return out;
    };
    const names = resolved.names.length ? carry(resolved.names.join(' '), NAME_WEIGHT) : [];
    // An elliptical question keeps the previous one's wording nearly whole, less the numbers it
    // replaces ("2022년 순이익" → "그러면 2023년은?": 순이익 stays, 2022 goes).
    const ownNumber = q.terms.some((t) => /^\d/.test(t.term));
    // …and less the names it replaces ("비야디 판매량" → "지리는?": 비야디 goes), in any form the
    // analyzer gives them (a name's bigrams too).
    const replaced = new Set((resolved.replaced ?? []).flatMap((n) => retriever.analyze(n).terms.map((t) => t.term)));
    const topic = !resolved.topic
      ? []
      : resolved.elliptical
        ? carry(resolved.topic, ELLIPTICAL_TOPIC_WEIGHT).filter((t) => !(ownNumber && /^\d/.test(t.term)) && !replaced.has(t.term))
        : carry(resolved.topic, resolved.names.length ? TOPIC_WEIGHT : TOPIC_WEIGHT_NO_NAMES);
    const query: AnalyzedQuery = {
      ...q,
      normalized: `${q.normalized} ${resolved.names.join(' ')}`.trim(),
      terms: [...q.terms, ...names, ...topic],
    };
    return {
      query,
      standalone: resolved.standalone,
      prior: resolved.articles,
      ...bare,
      ...(resolved.elliptical && resolved.topic ? { previous: resolved.topic } : {}),
      ...(resolved.subject?.length ? { subject: resolved.subject } : {}),
      ...(resolved.names.length ? { carried: resolved.names } : {}),
    };
  }

  private async retrieve(query: AnalyzedQuery, k: number, summary: boolean, restrictTo?: string, prior: string[] = []): Promise<SearchHit[]> {
    const { retriever } = this.deps;
    if (!summary) {
      const hits = await retriever.searchAnalyzed(query, { k: prior.length ? k + PRIOR_EXTRA : k, ...(restrictTo ? { articleId: restrictTo } : {}) });
      return prior.length ? withPrior(hits, prior, k) : hits;
    }
    // Summaries draw on one article: the one named, the one the conversation is about, or the
    // best match; then its passages in reading order.
    let article = restrictTo;
    if (!article) {
      const top = await retriever.searchAnalyzed(query, { k: 5 });
      const best = top.find((h) => this.hasBody(articleKey(h.chunk))) ?? top[0];
      if (!best) return [];
      article = articleKey(best.chunk);
    }
    const hits = await retriever.searchAnalyzed(query, { k: SUMMARY_PASSAGES, perArticle: SUMMARY_PASSAGES, articleId: article });
    return hits;
  }
}

const DEFAULT_ANALYZED_CHARS = 400;
/** Says which of the report's names a misspelt word was read as. */
const READ_AS_NOTE: Record<Lang, (c: Correction[]) => string> = {
  ko: (c) => `${c.map((x) => `‘${x.typed}’ → 보고서 표기 ‘${x.name}’`).join(', ')}(으)로 찾았습니다.`,
  zh: (c) => `已按报告中的写法查找：${c.map((x) => `“${x.typed}” → “${x.name}”`).join('，')}。`,
  en: (c) => `Searched for the report's spelling: ${c.map((x) => `“${x.typed}” → “${x.name}”`).join(', ')}.`,
};
/** Says which year a relative one was read as, and against which issue ("2025-06"). */
const YEAR_NOTE: Record<Lang, (y: ResolvedDate[], issue: string) => string> = {
  ko: (y, issue) => `${y.map((x) => `‘${x.typed}’ = ${x.year}년${x.month ? ` ${x.month}월` : ''}`).join(', ')}(이번 호 ${issue.replace(/^(\d+)-0?(\d+)$/, '$1년 $2월')} 기준)으로 읽었습니다.`,
  zh: (y, issue) => `${y.map((x) => `“${x.typed}” = ${x.year}年${x.month ? `${x.month}月` : ''}`).join('，')}（以本期 ${issue.replace(/^(\d+)-0?(\d+)$/, '$1年$2月')} 为准）。`,
  en: (y, issue) => `Read ${y.map((x) => `“${x.typed}” as ${x.month ? `${EN_MONTH_NAMES[x.month - 1]} ` : ''}${x.year}`).join(', ')} (the issue is dated ${issue}).`,
};
const CLIPPED_NOTE: Record<Lang, (n: number) => string> = {
  ko: (n) => `질문이 길어 앞의 ${n}자만 분석했습니다.`,
  zh: (n) => `问题过长，只分析了前 ${n} 个字符。`,
  en: (n) => `The question is long: only its first ${n} characters were analysed.`,
};

/** The first `max` characters of a long question, cut at a sentence end or a space when there is one near. */
export function clipForAnalysis(message: string, max: number): string {
  if (message.length <= max) return message;
  const head = message.slice(0, max);
  const cut = Math.max(head.search(/[.?!。？！][^.?!。？！]*$/u) + 1, head.lastIndexOf(' '));
  return (cut > max * 0.6 ? head.slice(0, cut) : head).trim();
}

/** Extra passages fetched when the conversation gives a prior, so that the prior can reorder them. */
const PRIOR_EXTRA = 3;
/**
 * Prior of the articles the previous answer cited, as a share of the best passage's score: a
 * follow-up is usually about the same article, but a clearly better passage elsewhere still wins.
 */
const PRIOR_SHARE = 0.3;
/** Weight of the previous turn's names, and of the rest of its wording, in a follow-up's query. */
const NAME_WEIGHT = 1;
/** Weight of the words of the asker's situation (frame/context.ts) against the question's own. */
const CONTEXT_WEIGHT = 0.3;
const TOPIC_WEIGHT = 0.25;
const TOPIC_WEIGHT_NO_NAMES = 0.5;
/** Weight of the previous question's wording in an elliptical follow-up ("그러면 2023년은?"). */
const ELLIPTICAL_TOPIC_WEIGHT = 0.8;

/**
 * An elliptical follow-up's frame: its own names and references, the previous question's asked
 * figure, kind and attribute where it states none of its own.
 */
export function inheritFrame(own: QuestionFrame, previous: QuestionFrame): QuestionFrame {
  const asksNothing = own.kind === 'fact' && !own.figure && !own.quantity;
  return {
    ...own,
    ...(asksNothing ? { kind: previous.kind, figure: previous.figure, quantity: previous.quantity, when: previous.when, who: previous.who, where: previous.where, list: previous.list } : {}),
    attribute: own.attribute.length ? own.attribute : previous.attribute,
    attributeTerms: own.attributeTerms.length ? own.attributeTerms : previous.attributeTerms,
    months: own.months.length || !asksNothing ? own.months : previous.months,
  };
}

/** The text writes one of the names (compared without spaces and case, as the answer stage matches). */
function namesAny(text: string, names: readonly string[]): boolean {
  const norm = matchForm(text);
  return names.some((n) => norm.includes(matchForm(n)));
}

function withPrior(hits: SearchHit[], prior: string[], k: number): SearchHit[] {
  const top = hits[0]?.score ?? 0;
  const boosted = hits.map((h) => ({ h, s: h.score + (prior.includes(articleKey(h.chunk)) ? PRIOR_SHARE * top : 0) }));
  boosted.sort((a, b) => b.s - a.s);
  return boosted.slice(0, k).map(({ h, s }, i) => ({ ...h, rank: i + 1, score: s }));
}

export interface Prepared {
  /** The question as every stage reads it: as typed, with Korean spacing restored and misspelt names read as the report's. */
  question: string;
  /** The names read so (the answer's note tells the asker). */
  corrections?: Correction[];
  /** Relative years read as the year they mean (the note tells the asker). */
  years?: ResolvedDate[];
  /** The asker's situation, said before the question (frame/context.ts): not searched for. */
  context?: string;
  frame: QuestionFrame;
  query: AnalyzedQuery;
  standalone: string;
  hits: SearchHit[];
  summary: boolean;
  /** The passages are those of an article the question or the conversation named. */
  restricted?: boolean;
  /** Answered from the table of contents, not from passages. */
  direct?: 'overview' | 'clarify' | 'section' | 'sources';
  candidates?: string[];
}
