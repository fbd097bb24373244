/**
 * What a term stands for: a question asking a term's meaning ("4S가 각각 뭘 뜻해?", "4S代表什么",
 * "what does EAI stand for") is answered by the sentence that glosses the term, which this report
 * writes as the term (and at most one word after it) followed by a parenthesis spelling it out:
 * "4S 매장(판매/Sale, 부품 공급/Spare Parts, …)", "구현 지능(Embodied Artificial Intelligence,
 * EAI)". The sentence model reads such a sentence as one more mention of the term; a sentence
 * enumerating companies at the same store ranked above it, and the gloss, long, did not fit
 * beside it in the quote budget. A fact about how the report writes, applied after the model
 * (it reorders the quotes; it does not change what the model scores).
 */
import { matchForm } from './terms.js';

/** The request words of a definition question, per language. */
const DEFINITION_RE =
  /뜻|의미(?:하|가|는|야|임|예요|인가)|약자|줄임말|무슨\s*말|무엇의\s*줄임|什么意思|意思是|代表什么|代表的是|指什么|指的是什么|含义|缩写|全称|\bstands?\s+for\b|\bshort\s+for\b|\babbreviation\b|\bwhat\s+(?:does|do)\b[^?]*\bmean\b|\bmeaning\s+of\b/iu;

export function isDefinitionQuestion(question: string): boolean {
  return DEFINITION_RE.test(question.normalize('NFKC'));
}

/**
 * The terms a definition question asks about: words of Latin letters or digits with a letter
 * ("4S", "EAI", "4s"), and quoted spans ('기러기 대열식 발전 체계').
 */
export function definedTerms(question: string): string[] {
  const q = question.normalize('NFKC');
  const out = new Set<string>();
  for (const m of q.matchAll(/(?<![A-Za-z0-9])(\d*[A-Za-z][A-Za-z0-9&+-]*|\d+[A-Za-z]+)(?![A-Za-z0-9])/gu)) {
    const t = m[1]!;
    // Ordinary English words are not terms ("what", "store"): a term has a capital after its
    // first letter or a digit (EAI, 4S, GraspVLA), or is written in capitals.
    if (/\d/.test(t) || /^[A-Z].*[A-Z]/.test(t)) out.add(t.replace(/'s$/i, ''));
  }
  for (const m of q.matchAll(/['‘"“「『]([^'’"”」』]{2,40})['’"”」』]/gu)) out.add(m[1]!.trim());
  return [...out].map(matchForm).filter((t) => [...t].length >= 2);
}

/**
 * The sentence glosses one of the terms: the term, at most one word, then a parenthesis of at
 * least eight characters that lists parts ("/", ",", "·") or spells it out in Latin letters; or
 * a parenthesis spelling out the term it ends with.
 */
export function glosses(sentence: string, terms: readonly string[]): boolean {
  const s = sentence.normalize('NFKC');
  for (const m of s.matchAll(/\(([^()]{8,200})\)/gu)) {
    const inside = m[1]!;
    if (!/[/,·]/.test(inside) && !/[a-z]{3,}\s+[a-z]{3,}/i.test(inside)) continue;
    // The two words before the parenthesis: the term and at most one word after it ("4S 매장(").
    const before = s.slice(0, m.index).split(/\s+/).filter(Boolean).slice(-2);
    if (!before.length) continue;
    const head = matchForm(before.join(' '));
    if (terms.some((t) => head.startsWith(t) || matchForm(before[before.length - 1]!).startsWith(t))) return true;
    // Or the parenthesis spells out the term it ends with: "구현 지능(Embodied Artificial Intelligence, EAI)".
    const words = inside.split(/[\s,]+/).filter(Boolean);
    if (words.length >= 3 && terms.includes(matchForm(words[words.length - 1]!))) return true;
  }
  return false;
}
