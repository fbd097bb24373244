/**
 * What kind of answer a question wants, read from its wording alone (pure, no model): a summary,
 * a quantity, and which of its words are names. Patterns cover the three languages readers use.
 */

/**
 * Summary requests: "요약해줘", "정리해줘", "总结一下", "概括", "summarize", "overview"…
 * Matched on the question's wording, so "요약" inside a longer question still counts.
 */
const SUMMARY_RE =
  /요약|정리해|정리 해|간추려|개요|핵심만|總結|总结|概括|概述|归纳|歸納|摘要|梳理|要点|summar|overview|\btl;?dr\b|key points|main points|in brief|recap/iu;

export function isSummaryRequest(question: string): boolean {
  return SUMMARY_RE.test(question.normalize('NFKC'));
}

/**
 * Questions asking for an amount, share, count or rate. 'strong': the question cannot be answered
 * without a figure (얼마, 몇 개, 多少, how many) – evidence must contain one; 'weak': a figure is
 * likely what is wanted (규모, 매출, growth) – figures only get a bonus.
 */
const STRONG_QUANTITY_RE =
  /얼마|몇|어느\s*정도|비율|비중|점유율|퍼센트|%|多少|几|份额|份額|比例|比重|占比|百分|\bhow (?:much|many|fast|large|big|high|low)\b|\bpercent(?:age)?\b|\bshare\b/iu;
const WEAK_QUANTITY_RE =
  /규모|수치|금액|매출|이익|성장률|증가율|감소|하락|증가|떨어|줄었|늘었|올랐|規模|规模|增长|增速|下降|下滑|金额|营收|利润|收入|倍|\b(?:rate|growth|grow|grew|drop(?:ped)?|fell|fall|decline[ds]?|increase[ds]?|number of|size|revenue|profit|margin|times)\b/iu;

export type QuantityKind = 'strong' | 'weak' | null;

export function quantityKind(question: string): QuantityKind {
  const q = question.normalize('NFKC');
  if (isLocationQuestion(q)) return null;
  if (STRONG_QUANTITY_RE.test(q)) return 'strong';
  return WEAK_QUANTITY_RE.test(q) ? 'weak' : null;
}

export function isQuantityQuestion(question: string): boolean {
  return quantityKind(question) !== null;
}

/** Evidence for a 'strong' quantity question states some amount: a digit, or 절반/두 배/half. */
export function hasAmount(sentence: string): boolean {
  return /\d|절반|[두세네]\s*배|半|倍|\bhalf\b|\btwice\b|\bdouble\b/iu.test(sentence.normalize('NFKC'));
}

/**
 * "Where in the report" questions (몇 페이지, 어느 기사, 哪一页, which page): answered with the
 * article and page of the best passage rather than with a quote.
 */
const LOCATION_RE =
  /몇\s*(?:페이지|쪽)|페이지|목차|어느\s*(?:기사|섹션|꼭지|코너)|哪一?页|第几页|页码|目录|哪篇|哪个栏目|\b(?:which|what) page\b|\bpage number\b|\btable of contents\b|\bwhere in the report\b|\bwhich (?:article|section)\b/iu;

export function isLocationQuestion(question: string): boolean {
  return LOCATION_RE.test(question.normalize('NFKC'));
}

/**
 * The counter a quantity question names ("몇 곳" → 곳, "几倍" → 배), as the Korean counter the report
 * writes after its figures: a sentence with "23곳" answers "몇 곳이나", one with "28 곳" of
 * something else less so, and a sentence with "40%" hardly.
 */
const COUNTER_ZH: Record<string, string[]> = {
  家: ['곳', '개'], 个: ['개', '곳', '가지'], 倍: ['배'], 名: ['명', '위'], 位: ['명', '위'], 人: ['명'], 项: ['개', '가지'],
  种: ['가지', '종'], 次: ['차례', '번'], 年: ['년'], 亿: ['억'], 万: ['만'],
};
const COUNTER_EN: Record<string, string[]> = {
  times: ['배'], companies: ['개', '곳'], firms: ['개', '곳'], cities: ['개', '곳'], zones: ['곳', '개'], people: ['명'],
  years: ['년'], items: ['개', '가지'], tasks: ['개', '가지'], ministries: ['개'], departments: ['개'],
};

export function askedCounters(question: string): string[] {
  const q = question.normalize('NFKC');
  const ko = /몇\s*(가지|차례|곳|개|명|배|년|월|일|위|대|번|층|종|건)/u.exec(q);
  if (ko) return [ko[1]!];
  const zh = /(?:几|多少)\s*([家个倍名位人项种次年亿万])/u.exec(q);
  if (zh) return COUNTER_ZH[zh[1]!] ?? [];
  const en = /\bhow many (?:\w+ )?(times|companies|firms|cities|zones|people|years|items|tasks|ministries|departments)\b/i.exec(q);
  if (en) return COUNTER_EN[en[1]!.toLowerCase()] ?? [];
  if (/\bhow many times\b|\b(?:times|fold)\b/i.test(q)) return ['배'];
  return [];
}

/** The sentence states a figure with one of the counters ("23곳", "5 배"). */
export function hasCountedFigure(sentence: string, counters: string[]): boolean {
  if (counters.length === 0) return false;
  const t = sentence.normalize('NFKC');
  return counters.some((c) => new RegExp(`\\d[\\d,.]*\\s*${c}`, 'u').test(t));
}

/**
 * List questions ("네 가지 분야는", "어디 어디야", "哪几个城市", "which cities"): the answer is an
 * enumeration, so sentences with several comma-separated items are preferred.
 */
const LIST_RE = /가지|어디\s*어디|무엇무엇|누구누구|목록|종류|哪些|哪几|几个|几家|分别|列举|\bwhich (?:\w+ )?(?:cities|companies|firms|areas|fields|sectors|countries)\b|\blist\b|\bwhat are\b/iu;

export function isListQuestion(question: string): boolean {
  return LIST_RE.test(question.normalize('NFKC'));
}

/** An enumeration: three or more items separated by , 、 or ·. */
export function isEnumeration(sentence: string): boolean {
  return (sentence.match(/[,，、·]/g) ?? []).length >= 2;
}

/** "When" questions (언제, 何时, when): a date is what is wanted. */
const WHEN_RE = /언제|몇\s*년|몇\s*월|何时|什么时候|哪一?年|几月|几号|哪天|\bwhen\b|\bwhat (?:year|date|month)\b/iu;

export function isWhenQuestion(question: string): boolean {
  return WHEN_RE.test(question.normalize('NFKC'));
}

/** A date: "2012 년", "6 월 12 일", "25.06.01", "2025.07.26". */
export function hasDate(sentence: string): boolean {
  return /\d{4}\s*년|\d{1,2}\s*월|\d{1,2}\s*일|\d{2,4}[./]\d{1,2}[./]\d{1,2}|\d{4}年|\d{1,2}月/u.test(sentence.normalize('NFKC'));
}

/**
 * A sentence states a quantity: a number with a unit or percent sign ("69.75%", "4.7 억 달러",
 * "130 개", "5 배"), not just a year ("2023 년") which nearly every sentence has.
 */
const FIGURE_RE =
  /\d[\d,.]*\s*(?:%|퍼센트|배|억|만|천|조|위안|달러|원|개|곳|명|대|가지|위|건|종|km|kg|㎡|㎢|gw|mw|gwh|tb|톤|亿|万|元|美元|个|家|倍)|\d+:\d+/iu;

export function hasFigure(sentence: string): boolean {
  return FIGURE_RE.test(sentence.normalize('NFKC'));
}

/**
 * Names in the question, the strongest evidence a sentence is about the same thing: Latin words
 * written with a capital or in capitals (UBTECH, Nvidia, WAIC, GB200), numbers, quoted phrases,
 * and Han terms inside a Korean question (the report glosses names as 한국어(中文)).
 */
export function questionEntities(question: string): string[] {
  const q = question.normalize('NFKC');
  const out = new Set<string>();
  const words = [...q.matchAll(/[A-Za-z][A-Za-z0-9\-.]*[A-Za-z0-9]|[A-Za-z]/g)];
  for (const m of words) {
    const w = m[0];
    const sentenceStart = m.index === 0 || /[.?!]\s*$/.test(q.slice(0, m.index));
    if (/[A-Z].*[A-Z0-9]|[0-9]/.test(w) || (/^[A-Z]/.test(w) && !sentenceStart)) out.add(w);
  }
  for (const m of q.matchAll(/(?<![A-Za-z0-9.,:])\d[\d,.:]*/g)) if (m[0].replace(/[,.:]/g, '').length >= 2) out.add(m[0].replace(/[.,:]$/, ''));
  for (const m of q.matchAll(/['"‘“「『<《]([^'"’”」』>》]{2,30})['"’”」』>》]/g)) out.add(m[1]!);
  // Chinese written inside a Korean or English question is a name (宇树科技, 政府工作报告); in a
  // Chinese question it is just the question.
  const han = (q.match(/\p{Script=Han}/gu) ?? []).length;
  const other = (q.match(/\p{Script=Hangul}|[A-Za-z]/gu) ?? []).length;
  if (han > 0 && other > han) for (const m of q.matchAll(/\p{Script=Han}{2,}/gu)) out.add(m[0]);
  return [...out];
}
