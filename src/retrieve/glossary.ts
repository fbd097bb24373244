/**
 * The bilingual glossary: Korean ↔ Chinese ↔ English forms, mined from the report itself
 * (trap 11: names and titles are printed 한국어(中文) or 한국어(English中文)) and completed by a
 * hand-written seed (./seed-glossary.ts). It is how a Chinese or English question reaches
 * Korean passages without a neural model: "宇树科技的市场份额" → 유니트리, 점유율.
 *
 * Extraction (extractGlossary) on raw report text or on chunk text:
 * - G1 lines cut by the PDF are rejoined first: a line that does not end with a space was cut
 *   inside a word ("우\n한(武汉)" → "우한(武汉)"), and "\n(" always glues ("소거인\n(小巨人)").
 * - G2 the parenthesis content gives the other forms: split on , / ; 、 into names; a name that
 *   is Latin then Han ("Unitree·宇树科技", "UBTECH优必选") gives one of each; "이하 X" inside gives
 *   a Korean alias X; contents with Hangul, or only digits/dates, are not glosses and are skipped.
 *   A title (≥ 18 Han, title punctuation, or a content that does not split into names) stays whole;
 *   one-character glosses ("대(大)", "(市)") are word-by-word translations, not names, and are dropped.
 * - G3 the Korean side: a span quoted with ‘ ’ “ ” < > 《 》 ' " that ends at the parenthesis is
 *   taken whole ("<정부 업무 보고(政府工作报告)>", "‘상하이 미래산업 육성 구상’(模塑申城)");
 *   otherwise the last word, extended leftwards word by word while the Korean stays no longer
 *   (in syllables) than the Chinese (in characters) — Korean transcribes Chinese about one
 *   syllable per character — and the word does not end with a particle (새로운 | 질적 생산력).
 *   The seed vetoes or confirms a word: 중국 is not added before 공업정보화부(工业和信息化部)
 *   (中国 is not in the Chinese), 상하이 is added before 인공지능 실험실(上海人工智能实验室).
 *   Latin words before a Chinese gloss are kept as the Korean-side form ("BYD(比亚迪)", "DJI(大疆)").
 *   A translated source title ("촹예방(创业邦). 중 자동차 대통합, …(中国汽车大整合，…)") is taken back
 *   to its outlet, or not at all.
 * - G4 table rows that print a Korean title on n lines followed by its Chinese title on n lines
 *   (policy tables) are paired when both carry the same numbers (years) or the same kind of title.
 * - G5 entries are merged by their Korean form without spaces (질적생산력 = 질적 생산력);
 *   Korean forms shorter than 2 syllables (‘대(大)’) are dropped.
 */
import type { GlossaryEntry, Lang } from '../types.js';
import { normalize } from '../text/normalize.js';
import { SEED_GLOSSARY } from './seed-glossary.js';

export const GLOSSARY_VERSION = 1;

const HAN_RE = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
const HAN_G = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/g;
const HANGUL_RE = /[\uAC00-\uD7AF]/;
const HANGUL_G = /[\uAC00-\uD7AF]/g;
const countOf = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
const compact = (s: string): string => s.replace(/\s+/g, '');

// ───────────────────────────── G1: rejoining ─────────────────────────────

/** Rejoins PDF lines (G1); text without line breaks is returned unchanged. */
export function rejoinLines(raw: string): string {
  const lines = raw.split(/\r?\n/).filter((l) => l.trim() !== '');
  let out = '';
  for (const line of lines) {
    if (!out) {
      out = line;
      continue;
    }
    const prevEndsWithSpace = /\s$/.test(out);
    const next = line.replace(/^ /, ''); // a single leading space marks a page break (trap 2)
    const a = out.at(-1) ?? '';
    const b = next[0] ?? '';
    const cjk = (c: string): boolean => HANGUL_RE.test(c) || HAN_RE.test(c);
    if (!prevEndsWithSpace && (b === '(' || (cjk(a) && cjk(b)))) out += next;
    else out = `${out.trimEnd()} ${next}`;
  }
  return out;
}

// ───────────────────────────── G2: parenthesis content ─────────────────────────────

interface Gloss {
  zh: string[];
  en: string[];
  alias?: string;
  /** Han characters in the gloss (the budget of G3). */
  han: number;
  /** Longest acronym letters or English words: the budget when there is no Chinese. */
  latinBudget: number;
  title: boolean;
}

const LATIN_NAME = /^[A-Za-z][A-Za-z0-9 .&'’\-+]*$/;
const TITLE_PUNCT = /[:!?“”"、《》]/;
/**
 * A comma between two Han characters with no space: the full-width comma of a Chinese sentence
 * (NFKC writes "，" as ","), so the gloss is a translated source title ("华为自建 AI 基础，在封堵下
 * 稳步发展"), not a list of names, which the report writes with ", " ("蔚来, NIO"). Read as names,
 * its halves were paired with the title's last Korean words (华为自建AI基础 = "꾸준히 발전"), and a
 * Chinese question naming 华为 matched that entry instead of 화웨이.
 */
const SENTENCE_COMMA = /\p{Script=Han}[,，]\p{Script=Han}/u;

function cleanZh(s: string): string {
  return compact(s.replace(/[()]/g, ''));
}

/** Splits "Unitree 宇树科技" / "UBTECH优必选" / "曜影医疗 SinoUnited Health" into Latin and Han. */
function splitName(part: string): { zh?: string; en?: string } | undefined {
  const p = part.trim().replace(/^[‘’'"“”·\s]+|[‘’'"“”·\s]+$/g, '');
  if (!p) return undefined;
  if (!/[A-Za-z]/.test(p)) return HAN_RE.test(p) ? { zh: cleanZh(p) } : undefined;
  if (!HAN_RE.test(p)) return LATIN_NAME.test(p) && /[A-Za-z]{2}/.test(p) ? { en: p.replace(/\s+/g, ' ') } : undefined;
  const latinFirst = /^([A-Za-z][A-Za-z0-9 .&'’\-+]*?)\s*([\u3400-\u9FFF][\u3400-\u9FFF0-9·\s]*)$/.exec(p);
  if (latinFirst?.[1] && latinFirst[2]) return { en: latinFirst[1].trim(), zh: cleanZh(latinFirst[2]) };
  const hanFirst = /^([\u3400-\u9FFF][\u3400-\u9FFF0-9·\s]*?)\s*([A-Za-z][A-Za-z0-9 .&'’\-+]*)$/.exec(p);
  if (hanFirst?.[1] && hanFirst[2]) return { zh: cleanZh(hanFirst[1]), en: hanFirst[2].trim() };
  return { zh: cleanZh(p) }; // Han with Latin inside: "华为自建AI基础"
}

function parseGloss(content: string): Gloss | undefined {
  let c = content.trim();
  let alias: string | undefined;
  const a = /[,，]?\s*이하\s*[‘'"“]?([^’'"”,]+?)[’'"”]?\s*(?:로|으로|라)?\s*(?:통칭|약칭|칭함|함)?\s*$/.exec(c);
  if (a?.[1]) {
    alias = a[1].trim();
    c = c.slice(0, a.index).trim();
  }
  if (HANGUL_RE.test(c) || !c) return undefined;
  if (!/[A-Za-z]{2}|[\u3400-\u9FFF]/.test(c)) return undefined; // digits, dates, symbols
  const han = countOf(c, HAN_G);
  const parts = c.split(/\s*[,/;、]\s*/).filter(Boolean);
  const names = parts.map(splitName);
  const isTitle =
    han > 0 && (han >= 18 || TITLE_PUNCT.test(c) || SENTENCE_COMMA.test(c) || names.some((n) => n === undefined || (n.zh !== undefined && n.zh.length > 12)));
  const zh: string[] = [];
  const en: string[] = [];
  if (isTitle) {
    zh.push(cleanZh(c));
  } else {
    for (const n of names) {
      // One character (‘대(大)’, (市)) is a word-by-word gloss, not a name.
      if (n?.zh && countOf(n.zh, HAN_G) >= 2) zh.push(n.zh);
      if (n?.en) en.push(n.en);
    }
  }
  if (!zh.length && !en.length) return undefined;
  const acronym = en.map((e) => /^[A-Z&]{2,8}(?![A-Za-z])/.exec(e)?.[0].replace('&', '').length ?? 0).reduce((x, y) => Math.max(x, y), 0);
  const latinBudget = acronym > 0 ? acronym * 2 : 0;
  return { zh, en, ...(alias ? { alias } : {}), han, latinBudget, title: isTitle };
}

// ───────────────────────────── G3: the Korean side ─────────────────────────────

const OPEN_CLOSE: Record<string, string> = { '‘': '’', '“': '”', '<': '>', '《': '》', '〈': '〉', '「': '」', '『': '』', "'": "'", '"': '"' };
const CLOSERS = new Set(Object.values(OPEN_CLOSE));

/** Particles and adnominal endings: a word ending so is not part of a name (G3). */
const KO_NOT_NAME_END = /(?:의|은|는|을|를|에|에서|으로|로|와|과|도|이|가|인|운|된|한|던|될|할|적인|하는|있는)$/;
const KO_NOT_NAME_WORD = new Set(['등', '및', '또는', '특히', '현재', '최근', '이후', '당시', '그중', '또한', '이어', '예를', '들어', '일명', '국가급', '전문가']);

let seedByKo: Map<string, GlossaryEntry> | undefined;

/** A quoted span that ends exactly at the parenthesis (closer right after ")"), or a quote just before "(". */
function quotedKorean(text: string, open: number, close: number): string | undefined {
  const before = text.slice(Math.max(0, open - 120), open);
  // ‘…’(中文): the quote closes right before the parenthesis.
  const prev = before.trimEnd().at(-1);
  if (prev && CLOSERS.has(prev)) {
    const end = before.trimEnd().length - 1;
    const opener = Object.keys(OPEN_CLOSE).find((o) => OPEN_CLOSE[o] === prev);
    if (opener) {
      const start = before.lastIndexOf(opener, end - 1);
      if (start >= 0 && end - start > 1) return before.slice(start + 1, end);
    }
  }
  // <한국어(中文)>: an opener with no closer before "(", and its closer right after ")".
  const after = text.slice(close + 1, close + 4).trimStart()[0];
  if (!after || !CLOSERS.has(after)) return undefined;
  for (let i = before.length - 1; i >= 0; i--) {
    const ch = before[i]!;
    if (OPEN_CLOSE[ch] === after) return before.slice(i + 1);
    if (ch === after && ch !== "'" && ch !== '"') return undefined;
  }
  return undefined;
}

const HANGUL_WORD = /^[\uAC00-\uD7AF]+(?:-[\uAC00-\uD7AF]+)*$/;
const TITLE_WORD = /^[\p{L}\p{N}·,:&'’‘“”!?+\-()]+$/u; // "인공지능(AI)": a gloss inside a title's word

/**
 * A proper name (a company, a place), not everyday vocabulary: the seed writes a name's English
 * form with a capital ("Huawei", "Shandong") and a word's in lower case ("robot", "optical fiber").
 */
export function isProperName(entry: GlossaryEntry): boolean {
  return /^[A-Z]/.test(entry.en[0] ?? '');
}

/** The seed entry for a word, also without its administrative suffix (상하이시 → 상하이). */
function seedOf(w: string): GlossaryEntry | undefined {
  const index = seedByKo ?? new Map(SEED_GLOSSARY.map((e) => [compact(e.ko), e] as const));
  seedByKo = index;
  return index.get(w) ?? (/[시성구현]$/.test(w) ? index.get(w.slice(0, -1)) : undefined);
}

/**
 * Words before "(" going left, for a title gloss (a translated source title): they must reach
 * the outlet that precedes a source title ("촹예방(创业邦). 중 자동차 대통합, …") within the budget,
 * else undefined (and the name rule applies).
 */
function titleBefore(tokens: string[], words: string[], han: number): string | undefined {
  const budget = Math.ceil(han * 1.6) + 2;
  let syllables = countOf(words[0]!, HANGUL_G);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const w = tokens[i]!;
    if (/\)\.$/.test(w) || w.includes('참고자료')) return words.join(' '); // "(创业邦)." ends the outlet
    if (!TITLE_WORD.test(w)) return undefined;
    syllables += countOf(w, HANGUL_G);
    if (syllables > budget) return undefined;
    words.unshift(w);
  }
  return undefined; // no outlet before it: not a source title
}

/** The Korean words before "(" (G3), or undefined when there is no usable Korean side. */
function wordsBefore(text: string, open: number, gloss: Gloss): string | undefined {
  const before = text.slice(Math.max(0, open - 200), open);
  const tokens = before.trimEnd().split(/\s+/);
  const lastRaw = tokens.pop() ?? '';
  // Cut the last token after punctuation or a previous parenthesis: "생산기업-카눠프", "▲종횡자동화", "‘성텅".
  const last = /([\p{L}\p{N}·&.]+)$/u.exec(lastRaw.replace(/\([^)]*\)/g, ' '))?.[1]?.replace(/^[.·]+/, '') ?? '';
  if (!last) return undefined;
  const cut = last.includes('-') ? last.slice(last.lastIndexOf('-') + 1) : last;
  const words = [cut];
  if (!HANGUL_RE.test(cut)) {
    // Latin surface before a Chinese gloss: "BYD(比亚迪)", "CRP Robotics(成都卡诺普机器人)",
    // "갤럭시아 AI(GALAXEA AI星海图)" (a short acronym after a Korean word belongs to it).
    if (!gloss.zh.length || !/^[A-Za-z][A-Za-z0-9&.\-]*$/.test(cut)) return undefined;
    const prev = tokens.at(-1) ?? '';
    if (/^[A-Z]{1,4}$/.test(cut) && /^[\uAC00-\uD7AF]{2,}$/.test(prev) && !KO_NOT_NAME_END.test(prev) && !KO_NOT_NAME_WORD.has(prev)) {
      return `${prev} ${cut}`;
    }
    for (let i = tokens.length - 1; i >= 0 && words.length < 3; i--) {
      const t = tokens[i]!;
      if (!/^[A-Z][A-Za-z0-9&.\-]*$/.test(t)) break;
      words.unshift(t);
    }
    return words.join(' ');
  }
  if (cut !== lastRaw.replace(/^[‘'"“<《▲◼－\-·]+/, '')) return cut; // glued to punctuation: no extension
  if (gloss.title) {
    const t = titleBefore(tokens, [...words], gloss.han);
    if (t) return t;
  }
  const zhAll = gloss.zh.join('');
  const enAll = gloss.en.join(' ').toLowerCase();
  const budget = gloss.zh.length ? gloss.han : gloss.latinBudget;
  const confirmedBudget = Math.ceil(budget * 1.3) + 2;
  let syllables = countOf(cut, HANGUL_G);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const w = tokens[i]!;
    if (!HANGUL_WORD.test(w) || w.includes('참고자료')) break;
    const n = countOf(w, HANGUL_G);
    if (n < 2 || KO_NOT_NAME_WORD.has(w)) break;
    const seed = seedOf(w);
    if (seed && gloss.zh.length) {
      // Seed veto (중국 before 工业和信息化部) or confirmation (상하이 before 上海人工智能实验室).
      if (!seed.zh.some((z) => zhAll.includes(z)) || syllables + n > confirmedBudget) break;
    } else if (seed && isProperName(seed) && !seed.en.some((x) => enAll.includes(x.toLowerCase()))) {
      break; // a proper name not in the gloss: 미국 before 엔비디아(NVIDIA)
    } else if (KO_NOT_NAME_END.test(w) || syllables + n > budget) {
      break;
    }
    words.unshift(w);
    syllables += n;
  }
  return words.join(' ');
}

// ───────────────────────────── extraction ─────────────────────────────

interface Pair {
  ko: string;
  zh: string[];
  en: string[];
}

function cleanKo(ko: string): string | undefined {
  let k = ko.replace(/\([^)]*\)\s*$/g, '').replace(/^[\s‘’'"“”<>《》▲◼－·\-]+|[\s‘’'"“”<>《》·\-]+$/g, '');
  k = k.replace(/\s+/g, ' ').trim();
  if (!k) return undefined;
  if (HANGUL_RE.test(k)) return countOf(k, HANGUL_G) >= 2 ? k : undefined;
  return /^[A-Za-z][A-Za-z0-9 &.\-]*$/.test(k) && /[A-Za-z]{2}/.test(k) ? k : undefined;
}

/** Every balanced (…) group, innermost first, as [open, close] offsets. */
function parenGroups(text: string): Array<[number, number]> {
  const stack: number[] = [];
  const out: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length) out.push([stack.pop()!, i]);
  }
  return out;
}

function pairsInText(text: string): Pair[] {
  const pairs: Pair[] = [];
  for (const [open, close] of parenGroups(text)) {
    const content = text.slice(open + 1, close);
    const gloss = parseGloss(content);
    if (!gloss) {
      // Reverse gloss: an acronym followed by its Korean meaning, "e-VTOL(전기 수직이착륙 항공기)".
      const m = /([A-Za-z][A-Za-z0-9\-]*)\s?$/.exec(text.slice(Math.max(0, open - 30), open));
      if (m?.[1] && /[A-Z]{2}/.test(m[1]) && /^[\uAC00-\uD7AF ]+$/.test(content.trim()) && content.trim().split(' ').length <= 4) {
        const ko = cleanKo(content);
        if (ko) pairs.push({ ko, zh: [], en: [m[1]] });
      }
      continue;
    }
    const koRaw = quotedKorean(text, open, close) ?? wordsBefore(text, open, gloss);
    const ko = koRaw === undefined ? undefined : cleanKo(koRaw);
    if (ko && (gloss.zh.length || HANGUL_RE.test(ko))) pairs.push({ ko, zh: gloss.zh, en: gloss.en });
    const alias = gloss.alias === undefined ? undefined : cleanKo(gloss.alias);
    if (alias && alias !== ko) pairs.push({ ko: alias, zh: gloss.zh, en: gloss.en });
  }
  return pairs;
}

/** G4: "Korean title" lines followed by as many "Chinese title" lines (policy tables). */
function titleLinePairs(raw: string): Pair[] {
  const lines = raw.split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const isZh = (l: string): boolean => countOf(l, HAN_G) >= 4 && !HANGUL_RE.test(l);
  const isKo = (l: string): boolean => HANGUL_RE.test(l) && !HAN_RE.test(l);
  const numbers = (s: string): string => (s.match(/\d{2,}/g) ?? []).sort().join(',');
  const KIND: Array<[RegExp, RegExp]> = [
    [/계획$/, /(计划|规划)$/], [/방안$/, /方案$/], [/보고$/, /报告$/], [/조례$/, /条例$/],
    [/정책$/, /政策$/], [/강요$/, /纲要$/], [/의견$/, /意见$/], [/통지$/, /通知$/], [/규정$/, /(规定|办法)$/],
  ];
  const pairs: Pair[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isZh(lines[i]!) || (i > 0 && isZh(lines[i - 1]!))) continue;
    let j = i;
    while (j + 1 < lines.length && isZh(lines[j + 1]!) && j - i < 3) j++;
    const n = j - i + 1;
    if (i - n < 0) continue;
    const koLines = lines.slice(i - n, i);
    if (!koLines.every(isKo)) continue;
    const ko = normalize(rejoinLines(koLines.join('\n')));
    const zh = normalize(lines.slice(i, j + 1).map((l) => l.trim()).join(''));
    const strip = (s: string): string => s.replace(/\s*\([^)]*\)\s*$/, '').trim();
    const sameNumbers = numbers(ko) !== '' && numbers(ko) === numbers(zh);
    const sameKind = KIND.some(([k, z]) => k.test(strip(ko)) && z.test(strip(zh)));
    if (!sameNumbers && !sameKind) continue;
    const k = cleanKo(strip(ko));
    if (k) pairs.push({ ko: k, zh: [compact(strip(zh))], en: [] });
    i = j;
  }
  return pairs;
}

function mergePairs(pairs: Pair[]): GlossaryEntry[] {
  const byKey = new Map<string, { forms: Map<string, number>; zh: Map<string, number>; en: Map<string, string>; count: number; first: number }>();
  pairs.forEach((p, idx) => {
    const key = compact(p.ko).toLowerCase();
    let e = byKey.get(key);
    if (!e) {
      e = { forms: new Map(), zh: new Map(), en: new Map(), count: 0, first: idx };
      byKey.set(key, e);
    }
    e.count++;
    e.forms.set(p.ko, (e.forms.get(p.ko) ?? 0) + 1);
    for (const z of p.zh) e.zh.set(z, (e.zh.get(z) ?? 0) + 1);
    for (const x of p.en) if (!e.en.has(x.toLowerCase())) e.en.set(x.toLowerCase(), x);
  });
  const byCount = (m: Map<string, number>): string[] => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  return [...byKey.values()]
    .sort((a, b) => a.first - b.first)
    .map((e) => ({ ko: byCount(e.forms)[0]!, zh: byCount(e.zh), en: [...e.en.values()], count: e.count }));
}

/**
 * Mines bilingual pairs from report text (raw extracted text or chunk texts). Chinese forms
 * are simplified; entries are merged by their Korean form (G5), most frequent spelling first.
 */
export function extractGlossary(texts: string[]): GlossaryEntry[] {
  const pairs: Pair[] = [];
  for (const raw of texts) {
    pairs.push(...titleLinePairs(raw));
    pairs.push(...pairsInText(normalize(rejoinLines(raw))));
  }
  return mergePairs(pairs);
}

// ───────────────────────────── the Glossary ─────────────────────────────

export interface GlossaryJSON {
  version: number;
  entries: GlossaryEntry[];
}

interface Span {
  start: number;
  end: number;
  entries: number[];
}

/** English words that an all-caps form must not match in lower case ("US" vs "us"). */
const EN_WORDS = new Set(['us', 'it', 'as', 'or', 'an', 'am', 'is', 'in', 'on', 'at', 'to', 'be', 'go', 'do', 'no', 'so', 'up', 'we', 'he', 'me', 'my', 'ar', 'os', 'ip', 'hr', 'ev']);

function pickLongest(spans: Span[]): Span[] {
  const chosen: Span[] = [];
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const s of sorted) if (!chosen.some((c) => s.start < c.end && c.start < s.end)) chosen.push(s);
  return chosen.sort((a, b) => a.start - b.start);
}

export class Glossary {
  /** The entries given (extracted from reports); the seed is added on top unless disabled. */
  readonly extracted: readonly GlossaryEntry[];
  /** All entries in use: extracted then seed, merged by Korean form. */
  readonly entries: readonly GlossaryEntry[];
  private readonly zhForms = new Map<string, number[]>();
  private readonly zhPartial = new Map<string, Set<number>>();
  /** English forms by their first word: the words, lowercased, and whether case must match ("US"). */
  private readonly enForms = new Map<string, Array<{ words: string[]; exact?: string; entry: number }>>();
  private readonly koForms = new Map<string, number[]>();
  private readonly zhToEntries = new Map<string, number[]>();
  private readonly enWords = new Set<string>();
  private readonly minedKo: ReadonlySet<string>;

  private constructor(extracted: GlossaryEntry[], seed: boolean) {
    this.extracted = extracted;
    this.minedKo = new Set(extracted.map((e) => compact(e.ko).toLowerCase()));
    this.entries = seed ? mergeEntries([...extracted, ...SEED_GLOSSARY]) : mergeEntries(extracted);
    const add = (m: Map<string, number[]>, k: string, i: number): void => {
      const l = m.get(k);
      if (!l) m.set(k, [i]);
      else if (!l.includes(i)) l.push(i);
    };
    const allZh = new Set<string>();
    this.entries.forEach((e, i) => {
      for (const z of e.zh) {
        const c = compact(z);
        allZh.add(c);
        if ([...c].length >= 2) add(this.zhForms, c, i);
        add(this.zhToEntries, c, i);
      }
      for (const x of e.en) {
        const words = enWords(x);
        const first = words[0];
        if (!first) continue;
        for (const word of words) this.enWords.add(word);
        const exact = /^[A-Z]{2,4}$/.test(x) && EN_WORDS.has(x.toLowerCase()) ? x : undefined;
        const list = this.enForms.get(first) ?? [];
        list.push({ words, ...(exact ? { exact } : {}), entry: i });
        this.enForms.set(first, list);
      }
      if (countOf(e.ko, HANGUL_G) >= 2 || /[A-Za-z]{2}/.test(e.ko)) add(this.koForms, compact(e.ko).toLowerCase(), i);
    });
    // Partial Chinese matches (宇树 for 宇树科技): prefixes of extracted names covering ≥ half of
    // the name, not themselves a complete form of any entry (科技, 汽车 are).
    this.extracted.forEach((_, xi) => {
      const i = this.entries.findIndex((e) => compact(e.ko).toLowerCase() === compact(this.extracted[xi]!.ko).toLowerCase());
      if (i < 0) return;
      for (const z of this.extracted[xi]!.zh) {
        const cs = [...compact(z)];
        if (cs.length < 3 || cs.length > 8) continue;
        for (let n = Math.max(2, Math.ceil(cs.length / 2)); n < cs.length; n++) {
          const p = cs.slice(0, n).join('');
          if (allZh.has(p) || !/^[\u3400-\u9FFF]+$/.test(p)) continue;
          let set = this.zhPartial.get(p);
          if (!set) this.zhPartial.set(p, (set = new Set()));
          set.add(i);
        }
      }
    });
  }

  static fromEntries(entries: GlossaryEntry[], opts: { seed?: boolean } = {}): Glossary {
    return new Glossary(entries, opts.seed ?? true);
  }

  static fromTexts(texts: string[], opts: { seed?: boolean } = {}): Glossary {
    return Glossary.fromEntries(extractGlossary(texts), opts);
  }

  static fromJSON(json: GlossaryJSON | GlossaryEntry[], opts: { seed?: boolean } = {}): Glossary {
    if (Array.isArray(json)) return Glossary.fromEntries(json, opts);
    if (json.version !== GLOSSARY_VERSION) {
      throw new Error(`glossary version ${String(json.version)} is not supported (expected ${GLOSSARY_VERSION}); rebuild the index`);
    }
    return Glossary.fromEntries(json.entries, opts);
  }

  /** The extracted entries only: the seed ships with the code and is added again at load. */
  toJSON(): GlossaryJSON {
    return { version: GLOSSARY_VERSION, entries: this.extracted.map((e) => ({ ...e, zh: [...e.zh], en: [...e.en] })) };
  }

  /** Whether `word` is (part of) an English form of some entry ("China", "Unitree"): such words are not pinyin. */
  knowsEnglishWord(word: string): boolean {
    return enWords(word.replace(/['’]s$/, '')).every((w) => this.enWords.has(w));
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Forms in the other languages for the glossary terms found in `query`:
   * - zh/en questions → the Korean forms (what the report prints), longest match first;
   *   Chinese also matches an unambiguous name prefix of ≥ 2 characters (宇树 → 유니트리).
   * - ko questions → the Chinese and English forms, plus other Korean spellings that share a
   *   Chinese form (저공경제 → 저고도 경제).
   */
  expand(query: string, lang: Lang): string[] {
    const q = normalize(query);
    const matched = lang === 'ko' ? this.matchKo(q) : [...this.matchZh(q), ...this.matchEn(q)];
    const out: string[] = [];
    const push = (s: string): void => {
      if (!out.includes(s)) out.push(s);
    };
    for (const i of matched) {
      const e = this.entries[i]!;
      if (lang === 'ko') {
        for (const z of e.zh) push(z);
        for (const x of e.en) push(x);
        // Other Korean spellings of the same Chinese (저공경제 → 저고도 경제), but not longer names
        // that merely contain this one (카눠프 → 청두 카눠프 로보틱스…): those add only noise.
        const own = compact(e.ko);
        for (const z of e.zh) {
          for (const j of this.zhToEntries.get(compact(z)) ?? []) {
            const other = this.entries[j]!.ko;
            if (j !== i && !compact(other).includes(own)) push(other);
          }
        }
      } else {
        push(e.ko);
      }
    }
    return out;
  }

  /**
   * The entries whose form in `lang` occurs in `text` (longest match first, no overlaps): the
   * question frame resolves names with it, and the answer stage glosses the Korean quotes of a
   * Chinese or English answer (유니트리 → 宇树科技 / Unitree).
   */
  entriesIn(text: string, lang: Lang): GlossaryEntry[] {
    const q = normalize(text);
    const idx = lang === 'ko' ? this.matchKo(q) : [...this.matchZh(q), ...this.matchEn(q)];
    return [...new Set(idx)].map((i) => this.entries[i]!);
  }

  /** True for an entry mined from a report (a name), false for the hand-written seed vocabulary. */
  isMined(entry: GlossaryEntry): boolean {
    return this.minedKo.has(compact(entry.ko).toLowerCase());
  }

  private matchZh(q: string): number[] {
    const text = compact(q);
    if (!HAN_RE.test(text)) return [];
    const spans: Span[] = [];
    for (const [form, entries] of this.zhForms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) spans.push({ start: at, end: at + form.length, entries });
    }
    const chosen = pickLongest(spans);
    const covered = (i: number): boolean => chosen.some((s) => i >= s.start && i < s.end);
    // Partial name prefixes in the uncovered Han stretches, longest first.
    const partial: Span[] = [];
    for (let start = 0; start < text.length; start++) {
      for (let end = Math.min(text.length, start + 8); end >= start + 2; end--) {
        let free = true;
        for (let k = start; k < end && free; k++) free = !covered(k) && !partial.some((s) => k >= s.start && k < s.end);
        if (!free) continue;
        const set = this.zhPartial.get(text.slice(start, end));
        if (set && set.size === 1) {
          partial.push({ start, end, entries: [...set] });
          break;
        }
      }
    }
    return [...chosen, ...partial].sort((a, b) => a.start - b.start).flatMap((s) => s.entries);
  }

  private matchEn(q: string): number[] {
    if (!/[A-Za-z]/.test(q)) return [];
    // Word sequences, compared lowercased; the last word may carry a plural ("robots", "ministries").
    const raw = [...q.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
    const words = raw.map((w) => w.toLowerCase());
    const same = (form: string, word: string, last: boolean): boolean =>
      form === word || (last && (word === `${form}s` || word === `${form}es` || (form.endsWith('y') && word === `${form.slice(0, -1)}ies`)));
    const spans: Span[] = [];
    words.forEach((w, at) => {
      // Every singular a plural may have: "drones" is drone (not "dron"), "boxes" box, "cities" city.
      const singulars = new Set([w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y')]);
      singulars.delete(w);
      const candidates = [...(this.enForms.get(w) ?? []), ...[...singulars].flatMap((x) => this.enForms.get(x) ?? [])];
      for (const f of candidates) {
        if (at + f.words.length > words.length) continue;
        if (!f.words.every((fw, k) => same(fw, words[at + k]!, k === f.words.length - 1))) continue;
        if (f.exact && raw[at] !== f.exact) continue;
        const len = f.words.join(' ').length;
        spans.push({ start: at * 1000, end: at * 1000 + len + (f.words.length - 1) * 1000, entries: [f.entry] });
      }
    });
    return pickLongest(mergeSameSpans(spans)).flatMap((s) => s.entries);
  }

  private matchKo(q: string): number[] {
    // Compare without spaces ("구현지능" = "구현 지능") but only from the start of a word.
    let text = '';
    const wordStart = new Set<number>();
    for (const w of q.toLowerCase().split(/[^\p{L}\p{N}&]+/u).filter(Boolean)) {
      wordStart.add(text.length);
      text += w;
    }
    const spans: Span[] = [];
    for (const [form, entries] of this.koForms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        if (wordStart.has(at)) spans.push({ start: at, end: at + form.length, entries });
      }
    }
    return pickLongest(spans).flatMap((s) => s.entries);
  }
}

/** Lowercased alphanumeric words: "e-VTOL" → e, vtol; "Xi'an" → xi, an; "R&D" → r, d. */
function enWords(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function mergeSameSpans(spans: Span[]): Span[] {
  const m = new Map<string, Span>();
  for (const s of spans) {
    const k = `${s.start}:${s.end}`;
    const e = m.get(k);
    if (e) e.entries = [...new Set([...e.entries, ...s.entries])];
    else m.set(k, { ...s, entries: [...s.entries] });
  }
  return [...m.values()];
}

/** Merges entries with the same Korean form (spaces ignored), keeping the first spelling. */
function mergeEntries(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  const byKey = new Map<string, GlossaryEntry>();
  for (const e of entries) {
    const key = compact(e.ko).toLowerCase();
    const cur = byKey.get(key);
    if (!cur) {
      byKey.set(key, { ko: e.ko, zh: [...e.zh], en: [...e.en], count: e.count });
      continue;
    }
    for (const z of e.zh) if (!cur.zh.includes(z)) cur.zh.push(z);
    for (const x of e.en) if (!cur.en.some((y) => y.toLowerCase() === x.toLowerCase())) cur.en.push(x);
    cur.count += e.count;
  }
  return [...byKey.values()];
}
