/**
 * Text normalization shared by documents and queries: both sides go through `normalize`,
 * so whatever the report's PDF extraction or a reader's keyboard produced, the analyzer
 * sees one spelling.
 *
 * Rules, each answering a quirk (see /work/shared/docs/corpus.md):
 * - NFKC: full-width Latin/digits/punctuation typed on CJK keyboards ("ＵＢＴＥＣＨ", "６９．７５％",
 *   "（", "，") become their ASCII forms; compatibility units ("㎡") are spelled out.
 * - Private-use characters become a space: the PDF's Symbol-font bullet U+F0D7 sits between
 *   the two halves of "유니트리(Unitree\uF0D7宇树科技)" and must separate "Unitree" from "宇树科技".
 * - Zero-width characters and soft hyphens are dropped (invisible, but they split tokens).
 * - Traditional → simplified Chinese (opencc-js, Taiwan and Hong Kong variants, character
 *   level only — no phrase rewriting, so 寬頻 → 宽频, not 宽带): readers in Taiwan/HK type
 *   traditional, the report prints simplified.
 * - White space collapsed to single spaces (line breaks included).
 * - Number–unit spacing unified: the report writes "2027 년", "1.25 억 위안", "69.75 %",
 *   "4.7 亿美元"; readers type "2027년", "4.7亿美元". The space before a unit is removed so that
 *   both read "2027년", "1.25억 위안", "69.75%", "4.7亿美元".
 */
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let twToCn: Convert | undefined;
let hkToCn: Convert | undefined;

/**
 * Builds the converters on first use and keeps them (measured on Node 20, 2 busy cores):
 * building both costs 10–30 ms once per process; converting a short Chinese question ~6–30 µs,
 * the whole 66,000-character report ~20 ms. Text without Han characters skips them (~1 µs).
 */
function converters(): [Convert, Convert] {
  const tw = twToCn ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  const hk = hkToCn ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  twToCn = tw;
  hkToCn = hk;
  return [tw, hk];
}

const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/** Traditional (Taiwan and Hong Kong variants included) → simplified; text without Han is returned as is. */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  const [tw, hk] = converters();
  return hk(tw(text));
}

// U+E000–U+F8FF: private use (PDF symbol-font glyphs such as U+F0D7).
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
// Zero-width space/joiners, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Korean units that may follow a number. "Safe" units are joined whatever follows them
 * ("2027 년까지" → "2027년까지"); "risky" ones are also the first syllable of ordinary words
 * ("2025 세계…", "2 개발…", "1 위해…"), so they are joined only when they stand alone or
 * carry a particle or a second unit ("1 위를" → "1위를", "5 대 핵심" → "5대 핵심", "1 조원" → "1조원").
 */
const KO_UNITS_SAFE = ['개월', '개년', '년', '월', '억', '만', '천', '위안', '달러', '유로', '곳', '시간'];
const KO_UNITS_RISKY = ['일', '개', '위', '대', '점', '차', '세', '분', '초', '종', '축', '호', '층', '주', '편', '권', '톤', '급', '조', '원', '명', '건', '배', '회', '여', '엔', '가지', '군데', '개사', '개국', '위권'];
const KO_PARTICLE_AFTER_UNIT = ['의', '를', '을', '에', '로', '는', '은', '가', '이', '와', '과', '도', '째', '만', '씩', '간', '까지', '부터', '에서', '으로', '이며', '이다', '이상', '미만', '에는'];
/** Latin units written after a number ("7,000 km", "30 %"). Case-sensitive on purpose: "m" alone is not included. */
const LATIN_UNITS = ['%', '‰', 'km/h', 'km', 'kg', 'cm', 'mm', 'nm', 'm²', 'm2', 'GB', 'TB', 'MB', 'GW', 'MW', 'kW', 'kWh', 'GWh', 'mAh', 'pct', '%p', 'bp'];

/** A string as a regular-expression literal (the one escape every module uses). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (xs: string[]): string => [...xs].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

const RE_KO_SAFE = new RegExp(`(\\d) +(?=(?:${alt(KO_UNITS_SAFE)}))`, 'g');
const RE_KO_RISKY = new RegExp(
  `(\\d) +(?=(?:${alt(KO_UNITS_RISKY)})(?:${alt([...KO_UNITS_SAFE, ...KO_UNITS_RISKY])})?(?:${alt(KO_PARTICLE_AFTER_UNIT)})?(?![가-힣]))`,
  'g',
);
// Chinese never spaces a number from what follows it: "2025 年", "4.7 亿美元", "18 个".
const RE_ZH = /(\d) +(?=[\u3400-\u4DBF\u4E00-\u9FFF])/g;
const RE_LATIN = new RegExp(`(\\d) +(?=(?:${alt(LATIN_UNITS)})(?![A-Za-z0-9]))`, 'g');

/** Removes the space between a number and its unit (see the module comment). Expects collapsed spaces. */
export function joinNumberUnits(text: string): string {
  return text.replace(RE_KO_SAFE, '$1').replace(RE_KO_RISKY, '$1').replace(RE_ZH, '$1').replace(RE_LATIN, '$1');
}

/** The one normalization for documents and queries (idempotent: normalize(normalize(x)) === normalize(x)). */
export function normalize(text: string): string {
  let t = text.normalize('NFKC');
  t = t.replace(PRIVATE_USE, ' ').replace(INVISIBLE, '');
  t = toSimplified(t);
  t = t.replace(/\s+/g, ' ').trim();
  return joinNumberUnits(t);
}
