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
 * Questions asking for an amount, share, count or rate: sentences with figures then get a bonus.
 */
const QUANTITY_CJK_RE =
  /얼마|몇|규모|비율|비중|점유율|퍼센트|%|수치|금액|매출|이익|성장률|증가율|감소|하락|증가|多少|几|規模|规模|份额|份額|比例|比重|占比|增长|增速|下降|下滑|金额|营收|利润|倍/u;
const QUANTITY_EN_RE =
  /\b(?:how (?:much|many|fast|large|big|high|low)|percent(?:age)?|share|rate|growth|grow|grew|drop(?:ped)?|fell|fall|decline[ds]?|increase[ds]?|number of|size|revenue|profit|margin|times)\b/i;

export function isQuantityQuestion(question: string): boolean {
  const q = question.normalize('NFKC');
  return QUANTITY_CJK_RE.test(q) || QUANTITY_EN_RE.test(q);
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
  for (const m of q.matchAll(/\d[\d,.:]*/g)) if (m[0].replace(/[,.:]/g, '').length >= 2) out.add(m[0].replace(/[.,:]$/, ''));
  for (const m of q.matchAll(/['"‘“「『<《]([^'"’”」』>》]{2,30})['"’”」』>》]/g)) out.add(m[1]!);
  return [...out];
}
