/**
 * What a question asks about: the last noun phrase of a Korean question (the attribute of the
 * question frame that the found model checks against the report's vocabulary).
 */
import { counterWords } from './intent.js';
import { termImportance } from './terms.js';

/**
 * A particle that closes a noun phrase before the last one ("4S 매장은" after "문을 닫은", "K-데모데이는"
 * after "주제로 한"), or the possessive: the last phrase starts after such a word.
 */
const KO_BOUNDARY_RE = /(?:은|는|을|를|에|에서|으로|의|에게|와|과|이랑|하고|부터|까지)$/u;

/**
 * The last noun phrase of a Korean question, the thing it asks about ("테슬라 주가 전망" in
 * "테슬라 주가 전망은 어떻게 돼?", "4S 매장" in "작년에 새로 연 4S 매장은 몇 곳이야?"): the content
 * words before the trailing question words, verbs and counters, back to the previous phrase's
 * particle or verb. Only the last clause counts ("…출시는 언제고, 어느 회사 제품과 경쟁한다고 했어?").
 */
export function finalPhrase(question: string): string {
  const clause = question.normalize('NFKC').split(/[,，?？!.。]/u).map((c) => c.trim()).filter(Boolean).at(-1) ?? '';
  const counters = new Set(counterWords(clause));
  const content = (w: string) => termImportance(w) === 1 && !counters.has(w);
  const words = clause.split(/\s+/u);
  let end = words.length;
  while (end > 0 && !content(words[end - 1]!)) end--;
  let start = end - 1;
  while (start > 0 && content(words[start - 1]!) && !KO_BOUNDARY_RE.test(words[start - 1]!)) start--;
  return start >= 0 ? words.slice(start, end).join(' ') : '';
}
