/**
 * Follow-up questions ("그 회사의 점유율은?", "那它的市场份额呢？", "What about its revenue?")
 * only make sense with the conversation. Without an LLM they are made standalone by carrying
 * over the previous standalone question (its entities and topic) and the articles the previous
 * answer cited; with an LLM configured the rewriter prompt does it (src/answer/rewrite.ts).
 */
import type { Lang, Turn } from '../types.js';

// Anaphora and continuation markers, per language. Deliberately about reference words, not
// topics: "그 회사", "它", "its" point back whatever the subject is.
const KO = /(^|\s)(그|이|저|해당)\s*(회사|기업|업체|곳|제품|로봇|도시|정책|기관|모델|브랜드|기사|사람|분야|산업|프로젝트|행사)|그것|그곳|거기|그럼|그러면|그렇다면|그건|그게|이건|이게|^(또|그리고|그 밖에|그밖에|추가로|더)\b|^(그|이)\s*(의|가|는|를)/;
const ZH = /^(那|那么|那它|这|它|其|该|他们|它们|还有|另外|此外)|它的|它们|这家|那家|该公司|该企业|这个|那个|其中|上述|他们的/;
const EN = /\b(it|its|it's|they|their|them|this|that|these|those|the company|the firm|he|she|his|her)\b|^(and|also|what about|how about)\b/i;

/** Does the question refer back to the conversation? */
export function isFollowUp(question: string, lang: Lang): boolean {
  const q = question.trim();
  if (lang === 'ko') return KO.test(q);
  if (lang === 'zh') return ZH.test(q);
  return EN.test(q);
}

/** Summary requests that name no topic ("요약해줘", "总结一下") are about the previous answer's article. */
export function isBareRequest(question: string): boolean {
  const q = question.replace(/[\s?？!！.。~]+/g, '');
  return /^(이|그|이것|그것|위|앞|이기사|그기사|해당기사)?(내용)?(을|를)?(좀)?(요약|정리|설명)(해줘|해주세요|해줄래|해봐|좀)?$|^(请)?(总结|概括|归纳|简述)(一下)?(吧|呢)?$|^(please)?(summarize|summarise|summary)(it|this|that)?(please)?$/i.test(q);
}

export interface Standalone {
  /** The question to search with. */
  question: string;
  /** Text from earlier turns that was carried over (searched with a lower weight). */
  carried?: string;
  /** Articles the previous answer cited (as `${reportId}:${articleId}`), preferred for the follow-up. */
  articles: string[];
}

/**
 * Heuristic rewriting: a follow-up keeps its own words and carries over the previous
 * standalone question, so "那它在全球四足机器人市场的份额是多少？" after a question about
 * 宇树科技 is searched with 宇树科技 in it.
 */
export function makeStandalone(question: string, lang: Lang, history: Turn[]): Standalone {
  const lastUser = [...history].reverse().find((t) => t.role === 'user');
  const lastAssistant = [...history].reverse().find((t) => t.role === 'assistant');
  if (!lastUser) return { question, articles: [] };
  const previous = lastUser.standalone ?? lastUser.content;
  const follows = isFollowUp(question, lang) || isBareRequest(question);
  if (!follows) return { question, articles: [] };
  return { question, carried: previous, articles: lastAssistant?.articleIds ?? [] };
}
