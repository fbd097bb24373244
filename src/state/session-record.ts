/**
 * The stored form of a session, shared by every SessionStore: one JSON record, validated with
 * zod when it is read back (a record of the wrong shape, from an older version, a bug or a hand
 * edit, is dropped, never served), and bounded before it is written: turns (SESSION_MAX_TURNS),
 * the answer and quotes a turn keeps, and the record's bytes (SESSION_MAX_BYTES; the oldest turns
 * go first). Counting the bytes of the record itself, as written, makes the bound the same for
 * memory, SQLite and Redis.
 */
import { z } from 'zod';
import type { Citation, Session, Turn } from '../types.js';

/** The longest answer a turn keeps for GET /api/sessions/:id (the response itself is never cut). */
export const STORED_ANSWER_CHARS = 4000;
/** The longest citation quote a turn keeps. */
export const STORED_QUOTE_CHARS = 500;
/** Citations a turn keeps. */
export const STORED_CITATIONS = 20;

const citationSchema = z.object({
  id: z.number(),
  section: z.string(),
  article: z.object({ number: z.string(), title: z.string() }),
  heading: z.string(),
  page: z.number(),
  quote: z.string(),
  source: z.object({ title: z.string(), url: z.string().optional() }).optional(),
  chunkId: z.string(),
  articleId: z.string(),
});

const turnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  articleIds: z.array(z.string()).optional(),
  standalone: z.string().optional(),
  answer: z.string().optional(),
  citations: z.array(citationSchema).optional(),
  at: z.number(),
});

export const sessionSchema = z.object({
  id: z.string().min(1).max(512),
  turns: z.array(turnSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  owner: z.string().optional(),
});

export interface SessionLimits {
  maxTurns: number;
  /** Bytes of one session's JSON record. */
  maxBytes: number;
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

function boundCitation(c: Citation): Citation {
  return c.quote.length > STORED_QUOTE_CHARS ? { ...c, quote: cut(c.quote, STORED_QUOTE_CHARS) } : c;
}

function boundTurn(t: Turn): Turn {
  let out = t;
  if (t.answer !== undefined && t.answer.length > STORED_ANSWER_CHARS) out = { ...out, answer: cut(t.answer, STORED_ANSWER_CHARS) };
  if (t.citations && (t.citations.length > STORED_CITATIONS || t.citations.some((c) => c.quote.length > STORED_QUOTE_CHARS))) {
    out = { ...out, citations: t.citations.slice(0, STORED_CITATIONS).map(boundCitation) };
  }
  return out;
}

/**
 * The record to write for `s`: turns bounded, then the oldest turns dropped until the JSON fits
 * `maxBytes` (a user turn is dropped with the assistant turn that answered it, so the history
 * never starts with an answer). A single exchange larger than the bound is kept without its
 * stored answer and citations, then, if still too large, dropped (an empty session is kept).
 */
export function encodeSession(s: Session, limits: SessionLimits): { json: string; bytes: number; session: Session } {
  let turns = s.turns.length > limits.maxTurns ? s.turns.slice(-limits.maxTurns) : s.turns;
  if (turns[0]?.role === 'assistant') turns = turns.slice(1);
  turns = turns.map(boundTurn);
  const build = (t: Turn[]) => {
    const session: Session = { ...s, turns: t };
    const json = JSON.stringify(session);
    return { json, bytes: Buffer.byteLength(json, 'utf8'), session };
  };
  let rec = build(turns);
  if (rec.bytes <= limits.maxBytes) return rec;
  // Drop whole exchanges from the front; estimate how many from the per-turn sizes (one JSON
  // serialisation per try would be quadratic on a long session).
  const sizes = turns.map((t) => Buffer.byteLength(JSON.stringify(t), 'utf8') + 1);
  let excess = rec.bytes - limits.maxBytes;
  let from = 0;
  // The last exchange is never dropped here: it is slimmed below first.
  let last = turns.length - 1;
  while (last > 0 && turns[last]!.role !== 'user') last--;
  while (from < last && excess > 0) {
    excess -= sizes[from]!;
    from++;
    // Keep user/assistant pairs together.
    while (from < last && turns[from]!.role === 'assistant') excess -= sizes[from++]!;
  }
  rec = build(turns.slice(from));
  if (rec.bytes <= limits.maxBytes) return rec;
  const slim = rec.session.turns.map(({ answer: _a, citations: _c, ...t }) => t);
  rec = build(slim);
  return rec.bytes <= limits.maxBytes ? rec : build([]);
}

export type DecodeResult = { ok: true; session: Session } | { ok: false; error: string };

/** Parses and validates a stored record. */
export function decodeSession(json: string): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  const parsed = sessionSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { ok: false, error: `${i.path.join('.') || 'record'}: ${i.message}` };
  }
  return { ok: true, session: parsed.data as Session };
}
