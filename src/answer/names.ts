/**
 * The names of a question — companies, places, programmes, models — and how the passages spell
 * them. The report writes a Chinese name in Hangul and glosses it once with the original
 * (유니트리(Unitree宇树科技), 카눠프(卡诺普)), an English question spells it in pinyin (Chengdu for
 * 청두), and the report itself misspells a few (엔디비아, 화에이). A name is one concept in all
 * these forms: for coverage, and for telling whether a passage is about the question's subject.
 */
import { pinyinToHangul } from '../retrieve/pinyin.js';
import type { QueryProfile, TermGroup } from './evidence.js';
import { questionEntities } from './intent.js';
import { matchForm, scriptOf, stripParticle, termIn } from './terms.js';
import { memoizeString } from '../util/memo.js';

/** A term names entity `e`: is it, is part of it, or is the number `e` with its unit ("7180억"). */
export function isEntityTerm(term: string, e: string): boolean {
  if (e === term) return true;
  if (e.length >= 2 && term.length >= 2 && e.includes(term)) return true;
  return /^[0-9]/.test(e) && term.startsWith(e) && !/^[0-9.:]/.test(term.slice(e.length));
}

/**
 * A name of the question (a company, a place, a programme, a model) in every form the evidence
 * may print it: the question's own spelling and the Korean form the report glosses it with.
 */
export interface QuestionName {
  /** Match forms. */
  forms: string[];
  weight: number;
}

/** A gloss: a parenthesis holding Han or Latin text (the original name) right after a Korean word. */
const GLOSS_BODY_RE = /[\p{Script=Han}A-Za-z]/u;
const GLOSS_RE = /(\p{Script=Hangul}+)\s*[(（]([^)）]{1,80})[)）]/gu;

interface Gloss {
  /** The Korean word before the parenthesis, and the parenthesis, in match form. */
  word: string;
  body: string;
}

/**
 * The glosses the passages print: "유니트리(Unitree宇树科技)", "카눠프(卡诺普)", "일대일로(一带一路)".
 * The report glosses proper nouns this way, so a glossed Korean word is a name, and the
 * parenthesis holds the same name as a Chinese or English question writes it.
 */
function glossesIn(texts: ReadonlyArray<string>): Gloss[] {
  return texts.flatMap(glossesOf);
}

/** The glosses of one passage (memoized: the same passages come back on every request). */
const glossesOf = memoizeString((t: string): readonly Gloss[] => {
  const out: Gloss[] = [];
  for (const m of t.matchAll(GLOSS_RE)) if (GLOSS_BODY_RE.test(m[2]!)) out.push({ word: matchForm(m[1]!), body: matchForm(m[2]!) });
  return Object.freeze(out);
}, 5_000);

/**
 * The Hangul the report writes for a Chinese name spelt in pinyin ("Chengdu" → 청두, "Nengke" →
 * 넝커): Capitalized words only, as retrieval's analyzer does (an acronym is no pinyin: AI ≠ 아이).
 */
function transcription(written: string): string[] {
  if (!/^[A-Z][a-z]+$/.test(written)) return [];
  const ko = pinyinToHangul(written);
  return ko ? [ko] : [];
}

/**
 * The names of a question, each with every form the passages print it in:
 * - its entities (Latin names, numbers, quoted phrases, Han terms in a Korean question), with the
 *   Korean word the passages gloss with them (Nvidia → 엔비디아(NVIDIA), 一带一路 → 일대일로) and the
 *   Hangul transcription of a pinyin name (Chengdu → 청두);
 * - its Korean words and expansions that the passages gloss (카눠프(卡诺普) for 卡诺普), with the
 *   question's own Chinese or English terms inside that gloss.
 * Names no passage prints in any form (an English spelling of a Chinese company) are left out:
 * the evidence at hand can neither show nor rule them out.
 */
export function questionNames(question: string, profile: QueryProfile, passageTexts: ReadonlyArray<string>): QuestionName[] {
  const glosses = glossesIn(passageTexts);
  const groups = profile.groups.filter((g) => !g.optional);
  const weightOf = (form: string) => Math.max(0, ...groups.filter((g) => isEntityTerm(g.head, form)).map((g) => g.weight));
  const names: Array<{ forms: Set<string>; weight: number }> = questionEntities(question)
    .map((written) => {
      const e = matchForm(written);
      const forms = [e, ...glosses.filter((x) => x.body.includes(e)).map((x) => x.word), ...transcription(written)];
      return { forms: new Set(forms), weight: weightOf(e) };
    })
    .filter((n) => n.weight > 0);
  for (const g of groups) {
    if (scriptOf(g.head) !== 'hangul') continue;
    const bare = stripParticle(g.head);
    // The glossed word is the question's word, or its last part ("선전 국가자주혁신시범구(深圳…)"
    // for the expansion 선전 국가자주혁신시범구) — never a longer compound (창안자동차(长安汽车) is no gloss of 자동차).
    const own = glosses.filter((x) => x.word === bare || (bare.endsWith(x.word) && [...x.word].length >= 2));
    if (own.length === 0) continue;
    // The original as printed (宇树科技 in "Unitree宇树科技"), when the question writes it too.
    const foreign = groups.filter((f) => f.foreign && [...f.head].length >= 2);
    const originals = own
      .flatMap((x) => x.body.match(/\p{Script=Han}+|[a-z][a-z0-9]*/gu) ?? [])
      .filter((run) => foreign.some((f) => run.includes(f.head)));
    const inGloss = foreign.filter((f) => originals.some((run) => run.includes(f.head)));
    const name = names.find((n) => n.forms.has(bare)) ?? { forms: new Set<string>(), weight: 0 };
    if (name.forms.size === 0) names.push(name);
    for (const form of [bare, ...originals]) name.forms.add(form);
    name.weight = Math.max(name.weight, g.weight, ...inGloss.map((f) => f.weight));
  }
  const norms = passageTexts.map(matchForm);
  return names
    .map((n) => ({ forms: [...n.forms], weight: n.weight }))
    .filter((n) => norms.some((p) => n.forms.some((f) => nameIn(p, f))));
}

/**
 * The profile with each name's groups made one concept: a question that writes Wuhan and gets
 * the expansion 우한 asks about one place, not two, and a passage naming it once, in any of its
 * spellings, covers it fully.
 */
export function mergeNameForms(profile: QueryProfile, names: ReadonlyArray<QuestionName>): QueryProfile {
  let groups = profile.groups;
  for (const n of names) {
    const same = groups.filter((g) => isFormOf(g, n));
    // Even a name with one group gains its other spellings (Chengdu: 청두 by pinyin).
    if (same.length === 0) continue;
    const head = same.reduce((a, b) => (b.weight > a.weight ? b : a));
    const merged: TermGroup = {
      ...head,
      alternatives: [...new Set([...head.alternatives, ...same.filter((g) => g !== head).map((g) => g.head), ...n.forms])].filter((f) => f !== head.head),
      entity: same.some((g) => g.entity),
      foreign: same.every((g) => g.foreign),
      optional: same.every((g) => g.optional),
    };
    groups = groups.filter((g) => !same.includes(g) || g === head).map((g) => (g === head ? merged : g));
  }
  return { groups, total: groups.reduce((s, g) => s + (g.optional ? 0 : g.weight), 0) };
}

/** `a` from `i` equals `b` from `j` (strings, compared in place). */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (let k = 0; i + k < a.length; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/** Damerau–Levenshtein distance between two short strings is at most one. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2);
  return sameTail(a, i + 1, b, i + 1) || sameTail(a, i + 1, b, i) || sameTail(a, i, b, i + 1) || swapped;
}

/**
 * A Hangul name of three syllables or more is also found misspelt by one syllable: the report
 * prints 엔디비아 for 엔비디아 and 화에이 for 화웨이 (transliterations drift; OCR and typing slips).
 */
const FUZZY_NAME_MIN_SYLLABLES = 3;

/**
 * One edit leaves the first or the last syllable of such a name in place, so only windows starting
 * at its first syllable or ending at its last are compared (Hangul syllables are single UTF-16
 * units, so string indices are syllables). A three-syllable name may differ in its middle only
 * (화에이 for 화웨이): with another last syllable, "화웨클라우드" would pass for it.
 */
function fuzzyIn(norm: string, form: string): boolean {
  const first = form[0]!;
  const last = form[form.length - 1]!;
  if (form.length === FUZZY_NAME_MIN_SYLLABLES) {
    for (let i = norm.indexOf(first); i >= 0; i = norm.indexOf(first, i + 1)) if (norm[i + 2] === last) return true;
    return false;
  }
  // Never shorter than the minimum: "화웨" must not pass for 화웨이.
  const lengths = [form.length - 1, form.length, form.length + 1].filter((n) => n >= FUZZY_NAME_MIN_SYLLABLES);
  for (let i = norm.indexOf(first); i >= 0; i = norm.indexOf(first, i + 1)) {
    if (lengths.some((n) => i + n <= norm.length && withinOneEdit(form, norm.slice(i, i + n)))) return true;
  }
  for (let j = norm.indexOf(last); j >= 0; j = norm.indexOf(last, j + 1)) {
    if (lengths.some((n) => j + 1 - n >= 0 && withinOneEdit(form, norm.slice(j + 1 - n, j + 1)))) return true;
  }
  return false;
}

/** A form of a name is in a text: as it is (its forms are bare: 화웨이 is no 화웨 + particle), or misspelt. */
export function nameIn(norm: string, form: string): boolean {
  if (/^[0-9]/.test(form) ? termIn(norm, form) : norm.includes(form)) return true;
  return scriptOf(form) === 'hangul' && /^\p{Script=Hangul}+$/u.test(form) && form.length >= FUZZY_NAME_MIN_SYLLABLES && fuzzyIn(norm, form);
}

/** Weighted share of the question's names a text (matchForm()ed) mentions, 1 when it has none. */
export function nameShare(norm: string, names: ReadonlyArray<QuestionName>): number {
  const total = names.reduce((s, n) => s + n.weight, 0);
  if (total <= 0) return 1;
  const got = names.reduce((s, n) => s + (n.forms.some((f) => nameIn(norm, f)) ? n.weight : 0), 0);
  return got / total;
}

/**
 * The group spells the name: one of its forms, or a piece of its Chinese form (the analyzer cuts
 * 宇树科技 into 宇树 · 树科 · 科技). A Latin or Korean word inside a longer name is not the name
 * ("Day" is no spelling of "청두 K-Demo Day 과학기술교류대회").
 */
export function isFormOf(g: TermGroup, n: QuestionName): boolean {
  const bare = stripParticle(g.head);
  const hanPiece = scriptOf(g.head) === 'han' && [...g.head].length >= 2;
  return n.forms.some((f) => f === g.head || f === bare || (hanPiece && f.includes(g.head)));
}
