/**
 * The attribute a question asks about, read from its wording: in "테슬라의 2025년 주가 전망은?",
 * "卡诺普2024年的净利润是多少？", "What is Unitree's stock ticker?" or "What is the population of
 * Chengdu?" the question names an entity (the subject: 테슬라, 卡诺普, Unitree, Chengdu) and asks
 * for one of its attributes (주가 전망, 净利润, stock ticker, population). A report that mentions the
 * entity but never that attribute does not answer, however often the entity comes up — this is
 * what tells "the report has no such figure" from a paraphrased answerable question.
 *
 * Only the possessive shapes are read (X의 Y, X的Y, X's Y, the Y of X): they mark the split
 * unambiguously in each language. Other questions have no focus and are judged on coverage.
 * Also here: a Korean question's last noun phrase (what it asks about), and the test of a
 * sentence against the focus (evidence for the focus, below).
 */
import type { Lang } from '../types.js';
import { type QueryProfile, type TermGroup, groupScore, inSpan } from './evidence.js';
import { counterWords, figureKindOf, type AskedFigure } from './intent.js';
import { type QuestionName, isFormOf, nameIn, nameShare } from './names.js';
import { matchForm, scriptOf, termImportance } from './terms.js';

export interface QuestionFocus {
  /** The entity's words (X), as typed. */
  subject: string;
  /** The attribute's words (Y), as typed. */
  attribute: string;
}

/**
 * Korean: a word ending in the possessive 의 after at least two letters (회의, 합의 are nouns),
 * then the noun phrase up to its first word with a particle. 의 also ends words for doctors
 * (주치의, 전문의): those are nouns too.
 */
const KO_POSSESSIVE_WORD_RE = /^[\p{L}\p{N}]{2,}의$/u;
const KO_DOCTOR_RE = /(?:주치|전문|수|한)의$/u;
/**
 * A Korean word carrying a topic, object or locative particle ends the noun phrase ("매출액은",
 * "과제를"). 이/가/도/로/만/와/과 are left out: too many nouns end so (주가, 저고도, 비중이?).
 */
const KO_PHRASE_END_RE = /(?:은|는|을|를|에|에서|으로)$/u;

/**
 * Chinese: "X的Y" right before the question word (是多少, 是谁, 叫什么, 有多少家). A Y holding a verb
 * or preposition ("光纤光缆占全球多少") is a clause, not a noun phrase: no focus.
 */
const ZH_POSSESSIVE_RE = /^(.+?)的([^的，,。；;？?]{1,12}?)(?:是|有|为|叫)?(?:多少|几|什么|谁|哪)/u;
const ZH_CLAUSE_RE = /[占达有是为在到将把被和与]/u;

/** English: "What is X's Y?" and "What is the Y of X?". */
const EN_POSSESSIVE_RE = /^(?:what|who|which)(?:'s|’s|\s+(?:is|are|was|were))\s+(?:the\s+)?(.+?)['’]s\s+(.+?)\s*[?.!]*$/iu;
const EN_OF_RE = /^(?:what|who|which)(?:'s|’s|\s+(?:is|are|was|were))\s+the\s+(.+?)\s+of\s+(?:the\s+)?(.+?)\s*[?.!]*$/iu;

function koreanFocus(q: string): QuestionFocus | null {
  // The last possessive: "야오잉의료 AI 주치의 서비스의 월 구독료는" → 서비스의.
  const words = q.replace(/[?？!.。]+/gu, ' ').trim().split(/\s+/);
  for (let i = words.length - 2; i >= 0; i--) {
    const w = words[i]!;
    if (!KO_POSSESSIVE_WORD_RE.test(w) || KO_DOCTOR_RE.test(w)) continue;
    const end = words.findIndex((x, j) => j > i && KO_PHRASE_END_RE.test(x));
    const attribute = words.slice(i + 1, end < 0 ? words.length : end + 1).join(' ');
    const subject = [...words.slice(0, i), w.slice(0, -1)].join(' ');
    return subject && attribute ? { subject, attribute } : null;
  }
  return null;
}

export function questionFocus(question: string, lang: Lang): QuestionFocus | null {
  const q = question.normalize('NFKC').trim();
  if (lang === 'ko') return koreanFocus(q);
  if (lang === 'zh') {
    const m = ZH_POSSESSIVE_RE.exec(q);
    return m && !ZH_CLAUSE_RE.test(m[2]!) ? { subject: m[1]!, attribute: m[2]! } : null;
  }
  const of = EN_OF_RE.exec(q);
  if (of) return { subject: of[2]!, attribute: of[1]! };
  const m = EN_POSSESSIVE_RE.exec(q);
  return m ? { subject: m[1]!, attribute: m[2]! } : null;
}

/**
 * A particle that closes a noun phrase before the last one ("4S 매장은" after "문을 닫은", "K-데모데이는"
 * after "주제로 한"), or the possessive: the last phrase starts after such a word.
 */
const KO_BOUNDARY_RE = /(?:은|는|을|를|에|에서|으로|의|에게|와|과|이랑|하고|부터|까지)$/u;

/**
 * The last noun phrase of a Korean question, the thing it asks about ("테슬라 주가 전망" in
 * "테슬라 주가 전망은 어떻게 돼?", "4S 매장" in "2024년에 문을 닫은 4S 매장은 몇 곳이야?"): the content
 * words before the trailing question words, verbs and counters, back to the previous phrase's
 * particle or verb. Only the last clause counts ("…이름은 뭐고, 어떤 모델에 맞먹는 성능이라고 했어?").
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

/**
 * A Korean question whose last noun phrase ends in a figure of the asked kind ("판매 가격은?",
 * "비야디의 2024년 판매량은?") asks for that figure, with or without 얼마/몇: its answer must state it.
 */
export function asksForFigure(question: string, asked: AskedFigure | null): boolean {
  const head = finalPhrase(question).split(' ').at(-1);
  return !!asked && !!head && figureKindOf(head) === asked.kind;
}

// ───────────────────────── evidence for the focus ─────────────────────────

/**
 * What the evidence for an "attribute of an entity" question must show: the subject (its names,
 * or for a Korean question without glossed names its words) and the attribute.
 */
export interface FocusEvidence {
  subjectNames: QuestionName[];
  subjectGroups: TermGroup[];
  /** Attribute concepts the evidence can show. */
  attribute: AttributeConcept[];
  /**
   * The attribute has words but none the passages could show: untranslated English or Chinese
   * ("stock ticker", 创始人 without a Korean form in the passages). Nothing can confirm it.
   */
  unverifiable: boolean;
}

/** A concept of the attribute: a term group, or a name in all its forms (R&D ≡ 연구개발). */
interface AttributeConcept {
  weight: number;
  group?: TermGroup;
  name?: QuestionName;
  /** A figure of the asked kind states the concept (점유율 by "69.75%", intent.ts figureStandsFor). */
  figure: boolean;
}

export function focusEvidence(
  focus: QuestionFocus,
  lang: Lang,
  profile: QueryProfile,
  names: ReadonlyArray<QuestionName>,
  passageNorms: ReadonlyArray<string>,
  namesFigure: (term: string) => boolean,
): FocusEvidence {
  const subject = matchForm(focus.subject);
  const attributeSpan = matchForm(focus.attribute);
  const groups = profile.groups.filter((g) => !g.optional);
  const written = (n: QuestionName, span: string) => n.forms.some((f) => span.includes(f));
  const subjectNames = names.filter((n) => written(n, subject));
  const attributeNames = names.filter((n) => written(n, attributeSpan) && !written(n, subject));
  const subjectGroups = subjectNames.length === 0 && lang === 'ko' ? groups.filter((g) => !g.foreign && inSpan(g, subject)) : [];
  // In a Chinese or English question the Korean terms are glossary expansions of some of its
  // words: those not naming the subject stand for the attribute.
  const expansion = (g: TermGroup) => lang !== 'ko' && scriptOf(g.head) === 'hangul';
  const candidates = groups.filter(
    (g) => (inSpan(g, attributeSpan) || expansion(g)) && !inSpan(g, subject) && !names.some((n) => isFormOf(g, n)),
  );
  const showable = (g: TermGroup) => !g.foreign || namesFigure(g.head) || passageNorms.some((p) => groupScore(p, g) >= 0.5);
  const attribute: AttributeConcept[] = [
    ...candidates.filter(showable).map((group) => ({ weight: group.weight, group, figure: namesFigure(group.head) })),
    ...attributeNames.map((name) => ({ weight: name.weight, name, figure: false })),
  ];
  const asked = candidates.length + attributeNames.length;
  return { subjectNames, subjectGroups, attribute, unverifiable: asked > 0 && attribute.length === 0 };
}

/** How much of the subject a unit's context (heading, the passage up to the unit, the unit) names. */
export function subjectShare(contextNorm: string, fe: FocusEvidence): number {
  if (fe.subjectNames.length > 0) return nameShare(contextNorm, fe.subjectNames);
  const total = fe.subjectGroups.reduce((s, g) => s + g.weight, 0);
  if (total <= 0) return 1;
  return fe.subjectGroups.reduce((s, g) => s + g.weight * groupScore(contextNorm, g), 0) / total;
}

/**
 * How much of the attribute a unit states, a figure of the asked kind standing for the concept
 * that names it ("점유율" is stated by "69.75%"). An attribute of question words only ("몇 배")
 * is the figure itself. `statesFigure` is undefined when the question asks for no figure.
 */
export function attributeShare(unitNorm: string, statesFigure: boolean | undefined, fe: FocusEvidence): number {
  if (fe.unverifiable) return 0;
  if (fe.attribute.length === 0) return statesFigure === false ? 0 : 1;
  let got = 0;
  let total = 0;
  for (const c of fe.attribute) {
    const stated = c.group ? groupScore(unitNorm, c.group) : c.name!.forms.some((f) => nameIn(unitNorm, f)) ? 1 : 0;
    total += c.weight;
    got += c.weight * Math.max(stated, c.figure && statesFigure ? 1 : 0);
  }
  return total > 0 ? got / total : 0;
}
