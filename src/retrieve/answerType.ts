/**
 * Answer-type cues: a question that asks for a count ("몇 곳", "多少家", "how many"), a share or
 * rate ("점유율", "份额", "what percentage") or an amount of money ("규모", "多少亿", "how much
 * revenue") can only be answered by a passage that contains a figure of that kind. Retrieval
 * gives such passages a small bonus (see HybridRetriever), which lifts the sentence with "총
 * 23곳" above passages that merely repeat the question's topic words.
 */
import type { Lang } from '../types.js';

// Korean counters after a number, and the Chinese measure words that correspond to them.
const KO_COUNTERS = '곳|개|명|대|건|배|가지|종|개국|개사|개소|차례|번|회|위|년|개월|일';
const ZH_TO_KO: Record<string, string> = { 个: '개|곳|가지', 家: '곳|개|개사', 座: '곳|개', 名: '명|위', 台: '대', 项: '개|건|가지', 倍: '배', 年: '년', 次: '번|회|차례', 位: '명|위' };

const PERCENT = /\d\s*(?:\.\d+)?\s*(?:%|％|퍼센트|pct|%p)/;
const MONEY = /\d[\d,.]*\s*(?:억|만|조|천억|백만)?\s*(?:위안|달러|원|유로|엔)/;

function counterPattern(units: string): RegExp {
  return new RegExp(`\\d[\\d,.]*\\s*(?:${units})(?![가-힣]{2})`);
}

/** The kind of figure the question asks for, as a pattern a passage must contain; undefined when none. */
export function expectedFigure(question: string, lang: Lang): RegExp | undefined {
  const q = question.normalize('NFKC');
  if (lang === 'ko') {
    const count = /몇\s*(곳|개국|개사|개소|개|명|대|건|배|가지|종|차례|번|회|위|년|개월|일)/.exec(q);
    if (count) return counterPattern(count[1]!);
    if (/점유율|비율|비중|성장률|증가율|이익률|감소율|퍼센트|%|몇\s*프로/.test(q)) return PERCENT;
    if (/얼마|규모|금액|매출|투자액|액수/.test(q)) return MONEY;
    return undefined;
  }
  if (lang === 'zh') {
    const count = /(?:多少|几)\s*([个家座名台项倍年次位])/.exec(q);
    if (count) return counterPattern(ZH_TO_KO[count[1]!] ?? KO_COUNTERS);
    if (/份额|比例|比重|占比|增长率|增速|利润率|百分|%/.test(q)) return PERCENT;
    if (/多少钱|规模|金额|营收|收入|投资额|多少亿|多少万/.test(q)) return MONEY;
    return undefined;
  }
  if (/\bhow many\b/i.test(q)) return counterPattern(KO_COUNTERS);
  if (/\b(share|percent|percentage|rate|ratio|margin|grow|growth|fast)\b/i.test(q)) return PERCENT;
  if (/\bhow much\b|\b(revenue|size|worth|value|investment|funding)\b/i.test(q)) return MONEY;
  return undefined;
}
