/**
 * The LLM answerer: the retrieved passages, numbered, go to an OpenAI-compatible chat model with
 * the rules of prompts/answer.{lang}.md; its answer is then held to the same contract as the
 * extractive one (verifyCitations). A model that cites nothing valid while sources exist has
 * ignored them: its answer is discarded for the extractive one, with a note.
 *
 * Errors (HTTP, network, timeout) are thrown as AppError (LLM_FAILED / TIMEOUT); wrap this
 * answerer in a FallbackAnswerer to answer extractively instead.
 *
 * Streaming: deltas are passed on as the model produces them, except a leading NOT_FOUND
 * sentinel, which is held back. Markers are verified only at the end, so the streamed text may
 * contain [n] markers that the final Answer removes or renumbers, or may be replaced entirely
 * (fallback): the returned Answer is authoritative and clients should show it when it arrives.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { splitSentences } from '../chunk/sentences.js';
import { AppError } from '../errors.js';
import type { Answer, AnswerInput, Answerer, Citation, SearchHit } from '../types.js';
import { buildAnswerMessages, type ChatMessage } from './assemble.js';
import { citationFromHit, displayText, markerIds, verifyCitations } from './citations.js';
import { overlap } from './evidence.js';
import { ExtractiveAnswerer } from './extractive.js';
import { createChatModel, type LlmOptions } from './llmClient.js';
import { MESSAGES } from './messages.js';
import { joinNotes } from './notes.js';
import { QuestionRewriter, type HistoryTurn } from './rewrite.js';
import { matchForm } from './terms.js';

/** The model's way of saying "the sources do not answer this" (prompts/answer.*.md, rule 5). */
export const NOT_FOUND_SENTINEL = 'NOT_FOUND';
/** The sentinel may be wrapped in markdown or quotes by chattier models: **NOT_FOUND**, `NOT_FOUND`. */
const SENTINEL_RE = /^[\s*_`"'>#]*NOT[_ ]FOUND\b/;
const SENTINEL_PREFIX_STRIP_RE = /^[\s*_`"'>#]*/;

export const NOTE_NO_VALID_CITATIONS = 'LLM answer discarded: no valid citations';

export interface LlmAnswererOptions extends LlmOptions {
  /** Answers when the model cites nothing valid (default: a new ExtractiveAnswerer). */
  fallback?: Answerer;
  /** Folder of the prompt files (default: prompts/ at the repository root). */
  promptsDir?: string;
}

export interface LlmAnswererDeps {
  /** The chat model; default createChatModel(options). Tests inject nothing: they use a fake server. */
  model?: BaseChatModel;
}

export class LlmAnswerer implements Answerer {
  readonly name: string;
  private readonly model: BaseChatModel;
  private readonly fallback: Answerer;
  private readonly rewriter: QuestionRewriter;

  constructor(
    private readonly opts: LlmAnswererOptions,
    deps: LlmAnswererDeps = {},
  ) {
    this.name = `llm:${opts.model}`;
    this.model = deps.model ?? createChatModel(opts);
    this.fallback = opts.fallback ?? new ExtractiveAnswerer();
    this.rewriter = new QuestionRewriter(opts, { model: this.model });
  }

  /**
   * Follow-up → standalone question with the same model (prompts/rewrite.md; see QuestionRewriter).
   * Without history it returns the question without a call; throws AppError (LLM_FAILED /
   * TIMEOUT) when the model fails, and the caller then searches with the question as typed.
   */
  rewriteQuestion(history: ReadonlyArray<HistoryTurn>, question: string, signal?: AbortSignal): Promise<string> {
    return this.rewriter.rewriteQuestion(history, question, signal);
  }

  async answer(input: AnswerInput): Promise<Answer> {
    return this.run(input);
  }

  async stream(input: AnswerInput, onDelta: (text: string) => void): Promise<Answer> {
    return this.run(input, onDelta);
  }

  private async run(input: AnswerInput, onDelta?: (text: string) => void): Promise<Answer> {
    // Nothing retrieved: nothing to ground an answer in; no need to ask the model.
    if (input.hits.length === 0) {
      const a = this.notFound(input);
      onDelta?.(a.answer);
      return a;
    }
    const messages = toLangChain(buildAnswerMessages(input, this.opts.promptsDir));
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;

    let text: string;
    const gate = onDelta ? new SentinelGate(onDelta) : undefined;
    try {
      if (gate) {
        text = '';
        const stream = await this.model.stream(messages, { signal });
        for await (const chunk of stream) {
          const delta = contentText(chunk.content);
          if (!delta) continue;
          text += delta;
          gate.push(delta);
        }
        // LangChain's OpenAI stream ends quietly when its signal fires mid-stream: a cut-off
        // answer must not pass for a complete one.
        if (signal.aborted) throw signal.reason;
      } else {
        const res = await this.model.invoke(messages, { signal });
        text = contentText(res.content);
      }
    } catch (e) {
      throw this.failure(e, input, timeout);
    }

    const answer = await this.finish(text, input);
    if (gate) {
      if (gate.blocked || answer.answer !== text) gate.replaceWith(answer.answer);
      else gate.end();
    }
    return answer;
  }

  /** The contract applied to the model's text: sentinel, citations verified, no-citation fallback. */
  private async finish(raw: string, input: AnswerInput): Promise<Answer> {
    const text = raw.trim();
    if (SENTINEL_RE.test(text) || saysNotFound(text)) return this.notFound(input);
    const v = verifyCitations(text, citationsFor(text, input.hits));
    if (v.citations.length === 0) {
      const fb = await this.fallback.answer(input);
      return { ...fb, note: joinNotes(NOTE_NO_VALID_CITATIONS, fb.note) };
    }
    const answer: Answer = { found: true, answer: v.answer, citations: v.citations, answerer: this.name };
    if (v.removedMarkers.length > 0) answer.note = `removed citation marker(s) naming no source: ${[...new Set(v.removedMarkers)].join(', ')}`;
    return answer;
  }

  private notFound(input: AnswerInput): Answer {
    return { found: false, answer: MESSAGES[input.lang].notFound, citations: [], answerer: this.name };
  }

  /** An AppError saying what went wrong, without the endpoint's message (it may echo a key). */
  private failure(e: unknown, input: AnswerInput, timeout: AbortSignal): unknown {
    // The caller gave up (client disconnected, request timeout): not the model's failure.
    if (input.signal?.aborted) return input.signal.reason ?? e;
    // Our budget ran out, or the HTTP client's own timeout (same budget) fired first.
    if (timeout.aborted || (e instanceof Error && /timeout/i.test(e.name))) {
      return new AppError('TIMEOUT', `LLM did not answer within ${this.opts.timeoutMs} ms`, { cause: e });
    }
    const status = typeof (e as { status?: unknown })?.status === 'number' ? (e as { status: number }).status : undefined;
    const what = status !== undefined ? `HTTP ${status}` : e instanceof Error ? e.name : 'error';
    return new AppError('LLM_FAILED', `LLM request failed (${what})`, { cause: e });
  }
}

/**
 * A model that ignored the sentinel rule but only says the report does not answer ("보고서에서
 * 해당 내용을 찾을 수 없습니다 [1]."): short, opening with such a phrase. A longer answer that
 * merely notes a gap ("…는 언급되지 않았지만, 매출은 … [1]") is an answer.
 */
const NOT_FOUND_PHRASE_RE =
  /^[^.。!?！？\n]{0,60}(?:찾을 수 없|나와 있지 않|포함되어 있지 않|언급되어 있지 않|언급되지 않|다루지 않|没有找到|未找到|没有提到|未提及|没有相关|does not (?:cover|mention|contain|say|include)|do not (?:cover|mention|contain|say|include)|(?:is|are) not (?:covered|mentioned)|no information)/iu;

/** "…is not mentioned, but …": the gap is noted and something else is answered. */
const CONTRAST_RE = /지만|으나|는데|however|\bbut\b|但|不过|然而/iu;

export function saysNotFound(text: string): boolean {
  const sentences = splitSentences(text.replace(/\[[^\]]*\]|【[^】]*】/g, ''));
  const first = sentences[0];
  return first !== undefined && sentences.length <= 2 && NOT_FOUND_PHRASE_RE.test(first) && !CONTRAST_RE.test(first);
}

function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  return messages.map((m) =>
    m.role === 'system' ? new SystemMessage(m.content) : m.role === 'user' ? new HumanMessage(m.content) : new AIMessage(m.content),
  );
}

/** Message content as text (some providers return content parts). */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p) => (typeof p === 'string' ? p : typeof p?.text === 'string' ? p.text : '')).join('');
  }
  return '';
}

// ───────────────────────── citations of a model answer ─────────────────────────

/**
 * One citation per source the text names, numbered as the sources were ([n] = hits[n-1]), with
 * as quote the sentence of the passage closest to the claim(s) citing it (a model does not say
 * which sentence it used; numbers and names shared with the claim point at it).
 */
export function citationsFor(text: string, hits: ReadonlyArray<SearchHit>): Citation[] {
  const named = new Set(markerIds(text));
  const claims = splitSentences(text);
  const out: Citation[] = [];
  hits.forEach((hit, i) => {
    const id = i + 1;
    if (!named.has(id)) return;
    const claim = matchForm(claims.filter((s) => markerIds(s).includes(id)).join(' ').replace(/\[[^\]]*\]|【[^】]*】/g, ''));
    out.push(citationFromHit(hit, id, bestQuote(hit.chunk.text, claim)));
  });
  return out;
}

/** The passage sentence sharing most with the claim; the passage's start when nothing is shared. */
export function bestQuote(passage: string, claimNorm: string): string {
  const sentences = splitSentences(passage).map(displayText).filter((s) => s.length > 0);
  let best = '';
  let bestScore = 0;
  for (const s of sentences) {
    const score = overlap(claimNorm, matchForm(s));
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return bestScore >= 0.15 ? best : displayText(passage);
}

// ───────────────────────── streaming gate ─────────────────────────

/**
 * Passes deltas through, but holds the start of the stream until it is clear it is not the
 * NOT_FOUND sentinel (which must never reach a reader). When the final answer differs from what
 * was streamed (sentinel, fallback), `replaceWith` sends it if nothing was sent yet; otherwise
 * the caller's final event carries it.
 */
export class SentinelGate {
  private buf = '';
  private state: 'undecided' | 'pass' | 'block' = 'undecided';
  private sent = false;

  constructor(private readonly onDelta: (text: string) => void) {}

  get blocked(): boolean {
    return this.state === 'block';
  }

  push(delta: string): void {
    if (this.state === 'pass') return this.emit(delta);
    if (this.state === 'block') return;
    this.buf += delta;
    const head = this.buf.replace(SENTINEL_PREFIX_STRIP_RE, '');
    if (SENTINEL_RE.test(this.buf)) this.state = 'block';
    else if (head.length === 0 || NOT_FOUND_SENTINEL.startsWith(head.replace(' ', '_'))) return; // could still become it
    else {
      this.state = 'pass';
      this.emit(this.buf);
      this.buf = '';
    }
  }

  /** End of a stream whose text stands: flush what was held. */
  end(): void {
    if (this.state === 'undecided' && this.buf) this.emit(this.buf);
    this.buf = '';
  }

  /** End of a stream whose final answer differs: send it if the reader has seen nothing yet. */
  replaceWith(final: string): void {
    if (!this.sent) this.emit(final);
    this.buf = '';
  }

  private emit(text: string): void {
    this.sent = true;
    this.onDelta(text);
  }
}
