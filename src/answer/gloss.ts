/**
 * Help for readers of Chinese and English beside a Korean quote, built only from what is exact:
 * the report's own bilingual pairs (유니트리(Unitree宇树科技) → 宇树科技 / Unitree, from the index's
 * glossary) and figures with Korean units rewritten in the reader's units (1.25 억 위안 →
 * 1.25亿元 / 125 million yuan). Nothing is translated: no sentence is invented.
 */
import { createRequire } from 'node:module';
import type { Glossary } from '../retrieve/glossary.js';
import { escapeRegExp } from '../text/normalize.js';
import type { Lang } from '../types.js';

/** Korean unit words → Chinese unit, English scale (a multiplier) and English unit. */
const UNITS: Array<{ re: RegExp; zh: string; scale: number; en: string }> = [
  { re: /조\s*위안/u, zh: '万亿元', scale: 1e12, en: 'yuan' },
  { re: /억\s*위안/u, zh: '亿元', scale: 1e8, en: 'yuan' },
  { re: /만\s*위안/u, zh: '万元', scale: 1e4, en: 'yuan' },
  { re: /위안/u, zh: '元', scale: 1, en: 'yuan' },
  { re: /조\s*달러/u, zh: '万亿美元', scale: 1e12, en: 'US dollars' },
  { re: /억\s*달러/u, zh: '亿美元', scale: 1e8, en: 'US dollars' },
  { re: /만\s*달러/u, zh: '万美元', scale: 1e4, en: 'US dollars' },
  { re: /달러/u, zh: '美元', scale: 1, en: 'US dollars' },
  { re: /조\s*원/u, zh: '万亿韩元', scale: 1e12, en: 'won' },
  { re: /억\s*원/u, zh: '亿韩元', scale: 1e8, en: 'won' },
  { re: /만\s*명/u, zh: '万人', scale: 1e4, en: 'people' },
  { re: /만\s*대/u, zh: '万辆', scale: 1e4, en: 'units' },
  { re: /만\s*개/u, zh: '万个', scale: 1e4, en: '' },
  { re: /억\s*명/u, zh: '亿人', scale: 1e8, en: 'people' },
];
/**
 * A figure with a Korean unit, with its sign: a loss of "-0.63 억 위안" must not read "63 million
 * yuan". A minus right after a letter or a digit is a hyphen or a range (2025-2027), not a sign.
 */
const FIGURE_RE = /((?:(?<![\p{L}\p{N}])[-−])?\d[\d,]*(?:\.\d+)?)\s*((?:조|억|만)?\s*(?:위안|달러|원|명|대|개))/gu;

/** "1.25 억 위안" → "125 million yuan"; "4.7 억 달러" → "470 million US dollars". */
export function englishAmount(value: number, unit: string): string {
  const abs = Math.abs(value);
  const fmt = (x: number) => String(Number(x.toPrecision(6)));
  const scaled = abs >= 1e12 ? `${fmt(value / 1e12)} trillion` : abs >= 1e9 ? `${fmt(value / 1e9)} billion` : abs >= 1e6 ? `${fmt(value / 1e6)} million` : fmt(value);
  return unit ? `${scaled} ${unit}` : scaled;
}

/** Figures with Korean units in `text`, each as [as printed, in the reader's form]. */
export function convertFigures(text: string, lang: Exclude<Lang, 'ko'>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of text.matchAll(FIGURE_RE)) {
    const u = UNITS.find((x) => new RegExp(`^(?:${x.re.source})$`, 'u').test(m[2]!.trim()));
    if (!u) continue;
    const num = Number(m[1]!.replace(/,/g, '').replace('−', '-'));
    if (!Number.isFinite(num)) continue;
    const printed = `${m[1]} ${m[2]!.replace(/\s+/g, ' ')}`.trim();
    const reader = lang === 'zh' ? `${m[1]}${u.zh}` : englishAmount(num * u.scale, u.en);
    if (!out.some(([p]) => p === printed)) out.push([printed, reader]);
  }
  return out;
}

/**
 * The text pairs the Korean name with a parenthesis of its own that holds another name, none of
 * the entry's forms ("청위(成宇)" for the entry 청위 = 成渝): the quote's name is another one.
 */
function pairedOtherwise(text: string, entry: { ko: string; zh: readonly string[]; en: readonly string[] }): boolean {
  const squash = (x: string) => x.replace(/\s+/g, '').toLowerCase();
  const forms = [...entry.zh, ...entry.en].map(squash).filter(Boolean);
  for (const m of text.matchAll(new RegExp(`${escapeRegExp(entry.ko)}\\s*[(（]([^)）]{1,60})[)）]`, 'gu'))) {
    const inside = squash(m[1]!);
    // A name, not a figure: "청두(41.17)" and "선전(325 개)" print scores and counts beside a city.
    if (!/[\p{Script=Han}a-z]/u.test(inside)) continue;
    if (!forms.some((f) => inside.includes(f))) return true;
  }
  return false;
}

/** The report's own pairs for the Korean names in `text`, in the reader's script (`common`: words to leave out). */
export function nameForms(text: string, lang: Exclude<Lang, 'ko'>, glossary: Glossary, common?: (ko: string) => boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const e of glossary.entriesIn(text, 'ko')) {
    if (!glossary.isMined(e) || common?.(e.ko)) continue;
    // A name the report already writes in Latin letters (BYD, GSAT) is read as it is by an English
    // reader: "BYD = Biyadi" only added the pinyin of its Chinese name.
    if (lang === 'en' && !/\p{Script=Hangul}/u.test(e.ko)) continue;
    const form = lang === 'zh' ? (e.zh[0] ?? e.en[0]) : (e.en[0] ?? e.zh[0]);
    // A quote that already prints the form (유니트리(Unitree 宇树科技)) needs no note for it: the
    // report's parentheses are where most pairs come from, so most notes repeated the quote.
    if (!form || form === e.ko || text.includes(form)) continue;
    // A name the report pairs only with Chinese is given to an English reader in pinyin
    // (이좡 = Yizhuang, not 亦庄): Han characters say nothing to most of them.
    const reader = lang === 'en' && !e.en[0] ? withPinyin(form) : form;
    // Nor a name the quote pairs with another: its own parentheses say which name it is, where
    // the glossary may hold another with the same Korean reading (청위(成宇), a professor, against
    // 청위 = 成渝, the Chengdu–Chongqing region).
    if (pairedOtherwise(text, e)) continue;
    if (!out.some(([k]) => k === e.ko)) out.push([e.ko, reader]);
  }
  return out;
}

/**
 * pinyin-pro, loaded on the first English note that needs it: its dictionary costs ~27 MB of RSS
 * and ~150 ms per worker, which an import at start would spend before any English question
 * (measured: start-to-ready with 2 workers 1.5 → 1.6 s, RSS per worker +27 MB). `require` keeps
 * the answer path synchronous; the package ships a CommonJS build.
 */
let loaded: typeof import('pinyin-pro') | undefined;
function pinyinPro(): typeof import('pinyin-pro') {
  loaded ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return loaded;
}

/** Longest name romanized: a longer one (a zone's full title) is words, not a name, and pinyin has no spaces to give. */
const PINYIN_MAX_CHARS = 4;

/**
 * "亦庄" → "Yizhuang", "西安" → "Xi'an": toneless pinyin, a name's syllables written as one word
 * (the apostrophe where a syllable starts with a vowel), by pinyin-pro, whose dictionary of
 * words reads polyphones in context (重庆 Chongqing, 银行 yinhang). Longer or mixed text as it is.
 */
export function withPinyin(zh: string): string {
  // An administrative unit's suffix is a word in English, not a syllable of the name: 四川省 is
  // "Sichuan Province", not "Sichuansheng" (the report's 쓰촨성, 청두시, 톈푸신구 pair so).
  const unit = ADMIN_SUFFIXES.find(([suffix]) => zh.endsWith(suffix) && [...zh].length - [...suffix].length >= 2);
  const stem = unit ? zh.slice(0, zh.length - unit[0].length) : zh;
  const han = [...stem];
  if (han.length > PINYIN_MAX_CHARS || !han.every((c) => /\p{Script=Han}/u.test(c))) return zh;
  const syllables = pinyinPro().pinyin(stem, { toneType: 'none', type: 'array' });
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  const name = `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
  return unit ? `${name} ${unit[1]}` : name;
}

/** Administrative suffixes and their English words, longest first (新区 before 区). */
const ADMIN_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['自治区', 'Autonomous Region'],
  ['新区', 'New Area'],
  ['省', 'Province'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
];

const LABEL: Record<Exclude<Lang, 'ko'>, { names: string; figures: string; open: string; close: string; sep: string }> = {
  zh: { names: '名称', figures: '数字', open: '（注：', close: '）', sep: '；' },
  en: { names: 'Names', figures: 'Figures', open: '(Note: ', close: ')', sep: '; ' },
};

/** One note line for a Chinese or English reader, or '' (Korean readers, nothing to add). */
export function glossLine(lang: Lang, text: string, glossary?: Glossary, common?: (ko: string) => boolean, max = 6): string {
  if (lang === 'ko') return '';
  const names = glossary ? nameForms(text, lang, glossary, common).slice(0, max) : [];
  const figures = convertFigures(text, lang).slice(0, max);
  if (!names.length && !figures.length) return '';
  const L = LABEL[lang];
  const parts: string[] = [];
  if (names.length) parts.push(`${L.names}: ${names.map(([ko, f]) => `${ko} = ${f}`).join(', ')}`);
  if (figures.length) parts.push(`${L.figures}: ${figures.map(([k, r]) => `${k} = ${r}`).join(', ')}`);
  return `${L.open}${parts.join(L.sep)}${L.close}`;
}
