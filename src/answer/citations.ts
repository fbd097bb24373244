/**
 * Citations: building them from retrieved chunks, and enforcing the contract on an answer text
 * (api.md): every [n] names a citation and every citation is named. Pure functions on strings,
 * shared by the extractive and the LLM answerers (a model's markers are never trusted as given).
 */
import type { Citation, SearchHit } from '../types.js';
import { headingsOf, pageOf } from '../chunk/chunker.js';

// Invisible PDF glyphs: the Symbol-font bullet U+F0D7 between "Unitree" and "宇树科技", zero widths.
const PRIVATE_USE_RE = /[\uE000-\uF8FF]/g;
const INVISIBLE_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Report text as shown and quoted: verbatim but for invisible glyphs and runs of white space. */
export function displayText(text: string): string {
  return text.replace(INVISIBLE_RE, '').replace(PRIVATE_USE_RE, ' ').replace(/\s+/g, ' ').trim();
}

/** Longest quote kept in a citation: enough for the sentence or two actually used. */
export const QUOTE_MAX_CHARS = 300;

/** Cuts a quote at a word boundary below `max` characters and marks the cut with "…". */
export function clipQuote(text: string, max = QUOTE_MAX_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const chars = [...t];
  if (chars.length <= max) return t;
  const head = chars.slice(0, max - 1).join('');
  const cut = head.lastIndexOf(' ');
  // Cut at a space unless that would throw away most of the quote (long CJK runs have none).
  return (cut > max * 0.6 ? head.slice(0, cut) : head).trimEnd() + '…';
}

/** Bullet glyphs the report puts in front of sub-headings (◼ 업 스트림, － 유비테크). */
const HEADING_BULLET_RE = /^[\s◼■□▪▶►●⚫•·\-－–—]+/u;

/** The citation for a retrieved chunk; `quote` is the sentence(s) actually used, verbatim. */
export function citationFromHit(hit: SearchHit, id: number, quote: string): Citation {
  const c = hit.chunk;
  const shown = displayText(quote);
  const headings = headingsOf(c, shown);
  const innermost = headings.length > 0 ? headings[headings.length - 1]! : '';
  const citation: Citation = {
    id,
    section: c.section,
    article: { number: c.articleNumber, title: c.articleTitle },
    heading: innermost.replace(HEADING_BULLET_RE, '').trim(),
    page: pageOf(c, shown),
    quote: clipQuote(shown),
    chunkId: c.id,
    articleId: c.articleId,
  };
  if (c.source) citation.source = c.source.url ? { title: c.source.title, url: c.source.url } : { title: c.source.title };
  return citation;
}

// ───────────────────────── marker verification ─────────────────────────

/**
 * A citation marker as models and people write it: [1], [1, 2], [1-3], [1][2] (two markers),
 * 【1】, full-width ［１］. Digits may be full-width; lists use , ， 、 ; and ranges - – ~.
 */
const MARKER_RE = /[[【［]\s*([0-9０-９]+(?:\s*(?:[,，、;]|[-–~])\s*[0-9０-９]+)*)\s*[\]】］]/gu;
/** A range wider than this is not a citation range ([1-500] is not 500 citations). */
const MAX_RANGE = 20;

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

/** The ids a marker's inside names, in written order: "1, 3-5" → [1, 3, 4, 5]. */
export function parseMarker(inside: string): number[] {
  const ids: number[] = [];
  for (const part of toAsciiDigits(inside).split(/\s*[,，、;]\s*/)) {
    const range = /^(\d+)\s*[-–~]\s*(\d+)$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b >= a && b - a < MAX_RANGE) for (let i = a; i <= b; i++) ids.push(i);
      else ids.push(a, b);
    } else if (/^\d+$/.test(part)) ids.push(Number(part));
  }
  return ids;
}

export interface VerifiedAnswer {
  /** The text with markers rewritten as [n] (one id per bracket) or removed. */
  answer: string;
  /** The cited citations only, renumbered 1..k in order of first appearance. */
  citations: Citation[];
  /** Ids (as numbered in the input) that the text named but no citation had; removed. */
  removedMarkers: number[];
}

/**
 * Enforces the citation contract on an answer:
 * - markers naming no citation are removed (partly valid lists keep their valid ids);
 * - citations never cited are dropped;
 * - the rest are renumbered 1..k by first appearance and every marker is rewritten in the
 *   canonical form "[n]" ("[1, 2]" → "[1][2]", "【3】" → "[3]"), repeated ids in a row collapsed.
 * Afterwards every [n] in the text has a citation and every citation is used; the function is
 * idempotent.
 */
export function verifyCitations(answerText: string, citations: ReadonlyArray<Citation>): VerifiedAnswer {
  const byId = new Map<number, Citation>();
  for (const c of citations) if (!byId.has(c.id)) byId.set(c.id, c);
  const renumber = new Map<number, number>();
  const removedMarkers: number[] = [];

  let text = answerText.replace(MARKER_RE, (_m, inside: string) => {
    const out: number[] = [];
    for (const id of parseMarker(inside)) {
      if (!byId.has(id)) {
        removedMarkers.push(id);
        continue;
      }
      if (!renumber.has(id)) renumber.set(id, renumber.size + 1);
      const n = renumber.get(id)!;
      if (!out.includes(n)) out.push(n);
    }
    // A placeholder that cannot occur in text, so whitespace around removed markers can be
    // tidied after all replacements without touching the author's own spacing elsewhere.
    return out.length > 0 ? out.map((n) => `[${n}]`).join('') : '\u0000';
  });

  // Removed markers: drop them with the space that separated them from the claim; then
  // "[1] [1]" or "[1][1]" (renumbering can make neighbours equal) → "[1]".
  text = dropPlaceholders(text).replace(/(\[\d+\])(?:[ \t]*\1)+/g, '$1');

  const used = [...renumber].sort((a, b) => a[1] - b[1]).map(([oldId, newId]) => ({ ...byId.get(oldId)!, id: newId }));
  return { answer: text, citations: used, removedMarkers };
}

/** Removes every citation marker (for answers that must cite nothing, e.g. found: false). */
export function stripMarkers(text: string): string {
  return dropPlaceholders(text.replace(MARKER_RE, '\u0000'));
}

/** Removes \u0000 placeholders left where markers were, tidying the spaces around them. */
function dropPlaceholders(text: string): string {
  return text
    .replace(/[ \t]*\u0000+(?=[ \t]*(?:[.,;:!?。，、；：！？)\]）」』]|\n|$))/g, '')
    .replace(/(^|\n)[ \t]*\u0000+[ \t]*/g, '$1')
    .replace(/[ \t]*\u0000+[ \t]*/g, ' ');
}

/** The ids named by [n] markers in a text, in order (for checks and tests). */
export function markerIds(text: string): number[] {
  return [...text.matchAll(MARKER_RE)].flatMap((m) => parseMarker(m[1]!));
}
