/** Plain-text rendering of citations, shared by the OpenAI-compatible endpoint, the CLI and the bots. */
import type { Citation, Lang } from '../types.js';

const PAGE: Record<Lang, (p: number) => string> = { ko: (p) => `${p}쪽`, zh: (p) => `第${p}页`, en: (p) => `p. ${p}` };
export const SOURCES_LABEL: Record<Lang, string> = { ko: '출처', zh: '来源', en: 'Sources' };

/** "산업 트렌드 › 01. 구현 지능 산업 심층 분석 › 산업체인 분석" */
export function citationPath(c: Citation): string {
  return [c.section, `${c.article.number}. ${c.article.title}`, c.heading].filter(Boolean).join(' › ');
}

/** "[1] 산업 트렌드 › 01. … › 산업체인 분석, 9쪽 — https://…" */
export function citationLine(c: Citation, lang: Lang): string {
  const url = c.source?.url ? ` — ${c.source.url}` : '';
  return `[${c.id}] ${citationPath(c)}, ${PAGE[lang](c.page)}${url}`;
}

export function sourcesBlock(citations: Citation[], lang: Lang): string {
  if (!citations.length) return '';
  return `${SOURCES_LABEL[lang]}:\n${citations.map((c) => citationLine(c, lang)).join('\n')}`;
}

/**
 * The answer with its note below it (a misspelt name read as the report's, a long message
 * clipped): for surfaces that show one text, the bots and the OpenAI-compatible endpoint.
 */
export function withNote(answer: string, note: string | undefined): string {
  return note ? `${answer}\n\n${note}` : answer;
}
