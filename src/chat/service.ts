/**
 * The chat service: one question in a conversation → retrieval → answer, with the session's
 * history used to make follow-ups standalone. Used by /api/chat, /v1/chat/completions, the
 * bots and `npm run ask`; it knows nothing of HTTP.
 */
import { randomUUID } from 'node:crypto';
import { isSummaryRequest } from '../answer/intent.js';
import { AppError } from '../errors.js';
import { detectLanguage } from '../retrieve/language.js';
import { type HybridRetriever, articleKey } from '../retrieve/retriever.js';
import type { AnalyzedQuery, Answerer, ChatOptions, ChatRequest, ChatResponse, ChatService, Lang, SearchHit, Session, SessionStore, Turn } from '../types.js';
import { isBareRequest, makeStandalone } from './followup.js';
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
  newId?: () => string;
  now?: () => number;
}

/** Weight of terms carried over from the previous question, relative to the new question's. */
const CARRIED_WEIGHT = 0.5;
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

  constructor(private readonly deps: ChatServiceDeps) {
    this.newId = deps.newId ?? randomUUID;
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
    const session = ephemeral ? this.fromHistory(opts.history ?? []) : await this.session(req.sessionId);

    // Greetings and thanks get a friendly reply, not a passage (src/chat/smalltalk.ts); the
    // session is kept (its id stays valid) but the greeting is not remembered as a question.
    const friendly = smallTalk(message, lang);
    if (friendly !== undefined) {
      if (!ephemeral) await this.deps.sessions.save(session);
      opts.onDelta?.(friendly);
      return { sessionId: session.id, language: lang, found: true, answer: friendly, citations: [], answerer: 'smalltalk', smalltalk: true };
    }

    const { query, standalone, hits, summary } = await this.prepare(message, lang, session.turns, k, opts.signal);

    const input = {
      question: message,
      lang,
      hits,
      query,
      summary,
      history: session.turns.map((t) => ({ role: t.role, content: t.content })),
      ...(opts.signal ? { signal: opts.signal } : {}),
    };
    const { answerer } = this.deps;
    const answer = opts.onDelta && answerer.stream ? await answerer.stream(input, opts.onDelta) : await answerer.answer(input);
    if (opts.onDelta && !answerer.stream) opts.onDelta(answer.answer);

    const cited = [...new Set(answer.citations.map((c) => `${hits.find((h) => h.chunk.id === c.chunkId)?.chunk.reportId ?? ''}:${c.articleId}`))];
    const at = this.now();
    const remembered = answer.answer.length > REMEMBERED_ANSWER_CHARS ? `${answer.answer.slice(0, REMEMBERED_ANSWER_CHARS)}…` : answer.answer;
    session.turns.push({ role: 'user', content: message, standalone, at }, { role: 'assistant', content: remembered, articleIds: cited, at });
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
    if (answer.note) res.note = answer.note;
    return res;
  }

  private fromHistory(history: NonNullable<ChatOptions['history']>): Session {
    const at = this.now();
    return { id: this.newId(), turns: history.map((h) => ({ role: h.role, content: h.content, at })), createdAt: at, updatedAt: at };
  }

  private async session(id: string | undefined): Promise<Session> {
    if (id) {
      const s = await this.deps.sessions.get(id);
      // An unknown id (expired, or chosen by a client such as a bot) starts a new conversation under that id.
      if (s) return s;
      return { id, turns: [], createdAt: this.now(), updatedAt: this.now() };
    }
    return { id: this.newId(), turns: [], createdAt: this.now(), updatedAt: this.now() };
  }

  /**
   * Question → analyzed query (made standalone from the conversation) → passages. Public so
   * that the eval measures retrieval exactly as the chat performs it.
   */
  async prepare(
    message: string,
    lang: Lang,
    turns: Turn[],
    k: number,
    signal?: AbortSignal,
  ): Promise<{ query: AnalyzedQuery; standalone: string; hits: SearchHit[]; summary: boolean }> {
    const { query, standalone, restrictTo } = await this.understand(message, lang, turns, signal);
    const summary = isSummaryRequest(message);
    const hits = await this.retrieve(query, k, summary, restrictTo);
    return { query, standalone, hits, summary };
  }

  /** Analyzes the question, carrying over context from the conversation for follow-ups. */
  private async understand(
    message: string,
    lang: Lang,
    turns: Turn[],
    signal?: AbortSignal,
  ): Promise<{ query: AnalyzedQuery; standalone: string; restrictTo?: string }> {
    const { retriever, rewriter } = this.deps;
    const heuristic = makeStandalone(message, lang, turns);
    if (rewriter && turns.length && heuristic.carried) {
      try {
        const rewritten = (await rewriter.rewrite(turns, message, signal)).trim();
        if (rewritten) {
          const q = retriever.analyze(rewritten, lang);
          return { query: { ...q, raw: message, lang }, standalone: rewritten, ...this.restriction(message, heuristic.articles) };
        }
      } catch {
        // Rewriter failed or timed out: the heuristic below still works.
      }
    }
    const q = retriever.analyze(message, lang);
    if (!heuristic.carried) return { query: q, standalone: message };
    const prev = retriever.analyze(heuristic.carried);
    const seen = new Set(q.terms.map((t) => t.term));
    const query: AnalyzedQuery = {
      ...q,
      normalized: `${q.normalized} ${prev.normalized}`,
      terms: [...q.terms, ...prev.terms.filter((t) => !seen.has(t.term)).map((t) => ({ term: t.term, weight: t.weight * CARRIED_WEIGHT }))],
      expansions: [...q.expansions, ...prev.expansions],
    };
    return { query, standalone: `${heuristic.carried} ${message}`, ...this.restriction(message, heuristic.articles) };
  }

  /** A bare "요약해줘" after an answer is about the article that answer cited. */
  private restriction(message: string, articles: string[]): { restrictTo?: string } {
    return isBareRequest(message) && articles[0] ? { restrictTo: articles[0] } : {};
  }

  private async retrieve(query: AnalyzedQuery, k: number, summary: boolean, restrictTo?: string): Promise<SearchHit[]> {
    const { retriever } = this.deps;
    if (!summary) return retriever.searchAnalyzed(query, { k, ...(restrictTo ? { articleId: restrictTo } : {}) });
    // Summaries draw on one article: the best match (or the one the conversation is about),
    // then its passages in reading order.
    let article = restrictTo;
    if (!article) {
      const top = await retriever.searchAnalyzed(query, { k: 1 });
      if (!top[0]) return [];
      article = articleKey(top[0].chunk);
    }
    const hits = await retriever.searchAnalyzed(query, { k: SUMMARY_PASSAGES, perArticle: SUMMARY_PASSAGES, articleId: article });
    return hits;
  }
}
