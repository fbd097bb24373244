/**
 * Follow-up questions ("그 회사의 점유율은?", "那它的市场份额呢？", "What about its revenue?",
 * "2025년은?") only make sense with the conversation. Without an LLM they are resolved from the
 * previous turn: its names (the subject the pronoun stands for) are carried over at full
 * weight, the rest of its wording only as a light topic hint, and the articles the previous
 * answer cited get a prior in retrieval. The previous question is not glued on whole: its
 * attribute ("매출") must not outweigh the new one ("점유율"). With an LLM configured the
 * rewriter prompt does it (src/answer/rewrite.ts).
 */
import { analyzeQuestion, type QuestionFrame } from '../frame/frame.js';
import type { Glossary } from '../retrieve/glossary.js';
import { detectLanguage } from '../retrieve/language.js';
import type { Lang, Turn } from '../types.js';
import { matchForm } from '../answer/terms.js';
import { stripKoreanSuffix } from '../text/rules.js';
import { counterWords } from '../answer/intent.js';

/** Summary requests that name no topic ("요약해줘", "总结一下") are about the previous answer's article. */
export function isBareRequest(question: string): boolean {
  const q = question.replace(/[\s?？!！.。~]+/g, '');
  return /^(이|그|이것|그것|위|앞|이기사|그기사|해당기사)?(내용)?(을|를)?(좀)?(요약|정리|설명)(해줘|해주세요|해줄래|해봐|좀)?$|^(请)?(把)?(它|这篇|这个)?(总结|概括|归纳|简述)(一下)?(吧|呢)?$|^(please)?(summarize|summarise|summary)(it|this|that)?(please)?$/i.test(q);
}

/** Content characters of a question, without punctuation and spaces. */
const contentLength = (q: string) => q.replace(/[\s\p{P}\p{S}]+/gu, '').length;

/**
 * An elliptical question leans on the previous turn without a pronoun ("2025년은?", "那2030年呢？",
 * "and in 2030?"): short and naming nothing of its own.
 */
export function isElliptical(frame: QuestionFrame): boolean {
  if (frame.names.some((n) => !/^\d/.test(n)) || frame.entries.length) return false;
  return frame.lang === 'en' ? frame.text.trim().split(/\s+/).length <= 5 : contentLength(frame.text) <= 10;
}

/** Words that ask how a figure changed or compares (늘었, 줄었, 대비, 涨, 跌, 增长, "up", "increase"; 还是 of "涨了还是跌了"). */
const CHANGE_WORD_RE =
  /^(?:아니면|늘었|늘어|줄었|줄어|증가|감소|대비|비교|차이|올랐|내렸|떨어|还是|或者|比|比较|相比|涨|跌|增长|下降|减少|增加|变化)|^(?:or|up|down|rise|rose|fall|fell|increase[ds]?|decrease[ds]?|change[ds]?|compared?|than|vs)$/iu;

/**
 * A follow-up whose own words are only numbers and names (its terms of full weight: words, not
 * bigrams or expansions) replaces a part of the previous question and asks the rest of it again.
 * "그 회사의 점유율은?" asks its own attribute and is not one.
 */
export function isSubstitution(frame: QuestionFrame, terms: ReadonlyArray<{ term: string; weight: number }>): boolean {
  // The seed glossary's names count too (선전 in "광둥 선전은?": a place the report writes, but
  // not one it pairs with Chinese, so not mined).
  const names = matchForm([...frame.names, ...[...frame.entries, ...frame.seedNames].flatMap((e) => [e.ko, ...e.zh, ...e.en])].join(' '));
  // The counter a question word carries ("몇 개야", "几家") asks; it is not an attribute of its own.
  const counters = counterWords(frame.text).map(matchForm);
  // Nor is a change or a comparison asked of the previous figure ("那比2022年增长了吗？",
  // "작년보다 늘었어?", "up or down from 2022?"): the figure is still the previous question's.
  const own = terms.filter((t) => t.weight >= 1 && !counters.some((c) => c.includes(matchForm(t.term))) && !CHANGE_WORD_RE.test(t.term));
  // A Korean name keeps its particle in the analyzer's whole-word term ("지리는" beside "지리").
  const isName = (term: string) => names.length > 0 && [term, stripKoreanSuffix(term)?.stem].some((x) => x !== undefined && names.includes(matchForm(x)));
  return own.length > 0 && own.every((t) => /^\d/.test(t.term) || isName(t.term));
}

/**
 * In a conversation, a question that asks for a figure, a date, a person or a place and names
 * only its subject ("How many does Chengdu have?", "청두는 몇 개야?", "成都有几家？" after a question
 * about a ranking) asks the previous question's attribute of that subject: a substitution
 * without a pronoun. A question with a word of its own for what ("청두의 면적은?") is its own,
 * and so is one that asks nothing in particular ("유니트리에 대해 알려줘").
 */
export function asksOfNewSubject(frame: QuestionFrame, terms: ReadonlyArray<{ term: string; weight: number }>): boolean {
  const asks = frame.quantity === 'strong' || frame.figure !== null || frame.when || frame.who || frame.where;
  return asks && !frame.summary && !frame.reference && isSubstitution(frame, terms);
}

/** A Korean question ending in a topic particle ("…은?", "…는요?"). */
const KO_TOPIC_END_RE = /(?:은|는|도)요?\s*[?？]?$/u;
/** Words a question of names alone may have ("광둥 선전은?"); longer, it asks something of its own. */
const NAMES_ONLY_WORDS = 3;

/**
 * A short Korean question of names only, ending in a topic particle ("광둥 선전은?", "비야디
 * 2023년은?"): the previous question asked again of them, like the one-word "지리는?" (frame.ts).
 * "화웨이의 매출은?" has a word of its own (매출) and is a question of its own.
 */
export function namesWithTopic(frame: QuestionFrame, terms: ReadonlyArray<{ term: string; weight: number }>): boolean {
  const q = frame.text.trim();
  return frame.lang === 'ko' && KO_TOPIC_END_RE.test(q) && q.split(/\s+/u).length <= NAMES_ONLY_WORDS && isSubstitution(frame, terms);
}

export interface Resolved {
  /** The previous turn's names, carried over at full weight (Korean forms where the glossary knows them). */
  names: string[];
  /** The previous standalone question, carried as a light topic hint. */
  topic?: string;
  /** Articles the previous answer cited (as `${reportId}:${articleId}`), given a prior. */
  articles: string[];
  /** The standalone question as shown and stored: the question with the carried names. */
  standalone: string;
  /**
   * The question is the previous one with a part replaced ("그러면 2023년은?", "那吉利和长城呢？",
   * "and in 2030?"): it asks the previous question's attribute, of the same kind of figure
   * (`isSubstitution`; false when no terms were given).
   */
  elliptical: boolean;
  /** The previous turn's names an elliptical question replaces with its own: dropped from the topic. */
  replaced?: string[];
  /** With `replaced`: the question's own names, the new subject the previous question is asked of. */
  subject?: string[];
}

export interface FollowUpOptions {
  glossary?: Glossary;
  /** The question's analysed terms, to tell a substitution ("그러면 2023년은?") from a question of its own. */
  terms?: ReadonlyArray<{ term: string; weight: number }>;
  /**
   * Words too common in the report to be a subject (in over a third of its passages). The
   * glossary holds everyday words too (the report writes 기업(企业)), so "… 기업 밀집도 1위 도시는?" would otherwise
   * carry 기업 as the subject at full weight, and its real topic at the weight left for a subject's
   * attribute.
   */
  common?: (ko: string) => boolean;
}

/** "a (b (c))" → [a, b, c]: the levels of a standalone question built by resolveFollowUp. */
function unwrap(standalone: string): string[] {
  const m = /^(.+?) \((.+)\)$/su.exec(standalone.trim());
  return m ? [m[1]!.trim(), ...unwrap(m[2]!)] : [standalone.trim()];
}

/** Names of a question: the ones it writes, and the glossary's Korean forms of those it mentions (`common` words left out). */
export function namesOf(text: string, lang: Lang, glossary?: Glossary, common?: (ko: string) => boolean): string[] {
  const f = analyzeQuestion(text, lang, glossary ? { glossary } : {});
  const out = new Set<string>();
  for (const n of f.names) if (!/^\d+$/.test(n)) out.add(n);
  // The seed glossary's proper names too (우한, 상하이: places the report writes without pairing
  // them with Chinese, so not mined): "광둥 선전은?" after a question on 쑤난 replaces 쑤난.
  for (const e of [...f.entries, ...f.seedNames]) if (!common?.(e.ko)) out.add(e.ko);
  return [...out];
}

export function resolveFollowUp(frame: QuestionFrame, history: Turn[], opts: FollowUpOptions = {}): Resolved | undefined {
  const { glossary, terms, common } = opts;
  const lastUser = [...history].reverse().find((t) => t.role === 'user');
  if (!lastUser) return undefined;
  const lastAssistant = [...history].reverse().find((t) => t.role === 'assistant');
  if (!(frame.refersBack || isBareRequest(frame.text) || isElliptical(frame) || (terms && (asksOfNewSubject(frame, terms) || namesWithTopic(frame, terms))))) return undefined;
  // The previous turn as read: a follow-up's standalone is "its words (what it carried)", so a
  // chain of follow-ups is read flat, each question once ("그럼 2위는?" asked again does not
  // nest "그럼 2위는? (그럼 2위는? (…))" one level deeper every turn).
  const read = lastUser.standalone ?? lastUser.content;
  const previous = [...new Set(unwrap(read))].filter((p) => p !== frame.text.trim()).join(' · ') || read;
  const own = new Set(namesOf(frame.text, frame.lang, glossary, common));
  // The previous turn's names in any language the glossary pairs, so the Korean report is matched.
  const before = namesOf(previous, detectLanguage(previous), glossary, common).filter((n) => !own.has(n));
  const elliptical = terms ? isSubstitution(frame, terms) : false;
  // "지리는?", "那通用呢？", "And UBTECH?": a name of its own in place of the previous one, which
  // is then what is replaced, not what the question is about.
  const replaced = elliptical && own.size > 0 ? before : [];
  const names = replaced.length ? [] : before;
  return {
    names,
    topic: previous,
    elliptical,
    ...(replaced.length ? { replaced, subject: [...own] } : {}),
    // A subject replaced is a move away from the previous answer's articles: no prior for them.
    articles: replaced.length ? [] : (lastAssistant?.articleIds ?? []),
    standalone: names.length ? `${frame.text} (${names.join(', ')})` : `${frame.text} (${previous})`,
  };
}
