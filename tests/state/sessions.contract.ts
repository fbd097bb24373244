/**
 * The contract every SessionStore passes (memory, SQLite, Redis): round trip, copies, delete,
 * idle expiry, turn and byte bounds, and invalid records dropped (never served). Each
 * implementation's test file calls `sessionStoreContract` with a factory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSession } from '../../src/state/session-record.js';
import type { Citation, Session, SessionStore, Turn } from '../../src/types.js';

export interface StoreUnderTest {
  store: SessionStore;
  /** Writes a raw record for `id`, bypassing the store's encoding (to test validation on load); stores that load nothing from outside have none. */
  writeRaw?(id: string, json: string): Promise<void>;
  /** Warnings the store logged. */
  warnings: string[];
  cleanup(): Promise<void>;
}

export interface ContractLimits {
  maxTurns: number;
  maxBytes: number;
  ttlMs: number;
  /** All sessions together (stores that bound the total). */
  maxTotalBytes: number;
  now: () => number;
}

export const citation = (id: number, quote = '유니트리는 69.75%의 점유율로 1위입니다.'): Citation => ({
  id,
  section: '산업 분석',
  article: { number: '01', title: '구현 지능' },
  heading: '시장',
  page: 9,
  quote,
  source: { title: '후이보즈쉰', url: 'https://example.com/a' },
  chunkId: 'r:trend-01:0',
  articleId: 'trend-01',
});

export function exchange(i: number, questionChars = 20, at = 1_000): Turn[] {
  return [
    { role: 'user', content: `질문 ${i} ${'가'.repeat(questionChars)}`, standalone: `질문 ${i}`, at },
    { role: 'assistant', content: `답 ${i} [1]`, articleIds: ['r:trend-01'], citations: [citation(1)], at },
  ];
}

export const sessionOf = (id: string, exchanges: number, questionChars = 20, owner?: string): Session => ({
  id,
  turns: Array.from({ length: exchanges }, (_, i) => exchange(i, questionChars)).flat(),
  createdAt: 1_000,
  updatedAt: 1_000,
  ...(owner ? { owner } : {}),
});

export function sessionStoreContract(
  name: string,
  make: (limits: ContractLimits) => Promise<StoreUnderTest>,
  opts: { boundsTotal: boolean; skip?: boolean; validatesOnRead?: boolean } = { boundsTotal: true },
): void {
  describe.skipIf(opts.skip)(`SessionStore contract: ${name}`, () => {
    let clock = 1_000_000;
    const limits = (over: Partial<ContractLimits> = {}): ContractLimits => ({ maxTurns: 20, maxBytes: 64 * 1024, ttlMs: 60_000, maxTotalBytes: 8 * 1024 * 1024, now: () => clock, ...over });
    let current: StoreUnderTest | undefined;
    const open = async (over: Partial<ContractLimits> = {}) => (current = await make(limits(over)));
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    it('answers undefined for an unknown id, round-trips a session with its owner and citations, deletes', async () => {
      const { store } = await open();
      expect(await store.get('s_nope')).toBeUndefined();
      const s = sessionOf('s_aaaaaaaaaaaaaaaaaaaaaa', 2, 20, 'key:abc');
      await store.save(s);
      const got = (await store.get(s.id))!;
      expect(got.id).toBe(s.id);
      expect(got.owner).toBe('key:abc');
      expect(got.turns).toEqual(s.turns);
      expect(got.updatedAt).toBe(clock);
      await store.delete(s.id);
      expect(await store.get(s.id)).toBeUndefined();
      await store.delete(s.id); // deleting twice is fine
    });

    it('hands out copies: changing what get returned does not change the stored session', async () => {
      const { store } = await open();
      await store.save(sessionOf('a', 1));
      const got = (await store.get('a'))!;
      got.turns.push(...exchange(9));
      got.turns[0]!.content = 'changed';
      const again = (await store.get('a'))!;
      expect(again.turns).toHaveLength(2);
      expect(again.turns[0]!.content).not.toBe('changed');
    });

    it('expires idle sessions (injected clock); a save renews the idle time', async () => {
      const { store } = await open({ ttlMs: 60_000 });
      await store.save(sessionOf('a', 1));
      clock += 50_000;
      await store.save((await store.get('a'))!);
      clock += 50_000;
      expect(await store.get('a')).toBeDefined();
      clock += 60_001;
      expect(await store.get('a')).toBeUndefined();
    });

    it('keeps the last SESSION_MAX_TURNS turns, never starting with an answer', async () => {
      const { store } = await open({ maxTurns: 5 });
      await store.save(sessionOf('a', 10));
      const turns = (await store.get('a'))!.turns;
      expect(turns.length).toBeLessThanOrEqual(5);
      expect(turns[0]!.role).toBe('user');
      expect(turns.at(-1)!.content).toBe('답 9 [1]');
    });

    it('bounds a session in bytes: the oldest exchanges go first, the record fits SESSION_MAX_BYTES', async () => {
      const { store } = await open({ maxBytes: 16 * 1024 });
      // 10 exchanges of 2,000 Hangul syllables (6 KB each in UTF-8): 60 KB before the bound.
      await store.save(sessionOf('a', 10, 2000));
      const got = (await store.get('a'))!;
      expect(Buffer.byteLength(JSON.stringify(got))).toBeLessThanOrEqual(16 * 1024);
      expect(got.turns.length).toBeGreaterThanOrEqual(2);
      expect(got.turns[0]!.role).toBe('user');
      expect(got.turns.at(-1)!.content).toBe('답 9 [1]');
      // Long quotes are cut, not stored whole.
      await store.save({ ...sessionOf('b', 0), turns: [exchange(0)[0]!, { ...exchange(0)[1]!, citations: [citation(1, '나'.repeat(5000))] }] });
      expect((await store.get('b'))!.turns[1]!.citations![0]!.quote.length).toBeLessThan(1000);
    });

    it.skipIf(!opts.boundsTotal)('bounds all sessions in bytes: the least recently saved go first', async () => {
      const one = encodeSession(sessionOf('x', 2, 1000), { maxTurns: 20, maxBytes: 64 * 1024 }).bytes;
      const { store } = await open({ maxTotalBytes: one * 5 + 100 });
      for (let i = 0; i < 12; i++) {
        clock += 1;
        await store.save(sessionOf(`s${i}`, 2, 1000));
      }
      const kept = [];
      for (let i = 0; i < 12; i++) if (await store.get(`s${i}`)) kept.push(i);
      expect(kept.length).toBeLessThanOrEqual(5);
      expect(kept.length).toBeGreaterThanOrEqual(4);
      expect(kept).toContain(11);
      expect(kept).not.toContain(0);
    });

    it.skipIf(opts.validatesOnRead === false)('drops a record of the wrong shape with one warning, and never serves it', async () => {
      const sut = await open();
      const good = sessionOf('bad', 1);
      await sut.writeRaw!('bad', JSON.stringify({ ...good, updatedAt: clock, turns: [{ role: 'system', content: 42 }] }));
      await sut.writeRaw!('worse', '{not json');
      expect(await sut.store.get('bad')).toBeUndefined();
      expect(await sut.store.get('worse')).toBeUndefined();
      expect(await sut.store.get('bad')).toBeUndefined();
      expect(sut.warnings.filter((w) => /invalid session/.test(w))).toHaveLength(2);
      // The id is usable again.
      await sut.store.save(good);
      expect((await sut.store.get('bad'))!.turns).toHaveLength(2);
    });
  });
}
