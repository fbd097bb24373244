/**
 * Turns the lines of one article (boilerplate, heading and source block already removed) into
 * blocks: rejoined paragraphs, tables with their captions, lists, each with its heading path.
 *
 * How the corpus's traps are answered here:
 * - Lines cut at the column are rejoined (lines.ts decides the separator). A paragraph goes on
 *   while its last line does not end a sentence; after a sentence end it goes on only if that
 *   line was as wide as the paragraph (the column, not the author, ended it) and the next line
 *   reads as prose. Short, unterminated lines are headings or labels, never glued to prose.
 * - Headings: "◼" (level 2, may wrap over two lines), "－ short title" and "(1) …" (level 3),
 *   and level-1 title lines ("산업 개요", "통합의 핵심 논리: …"): narrower than the column, no
 *   sentence end, few numbers, and followed by prose or by a "◼"/"(n)" heading.
 * - "－ …한다." lines (policy articles) are list items: grouped into one 'list' block.
 * - Captions "도표 N. …" (sometimes two on a line) start a table when table rows follow; a
 *   caption that interrupts a sentence ("…가장 먼저 상" / 도표 13 / "용화되고") is set aside and
 *   emitted after the paragraph, as are footnotes. A caption with no rows (a chart) is kept as
 *   a one-line paragraph: it names what the chart shows.
 * - Tables are flattened rows ending when prose, a heading or a new caption starts. Inside a
 *   table, cells are written in the nominal style ("…형성됨") and wrap in a narrower column, so
 *   only a full-width line starting a real sentence ends it. Rows cut mid-word are rejoined;
 *   other rows are kept one per line ("\n").
 * - Runs of short non-prose lines without a caption: with bullets or numeric rows they are a
 *   table (카눠프's history and product tables, the events table); otherwise labels (KIC 04's
 *   speaker photos), kept as one 'list' block, one label per line, so they neither vanish nor
 *   break the paragraphs around them.
 */
import type { Block } from '../types.js';
import {
  isBullet,
  isDashLine,
  isNumberedHeading,
  isOrdinalHeading,
  isSquareHeading,
  stripMarker,
} from './headings.js';
import { isDataRow, isFigureRow, isNoise, joinLines, joinSeparator, type Line } from './lines.js';
import { digitGroups, endsSentence } from './text.js';

export interface BlockLine extends Line {
  /** Report page of the line (contents numbering). */
  page: number;
  /** Part of a page-bottom footnote (footnotes.ts). */
  footnote: boolean;
}

const CAPTION = /^도표\s*\d+\s*\./;

/** "도표 5. A 도표 6. B" → ["도표 5. A", "도표 6. B"]. */
export function splitCaptions(text: string): string[] {
  return text
    .split(/(?=도표\s*\d+\s*\.)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

type Deferred = { kind: 'caption' | 'footnote'; text: string; page: number };

export function buildBlocks(lines: readonly BlockLine[], fullWidth: number): Block[] {
  return new BlockBuilder(lines.filter((l) => !isNoise(l.text)), fullWidth).run();
}

class BlockBuilder {
  private readonly blocks: Block[] = [];
  private readonly slots: Array<string | undefined> = [undefined, undefined, undefined];
  private deferred: Deferred[] = [];
  private readonly titleMemo = new Map<string, boolean>();
  private readonly unitMemo = new Map<number, { lines: BlockLine[]; terminated: boolean }>();

  constructor(
    private readonly lines: readonly BlockLine[],
    private readonly full: number,
  ) {}

  run(): Block[] {
    let i = 0;
    while (i < this.lines.length) i = this.step(i);
    this.flushDeferred();
    return this.blocks;
  }

  // ───────────── predicates ─────────────

  private isCaption(i: number): boolean {
    return CAPTION.test(this.lines[i]!.text);
  }

  /** Lines that start something of their own (never a paragraph's continuation). */
  private isMarker(i: number): boolean {
    const t = this.lines[i]!.text;
    return isSquareHeading(t) || isDashLine(t) || isNumberedHeading(t) || isBullet(t) || isOrdinalHeading(t);
  }

  private isInterrupter(i: number): boolean {
    return this.isCaption(i) || this.lines[i]!.footnote;
  }

  private isDashHeading(i: number): boolean {
    const l = this.lines[i]!;
    return isDashLine(l.text) && !endsSentence(l.text) && !l.cut && l.width < 0.6 * this.full;
  }

  private isFull(l: BlockLine): boolean {
    return l.width >= 0.85 * this.full;
  }

  /**
   * The sentence starting at line i: lines up to the first sentence end (at most 16 lines),
   * skipping captions and footnotes that interrupt it, stopping at markers and title lines.
   */
  private unit(i: number): { lines: BlockLine[]; terminated: boolean } {
    const memo = this.unitMemo.get(i);
    if (memo) return memo;
    const out: BlockLine[] = [];
    let terminated = false;
    let j = i;
    while (j < this.lines.length && out.length < 16) {
      const l = this.lines[j]!;
      out.push(l);
      // A sentence may end inside a line ("…밝혔다. 이에 따라 …"): Korean declaratives end in
      // "다." (table cells in the nominal style, "…본격화됨. 특히", do not count).
      if (endsSentence(l.text) || /[다요][.!?]["'”’)]*\s/.test(l.text)) {
        terminated = true;
        break;
      }
      // A line ending in the nominal style ("…규제함", "…형성됨") is a complete table cell.
      if (!l.cut && /(함|됨|음)$/.test(l.text)) break;
      let k = j + 1;
      while (k < this.lines.length && this.isInterrupter(k)) k++;
      if (k >= this.lines.length || this.isMarker(k) || this.isTitle(k, false)) break;
      j = k;
    }
    const res = { lines: out, terminated };
    this.unitMemo.set(i, res);
    return res;
  }

  /** Prose outside tables: a sentence that ends, laid out as running text. */
  private looseProse(i: number): boolean {
    if (this.isMarker(i) || this.isInterrupter(i)) return false;
    const u = this.unit(i);
    if (!u.terminated) return false;
    if (u.lines.length === 1) return true;
    const first = u.lines[0]!;
    // The first line itself must look like running text: full width (of the page's column or,
    // in a narrow column, of its neighbours) or cut mid-word. Otherwise a table row followed
    // by a page of prose would pass for prose ("구분 2022 년 2023 년" … "…구성되어 있다.").
    if (this.isFull(first) || first.cut) return true;
    // A narrow column (≥ 30% of the page's): its full lines, with a word cut somewhere.
    const local = this.localWidth(i);
    return local >= 0.3 * this.full && first.width >= 0.85 * local && u.lines.slice(0, -1).some((l) => l.cut);
  }

  /** Prose that ends a table: a full-width line opening a sentence that ends, with few digits. */
  private strictProse(i: number): boolean {
    if (this.isMarker(i) || this.isInterrupter(i)) return false;
    const first = this.lines[i]!;
    if (!this.isFull(first) || isFigureRow(first.text) || /[⚫●•]/.test(first.text)) return false;
    return this.unit(i).terminated;
  }

  /** A level-1 title line ("산업 개요", "시장 기회", "통합의 핵심 논리: …"). */
  private isTitle(i: number, strict: boolean): boolean {
    const key = `${i}:${strict}`;
    const memo = this.titleMemo.get(key);
    if (memo !== undefined) return memo;
    this.titleMemo.set(key, false); // guards against cycles
    const res = this.computeTitle(i, strict);
    this.titleMemo.set(key, res);
    return res;
  }

  private computeTitle(i: number, strict: boolean): boolean {
    const l = this.lines[i]!;
    const t = l.text;
    if (this.isMarker(i) || this.isInterrupter(i) || l.footnote || l.boxStart) return false;
    if (l.cut || endsSentence(t) || l.width > 0.85 * this.full) return false;
    // Nominal endings ("…경고함", "…형성됨", "…있음") are table cells, not titles.
    if (/(함|됨|음|임)$/.test(t)) return false;
    // Narrower than the column around it: in the narrow columns (the low-altitude article's
    // chart area, KIC 04) every prose line is short, and only a much shorter line is a title.
    if (l.width > 0.85 * this.localWidth(i)) return false;
    if (digitGroups(t) > 1 || t.includes('%') || /[,·(‘“]$/.test(t)) return false;
    // Two spaces separate table cells ("통합 서비스  베이팡톈투, …"); titles have none.
    if (/\S {2,}\S/.test(t)) return false;
    // A title never starts in the middle of a word.
    const prev = this.prevIndex(i);
    if (prev >= 0 && this.lines[prev]!.cut) return false;
    const k = i + 1;
    if (k >= this.lines.length) return false;
    // Headings are kept with their text: a short line closing a page, with prose only on the
    // next page, is a photo label ("강영호" under KIC 04's photos), not a heading.
    if (this.lines[k]!.pageBreak) return false;
    const next = this.lines[k]!.text;
    if (isSquareHeading(next) || isNumberedHeading(next) || this.isDashHeading(k)) return true;
    return strict ? this.strictProse(k) : this.looseProse(k);
  }

  /** Index of the previous line that is not a caption or footnote, or -1. */
  private prevIndex(i: number): number {
    let k = i - 1;
    while (k >= 0 && this.isInterrupter(k)) k--;
    return k;
  }

  /** Width of the column around line i: the widest of its three neighbours on each side. */
  private localWidth(i: number): number {
    let w = 0;
    for (let k = Math.max(0, i - 3); k <= Math.min(this.lines.length - 1, i + 3); k++) {
      if (k === i || this.isMarker(k) || this.isInterrupter(k)) continue;
      w = Math.max(w, this.lines[k]!.width);
    }
    return w > 0 ? Math.min(w, this.full) : this.full;
  }

  // ───────────── emitters ─────────────

  private get headings(): string[] {
    return this.slots.filter((s): s is string => s !== undefined && s.length > 0);
  }

  private setHeading(level: 1 | 2 | 3, text: string): void {
    this.slots[level - 1] = text;
    for (let k = level; k < this.slots.length; k++) this.slots[k] = undefined;
  }

  private emit(kind: Block['kind'], text: string, page: number, caption?: string): void {
    const t = text.trim();
    if (t.length === 0 && caption === undefined) return;
    const b: Block = { kind, text: t, page, headings: this.headings };
    if (caption !== undefined) b.caption = caption;
    this.blocks.push(b);
  }

  private flushDeferred(): void {
    const d = this.deferred;
    this.deferred = [];
    for (const x of d) this.emit('paragraph', x.text, x.page);
  }

  /** Sets an interrupter aside (to be emitted after the current block); returns the next index. */
  private defer(i: number): number {
    const l = this.lines[i]!;
    if (l.footnote) {
      const group: BlockLine[] = [];
      let j = i;
      while (j < this.lines.length && this.lines[j]!.footnote) group.push(this.lines[j++]!);
      this.deferred.push({ kind: 'footnote', text: joinLines(group), page: l.page });
      return j;
    }
    for (const c of splitCaptions(l.text)) this.deferred.push({ kind: 'caption', text: c, page: l.page });
    return i + 1;
  }

  // ───────────── the loop ─────────────

  private step(i: number): number {
    const l = this.lines[i]!;
    const t = l.text;
    if (l.footnote) {
      const j = this.defer(i);
      this.flushDeferred();
      return j;
    }
    if (this.isCaption(i)) return this.caption(i);
    if (isSquareHeading(t) || isNumberedHeading(t)) return this.markerHeading(i, isSquareHeading(t) ? 2 : 3);
    if (isOrdinalHeading(t)) {
      this.setHeading(2, t);
      return i + 1;
    }
    if (isDashLine(t)) {
      if (this.isDashHeading(i)) {
        this.setHeading(3, stripMarker(t));
        return i + 1;
      }
      return this.list(i);
    }
    if (this.isTitle(i, false)) {
      this.setHeading(1, t);
      return i + 1;
    }
    if (isBullet(t) || !this.looseProse(i)) return this.nonProseRun(i);
    return this.paragraph(i);
  }

  /** "◼ …" or "(1) …" heading; a full-width heading without a sentence end wraps onto the next line. */
  private markerHeading(i: number, level: 2 | 3): number {
    const parts: BlockLine[] = [this.lines[i]!];
    let j = i + 1;
    while (
      j < this.lines.length &&
      parts.length < 3 &&
      this.isFull(parts[parts.length - 1]!) &&
      !endsSentence(parts[parts.length - 1]!.text) &&
      !this.isMarker(j) &&
      !this.isInterrupter(j) &&
      this.lines[j]!.width < 0.6 * this.full
    ) {
      parts.push(this.lines[j]!);
      j++;
    }
    this.setHeading(level, stripMarker(joinLines(parts)));
    return j;
  }

  private paragraph(i: number): number {
    const para: BlockLine[] = [this.lines[i]!];
    let ref = this.lines[i]!.width;
    let j = i + 1;
    while (j < this.lines.length) {
      const last = para[para.length - 1]!;
      const open = !endsSentence(last.text) || last.cut;
      if (this.isInterrupter(j)) {
        if (!open) break;
        j = this.defer(j);
        continue;
      }
      if (this.isMarker(j)) break;
      const next = this.lines[j]!;
      if (!open) {
        // A sentence ended at the line's end: the paragraph ends unless the column cut it (the
        // line is as wide as the paragraph's others) and the next line reads as prose.
        const width = Math.max(ref, para.length === 1 ? this.full : 0);
        if (last.width < 0.9 * width) break;
        if (this.isTitle(j, false) || !this.looseProse(j)) break;
        // "첫째, …" / "둘째, …" open paragraphs of their own.
        if (/^(첫|둘|셋|넷|다섯|여섯)째[\s,]/.test(next.text)) break;
      }
      para.push(next);
      ref = Math.max(ref, next.width);
      j++;
    }
    this.emit('paragraph', joinLines(para), para[0]!.page);
    this.flushDeferred();
    return j;
  }

  /** Consecutive "－ …" list items (policy articles) → one 'list' block, one item per line. */
  private list(i: number): number {
    const items: BlockLine[][] = [];
    let j = i;
    while (j < this.lines.length && isDashLine(this.lines[j]!.text) && !this.isDashHeading(j)) {
      const item: BlockLine[] = [this.lines[j]!];
      j++;
      while (j < this.lines.length) {
        const last = item[item.length - 1]!;
        const open = !endsSentence(last.text) || last.cut;
        if (this.isInterrupter(j)) {
          // A footnote or caption between two items (page bottom) does not end the list.
          let k = j;
          while (k < this.lines.length && this.isInterrupter(k)) k++;
          const nextIsItem = k < this.lines.length && isDashLine(this.lines[k]!.text) && !this.isDashHeading(k);
          if (!open && !nextIsItem) break;
          j = this.defer(j);
          continue;
        }
        if (this.isMarker(j) || !open) break;
        item.push(this.lines[j]!);
        j++;
      }
      items.push(item);
    }
    const text = items.map((it) => stripMarker(joinLines(it))).join('\n');
    this.emit('list', text, this.lines[i]!.page);
    this.flushDeferred();
    return j;
  }

  /** A caption: a table if rows follow, else a chart's caption (a one-line paragraph). */
  private caption(i: number): number {
    const l = this.lines[i]!;
    const captions = splitCaptions(l.text);
    let k = i + 1;
    while (k < this.lines.length && this.isInterrupter(k) && !this.isCaption(k)) k++;
    const rowsFollow =
      k < this.lines.length &&
      !this.isCaption(k) &&
      !isSquareHeading(this.lines[k]!.text) &&
      !isNumberedHeading(this.lines[k]!.text) &&
      !isDashLine(this.lines[k]!.text) &&
      !isOrdinalHeading(this.lines[k]!.text) &&
      !this.isTitle(k, false) &&
      !this.looseProse(k);
    const figures = rowsFollow ? captions.slice(0, -1) : captions;
    for (const c of figures) this.emit('paragraph', c, l.page);
    if (!rowsFollow) return i + 1;
    return this.table(i + 1, captions[captions.length - 1]!, l.page);
  }

  /** Table rows from line i until prose, a heading or a caption. */
  private table(i: number, caption: string | undefined, page: number): number {
    const rows: BlockLine[] = [];
    let j = i;
    while (j < this.lines.length) {
      const l = this.lines[j]!;
      if (this.isCaption(j)) break;
      if (l.footnote) {
        j = this.defer(j);
        continue;
      }
      const t = l.text;
      if (isSquareHeading(t) || isNumberedHeading(t) || isOrdinalHeading(t) || isDashLine(t)) break;
      if (rows.length > 0 && (this.isTitle(j, true) || this.strictProse(j))) break;
      rows.push(l);
      j++;
    }
    this.emitTable(rows, caption, page);
    return j;
  }

  /** Rows cut mid-word are one cell continuing; other lines are rows, one per line. */
  private emitTable(lines: readonly BlockLine[], caption: string | undefined, page: number): void {
    const rows: BlockLine[][] = [];
    for (const l of lines) {
      const prev = rows[rows.length - 1];
      const last = prev?.[prev.length - 1];
      if (prev && last && last.cut && joinSeparator(last.text, true, l.text) === '') prev.push(l);
      else rows.push([l]);
    }
    const text = rows.map((r) => joinLines(r)).join('\n');
    if (caption !== undefined) this.emit('table', text, page, caption);
    else this.emit('table', text, lines[0]?.page ?? page);
    this.flushDeferred();
  }

  /**
   * A run of non-prose lines without a caption: a table when it has bullets or numeric rows,
   * labels (one 'list' block) when it is several short lines, else a small paragraph.
   */
  private nonProseRun(i: number): number {
    const run: BlockLine[] = [this.lines[i]!];
    let j = i + 1;
    while (j < this.lines.length) {
      const t = this.lines[j]!.text;
      if (this.isInterrupter(j)) break;
      if (isSquareHeading(t) || isNumberedHeading(t) || isOrdinalHeading(t) || isDashLine(t)) break;
      if (!isBullet(t) && (this.isTitle(j, false) || this.looseProse(j))) break;
      run.push(this.lines[j]!);
      j++;
    }
    const tableLike = run.some((l) => isBullet(l.text)) || run.filter((l) => isDataRow(l.text)).length >= 2;
    if (tableLike) {
      this.emitTable(run, undefined, run[0]!.page);
      return j;
    }
    if (run.length >= 3) {
      const labels: BlockLine[][] = [];
      for (const l of run) {
        const prev = labels[labels.length - 1];
        if (prev && prev[prev.length - 1]!.cut) prev.push(l);
        else labels.push([l]);
      }
      this.emit('list', labels.map((x) => joinLines(x)).join('\n'), run[0]!.page);
    } else {
      this.emit('paragraph', joinLines(run), run[0]!.page);
    }
    this.flushDeferred();
    return j;
  }
}
