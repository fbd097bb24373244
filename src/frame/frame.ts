/**
 * The question frame: one analysis of a question, computed once per request and passed to
 * retrieval, the chat service (follow-ups, references to articles) and the answer stage
 * (what kind of evidence answers it). Pure: the glossary and the table of contents come in as
 * arguments, nothing is mined per request.
 *
 * The cues below are about kinds of questions in general (a count, a date, a list, a pronoun
 * pointing back), never about one question's topic; the answer stage turns them into features
 * whose weights are fitted (src/answer/weights.json), so a cue that does not help is weighed
 * down by the data rather than kept by hand.
 */
import {
  askedFigure,
  isListQuestion,
  isLocationQuestion,
  isSummaryRequest,
  isWhenQuestion,
  isWhoQuestion,
  questionEntities,
  quantityKind,
  type AskedFigure,
  type QuantityKind,
} from '../answer/intent.js';
import { type Glossary, isProperName } from '../retrieve/glossary.js';
import type { GlossaryEntry, Lang } from '../types.js';
import { pinyinToHangul } from '../retrieve/pinyin.js';
import { type ArticleRef, type TocEntry, resolveArticleReference } from './references.js';
import { askedAttribute } from './attribute.js';
import { type YearMonth, askedMonths } from './time.js';
import type { AnalyzedQuery } from '../types.js';
import { matchForm } from '../answer/terms.js';

/** Hangul readings of the capitalized (pinyin) words of an English question: "Chuangyebang" → 촹예방. */
function pinyinForms(q: string): string[] {
  return [...q.matchAll(/\b[A-Z][a-z]+\b/g)].map((m) => pinyinToHangul(m[0])).filter((x): x is string => !!x);
}

export type QuestionKind =
  | 'fact'
  | 'count'
  | 'percent'
  | 'money'
  | 'area'
  | 'date'
  | 'person'
  | 'place'
  | 'list'
  | 'compare'
  | 'summary'
  | 'overview'
  | 'location';

export interface QuestionFrame {
  text: string;
  lang: Lang;
  kind: QuestionKind;
  /** The figure asked for (a count with its counters, a share, an amount, an area). */
  figure: AskedFigure | null;
  quantity: QuantityKind;
  list: boolean;
  compare: boolean;
  summary: boolean;
  /** "Where in the report" (page, section, which article), or where an article comes from (its source). */
  location: boolean;
  /** Asks for an article's original source (its 참고자료 block). */
  source: boolean;
  when: boolean;
  who: boolean;
  where: boolean;
  /** Names the question writes (Latin names, numbers, quoted phrases, Han inside ko/en). */
  names: string[];
  /**
   * Months the question names ("7월에 열리는", "七月", "in July"; a relative month once the chat
   * wrote it out): a sentence dated in another month does not answer it (time.ts).
   */
  months: YearMonth[];
  /** Glossary entries the question mentions, in any language (their Korean form is what the report prints). */
  entries: GlossaryEntry[];
  /**
   * Proper names of the hand-written seed the question mentions that were not mined from the
   * report: companies and places the report may never write (the answer stage checks).
   */
  seedNames: GlossaryEntry[];
  /** The question points back at the conversation ("그 회사", "它", "it", "그럼 2위는?"). */
  refersBack: boolean;
  /**
   * The report's names (mined glossary entries) of the conversation's subject, which a question
   * pointing back refers to: set by the chat once it has resolved the follow-up ("그 회사 매출은?"
   * after a question on 카눠프). Not part of `entries`, which are the question's own words.
   */
  referents?: GlossaryEntry[];
  /** An article (or the whole issue) the question names by position or title. */
  reference?: ArticleRef;
  /** The words naming what is asked about its subject ("영업이익률", 功能, "networks"): attribute.ts. */
  attribute: string[];
  /**
   * The attribute's index terms in match form, with the Korean forms a Chinese or English one
   * reaches (功能 → 기능): what a sentence stating the answer should hold. Empty without an analyzer.
   */
  attributeTerms: string[];
}

// Reference words, per language: about pointing back, never about a topic. A Korean question
// that is one word with a topic particle ("지리는?", "2023년은요?") asks the previous question
// again of it (two words are a question of their own: "화웨이의 매출은?").
const BACK_KO =
  /(^|\s)(그|이|저|해당|위)\s*(회사|기업|업체|곳|제품|로봇|도시|정책|기관|모델|브랜드|기사|사람|분야|산업|프로젝트|행사|지역|단지|센터|대회|보고서|방안|계획)|그것|그곳|거기|걔|그럼|그러면|그렇다면|그건|그게|이건|이게|그중|그 중|^(또|그리고|그 밖에|그밖에|추가로|더)\s|^(그|이)\s*(의|가|는|를)\s|^\S+(?:은|는|도)요?\s*[?？]?$/u;
const BACK_ZH = /^(那|那么|那它|这|它|其|该|他们|它们|还有|另外|此外|再)|它的|它们|他|她|这家|那家|该公司|该企业|这个|那个|其中|上述|他们的|呢[？?]?$/u;
const BACK_EN =
  /\b(it|its|it's|they|their|them|this|that|these|those|the company|the firm|the city|the article|he|she|his|her|him|there)\b|^(and|also|what about|how about|then)\b/iu;

const COMPARE_RE =
  /비교|차이|어느\s*쪽|어느\s*것이|더\s*(?:많|적|크|작|높|낮|빠르|늦)|보다|대비|比较|相比|对比|区别|差别|哪个更|更多|更少|更高|更早|更晚|\bcompare[ds]?\b|\bcomparison\b|\bversus\b|\bvs\.?\b|\bthan\b|\bearlier\b|\blater\b|\bdifference\b/iu;
/** Questions about where an article comes from (its source block). */
const SOURCE_RE = /출처|원문|참고\s*자료|来源|出处|原文|原载|(?<!open[- ]?)\bsources?\b|\boriginal(?:ly)? (?:article|report|source|published)\b|\bpublished (?:by|in)\b|\b(?:which|what) outlet\b/iu;
const WHERE_RE = /어디(?!\s*어디)|어느\s*(?:도시|지역|곳)|哪里|哪儿|在哪|哪座|哪个城市|\bwhere\b|\bwhich city\b/iu;

const compactName = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

/** Does the question point back at the conversation? */
export function refersBack(text: string, lang: Lang): boolean {
  const q = text.trim();
  return lang === 'ko' ? BACK_KO.test(q) : lang === 'zh' ? BACK_ZH.test(q) : BACK_EN.test(q);
}

export interface FrameContext {
  glossary?: Glossary;
  toc?: readonly TocEntry[];
  /** The retriever's question analysis (glossary, lexicon, readings), for the attribute's terms. */
  analyze?: (text: string, lang: Lang) => AnalyzedQuery;
}

export function analyzeQuestion(text: string, lang: Lang, ctx: FrameContext = {}): QuestionFrame {
  const q = text.normalize('NFKC');
  const figure = askedFigure(q);
  const quantity = quantityKind(q);
  const list = isListQuestion(q);
  const compare = COMPARE_RE.test(q);
  const summary = isSummaryRequest(q);
  const source = SOURCE_RE.test(q);
  const location = isLocationQuestion(q) || source;
  const when = isWhenQuestion(q);
  const who = isWhoQuestion(q);
  const where = !location && WHERE_RE.test(q);
  const reference = ctx.toc ? resolveArticleReference(q, lang, ctx.toc, { summary, location, glossary: ctx.glossary, source, extraForms: lang === 'en' ? pinyinForms(q) : [] }) : undefined;
  const mentioned = ctx.glossary ? ctx.glossary.entriesIn(q, lang) : [];
  // A place or company is what the question is about, not what it asks of it: "在上海哪个展馆"
  // asks for a hall (展馆), and 上海, read with it, made the attribute look stated in the report.
  const nameForms = new Set(mentioned.filter(isProperName).flatMap((e) => [e.ko, ...e.zh, ...e.en]).map(compactName));
  const attribute = askedAttribute(q, lang).filter((a) => !nameForms.has(compactName(a)));
  // The whole issue, to be summarized or listed ("이번 호 전체 요약", "목차 보여줘"): the reference
  // is 'issue' only for those two.
  const kind: QuestionKind = reference?.kind === 'issue'
    ? 'overview'
    : summary
      ? 'summary'
      : location
        ? 'location'
        : compare
          ? 'compare'
          : list
            ? 'list'
            : when
              ? 'date'
              : who
                ? 'person'
                : figure
                  ? figure.kind
                  : where
                    ? 'place'
                    : 'fact';
  const frame: QuestionFrame = {
    text,
    lang,
    kind,
    figure,
    quantity,
    list,
    compare,
    summary,
    location,
    source,
    when,
    who,
    where,
    names: questionEntities(q),
    months: askedMonths(q),
    entries: mentioned.filter((e) => ctx.glossary!.isMined(e)),
    seedNames: mentioned.filter((e) => !ctx.glossary!.isMined(e) && isProperName(e)),
    refersBack: refersBack(q, lang),
    attribute,
    attributeTerms: ctx.analyze && attribute.length ? [...new Set(ctx.analyze(attribute.join(' '), lang).terms.map((t) => matchForm(t.term)))] : [],
  };
  if (reference) frame.reference = reference;
  return frame;
}
