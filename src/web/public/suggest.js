// @ts-check
/**
 * Follow-up suggestions under an answer: 2–3 questions in the reader's language, built from the
 * headings of the article the answer cites and the question's subject ("유니트리" in "유니트리의
 * … 점유율은?"): summaries of that article's other sections (those naming the subject first,
 * then those right after the cited one), then a summary of the whole article.
 *
 * Phrased as "summarize section H of article A" because that is what the answerer serves
 * reliably (extractive answerer, June issue): on the first six articles' headings (23 sections)
 * that form was answered from the right article 23 times, "H에 대해 알려줘" 9 times; on the
 * first article's 20 headings, "유니트리의 ‘H’ 내용을 알려줘" found an answer 3 times.
 * Pure: strings in, strings out.
 */

/** @typedef {import('./app.js').Citation} Citation */
/** @typedef {{ id?: string, title: string, headings?: string[] }} ArticleHeadings */
/** @typedef {{ sectionSummary: (a: string, h: string) => string, summarize: (t: string) => string }} SuggestionWords */

/** Korean particles that end the subject word ("유니트리의", "화웨이는"). */
const KO_PARTICLE = /(의|은|는|이|가|을|를|에서|에게|에|와|과|도|로|으로|란|이란)$/;
const ZH_SUBJECT = /^([\u4e00-\u9fffA-Za-z0-9·]{2,10}?)(?:在|的|是|有|对|如何|怎么|为什么|为何|目前|近期|将)/;
const EN_QUESTION_WORDS = new Set(['what', 'how', 'which', 'who', 'why', 'when', 'where', 'is', 'are', 'does', 'do', 'did', 'can', 'summarize', 'summarise', 'tell', 'explain', 'describe', 'the', 'a', 'an', 'in', 'of', 'about', 'me', 'give', 'list', 'show']);

/**
 * The question's subject: its first word without a particle (Korean), its leading name before
 * 在/的/是 (Chinese), or its first capitalized name (English); '' when there is none.
 * @param {string} question
 */
export function subjectOf(question) {
  const q = question.trim();
  if (/[\uac00-\ud7a3]/.test(q)) {
    const first = q.split(/\s+/)[0] ?? '';
    const word = first.replace(/[?？!！.,，]+$/, '').replace(KO_PARTICLE, '');
    return [...word].length >= 2 && /^[\uac00-\ud7a3A-Za-z0-9]+$/.test(word) ? word : '';
  }
  if (/[\u4e00-\u9fff]/.test(q)) return q.match(ZH_SUBJECT)?.[1] ?? '';
  // The first run of capitalized words that are not question words, ended by a possessive ("Huawei’s").
  /** @type {string[]} */
  const run = [];
  for (const raw of q.split(/\s+/)) {
    const word = raw.replace(/[?!.,:;]+$/, '');
    const bare = word.replace(/[’']s$/, '');
    const name = /^[A-Z][\w-]*$/.test(bare) && !EN_QUESTION_WORDS.has(bare.toLowerCase());
    if (!name) {
      if (run.length) break;
      continue;
    }
    run.push(bare);
    if (bare !== word) break;
  }
  return run.join(' ');
}

/**
 * @param {{ question: string, citations: Citation[], articles: ArticleHeadings[] | null, asked: Set<string>, words: SuggestionWords, max?: number }} input
 * @returns {string[]}
 */
export function suggestions({ question, citations, articles, asked, words, max = 3 }) {
  /** @type {string[]} */
  const out = [];
  const add = (/** @type {string} */ q) => {
    if (q && !asked.has(q) && !out.includes(q) && out.length < max) out.push(q);
  };
  const first = citations[0];
  if (!first) return out;
  const subject = subjectOf(question);
  // Private-use characters (the report's Symbol-font dot U+F0D7 in "Unitree\uF0D7宇树科技") show as boxes.
  const clean = (/** @type {string} */ h) => h.replace(/[\ue000-\uf8ff]/g, ' ').replace(/\s+/g, ' ').trim();
  const cited = new Set(citations.map((c) => (c.heading ?? '').trim()));
  const article = articles?.find((a) => (first.articleId ? a.id === first.articleId : true) && a.title === first.article.title);
  // The article's sections the answer did not use: those naming the subject, then those right
  // after the cited one (what the reader would read next), then the ones before it; then the
  // cited ones themselves.
  const all = article?.headings ?? [];
  const at = Math.max(0, all.findIndex((h) => cited.has(h)));
  const unused = [...all.slice(at + 1), ...all.slice(0, at)].filter((h) => !cited.has(h));
  const headings = [
    ...(subject ? unused.filter((h) => h.includes(subject)) : []),
    ...unused,
    ...citations.filter((c) => c.heading?.trim() && c.heading.trim() !== c.article.title).map((c) => c.heading.trim()),
  ].filter((h) => [...h].length <= 40);
  for (const h of headings) {
    if (out.length >= max - 1) break;
    add(words.sectionSummary(clean(first.article.title), clean(h)));
  }
  if (!/요약|总结|概括|[Ss]ummar/.test(question)) add(words.summarize(first.article.title));
  return out;
}
