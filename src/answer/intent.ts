/**
 * What kind of answer a question wants, read from its wording alone (pure, no model): a summary,
 * a quantity, and which of its words are names. Patterns cover the three languages readers use.
 */
import { RELATIVE_YEAR_RE } from '../frame/time.js';
import { englishMonth } from '../text/rules.js';

/**
 * Summary requests: "요약해줘", "정리해줘", "정리 좀" (at the end: a request), "总结一下", "概括", "summarize", "overview",
 * "rundown", "gist", "brief me"…
 * Matched on the question's wording, so "요약" inside a longer question still counts.
 */
const SUMMARY_RE =
  /요약|정리\s*(?:좀\s*)?(?:해|하|$|[?？.!~])|간추려|개요|핵심만|總結|总结|概括|概述|概要|归纳|歸納|摘要|梳理|要点|summar|overview|\btl;?dr\b|key points|main points|in brief|recap|rundown|\bgist\b|brief me/iu;

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
  guests: ['명'], participants: ['명'], visitors: ['명'], employees: ['명'], countries: ['개국', '개'],
  years: ['년'], items: ['개', '가지'], tasks: ['개', '가지'], ministries: ['개'], departments: ['개'],
};
/**
 * Sales and shipment volumes are counted in units (대): "427 만 대", "3,143 만 6 천 대". In English,
 * sales of vehicles or units are a volume; bare "sales" is revenue as often.
 */
const VOLUME_RE = /판매량|출하량|생산량|销量|销售量|出货量|\bsales volume\b|\bunits sold\b|\b(?:vehicle|car|unit|robot)s? sales\b/iu;

/** Native numerals that count with a counter ("네 가지 분야", "두 곳"). */
const KO_NUMERAL = '(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)';
const KO_COUNTERS = ['가지', '차례', '곳', '개', '명', '배', '년', '월', '일', '위', '대', '번', '층', '종', '건', '점'];
const KO_COUNTER = `(?:${KO_COUNTERS.join('|')})`;
/**
 * Counters only after 몇, where nothing else can follow: after a numeral they begin nouns too
 * ("세 회사", "한 장관": 회사 and 장관 are no counters).
 */
const KO_COUNTER_ASKED = `(?:${[...KO_COUNTERS, '팀', '회', '편', '척', '호', '채', '장'].join('|')})`;
/** A counter word after 몇, and after a native numeral (built once: they run on every question). */
const ASKED_COUNTER_WORD_RE = new RegExp(`(?<!\\p{Script=Hangul})몇\\s*(${KO_COUNTER_ASKED}\\p{Script=Hangul}*)`, 'gu');
const NUMERAL_COUNTER_WORD_RE = new RegExp(`(?<!\\p{Script=Hangul})${KO_NUMERAL}\\s*(${KO_COUNTER}\\p{Script=Hangul}*)`, 'gu');
const ASKED_COUNTER_RE = new RegExp(`몇\\s*(${KO_COUNTER_ASKED})`, 'gu');

/**
 * The words of a question that only carry its counter: "곳이나" in "몇 곳이나", "가지" in "네 가지",
 * "多少家". They say what KIND of figure is wanted (askedCounters) and are never in the answer
 * ("23곳"), so they must not count as missing evidence.
 */
export function counterWords(question: string): string[] {
  const q = question.normalize('NFKC');
  const ko = [
    ...q.matchAll(ASKED_COUNTER_WORD_RE),
    ...q.matchAll(NUMERAL_COUNTER_WORD_RE),
  ]
    .sort((a, b) => a.index! - b.index!)
    .map((m) => m[1]!);
  const zh = [...q.matchAll(/(?:多少|几)\s*[家个倍名位人项种次年亿万]/gu)].map((m) => m[0]);
  return [...ko, ...zh];
}

/**
 * Counters of things and places: the report may count any of them with the generic 개 ("계약 16 개"
 * for 몇 건). Not 대: vehicles and machines are counted in 대 only.
 */
const THING_COUNTERS = new Set(['곳', '건', '종', '가지']);

/** Every counter the question asks for: "몇 년에 설립됐고 … 몇 곳" → 년, 곳 (and 개 for the 곳). */
export function askedCounters(question: string): string[] {
  const q = question.normalize('NFKC');
  const out = new Set<string>();
  for (const m of q.matchAll(ASKED_COUNTER_RE)) out.add(m[1]!);
  for (const m of q.matchAll(/(?:几|多少)\s*([家个倍名位人项种次年亿万])/gu)) for (const c of COUNTER_ZH[m[1]!] ?? []) out.add(c);
  const en = /\bhow many (?:[\w-]+ ){0,2}?(times|companies|firms|cities|zones|people|guests|participants|visitors|employees|countries|years|items|tasks|ministries|departments)\b/i.exec(q);
  if (en) for (const c of COUNTER_EN[en[1]!.toLowerCase()] ?? []) out.add(c);
  if (/\bhow many times\b|\b(?:times|fold)\b/i.test(q)) out.add('배');
  if (VOLUME_RE.test(q)) out.add('대');
  if ([...out].some((c) => THING_COUNTERS.has(c))) out.add('개');
  return [...out];
}

/**
 * A counted figure as the report prints it: the number, an optional magnitude and "about"
 * ("4 만 명", "30 여 개국", "500 여 곳", "3,143 만 6 천 대"), then the counter.
 */
function countedFigureRe(counter: string): RegExp {
  return new RegExp(`\\d[\\d,.]*\\s*(?:[십백천만억조]\\s*)?(?:여\\s*)?${counter}${COUNTER_NOT_BEFORE[counter] ?? ''}`, 'u');
}

/** Words a counter begins: "1.5 억 위안" is money, not a rank (위). */
const COUNTER_NOT_BEFORE: Record<string, string> = { 위: '(?!안)' };

/** The sentence states a figure with one of the counters ("23곳", "5 배", "4 만 명"). */
export function hasCountedFigure(sentence: string, counters: string[]): boolean {
  if (counters.length === 0) return false;
  const t = sentence.normalize('NFKC');
  return counters.some((c) => countedFigureRe(c).test(t));
}

/**
 * The kind of figure a question asks for, from the noun it asks about: a count (its counter),
 * an area, a share or rate (%), or an amount of money. Checked in this order: "영업이익률" is a
 * rate, not a profit; "몇 제곱미터 규모" an area, not a size in money.
 */
export type FigureKind = 'count' | 'area' | 'percent' | 'money';

const KIND_WORDS: Array<[Exclude<FigureKind, 'count'>, RegExp]> = [
  // "New Area" names a zone (Tianfu New Area, 新区), not a size.
  ['area', /면적|제곱미터|평방|㎡|㎢|面积|(?<!\bnew )\barea\b|\bsquare (?:meters|metres|kilometers|kilometres)\b/iu],
  [
    'percent',
    // 률/율 ends a rate word (성장률, 이익률) but also a few words that are no rate: 법률 (law),
    // 자율 (autonomy: "자율 주행"), 규율, 선율, 운율, 계율. "Grow or shrink" asks a direction,
    // answered by the two years' figures, not a rate.
    /점유율|비중|비율|(?<![법자규선운계])[률율](?!\p{Script=Hangul}{2})|퍼센트|份额|份額|比例|比重|占比|百分|率|增速|增幅|涨幅|\bshare\b|\bpercent(?:age)?\b|\brate\b|\bmargin\b|\bgrow(?:th)?\b(?!\s+or\b)|\bhow fast\b/iu,
  ],
  [
    'money',
    // "규모/规模/size" of a market or an industry is an amount of money in this report (억 위안, 억 달러).
    /가격|매출|이익|수익|금액|요금|구독료|수수료|비용|투자액|생산액|총생산|규모|价格|售价|价钱|多少钱|营收|收入|利润|产值|金额|费用|投资|规模|\b(?:price|cost|revenue|sales|profit|income|invest(?:ed|ment)?|worth|fee|size)\b/iu,
  ],
];

/** Nouns that name a count: "직원 수", "개수", "数量", "number of". */
const COUNT_NOUN_RE = /^수$|^수[는가를의]$|개수|숫자|数量|人数|^number$|^count$/iu;

/** The kind of figure a word names: 점유율 a share, 가격 an amount of money, 판매량 or 직원 수 a count. */
export function figureKindOf(word: string): FigureKind | null {
  if (COUNT_NOUN_RE.test(word) || VOLUME_RE.test(word)) return 'count';
  return KIND_WORDS.find(([, re]) => re.test(word))?.[0] ?? null;
}


export interface AskedFigure {
  kind: FigureKind;
  /** For counts: the Korean counters that may follow the figure. */
  counters: string[];
  /** Further kinds the question asks in another of its words ("市场规模多大…年复合增速多少": money, then a rate). */
  also?: Array<Exclude<FigureKind, 'count'>>;
}

/** KIND_WORDS with the global flag, for every occurrence. */
const KIND_WORDS_ALL = KIND_WORDS.map(([kind, re]) => [kind, new RegExp(re.source, `${re.flags}g`)] as const);

/** Every word of money a question writes (KIND_WORDS' money pattern, global). */
const MONEY_WORDS_ALL = KIND_WORDS_ALL.find(([kind]) => kind === 'money')![1];
/** Words of size: money for a market or an industry in this report, but a headcount for a team. */
const SIZE_WORD_RE = /^(?:규모|规模|size)$/iu;

/**
 * The question names money only by a word of size ("의료팀 규모는", "基金规模"): the amount is
 * likely, not certain (a team's size is a headcount), so a test that the report never states the
 * asked kind must take any figure as stating it.
 */
export function moneyOnlyBySize(question: string): boolean {
  const words = [...question.normalize('NFKC').matchAll(MONEY_WORDS_ALL)].map((m) => m[0]);
  return words.length > 0 && words.every((w) => SIZE_WORD_RE.test(w));
}

/**
 * Nouns of money the frame does not read as an asked kind (funds, financing, a region's output,
 * a fee: 이용료, 요금, 收费, "fees"): a "how much" question naming one asks an amount. Read only by the test that the report never
 * states the asked kind about a subject; in the frame, funding words moved the fitted models
 * (docs/design.md, (au)).
 */
const MONEY_NOUN_RE =
  /자금|펀드|기금|투자금|보조금|지원금|국내총생산|지역총생산|이용료|사용료|요금|수수료|구독료|资金|基金|融资|经费|补贴|补助|费用|收费|\bsubsid(?:y|ies)\b|\bGDP\b|\bfund(?:s|ing)?\b|\bfees?\b/iu;

export function namesMoney(question: string): boolean {
  return MONEY_NOUN_RE.test(question.normalize('NFKC'));
}

/** Where each kind's words stand in the question, as [start, end) spans, in KIND_WORDS order. */
function kindSpans(q: string): Array<{ kind: Exclude<FigureKind, 'count'>; start: number; end: number }> {
  return KIND_WORDS_ALL.flatMap(([kind, re]) => [...q.matchAll(re)].map((m) => ({ kind, start: m.index!, end: m.index! + m[0].length })));
}

export function askedFigure(question: string): AskedFigure | null {
  const q = question.normalize('NFKC');
  if (isLocationQuestion(q)) return null;
  const counters = askedCounters(q);
  const spans = kindSpans(q);
  // The first kind in KIND_WORDS order that the question names.
  const first = spans[0]?.kind;
  // A second kind counts only in a word of its own: 영업이익률 is one rate (이익 touches 률), and
  // "제곱미터 규모" one area; two kinds at least two characters apart are two things asked.
  const apart = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.end >= 2 || b.start - a.end >= 2;
  const also = [...new Set(spans.filter((s) => s.kind !== first && spans.filter((o) => o.kind !== s.kind).every((o) => apart(s, o))).map((s) => s.kind))];
  if (counters.length > 0) return { kind: 'count', counters, ...(first ? { also: [first, ...also] } : {}) };
  if (!first) return null;
  return also.length ? { kind: first, counters: [], also } : { kind: first, counters: [] };
}

/** How each kind of figure is printed: "69.75%", "397 ㎢", "4.7 억 달러", "1.5 만 위안", "수천억 위안". */
const FIGURE_OF_KIND: Record<Exclude<FigureKind, 'count'>, RegExp> = {
  area: /\d\s*(?:㎡|㎢|제곱|평방|m2|km2)/iu,
  percent: /\d\s*(?:%|퍼센트|pct)/iu,
  money: /(?:\d[\d,.]*|[수몇])\s*(?:[십백천만억조]\s*)*(?:위안|달러|원|元|美元|엔)/u,
};

/** The sentence states a figure of the asked kind. */
export function statesFigure(sentence: string, asked: AskedFigure): boolean {
  const t = sentence.normalize('NFKC');
  if (asked.kind === 'count' ? hasCountedFigure(t, asked.counters) : FIGURE_OF_KIND[asked.kind].test(t)) return true;
  return (asked.also ?? []).some((k) => FIGURE_OF_KIND[k].test(t));
}

/** The kinds of answer a question can ask that the report may never state about its subject. */
export type AskedKind = FigureKind | 'figure' | 'when' | 'who' | 'hq';

/** A count in an ordinal's or a round's counter, which FIGURE_RE does not list ("제12회", "第二届"). */
const ORDINAL_COUNT_RE = /\d+\s*(?:회|차|기|호|번째|届|次|期)|第[一二三四五六七八九十\d]+[届次期]/u;
/**
 * A person asked for by role ("창업자가 누구", "CEO 이름", "创始人是谁", "who founded"): unlike a
 * bare "谁发布的" or "who published", which an organization answers as often as a person.
 */
const PERSON_ROLE_RE =
  /창업자|창업주|창립자|설립자|대표\s*이사|최고경영자|CEO|회장|사장|创始人|创办人|董事长|总裁|首席执行官|\bfound(?:er|ed)\b|\bchairman\b|\bchief executive\b|\bpresident\b/iu;
/** A company's seat: the report gives it as "본사를 두고 있다" (카눠프), readers ask 본사, 总部, headquarters. */
const HQ_RE = /본사|본부|总部|总公司|\bheadquarter(?:s|ed)?\b|\bhq\b/iu;
/** Where a company's seat is: its word and a question of place (어디, 어느 도시, 在哪, where, which city). */
const ASKS_PLACE_RE = /어디|어느\s*(?:도시|지역|곳)|哪里|哪儿|在哪|哪个城市|哪座城市|\bwhere\b|\bwhich city\b/iu;

/** The question asks where a company is seated ("본사는 어디", "总部在哪", "where is it headquartered"). */
export function asksHeadquarters(question: string): boolean {
  const q = question.normalize('NFKC');
  return HQ_RE.test(q) && ASKS_PLACE_RE.test(q);
}

/** A person's role in a sentence: the report's roles, and the words for one who founded something (the report writes 창립자; readers ask 창업자). */
const ANY_PERSON_RE = /창업자|창업주|founder|创始人/iu;

/** A time without digits ("지난해 출시", "상반기 중"). */
const VAGUE_TIME_RE = /상반기|하반기|연초|연말|초순|중순|하순|上半年|下半年|年初|年底|年末/u;

/**
 * The sentence states something of this kind at all, however it is counted or worded: any
 * counted quantity for a count (whatever its counter) or a figure of no named kind ("얼마나"),
 * any amount for money, any date or time for "when", any person's role for "who" (asked only
 * by role: PERSON_ROLE_RE). Looser than statesFigure on purpose: it decides that the report never
 * states the kind about a subject, where a missed wording would refuse an answerable question.
 */
export function statesKind(sentence: string, kind: AskedKind): boolean {
  const t = sentence.normalize('NFKC');
  switch (kind) {
    case 'count':
    case 'figure':
      return hasFigure(t) || ORDINAL_COUNT_RE.test(t);
    case 'when':
      return hasDate(t) || RELATIVE_YEAR_RE.test(t) || VAGUE_TIME_RE.test(t);
    case 'who':
      return mentionsPerson(t) || ANY_PERSON_RE.test(t);
    case 'hq':
      return HQ_RE.test(t);
    default:
      return FIGURE_OF_KIND[kind].test(t);
  }
}

/**
 * List questions ("네 가지 분야는", "어디 어디야", "哪几个城市", "which cities"): the answer is an
 * enumeration, so sentences with several comma-separated items are preferred. A breakdown by a
 * category ("연도별로", "按年份", "列一下", "year by year") asks for the items of each: it is
 * answered by a chart or a run of rows, not by one sentence (eighteenth session: pooled `tune`
 * +1 question with its keywords, `check` unchanged, no refit).
 */
const LIST_RE = /(?<!\p{Script=Hangul})(?:연도|해|년도|지역|분야|단계|도시|부문|항목|기업|회사|국가|시기)별로?|按(?:年份?|年度|时间|地区|领域|阶段|城市|类别)|列(?:一下|出来|出)|\b(?:year by year|by year|year-by-year|for each year)\b|가지|어떤\s*\S+들|어디\s*어디|무엇무엇|누구누구|뭐뭐|목록|종류|哪些|哪几|几个|几家|分别|列举|\bwhich (?:\w+ )?(?:cities|companies|firms|areas|fields|sectors|countries)\b|\blist\b|\bwhat are\b/iu;
/**
 * Further list cues of each language's grammar: a Korean plural noun the question asks about
 * ("작년에 투자한 스타트업들", "협력한 대학들은 어디"), a numbered set asked for ("3대 중점 과제는
 * 뭐야"); an English plural noun governed by which/what ("which research institutes signed…",
 * "what robot models did…").
 */
const KO_PLURAL_ASKED_RE = /(?<!\p{Script=Hangul})\p{Script=Hangul}{2,}들(?:은|는|이|가|을|를)?\s*(?:$|[?？.]|뭐|무엇|어디|누구|어떤|알려)/u;
const KO_NUMBERED_SET_RE = /(?<![\d.,])[2-9]\s*대\s*(?:핵심\s*|주요\s*|중점\s*)?\p{Script=Hangul}{2}(?=.*(?:뭐|무엇|어떤|어디|알려))/u;
const EN_PLURAL_ASKED_RE =
  /\b(?:which|what)\s+(?:[a-z][\w-]*\s+){0,3}?(?!(?:does|is|was|has|its|this|his|hers|yours|ours|theirs|us|as)\b)[a-z][\w-]*[a-rt-z]s\s+(?:did|do|does|are|were|have|has|had|will|would|can|could|should|is|was|[a-z]+ed)\b/iu;

export function isListQuestion(question: string): boolean {
  const q = question.normalize('NFKC');
  return LIST_RE.test(q) || KO_PLURAL_ASKED_RE.test(q) || KO_NUMBERED_SET_RE.test(q) || EN_PLURAL_ASKED_RE.test(q);
}

/**
 * A sentence that announces items listed after it: 다음의 …, 다음과 같다, 다음 세 가지 …, 아래와 같이,
 * 如下, 以下三…, "as follows".
 */
const ANNOUNCE_RE =
  /다음(?:의|과\s*같|\s*(?:[두세네]|다섯|여섯|\d+)\s*(?:가지|개))|아래(?:의|와\s*같)|如下|以下(?:几|[一二两三四五六七八九十\d])|\bas follows\b|\bthe following\b/iu;

export function announcesItems(sentence: string): boolean {
  return ANNOUNCE_RE.test(sentence.normalize('NFKC'));
}

/** An item that says which of a counted set it is: 첫째, 둘째, …; 第一, 其二; "First," / "Second,". */
const ORDINAL_ITEM_RE = /^[\s◼■▪◾▲⚫•·\-－]*(?:첫\s?째|둘\s?째|셋\s?째|넷\s?째|다섯\s?째|第[一二三四五六]|其[一二三四五六]|(?:first|second|third|fourth|fifth)\b)/iu;

export function isOrdinalItem(sentence: string): boolean {
  return ORDINAL_ITEM_RE.test(sentence.normalize('NFKC'));
}

/**
 * An enumeration: three or more items separated by , 、 or ·, or two or more items each marked
 * by ▲ (the report's inline lists: guests, pitching companies, a plan's tasks).
 */
const TWO_AND_MORE_RE = /[,，、·]\s*[^,，、·\s][^,，、·]{0,30}?\s*(?:등(?=[과와을를이의에은도\s]|$)|等)/u;
export function isEnumeration(sentence: string): boolean {
  return (sentence.match(/[,，、·]/g) ?? []).length >= 2 || (sentence.match(/▲/g) ?? []).length >= 2 || TWO_AND_MORE_RE.test(sentence);
}

/** "When" questions (언제, 며칠 "which day", 何时, when): a date is what is wanted. */
const WHEN_RE = /언제|몇\s*년|몇\s*월|며칠|何时|什么时候|哪一?年|几月|几号|哪天|\bwhen\b|\bwhat (?:year|date|month)\b/iu;

export function isWhenQuestion(question: string): boolean {
  return WHEN_RE.test(question.normalize('NFKC'));
}

/**
 * A time asked by a noun (양산 시점, 출시 시기, 时间表, "timeline"): a date is wanted as surely as by
 * "언제". Read only by the test that the report never states the asked kind about a subject: the
 * frame's question words feed the fitted models, which moved with every new frame word.
 */
const TIME_NOUN_RE = /시점|시기(?!적)|时间点|时间表|什么时间|\btiming\b|\btimeline\b/iu;

export function asksTime(question: string): boolean {
  return TIME_NOUN_RE.test(question.normalize('NFKC'));
}

/** "Who" questions (누가, 누구, 谁, who): a person, named with a role, is what is wanted. */
const WHO_RE = /누가|누구|谁|哪位|\bwho\b|\bwhom\b/iu;

export function isWhoQuestion(question: string): boolean {
  return WHO_RE.test(question.normalize('NFKC'));
}

/**
 * A person's name asked without "who" ("회장 성함은", "董事长叫什么", "the CEO's name"):
 * with a role word, the same question as "누구".
 */
const ASKS_NAME_RE = /이름|성함|名字|叫什么|姓名|\bname\b/iu;

/** A person asked for by role: a role word and "who" or "name". */
export function asksPersonByRole(question: string): boolean {
  const q = question.normalize('NFKC');
  return PERSON_ROLE_RE.test(q) && (WHO_RE.test(q) || ASKS_NAME_RE.test(q));
}

/**
 * A person named by role, as the report introduces people: "김종문 센터장", "왕촨푸(王传福) 회장",
 * "청위(成宇) 교수", "전문 의료진".
 */
const PERSON_RE = /센터장|대표|회장|사장|부사장|의장|주임|서기|국장|본부장|소장|원장|위원장|교수|박사|장관|주석|총리|대사|과기정통관|책임자|창립자|설립자|전문가|의료진|전문의|의사|CEO|CTO/u;

export function mentionsPerson(sentence: string): boolean {
  return PERSON_RE.test(sentence.normalize('NFKC'));
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
 * written with a capital or in capitals (UBTECH, Nvidia, WAIC, GB200), numbers other than years,
 * quoted phrases, and Han terms inside a Korean question (the report glosses names as 한국어(中文)).
 */
const YEAR_RE = /^(?:19|20)\d\d$/;
const DURATION_RE = /^\s*(?:년|개월|달|주|일|시간|분|초|年|个月|月|天|小时|years?\b|months?\b|weeks?\b|days?\b|hours?\b)/iu;

export function questionEntities(question: string): string[] {
  const q = question.normalize('NFKC');
  const out = new Set<string>();
  const words = [...q.matchAll(/[A-Za-z][A-Za-z0-9\-.]*[A-Za-z0-9]|[A-Za-z]/g)];
  for (const m of words) {
    const w = m[0];
    const sentenceStart = m.index === 0 || /[.?!]\s*$/.test(q.slice(0, m.index));
    // A month is a date, not a name ("in June 2025": the frame's months, time.ts).
    if ((/[A-Z].*[A-Z0-9]|[0-9]/.test(w) || (/^[A-Z]/.test(w) && !sentenceStart)) && !englishMonth(w)) out.add(w);
  }
  for (const m of q.matchAll(/(?<![A-Za-z0-9.,:])\d[\d,.:]*/g)) {
    const n = m[0].replace(/[.,:]$/, '');
    // A year or a duration qualifies ("2024년 매출", "10년 전") rather than names.
    const duration = DURATION_RE.test(q.slice(m.index! + m[0].length));
    if (n.replace(/[,.:]/g, '').length >= 2 && !YEAR_RE.test(n) && !duration) out.add(n);
  }
  for (const m of q.matchAll(/['"‘“「『<《]([^'"’”」』>》]{2,30})['"’”」』>》]/g)) out.add(m[1]!);
  // Chinese written inside a Korean or English question is a name (宇树科技, 政府工作报告); in a
  // Chinese question it is just the question.
  const han = (q.match(/\p{Script=Han}/gu) ?? []).length;
  const other = (q.match(/\p{Script=Hangul}|[A-Za-z]/gu) ?? []).length;
  if (han > 0 && other > han) for (const m of q.matchAll(/\p{Script=Han}{2,}/gu)) out.add(m[0]);
  return [...out];
}

/**
 * A figure asked per unit: "한 대에 얼마", "기업당", "1인당", "每家", "per company" (대당, 곳당 as a
 * word of their own or after a numeral, 명당 and 인당 only after one: "확인 당시" and "명당자리"
 * ask no figure per person). The report states such figures with 당 ("대당 평균 이익은 …", "만
 * 명당 발명 특허 …") or 每; a total or a ceiling for all is no answer to them.
 */
const ASKED_PER_UNIT_RE =
  /(?:기업|회사|개사|가구)\s*당(?![시국사일초연장선첨면])|(?:(?<!\p{Script=Hangul})|(?<=[한만천백\d]\s?))(?:대|곳)당(?![시국사일초연장선첨면])|(?<=[한만천백\d]\s?)(?:명|인)당|한\s*(?:대|곳|명|개|사람)(?:에|당)|每(?:家|个|台|人|位|辆|年|户)|\bper\s+(?:company|firm|unit|robot|person|capita|car|vehicle|household)\b|\beach (?:company|firm|robot|unit)\b/iu;

export function asksPerUnit(question: string): boolean {
  return ASKED_PER_UNIT_RE.test(question.normalize('NFKC'));
}

/** A per-unit figure as the report writes it: a unit with 당 (or 每) and a number within a few words. */
const STATED_PER_UNIT_RE = /(?:대|명|인|곳|기업|개사|개|가구|건|호)당[^.。]{0,24}?\d|每[^。]{0,12}?\d/u;

export function statesPerUnit(sentence: string): boolean {
  return STATED_PER_UNIT_RE.test(sentence.normalize('NFKC'));
}

/** A question asking for the other members of a set than the one it names (나머지, 말고, 另外, 除了, "besides", "the other"). */
const OTHERS_RE = /나머지|그\s*외|말고|빼고|제외한|另外|其余|其他的|除了|\bbesides\b|\bthe other\b|\bthe rest\b|\bother (?:two|three|four|\d+)\b/iu;

export function asksOthers(question: string): boolean {
  return OTHERS_RE.test(question.normalize('NFKC'));
}

/** A set the report counts after naming one or more of its members: "공업정보화부 등 3 개 부처", "중국, 싱가포르, 일본 등 6 개국". */
const COUNTED_SET_RE = /등\s*\d+\s*(?:개|곳|명|개국|개사)/u;

export function countsSetInPart(sentence: string): boolean {
  return COUNTED_SET_RE.test(sentence);
}
