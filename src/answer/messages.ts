/**
 * The fixed wording of extractive answers, per language. The quoted sentences stay Korean (the
 * report is Korean and numbers/names must stay verbatim); only the framing is translated.
 */
import type { Lang } from '../types.js';
import type { AskedKind } from './intent.js';

export interface Messages {
  /** Answer opening; the first quoted sentence follows on the same line (ko) or the next (zh/en). */
  opening: string;
  /** Joins the opening and the quotes. */
  afterOpening: string;
  notFound: string;
  /** Opening of a "not found" answer that quotes the closest passage (which may not answer). */
  hedge: string;
  /** Opening of a "not found" answer to a question about names the report never mentions (then the closest passage). */
  absent: (names: string[]) => string;
  /** Opening of a "not found" answer to a figure asked for a year the report gives it for only others (then the closest passage). */
  otherYears: (asked: string[], stated: string[]) => string;
  /** Opening of a "not found" answer to an edition of an event the report does not cover, beside the one it does (then the closest passage). */
  otherEdition: (asked: number[], stated: number[]) => string;
  /** Opening of a "not found" answer to a kind of answer the report never states about the subject (then the closest passage). */
  unstated: (names: string[], kind: AskedKind) => string;
  /** Opening of a "not found" answer to a count the report gives for other subjects, not this one (then the closest passage). */
  countedElsewhere: (names: string[], attribute: string) => string;
  /** Opening of a "not found" answer to a figure of a name the report lists without one, beside others it gives one (then that list). */
  listedOnly: (names: string[]) => string;
  /** Opening of a "not found" answer whose closest passage is not about the names asked (then that passage). */
  notAbout: (names: string[]) => string;
  /** Opening of a "not found" answer to a day the report does not give (then the closest passage). */
  noDay: string;
  /** Opening of a "not found" answer to a figure per unit the report does not give (then the closest passage). */
  noPerUnit: string;
  /** Opening of a "not found" answer to the other members of a set the report counts but names in part ("X 등 3 개 부처"; then that passage). */
  othersUnnamed: (names: string[]) => string;
  /** Opening of a "not found" answer about an item the report prints only as a title (then the closest passage). */
  titleOnly: (title: string) => string;
  /** Hint after notFound, naming the closest articles (no citations: nothing is claimed). */
  closestTopics: (titles: string[]) => string;
  summaryOpening: (title: string, where: string) => string;
  location: (title: string, where: string, page: number) => string;
  /** The article's original source (its 참고자료 block), with its date ("25.05.30") when printed. */
  source: (title: string, date?: string) => string;
  /** "section 01, p. 9": where an article is. */
  where: (section: string, number: string, page: number) => string;
}

/** What a kind of answer is called in each language ("amount" for money). */
const KIND_NAMES: Record<Lang, Record<AskedKind, string>> = {
  ko: { money: '금액 수치', figure: '수치', count: '수량 수치', percent: '비율 수치', area: '면적 수치', when: '날짜', who: '인물 정보', hq: '본사 위치' },
  zh: { money: '金额数字', figure: '数字', count: '数量数字', percent: '比例数字', area: '面积数字', when: '日期', who: '人物信息', hq: '总部所在地' },
  en: { money: 'amount', figure: 'figure', count: 'number', percent: 'percentage', area: 'area', when: 'date', who: 'person in that role', hq: 'headquarters location' },
};

/** 1 → 1st, 2 → 2nd, 12 → 12th, 23 → 23rd. */
const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

export const MESSAGES: Record<Lang, Messages> = {
  ko: {
    opening: '보고서에 따르면,',
    afterOpening: ' ',
    notFound: '보고서에서 해당 내용을 찾을 수 없습니다.',
    hedge: '보고서에서 이 질문에 대한 답을 확인하지 못했습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):',
    absent: (n) => `보고서에는 ${n.join(', ')}에 관한 내용이 없습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):`,
    otherYears: (a, s) => `보고서에는 ${a.map((y) => `${y}년`).join(', ')} 수치가 없고 ${s.map((y) => `${y}년`).join(', ')} 수치만 있습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):`,
    otherEdition: (a, s) => `보고서에는 ${a.map((n) => `제${n}회`).join(', ')} 내용이 없고 ${s.map((n) => `제${n}회`).join(', ')} 내용만 있습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):`,
    unstated: (n, k) => `보고서에는 ${n.join(', ')}에 관한 ${KIND_NAMES.ko[k]}가 없습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):`,
    countedElsewhere: (n, a) => `보고서는 ${a}의 수를 다른 곳에 대해서만 밝히고 ${n.join(', ')}에 대해서는 밝히지 않습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):`,
    listedOnly: (n) => `보고서는 ${n.join(', ')}을(를) 다른 곳들과 함께 나열할 뿐 그 수치는 밝히지 않습니다. 해당 대목은 다음과 같습니다:`,
    noPerUnit: '보고서에는 단위당(한 대·한 곳 등) 수치가 나와 있지 않습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):',
    titleOnly: (t) => `보고서에는 「${t}」의 제목만 있고 본문이 없습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):`,
    othersUnnamed: (n) => `보고서는 ${n.join(', ')} 외의 나머지를 밝히지 않고 수만 적습니다. 해당 대목은 다음과 같습니다:`,
    noDay: '보고서에는 정확한 날짜가 나와 있지 않습니다. 가장 가까운 대목은 다음과 같습니다(답이 아닐 수 있습니다):',
    notAbout: (n) => `보고서에서 ${n.join(', ')}에 관한 답을 찾지 못했습니다. 가장 가까운 대목은 ${n.join(', ')}에 관한 것이 아닙니다(답이 아닐 수 있습니다):`,
    closestTopics: (t) => ` 가장 가까운 주제는 ${t.map((x) => `「${x}」`).join(', ')}입니다.`,
    summaryOpening: (title, where) => `보고서의 「${title}」(${where}) 내용을 요약하면 다음과 같습니다.`,
    location: (title, where, page) => `「${title}」은(는) 보고서 ${page}페이지(${where})에 실려 있습니다.`,
    source: (t, d) => `원문 출처는 ${t}${d ? ` (${d} 게재)` : ''}입니다.`,
    where: (section, number, page) => `${section} ${number}, ${page}페이지`,
  },
  zh: {
    opening: '根据报告（以下引自韩文原文）：',
    afterOpening: '\n',
    notFound: '报告中没有找到相关内容。',
    hedge: '报告中没有找到这个问题的确切答案。最接近的段落如下（引自韩文原文，未必是答案）：',
    absent: (n) => `报告中没有提到${n.join('、')}。最接近的段落如下（引自韩文原文，未必是答案）：`,
    otherYears: (a, s) => `报告中没有${a.map((y) => `${y}年`).join('、')}的数字，只有${s.map((y) => `${y}年`).join('、')}的。最接近的段落如下（引自韩文原文，未必是答案）：`,
    otherEdition: (a, s) => `报告中没有${a.map((n) => `第${n}届`).join('、')}的内容，只有${s.map((n) => `第${n}届`).join('、')}的。最接近的段落如下（引自韩文原文，未必是答案）：`,
    unstated: (n, k) => `报告中没有关于${n.join('、')}的${KIND_NAMES.zh[k]}。最接近的段落如下（引自韩文原文，未必是答案）：`,
    countedElsewhere: (n, a) => `报告只给出了其他对象的${a}数量，没有给出${n.join('、')}的。最接近的段落如下（引自韩文原文，未必是答案）：`,
    listedOnly: (n) => `报告只是把${n.join('、')}与其他对象一并列出，没有给出其数字。相关段落如下（引自韩文原文）：`,
    noPerUnit: '报告中没有给出按单位（每台、每家等）计算的数字。最接近的段落如下（引自韩文原文，未必是答案）：',
    titleOnly: (t) => `报告中只有「${t}」的标题，没有正文。最接近的段落如下（引自韩文原文，未必是答案）：`,
    othersUnnamed: (n) => `报告只提到${n.join('、')}，其余的只给出数目，没有列出名称。相关段落如下（引自韩文原文）：`,
    noDay: '报告中没有给出具体日期。最接近的段落如下（引自韩文原文，未必是答案）：',
    notAbout: (n) => `报告中没有找到关于${n.join('、')}的答案。最接近的段落并非关于${n.join('、')}（引自韩文原文，未必是答案）：`,
    closestTopics: (t) => `最接近的主题是：${t.map((x) => `「${x}」`).join('、')}。`,
    summaryOpening: (title, where) => `报告「${title}」（${where}）的要点如下（引自韩文原文）：`,
    location: (title, where, page) => `「${title}」刊登在报告第 ${page} 页（${where}）。`,
    source: (t, d) => `原文来源：${t}${d ? `（${d}发布）` : ''}。`,
    where: (section, number, page) => `${section} ${number}，第 ${page} 页`,
  },
  en: {
    opening: 'From the report (original Korean):',
    afterOpening: '\n',
    notFound: 'The report does not cover this.',
    hedge: 'The report does not clearly answer this. The closest passage (original Korean; it may not be the answer):',
    absent: (n) => `The report does not mention ${n.join(', ')}. The closest passage (original Korean; it may not be the answer):`,
    otherYears: (a, s) => `The report gives no figure for ${a.join(', ')}, only for ${s.join(', ')}. The closest passage (original Korean; it may not be the answer):`,
    otherEdition: (a, s) => `The report covers the ${s.map(ordinal).join(', ')} edition, not the ${a.map(ordinal).join(', ')}. The closest passage (original Korean; it may not be the answer):`,
    unstated: (n, k) => `The report states no ${KIND_NAMES.en[k]} for ${n.join(', ')}. The closest passage (original Korean; it may not be the answer):`,
    countedElsewhere: (n, a) => `The report counts ${a} only for others, not for ${n.join(', ')}. The closest passage (original Korean; it may not be the answer):`,
    listedOnly: (n) => `The report lists ${n.join(', ')} among others but gives no figure for ${n.length > 1 ? 'them' : 'it'}. The passage (original Korean):`,
    noPerUnit: 'The report gives no per-unit figure (per company, per robot). The closest passage (original Korean; it may not be the answer):',
    titleOnly: (t) => `The report prints only the title of “${t}”, not its text. The closest passage (original Korean; it may not be the answer):`,
    othersUnnamed: (n) => `The report names only ${n.join(', ')} and gives the others as a number, not by name. The passage (original Korean):`,
    noDay: 'The report gives no exact date. The closest passage (original Korean; it may not be the answer):',
    notAbout: (n) => `The report does not answer this for ${n.join(', ')}. The closest passage is not about ${n.length > 1 ? 'them' : 'it'} (original Korean; it may not be the answer):`,
    closestTopics: (t) => ` The closest topics are ${t.map((x) => `“${x}”`).join(', ')}.`,
    summaryOpening: (title, where) => `Key points of “${title}” (${where}), original Korean:`,
    location: (title, where, page) => `“${title}” is on page ${page} of the report (${where}).`,
    source: (t, d) => `Original source: ${t}${d ? ` (published ${d})` : ''}.`,
    where: (section, number, page) => `${section} ${number}, p. ${page}`,
  },
};
