/**
 * The asked attribute: the words of a question that name what it wants to know about its subject
 * ("영업이익률" in "…작년 영업이익률은 얼마였어?", 功能 in "…支持哪些功能？", "networks"
 * in "which networks does the plan connect?"). A sentence that states the answer nearly always
 * states this word too, while the subject's names are in every sentence about it; and a report
 * that names the subject but never the attribute near it does not answer the question.
 *
 * Read from question grammar only (where the question word stands, what it governs), in each
 * language: never from a topic. Returns the spans as written; the retriever's analyzer turns them
 * into terms (with the glossary's and the lexicon's Korean forms for Chinese and English).
 */
import type { Lang } from '../types.js';
import { finalPhrase } from '../answer/focus.js';

/** Korean determiners that ask about the noun after them ("무슨 조치", "어떤 데이터", "어느 부처"). */
const KO_DETERMINER_RE = /(?:무슨|어떤|어느|어떠한|몇몇)\s+([\p{Script=Hangul}A-Za-z0-9]+)/gu;
/** Korean clause ends that join two questions ("몇 종이고 하중 범위는", "언제고 어디서"). */
const KO_CLAUSE_RE = /[,，?？!.。]|(?<=\p{Script=Hangul})(?:이고|이며|였고|이었고|고|며)\s/u;

/** Chinese question words (as ICU segments them). */
const ZH_QWORD = /^(?:什么|啥|多少|哪些|哪个|哪家|哪位|哪种|哪里|哪儿|哪|几|谁|多大|多高|多长|多久|如何|怎么样|怎样)$/u;
/**
 * Words between the attribute and the question word after it (净利润[现在][是]多少), and the
 * nouns that only frame it (零售业[方面]有哪些: the area is 零售业, not 方面; 这块/那块, which ICU
 * splits in two, are dropped before segmenting: 农业[这块]要做什么).
 */
const ZH_BRIDGE = /^(?:是|有|为|在|现在|目前|一共|总共|共|大概|大约|分别|具体|都|又|还|则|能|可以|会|要|达到|达|到|了|约|主要|究竟|到底|叫|属于|方面)$/u;
/** Counters and numerals a question word carries (哪两个, 几家, 多少件). */
const ZH_COUNTER = /^(?:[一二两三四五六七八九十]?[个家位种项座类条所件名次年台辆架篇]|[一二两三四五六七八九十]+)$/u;
const ZH_SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** The ICU words right after a question word that governs a noun, or right before one that ends the question. */
function chineseAttribute(q: string): string[] {
  const words = [...ZH_SEGMENTER.segment(q.replace(/[这那]一?块/gu, ''))].map((s) => ({ text: s.segment, word: s.isWordLike === true }));
  const out: string[] = [];
  const content = (i: number) => {
    const w = words[i];
    return !!w && w.word && /^[\u3400-\u9FFF]+$/u.test(w.text) && !ZH_QWORD.test(w.text) && !ZH_BRIDGE.test(w.text) && !ZH_COUNTER.test(w.text) && w.text !== '的';
  };
  words.forEach((w, i) => {
    if (!ZH_QWORD.test(w.text)) return;
    // After: 什么主题, 哪些功能, 哪两个机构 (past a counter).
    let j = i + 1;
    while (j < words.length && ZH_COUNTER.test(words[j]!.text)) j++;
    const after: string[] = [];
    for (; j < words.length && after.length < 2 && content(j); j++) after.push(words[j]!.text);
    if (after.length) out.push(after.join(''));
    // Before: 净利润是多少, 核心条件有哪些 (past the bridge words).
    let k = i - 1;
    while (k >= 0 && (ZH_BRIDGE.test(words[k]!.text) || ZH_COUNTER.test(words[k]!.text))) k--;
    const before: string[] = [];
    for (; k >= 0 && before.length < 2 && content(k); k--) before.unshift(words[k]!.text);
    if (before.length) out.push(before.join(''));
  });
  return out;
}

/** English question words and the noun phrase they govern ("which networks", "how many visitors"). */
const EN_NOUN_RE = /\b(?:what|which)\s+((?:[a-z][\w&-]*\s+){0,2}[a-z][\w&-]*)/giu;
/** "how many visitors came": the counted noun, one word (the verb after it is not part of it). */
const EN_COUNT_RE = /\bhow many\s+([a-z][\w&-]*)/giu;
/** "what is the X of …", "what was X's …": the noun phrase after the copula. */
const EN_COPULA_RE = /\b(?:what|who|where|when|which)\s+(?:is|are|was|were)\s+(?:the\s+|its\s+|their\s+)?((?:[a-z][\w&-]*\s+){0,2}[a-z][\w&-]*)/giu;
/** Words that end an English noun phrase: verbs, auxiliaries, prepositions, determiners. */
const EN_STOP = new Set(
  'is are was were be been do does did will would can could should has have had of in at on for to from by with about as into than that this these those the a an its their it they he she his her there and or does did'.split(' '),
);

function englishPhrase(words: string): string {
  const out: string[] = [];
  for (const w of words.toLowerCase().split(/\s+/)) {
    if (EN_STOP.has(w)) break;
    out.push(w);
  }
  return out.join(' ');
}

/** The spans of the question that name the asked attribute, most specific first; empty when none is found. */
export function askedAttribute(question: string, lang: Lang): string[] {
  const q = question.normalize('NFKC');
  const out: string[] = [];
  const push = (s: string | undefined) => {
    const t = s?.trim();
    if (t && !out.includes(t)) out.push(t);
  };
  if (lang === 'ko') {
    for (const m of q.matchAll(KO_DETERMINER_RE)) push(m[1]);
    for (const clause of q.split(KO_CLAUSE_RE)) if (clause.trim()) push(finalPhrase(clause));
  } else if (lang === 'zh') {
    for (const a of chineseAttribute(q)) push(a);
  } else {
    for (const m of q.matchAll(EN_NOUN_RE)) push(englishPhrase(m[1]!));
    for (const m of q.matchAll(EN_COUNT_RE)) push(englishPhrase(m[1]!));
    for (const m of q.matchAll(EN_COPULA_RE)) push(englishPhrase(m[1]!));
  }
  return out.filter((s) => [...s].length >= 2);
}
