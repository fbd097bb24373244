/**
 * The answer stage's public face: the answerers, and one factory that picks them from the
 * configuration (the composition root calls it; everything else receives an Answerer).
 */
import type { Config } from '../config.js';
import type { Answerer } from '../types.js';
import { ExtractiveAnswerer, type ExtractiveOptions } from './extractive.js';
import { FallbackAnswerer, type FallbackEvent } from './fallback.js';
import { LlmAnswerer } from './llm.js';
import { llmOptionsFromConfig } from './llmClient.js';
import { QuestionRewriter } from './rewrite.js';

export { ExtractiveAnswerer, EXTRACTIVE_THRESHOLDS, type ExtractiveOptions, type ExtractiveThresholds, type ExtractiveTrace } from './extractive.js';
export { termStatsFromTexts, type TermStats } from './corpus.js';
export { LlmAnswerer, NOT_FOUND_SENTINEL, NOTE_NO_VALID_CITATIONS } from './llm.js';
export { FallbackAnswerer, describeFailure } from './fallback.js';
export { QuestionRewriter } from './rewrite.js';
export { citationFromHit, verifyCitations, stripMarkers, markerIds, type VerifiedAnswer } from './citations.js';
export { isSummaryRequest } from './intent.js';
export { llmOptionsFromConfig, createChatModel, type LlmOptions } from './llmClient.js';

/**
 * Extractive answers when no LLM is configured; otherwise the LLM with the extractive answerer
 * as fallback (on failure, and when the model cites nothing valid).
 */
export function createAnswerer(
  config: Config,
  opts: { extractive?: ExtractiveOptions; onFallback?: (e: FallbackEvent) => void } = {},
): Answerer {
  const extractive = new ExtractiveAnswerer(opts.extractive);
  const llm = llmOptionsFromConfig(config);
  if (!llm) return extractive;
  return new FallbackAnswerer(new LlmAnswerer({ ...llm, fallback: extractive }), extractive, opts.onFallback);
}

/** The follow-up rewriter when an LLM is configured; undefined otherwise (resolve follow-ups without it). */
export function createRewriter(config: Config): QuestionRewriter | undefined {
  const llm = llmOptionsFromConfig(config);
  return llm ? new QuestionRewriter(llm) : undefined;
}

export type { HistoryTurn } from './rewrite.js';
