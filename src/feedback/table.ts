/**
 * Feedback records as a plain-text table for the terminal (`npm run feedback`): newest first,
 * one line per record. Korean and Chinese characters take two terminal columns, so widths are
 * measured in columns, not characters, to keep the columns aligned.
 */
import type { FeedbackRecord } from '../types.js';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** Terminal columns taken by `s`. */
export function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/**
 * One line of printable text: whitespace runs and control characters (C0, DEL, C1) become one
 * space, so a stored comment cannot move the cursor or recolour the operator's terminal.
 */
export function flat(s: string): string {
  return s.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/** `s` on one line, cut to at most `width` columns (with … when cut), padded with spaces to `width`. */
export function fit(s: string, width: number): string {
  const flat1 = flat(s);
  let out = '';
  let used = 0;
  for (const ch of flat1) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (used + w > width - (columns(flat1) > width ? 1 : 0)) {
      out += '…';
      used += 1;
      break;
    }
    out += ch;
    used += w;
  }
  return out + ' '.repeat(Math.max(0, width - used));
}

export function feedbackTable(records: FeedbackRecord[], opts: { questionWidth?: number; answerWidth?: number } = {}): string {
  const qw = opts.questionWidth ?? 36;
  const aw = opts.answerWidth ?? 48;
  const head = `${fit('time (UTC)', 19)}  ${fit('rating', 7)}  ${fit('question', qw)}  ${fit('answer', aw)}  comment`;
  const lines = records.map((r) => {
    const time = r.at.replace('T', ' ').slice(0, 19);
    const rating = r.rating === 'up' ? '👍 up' : '👎 down';
    return `${fit(time, 19)}  ${fit(rating, 7)}  ${fit(r.question, qw)}  ${fit(r.answer, aw)}  ${flat(r.comment ?? '')}`.trimEnd();
  });
  const up = records.filter((r) => r.rating === 'up').length;
  return [head, '-'.repeat(columns(head) + 8), ...lines, '', `${records.length} ratings: ${up} up, ${records.length - up} down`].join('\n');
}
