/**
 * The Korean/Chinese/English text rules every stage shares: the particle and ending list with its
 * stripping rule, stop words (function words, and the question words that are noise in a
 * question), and the script tests. The retrieval analyzer, the hashed embedder and the answer
 * stage all read these, so "유니트리는" is "유니트리" for each of them in the same way.
 */

/**
 * Particles and endings stripped by K2. `safe`: never the last syllables of a common noun.
 * The others are one-syllable endings that also end nouns; they trigger the surface bigrams (K3).
 */
export const KO_SUFFIX_SAFE = [
  // case particles and their combinations
  '에서는', '에서도', '에서의', '에서', '에게서', '에게는', '에게도', '에게', '한테서', '한테',
  '으로는', '으로도', '으로의', '으로써', '으로서', '으로', '로는', '로도', '로의', '로써', '로서',
  '까지는', '까지도', '까지의', '까지', '부터는', '부터', '보다는', '보다', '처럼', '만큼', '마다',
  '조차', '밖에', '이라는', '라는', '이라고', '라고', '이라며', '이라면', '이라', '이며', '이고',
  '이나', '이든', '이란', '에는', '에도', '에의', '와는', '과는', '와의', '과의', '와도', '과도',
  '이랑', '께서', '은', '는', '을', '를', '에',
  // plural 들 + particle, adnominal 적 + particle
  '들이', '들은', '들의', '들을', '들에', '들에게', '들과', '들도', '들로', '들이다',
  '적인', '적으로', '적이다', '적이고', '적이며',
  // 하다 / 되다 / 시키다 verbs built on Sino-Korean nouns (발표했다, 구축하고, 성장할)
  '했다', '했고', '했으며', '했으나', '했지만', '했던', '했는데', '했다고', '했어', '했어요', '했나',
  '했니', '했을', '했습니다', '하였다', '하였으며', '하였고', '하는', '하고', '하며', '하여',
  '하면', '하면서', '하지', '하기', '하게', '해서', '해야', '한다', '한다고', '합니다', '했으면',
  '된다', '되는', '되어', '되며', '되고', '됐다', '됐고', '됐으며', '되었다', '되었고', '되었으며',
  '되었던', '됐어', '되나', '될까', '시키는', '시킨', '시켜', '시키고',
  '해줘', '해주세요', '해줄래',
  // a particle with the polite 요 of a spoken question ("순이익은요?", "2위는요?", "거기서도요?"):
  // one layer, so that the noun is left, not "순이익은"
  '은요', '는요', '에서요', '에서도요', '까지요', '부터요', '으로요', '이랑요',
  // copula and question endings
  '이다', '였다', '이었다', '이야', '인가', '인가요', '인지', '일까', '인데', '예요', '이에요', '입니까', '이냐', '이니',
];
export const KO_SUFFIX_UNSAFE = ['이', '가', '의', '도', '로', '와', '과', '만', '야', '요', '지', '적', '들', '나', '인', '한', '할', '된', '될', '함', '께', '냐', '니', '랑', '란'];

type Suffix = { s: string; safe: boolean };
/** Longest first: the first suffix that leaves a long enough stem is the one stripped. */
export const KO_SUFFIXES: readonly Suffix[] = [
  ...KO_SUFFIX_SAFE.map((s) => ({ s, safe: true })),
  ...KO_SUFFIX_UNSAFE.map((s) => ({ s, safe: false })),
].sort((a, b) => b.s.length - a.s.length);

/** Function words with no retrieval value, dropped in documents and questions. */
export const KO_STOP = new Set([
  '등', '및', '또', '또는', '그리고', '그러나', '하지만', '또한', '이', '그', '저', '것', '수', '더', '때',
  '중', '위해', '위한', '통해', '대해', '대한', '따라', '따른', '있다', '있는', '있으며', '있고', '없다',
  '이다', '한다', '했다', '된다', '되었다', '하는', '등의', '같은', '이는', '이를', '이에', '그는', '이번',
  '해당', '각', '약', '모두', '매우', '특히', '것으로', '것이다', '것은', '있어', '있을', '있도록', '하기',
  '하며', '하고', '이후', '이상', '이하', '가운데', '바', '점', '및', '는', '은', '을', '를', '의', '에',
  '가', '도', '로', '으로', '에서', '와', '과', '까지', '부터', '에게', '보다', '처럼', '한', '할', '된', '여',
]);

/** Question and request words: noise in a question, never what the reader is looking for. */
export const KO_QUERY_STOP = new Set([
  '무엇', '무엇인가', '무엇인가요', '무엇이야', '무엇인지', '뭐', '뭐야', '뭐고', '뭔가', '뭔지', '뭘', '무슨',
  '어떤', '어떻게', '어느', '어디', '어디야', '어디에', '어디서', '어디어디', '언제', '누구', '누가', '누구야', '왜',
  '얼마', '얼마나', '얼마야', '몇', '몇개', '몇가지', '어때', '어떨까', '알려줘', '알려주세요', '알려', '줘',
  '주세요', '요약', '요약해', '요약해줘', '정리', '정리해줘', '설명', '설명해줘', '말해줘', '궁금', '궁금해',
  '있어', '있나', '있니', '있을까', '있어요', '했어', '했나', '돼', '되나', '나와', '나왔어', '래', '거야',
  '건가', '해줘', '좀', '그럼', '그러면', '거기', '그거', '이거', '정도', '대략', '혹시', '그리고', '나와있어',
  '했대', '한대', '된대', '이래', '라고', '했는지', '하는지', '되는지', '인지', '지금', '요즘', '이나',
]);

export const ZH_STOP = new Set([
  '的', '了', '着', '和', '与', '及', '或', '等', '在', '是', '也', '都', '就', '而', '把', '被', '之', '其',
  '这', '那', '该', '此', '对', '从', '向', '于', '为', '以', '及其', '以及', '并', '且', '将', '已', '已经',
  '个', '这个', '那个', '这些', '那些', '它', '他', '她', '它们', '他们', '中', '上', '下', '里', '还', '又',
]);
export const ZH_QUERY_STOP = new Set([
  '什么', '多少', '哪些', '哪个', '哪里', '哪', '几', '几个', '怎么', '怎样', '如何', '为什么', '是否', '吗',
  '呢', '吧', '啊', '请问', '请', '告诉', '我', '我们', '你', '介绍', '一下', '总结', '概括', '说', '提到',
  '报告里', '报告中', '有', '有没有', '能', '可以', '会', '要', '呀', '么', '多大', '多', '谁', '时候',
  '什么样', '哪几个', '哪家', '哪几', '讲', '讲了', '内容',
]);
/** Characters that make a Han bigram meaningless (C2). */
export const ZH_STOP_CHARS = new Set([...'的了是吗呢吧啊么哪什这那它他她们也都就还而及与和或在把被让给对从向于之其']);

export const EN_STOP = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be',
  'been', 'by', 'with', 'from', 'as', 'that', 'this', 'these', 'those', 'it', 'its', 'into', 'about',
  'than', 'then', 'there', 'their', 'they', 'them', 'he', 'she', 'his', 'her', 'we', 'our', 'you', 'your',
  'i', 'me', 'my', 'has', 'have', 'had', 'not', 'but', 'if', 'so', 'such', 'also', 'which',
]);
export const EN_QUERY_STOP = new Set([
  'what', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'much', 'many', 'does', 'do', 'did',
  'can', 'could', 'would', 'should', 'will', 'shall', 'tell', 'please', 'report', 'say', 'says', 'said',
  'according', 'give', 'list', 'summarize', 'summarise', 'summary', 'explain', 'describe', 'any', 'some',
  'there', 'kind', 'kinds', 'get', 'got', 'mention', 'mentioned', 'mentions',
]);

export const KO_SUFFIX_WORDS: ReadonlySet<string> = new Set(KO_SUFFIX_SAFE);

/**
 * An English stop word (lowercase), or with `query` also a question's request word, in its
 * plural or third-person form too ("reports", "summaries", "lists", "explains"): "the reports
 * say" asks nothing about reports. Only the -s forms: "listing" (a stock listing, 상장) is not "list".
 */
export function isEnglishStopWord(word: string, query: boolean): boolean {
  const stop = (w: string) => EN_STOP.has(w) || (query && EN_QUERY_STOP.has(w));
  if (stop(word)) return true;
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss')) return false;
  return stop(word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1));
}

/**
 * Acronyms that are words of economics and technology, not names (GDP, CEO, IPO, GPU): a
 * question's word in Latin capitals is taken as a company's or an event's name (CRP, GSAT, WAIC)
 * unless it is one of these.
 */
const TERM_ACRONYMS = new Set(
  'GDP GNP CPI PMI CEO CFO CTO COO IPO M&A ROI KPI CAGR OEM ODM EV NEV BEV PHEV AI AGI LLM GPU CPU NPU TPU API SDK SAAS IOT ICT MOU VR AR XR USD CNY RMB KRW'.split(' '),
);

export function isTermAcronym(word: string): boolean {
  return TERM_ACRONYMS.has(word.toUpperCase());
}

// ───────────────────────────── scripts ─────────────────────────────

export const isHangul = (c: number): boolean => (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
export const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/**
 * Interrogative stems: a question word is one of them with any ending (뭐로, 뭐임, 뭐뭐, 어디임,
 * 얼마임, 몇명, 누구랑), which a list of whole words never finishes. Only stems that begin no
 * noun of the report (not 왜: 왜곡).
 */
const KO_QUESTION_STEMS = ['뭐', '무엇', '무슨', '어디', '언제', '누구', '누가', '얼마', '몇', '어떻', '어떤', '어느'];
/** Longest word taken for a question word: the stem and a few syllables of ending. */
const KO_QUESTION_WORD_MAX = 5;

/**
 * A question's word that asks rather than names: an interrogative with its ending, or a manner
 * adverb in -히 (정확히, 자세히, 간단히: how to answer, never what about).
 */
export function isKoreanQuestionWord(word: string): boolean {
  const n = [...word].length;
  if (n > KO_QUESTION_WORD_MAX) return false;
  if (KO_QUESTION_STEMS.some((q) => word.startsWith(q))) return true;
  return n >= 2 && n <= 3 && word.endsWith('히');
}

/**
 * One layer of particle/ending stripped, longest first, when at least `minStem` syllables remain
 * (유니트리는 → 유니트리; 회의, 국가 keep their last syllable only through `safe`: a one-syllable
 * ending that also ends nouns is "unsafe", and the caller decides what to do with it).
 */
export function stripKoreanSuffix(word: string, minStem = 2): { stem: string; safe: boolean } | undefined {
  const n = [...word].length;
  for (const { s, safe } of KO_SUFFIXES) {
    if (n - s.length >= minStem && word.endsWith(s)) return { stem: word.slice(0, word.length - s.length), safe };
  }
  return undefined;
}



// ───────────────────────────── months ─────────────────────────────

/**
 * English month names (lowercase) → month number. "may" only when written "May": the analyzer
 * and the question frame test the word as typed, since "may" is mostly the modal verb.
 */
const EN_MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/**
 * A date written with dots or slashes, as the report's tables write it ("2025.07.09", each end of
 * "2025.06.29-2025.07.01"): year, month and day captured. The analyzer indexes it as the same
 * date in words gives, and the question frame reads its month.
 */
export const DOTTED_DATE_RE = /(?<!\d)((?:19|20)\d{2})[./](\d{1,2})[./](\d{1,2})(?!\d)/gu;

/** English month names, January first: how an English answer writes a month. */
export const EN_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** The month an English word names (as typed: "May" yes, "may" no), or undefined. */
export function englishMonth(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'may' && word[0] !== 'M') return undefined;
  return EN_MONTHS[w];
}

const HAN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 七月 → 7, 十二月 → 12 (the Han numerals of a month name), or undefined. */
export function hanMonth(word: string): number | undefined {
  const m = /^([一二三四五六七八九十]{1,2})月$/u.exec(word);
  if (!m) return undefined;
  const d = [...m[1]!].map((c) => HAN_DIGITS[c]!);
  const n = d.length === 1 ? d[0]! : d[0] === 10 ? 10 + d[1]! : -1;
  return n >= 1 && n <= 12 ? n : undefined;
}

/** 二 → 2, 十二 → 12, 二十三 → 23, 一百 → 100 (Han numerals to 999), or undefined. */
export function hanNumber(word: string): number | undefined {
  if (!/^[一二三四五六七八九十百]+$/u.test(word)) return undefined;
  let total = 0;
  let digit = 0;
  for (const c of word) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = HAN_DIGITS[c]!;
  }
  return total + digit || undefined;
}
