/**
 * Corpus statistics for the answer stage. The answerers see only the few passages retrieval
 * returns; whether a word occurs ANYWHERE in the report is a stronger signal: "테슬라 주가 전망은?"
 * asks for 주가, which the report never mentions, so the passages about Tesla's robots that
 * retrieval finds cannot answer it. Optional: without it the answerer judges on the passages alone.
 */
import { type QueryProfile, type TermGroup, groupsIn } from './evidence.js';
import { matchForm, stripParticle } from './terms.js';
import { memoizeString } from '../util/memo.js';
import { splitSentences } from '../chunk/sentences.js';
import type { Chunk, Lang } from '../types.js';

/**
 * Document frequency: the number of indexed passages whose text contains `term` (compared in
 * matchForm(), as evidence.ts matches; a term arrives in that form). Any counting that agrees on
 * zero — a lexical index's document frequency of the analyzed term works too.
 */
export type TermStats = ((term: string) => number) & {
  /** How many passages were counted (undefined for a counting that does not say). */
  passages?: number;
};

/**
 * Term statistics over a corpus held in memory: the texts are normalized once (the June report:
 * ~170 passages, ~150 k characters); a lookup scans them (tens of microseconds).
 */
export function termStatsFromTexts(texts: Iterable<string>): TermStats {
  const norms = [...texts].map(matchForm);
  // Memoized per term: question words recur across requests, and a scan is ~170 substring searches.
  const df: TermStats = memoizeString((term: string) => {
    const t = matchForm(term);
    if (!t) return 0;
    let n = 0;
    for (const x of norms) if (x.includes(t)) n++;
    return n;
  }, 50_000);
  df.passages = norms.length;
  return df;
}

/**
 * A word in more than a third of the report's passages (기업: 103 of 170) is its everyday
 * vocabulary, not a name: a reader's note of names leaves it out. Names are far rarer (화웨이 18,
 * 인공지능 41). It also keeps a mined pair that is wrong for the common word out of the note
 * ("상위 3개 기업(CR3)" gave 기업 = CR3).
 */
export function isCommonWord(df: TermStats | undefined, word: string): boolean {
  return !!df?.passages && df(word) * 3 > df.passages;
}

/** The concept occurs in the corpus: its word, bare word or another spelling, or half its pieces. */
function inCorpus(g: TermGroup, df: TermStats): boolean {
  if ([g.head, stripParticle(g.head), ...g.alternatives].some((f) => df(f) > 0)) return true;
  return g.members.length > 0 && g.members.filter((m) => df(m) > 0).length * 2 >= g.members.length;
}

/**
 * The content words of `span` (the question's last noun phrase: what it asks about) that occur
 * nowhere in the corpus: "주가" in "테슬라 주가 전망은?".
 */
export function absentFromCorpus(profile: QueryProfile, span: string, df: TermStats): string[] {
  return groupsIn(profile, span)
    .filter((g) => !inCorpus(g, df))
    .map((g) => g.head);
}

/**
 * For a Chinese or English question: the asked attribute's Korean forms (the lexicon's and the
 * glossary's translations of its words: 员工 → 직원, market value → 시가총액), when it has some
 * and the report writes none of them, as a word or another spelling. The report is Korean: an
 * attribute it never names in Korean is one it does not state ("奥比中光有多少员工"). Strict
 * (no bigram pieces): 시가총액's pieces 총액 and 시가 are in the report, the word is not.
 * Foreign groups (the question's own Han or English words) are not looked for: the report has
 * few of them whatever it states.
 */
export function attributeUnwritten(attribute: readonly TermGroup[], df: TermStats): boolean {
  const korean = attribute.filter((g) => !g.foreign);
  return korean.length > 0 && korean.every((g) => ![g.head, stripParticle(g.head), ...g.alternatives].some((f) => df(f) > 0));
}

/** Runs of two or more capitalized words ("Boston Dynamics"), with a possessive allowed on each. */
const LATIN_RUN_RE = /(?<![A-Za-z0-9])[A-Z][a-z]{2,}(?:['’]s)?(?:[ -][A-Z][a-z]{2,}(?:['’]s)?)+(?![A-Za-z0-9])/g;

/**
 * Names in Latin letters the question writes and the report never does: a run of capitalized
 * words ("Boston Dynamics") whose first word no passage writes and no list of the project knows
 * (`known`: the lexicon's and the glossary's English, stop words, months, a pinyin word, which may
 * be a Chinese name the report writes in Hangul: Yizhuang is 이좡). The seed glossary cannot list
 * every foreign company a reader may ask about; these are the ones whose words say they are
 * names and that the report does not print. Single words are left alone: a misspelt or unknown
 * single word is as likely an English word as a name. An English sentence's first word is
 * capitalized whatever it is, so it does not start a run there.
 */
export function unknownLatinNames(text: string, lang: Lang, df: TermStats, known: (word: string) => boolean): string[] {
  const q = text.normalize('NFKC');
  const out: string[] = [];
  for (const m of q.matchAll(LATIN_RUN_RE)) {
    let words = m[0].replace(/['’]s\b/g, '').split(/[ -]/).filter(Boolean);
    if (lang === 'en' && (m.index === 0 || /[.?!:]\s*$/.test(q.slice(0, m.index)))) words = words.slice(1);
    if (words.length < 2) continue;
    const name = words.join(' ');
    if (df(words[0]!) === 0 && df(name) === 0 && !known(words[0]!) && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * A capitalized word after an English question's first word, with an apostrophe inside (Xi'an)
 * and a number after a hyphen (Tianwen-2), not a possessive's 's.
 */
const LATIN_WORD_RE = /(?<=\S\s+)(?<![A-Za-z0-9])[A-Z][a-z]{2,}(?:['’](?!s\b)[a-z]+)?(?:-\d+)?(?=['’]s\b|[^A-Za-z0-9'’-]|$)/g;
/** A sentence about the asker ("We export from Busan."): its places are theirs, not the subject. */
const ASKER_SENTENCE_RE = /^(?:I|I'm|I am|We|We're|We are|Our|My)\b/u;

/**
 * The capitalized words of an English question, past each sentence's first word and outside the
 * sentences about the asker: the names it may ask about ("Sunan", "Zhangjiang", "Tianwen-2").
 */
export function capitalizedWords(text: string): string[] {
  const asked = text
    .normalize('NFKC')
    .split(/(?<=[.?!;])\s+/)
    .filter((s) => !ASKER_SENTENCE_RE.test(s))
    .join(' ');
  return [...new Set([...asked.matchAll(LATIN_WORD_RE)].map((m) => m[0]))];
}

/**
 * A sentence longer than this is body text, not a heading or a table-of-contents line ("청두 K-Demo
 * Day- 과학기술교류대회 (P65)" is 33 characters). Read here and by the chat's test of an article's body.
 */
export const BODY_SENTENCE_CHARS = 60;

/** Joins a name's forms into one memo key (no form holds it: forms are matchForm()ed text). */
const FORM_SEPARATOR = '\u0000';

/** One passage of the report: its article, its header and text in matchForm(), its sentences. */
export interface ReportPassage {
  article: string;
  norm: string;
  sentences: readonly string[];
}

/**
 * The whole report's passages in reading order, for facts about the report that the few
 * retrieved passages cannot show: which passages name a subject, and whether any of them states
 * a kind of answer at all (~170 passages; split once, when the index is loaded).
 */
export class ReportText {
  readonly passages: readonly ReportPassage[];
  /**
   * The articles the extraction kept only as a title (two KIC items: their one passage is the
   * table-of-contents line "징진지 K-Demo Day(디지털 산업) (P66)"), with their titles.
   */
  readonly titleOnly: ReadonlyArray<{ article: string; title: string }>;
  /** Every article's title, by article. */
  readonly titles: ReadonlyMap<string, string>;
  /** The passages of articles with a body (not a title-only item's own line). */
  readonly bodyPassages: readonly ReportPassage[];

  constructor(chunks: ReadonlyArray<Pick<Chunk, 'reportId' | 'articleId' | 'ordinal' | 'header' | 'text'> & { articleTitle?: string }>) {
    // An article is one report's: an index of several issues repeats article ids.
    const key = (c: Pick<Chunk, 'reportId' | 'articleId'>) => `${c.reportId}/${c.articleId}`;
    this.passages = [...chunks]
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.ordinal - b.ordinal))
      .map((c) => ({ article: key(c), norm: matchForm(`${c.header} ${c.text}`), sentences: splitSentences(c.text) }));
    this.titles = new Map(chunks.filter((c) => c.articleTitle).map((c) => [key(c), c.articleTitle!] as const));
    const withBody = new Set(this.passages.filter((p) => p.sentences.some((s) => [...s].length > BODY_SENTENCE_CHARS)).map((p) => p.article));
    this.titleOnly = [...this.titles].filter(([article]) => !withBody.has(article)).map(([article, title]) => ({ article, title }));
    this.bodyPassages = this.passages.filter((p) => withBody.has(p.article));
  }

  /**
   * The passages naming a subject (any of its forms, in matchForm()), and the passage after each
   * in the same article: a chunk boundary can part a figure from the sentence naming its company
   * (비야디's 2019 profit is stated one chunk after the sentence naming 비야디).
   */
  about(forms: readonly string[]): readonly ReportPassage[] {
    return this.aboutKey(forms.join(FORM_SEPARATOR));
  }

  // A question naming a dozen companies scans the report a dozen times (~0.1 ms each); names
  // recur across questions, so each name's passages are kept (bounded like every memo here).
  private readonly aboutKey = memoizeString((key: string): readonly ReportPassage[] => {
    const forms = key.split(FORM_SEPARATOR);
    const named = (p: ReportPassage) => forms.some((f) => p.norm.includes(f));
    return this.passages.filter((p, i) => named(p) || (i > 0 && this.passages[i - 1]!.article === p.article && named(this.passages[i - 1]!)));
  }, 4_096);
}
