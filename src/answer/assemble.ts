/**
 * Prompt assembly for the LLM answerer, as pure functions: the numbered sources block and the
 * chat messages. The model sees each passage as "[n] section › NN. article › heading (p. N)"
 * followed by its text, so that it can cite [n] and a reader can check it.
 */
import type { AnswerInput, SearchHit } from '../types.js';
import { displayText } from './citations.js';
import { answerPromptName, loadPrompt, renderPrompt } from './prompts.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** "[1] 산업 트렌드 › 01. 구현 지능 산업 심층 분석 › 산업체인 분석 (p. 9)\n<text>" per hit, blank-line separated. */
export function formatSources(hits: ReadonlyArray<SearchHit>): string {
  return hits
    .map((h, i) => {
      const c = h.chunk;
      const pages = c.pageEnd && c.pageEnd !== c.page ? `pp. ${c.page}–${c.pageEnd}` : `p. ${c.page}`;
      return `[${i + 1}] ${c.header} (${pages})\n${displayText(c.text)}`;
    })
    .join('\n\n');
}

/** The report's title as the chunks give it (a later corpus may hold several issues). */
export function reportTitle(hits: ReadonlyArray<SearchHit>): string {
  const titles = [...new Set(hits.map((h) => h.chunk.reportTitle).filter(Boolean))];
  return titles.length > 0 ? titles.join(', ') : '월간 중국창업';
}

/**
 * System prompt (rules + numbered sources, from prompts/answer.{lang}.md) and the question as
 * the user message. Earlier turns are not sent: the question is expected to be standalone
 * (rewritten by QuestionRewriter), and old answers with their own [n] would confuse numbering.
 */
export function buildAnswerMessages(input: AnswerInput, promptsDir?: string): ChatMessage[] {
  const template = loadPrompt(answerPromptName(input.lang), promptsDir);
  const system = renderPrompt(template, { report: reportTitle(input.hits), sources: formatSources(input.hits) });
  return [
    { role: 'system', content: system },
    { role: 'user', content: input.context ? `${input.context} ${input.question}` : input.question },
  ];
}
