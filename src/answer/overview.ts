/**
 * Answers about the issue as a whole, built from the table of contents rather than from a
 * search: an overview (one cited line per article, grouped by section) and the question asked
 * back when a reference fits several articles ("2번 기사" in a report with six sections).
 */
import { splitSentences } from '../chunk/sentences.js';
import type { TocEntry } from '../frame/references.js';
import type { Answer, Chunk, Citation, Lang, SearchHit } from '../types.js';
import { citationFromHit, displayText, verifyCitations } from './citations.js';
import { isJunkSentence } from './evidence.js';

const OPEN: Record<Lang, (title: string, n: number) => string> = {
  ko: (t, n) => `「${t}」에는 ${n}개 기사가 실려 있습니다. 기사별 핵심:`,
  zh: (t, n) => `《${t}》共收录 ${n} 篇文章，各篇要点（引自韩文原文）：`,
  en: (t, n) => `“${t}” has ${n} articles. One line from each (original Korean):`,
};
const ASK: Record<Lang, string> = {
  ko: '어느 기사를 말씀하시는지 알려 주세요:',
  zh: '请问您指的是哪一篇？',
  en: 'Which article do you mean?',
};
/** Longest line quoted per article in an overview. */
const LINE_CHARS = 140;

/** The article's first statement: the first sentence of its first passage that is not debris. */
function lead(chunks: readonly Chunk[]): string {
  for (const c of chunks) for (const s of splitSentences(c.text)) if (!isJunkSentence(s)) return s;
  return chunks[0]?.text ?? '';
}

const clip = (s: string) => ([...s].length > LINE_CHARS ? `${[...s].slice(0, LINE_CHARS - 1).join('')}…` : s);

export function overviewAnswer(toc: readonly TocEntry[], chunksOf: (key: string) => Chunk[], lang: Lang, reportTitle: string): Answer {
  const lines: string[] = [OPEN[lang](reportTitle, toc.length)];
  const hits: SearchHit[] = [];
  const citations: Citation[] = [];
  let section = '';
  for (const e of toc) {
    if (e.section !== section) {
      section = e.section;
      lines.push(`\n**${section}**`);
    }
    const chunks = chunksOf(e.key);
    const first = chunks[0];
    if (!first) {
      lines.push(`- ${e.number}. ${e.title}`);
      continue;
    }
    const sentence = displayText(lead(chunks));
    const hit: SearchHit = { rank: hits.length + 1, score: 0, chunk: first };
    hits.push(hit);
    const id = citations.length + 1;
    citations.push(citationFromHit(hit, id, sentence));
    lines.push(`- ${e.number}. ${e.title}: ${clip(sentence)} [${id}]`);
  }
  const v = verifyCitations(lines.join('\n'), citations);
  return { found: true, answer: v.answer, citations: v.citations, answerer: 'extractive:overview' };
}

const SECTION: Record<Lang, (section: string, n: number) => string> = {
  ko: (s, n) => `「${s}」 섹션에는 ${n}편의 기사가 실려 있습니다:`,
  zh: (s, n) => `「${s}」栏目共收录 ${n} 篇文章：`,
  en: (s, n) => `The “${s}” section has ${n} articles:`,
};

/** A section's articles in order, each cited (its first passage): "how many", "which comes after X". */
export function sectionAnswer(section: string, entries: readonly TocEntry[], chunksOf: (key: string) => Chunk[], lang: Lang): Answer {
  const lines = [SECTION[lang](section, entries.length)];
  const citations: Citation[] = [];
  for (const e of entries) {
    const first = chunksOf(e.key)[0];
    if (!first) {
      lines.push(`- ${e.number}. ${e.title} (p. ${e.page})`);
      continue;
    }
    const id = citations.length + 1;
    citations.push(citationFromHit({ rank: id, score: 0, chunk: first }, id, displayText(lead([first]))));
    lines.push(`- ${e.number}. ${e.title} (p. ${e.page}) [${id}]`);
  }
  const v = verifyCitations(lines.join('\n'), citations);
  return { found: true, answer: v.answer, citations: v.citations, answerer: 'extractive:section' };
}

const SOURCES: Record<Lang, (n: number) => string> = {
  ko: (n) => `해당 기사는 ${n}편입니다(기사 — 원문 출처):`,
  zh: (n) => `共 ${n} 篇文章（文章 — 原文来源）：`,
  en: (n) => `${n} article${n === 1 ? '' : 's'} (article — original source):`,
};

/** Articles with their original sources, each cited: "which articles come from 创业邦", "sources of every article". */
export function sourcesAnswer(entries: readonly TocEntry[], chunksOf: (key: string) => Chunk[], lang: Lang): Answer {
  const lines = [SOURCES[lang](entries.length)];
  const citations: Citation[] = [];
  for (const e of entries) {
    const first = chunksOf(e.key)[0];
    const src = e.source ? ` — ${e.source}` : '';
    if (!first) {
      lines.push(`- ${e.section} ${e.number}. ${e.title} (p. ${e.page})${src}`);
      continue;
    }
    const id = citations.length + 1;
    citations.push(citationFromHit({ rank: id, score: 0, chunk: first }, id, e.source ?? displayText(lead([first]))));
    lines.push(`- ${e.section} ${e.number}. ${e.title} (p. ${e.page})${src} [${id}]`);
  }
  const v = verifyCitations(lines.join('\n'), citations);
  return { found: true, answer: v.answer, citations: v.citations, answerer: 'extractive:sources' };
}

export function clarifyAnswer(candidates: readonly TocEntry[], lang: Lang): Answer {
  const list = candidates.map((e) => `- ${e.section} ${e.number}. ${e.title}`).join('\n');
  return { found: true, answer: `${ASK[lang]}\n${list}`, citations: [], answerer: 'extractive:clarify' };
}
