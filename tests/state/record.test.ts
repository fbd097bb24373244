/** The stored session record: bounds (turns, bytes, answer and quotes) and validation. */
import { describe, expect, it } from 'vitest';
import { STORED_ANSWER_CHARS, decodeSession, encodeSession } from '../../src/state/session-record.js';
import type { Session } from '../../src/types.js';
import { citation, exchange, sessionOf } from './sessions.contract.js';

const limits = { maxTurns: 20, maxBytes: 16 * 1024 };

describe('session records', () => {
  it('keeps a small session as it is', () => {
    const s = sessionOf('a', 3);
    const r = encodeSession(s, limits);
    expect(r.session).toEqual(s);
    expect(r.bytes).toBe(Buffer.byteLength(JSON.stringify(s)));
    expect(decodeSession(r.json)).toEqual({ ok: true, session: s });
  });

  it('cuts a stored answer and long quotes, never the turn count alone', () => {
    const [q, a] = exchange(0);
    const s: Session = { ...sessionOf('a', 0), turns: [q!, { ...a!, answer: '가'.repeat(10_000), citations: Array.from({ length: 30 }, (_, i) => citation(i, '나'.repeat(2000))) }] };
    const r = encodeSession(s, { maxTurns: 20, maxBytes: 1 << 20 });
    const t = r.session.turns[1]!;
    expect(t.answer!.length).toBe(STORED_ANSWER_CHARS + 1);
    expect(t.citations).toHaveLength(20);
    expect(t.citations!.every((c) => c.quote.length <= 501)).toBe(true);
  });

  it('an exchange larger than the bound is kept without its answer and citations, or not at all', () => {
    const big: Session = { ...sessionOf('a', 0), turns: [{ ...exchange(0)[0]!, content: '다'.repeat(3000) }, { ...exchange(0)[1]!, answer: '라'.repeat(3000) }] };
    const slim = encodeSession(big, { maxTurns: 20, maxBytes: 12 * 1024 });
    expect(slim.bytes).toBeLessThanOrEqual(12 * 1024);
    expect(slim.session.turns).toHaveLength(2);
    expect(slim.session.turns[1]!.answer).toBeUndefined();
    const none = encodeSession(big, { maxTurns: 20, maxBytes: 4096 });
    expect(none.session.turns).toEqual([]);
    expect(none.bytes).toBeLessThanOrEqual(4096);
  });

  it('rejects records of the wrong shape, naming the path', () => {
    expect(decodeSession('{')).toMatchObject({ ok: false });
    const bad = decodeSession(JSON.stringify({ id: 'a', turns: [{ role: 'system', content: 'x', at: 0 }], createdAt: 0, updatedAt: 0 }));
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error).toMatch(/^turns\.0\.role/);
    expect(decodeSession(JSON.stringify({ id: 'a', turns: [], createdAt: '0', updatedAt: 0 }))).toMatchObject({ ok: false });
  });
});
