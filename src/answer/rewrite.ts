/**
 * Follow-up → standalone question ("그럼 환자 데이터는 누가 관리해?" after a question about
 * 야오잉의료 → "야오잉의료의 AI 가정 주치의 서비스에서 환자 데이터는 누가 관리하나요?"), with the
 * rules of prompts/rewrite.md, so that retrieval searches for what the reader means.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { AppError } from '../errors.js';
import { stripMarkers } from './citations.js';
import { createChatModel, type LlmOptions } from './llmClient.js';
import { loadPrompt, renderPrompt } from './prompts.js';

export type HistoryTurn = { role: 'user' | 'assistant'; content: string };

/** Only the recent turns matter for resolving a reference, and answers are long. */
export const REWRITE_MAX_TURNS = 6;
export const REWRITE_MAX_TURN_CHARS = 500;

export interface QuestionRewriterOptions extends LlmOptions {
  promptsDir?: string;
  /** Report title named in the prompt. */
  report?: string;
}

export class QuestionRewriter {
  private readonly model: BaseChatModel;

  constructor(
    private readonly opts: QuestionRewriterOptions,
    deps: { model?: BaseChatModel } = {},
  ) {
    this.model = deps.model ?? createChatModel(opts);
  }

  /**
   * The standalone form of `question` given the earlier turns (oldest first). Without history the
   * question is returned as is, without a call. Throws AppError (LLM_FAILED / TIMEOUT) when the
   * model fails: callers should then search with the question as typed.
   */
  async rewriteQuestion(history: ReadonlyArray<HistoryTurn>, question: string, callerSignal?: AbortSignal): Promise<string> {
    const turns = history.filter((t) => t.content.trim().length > 0).slice(-REWRITE_MAX_TURNS);
    if (turns.length === 0) return question;
    const system = renderPrompt(loadPrompt('rewrite', this.opts.promptsDir), {
      report: this.opts.report ?? '월간 중국창업',
      history: formatHistory(turns),
    });
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    let out: unknown;
    try {
      out = (await this.model.invoke([new SystemMessage(system), new HumanMessage(question)], { signal })).content;
    } catch (e) {
      if (callerSignal?.aborted) throw callerSignal.reason ?? e;
      if (timeout.aborted) throw new AppError('TIMEOUT', `LLM did not rewrite within ${this.opts.timeoutMs} ms`, { cause: e });
      throw new AppError('LLM_FAILED', 'LLM rewrite request failed', { cause: e });
    }
    return cleanRewrite(typeof out === 'string' ? out : '', question);
  }
}

/** "user: …" / "assistant: …" lines, markers removed, long turns cut. */
export function formatHistory(turns: ReadonlyArray<HistoryTurn>): string {
  return turns
    .map((t) => {
      const text = stripMarkers(t.content).replace(/\s+/g, ' ').trim();
      const cut = [...text].length > REWRITE_MAX_TURN_CHARS ? `${[...text].slice(0, REWRITE_MAX_TURN_CHARS).join('')}…` : text;
      return `${t.role}: ${cut}`;
    })
    .join('\n');
}

/**
 * The model's first line without labels or quotes; the original question when the output is
 * empty or implausibly long (a model that answered instead of rewriting).
 */
export function cleanRewrite(output: string, original: string): string {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!line) return original;
  const cleaned = line
    .replace(/^(?:standalone question|rewritten question|question|독립(?:된)? 질문|질문|独立问题|问题|改写后的问题)\s*[:：]\s*/i, '')
    .replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/g, '')
    .trim();
  if (!cleaned || [...cleaned].length > Math.max(300, 4 * [...original].length)) return original;
  return cleaned;
}
