/**
 * The answer stage's public face: the answerers, and the factory of the LLM answerer (the
 * composition root calls it; everything else receives an Answerer).
 */
import type { Config } from '../config.js';
import type { Answerer } from '../types.js';
import { FallbackAnswerer, type FallbackEvent } from './fallback.js';
import { LlmAnswerer } from './llm.js';
import { llmOptionsFromConfig } from './llmClient.js';
import { QuestionRewriter } from './rewrite.js';

export { ExtractiveAnswerer, DEFAULT_WEIGHTS, type AnswerWeights, type ExtractiveOptions, type ExtractiveTrace } from './extractive.js';
export { termStatsFromTexts, type TermStats } from './corpus.js';
export { LlmAnswerer, NOT_FOUND_SENTINEL, NOTE_NO_VALID_CITATIONS } from './llm.js';
export { FallbackAnswerer, describeFailure } from './fallback.js';
export { QuestionRewriter } from './rewrite.js';
export { citationFromHit, verifyCitations, stripMarkers, markerIds, type VerifiedAnswer } from './citations.js';
export { isSummaryRequest } from './intent.js';
export { llmOptionsFromConfig, createChatModel, type LlmOptions } from './llmClient.js';

/**
 * The LLM answerer for a configuration with LLM_BASE_URL (undefined without): the model, with
 * the given extractive answerer as its fallback (on failure, and when the model cites nothing
 * valid), and the follow-up rewriter. The composition root imports this module lazily, so the
 * LLM stack is only loaded when it is used.
 */
export function createLlmAnswerer(
  config: Config,
  extractive: Answerer,
  onFallback?: (e: FallbackEvent) => void,
): { answerer: Answerer; rewriter: QuestionRewriter } | undefined {
  const llm = llmOptionsFromConfig(config);
  if (!llm) return undefined;
  return {
    answerer: new FallbackAnswerer(new LlmAnswerer({ ...llm, fallback: extractive }), extractive, onFallback),
    rewriter: new QuestionRewriter(llm),
  };
}

export type { HistoryTurn } from './rewrite.js';
