import { describe, expect, it } from 'vitest';
import { isBareRequest, isFollowUp, makeStandalone } from '../../src/chat/followup.js';
import { MemorySessionStore } from '../../src/chat/sessions.js';
import type { Session } from '../../src/types.js';

const session = (id: string, n = 1): Session => ({
  id,
  turns: Array.from({ length: n }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `t${i}`, at: 0 }) as const),
  createdAt: 0,
  updatedAt: 0,
});

describe('MemorySessionStore', () => {
  it('expires idle sessions (injected clock)', async () => {
    let now = 1_000;
    const store = new MemorySessionStore({ maxTurns: 10, ttlMs: 60_000, maxSessions: 10, now: () => now });
    await store.save(session('a'));
    now += 59_000;
    expect(await store.get('a')).toBeDefined();
    now += 60_001;
    expect(await store.get('a')).toBeUndefined();
  });

  it('keeps the last turns and evicts the least recently used session', async () => {
    const store = new MemorySessionStore({ maxTurns: 4, ttlMs: 60_000, maxSessions: 2 });
    await store.save(session('a', 10));
    expect((await store.get('a'))!.turns.map((t) => t.content)).toEqual(['t6', 't7', 't8', 't9']);
    await store.save(session('b'));
    await store.get('a'); // a is now more recent than b
    await store.save(session('c'));
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
  });
});

describe('follow-up detection', () => {
  it('recognises back-references in Korean, Chinese and English', () => {
    expect(isFollowUp('그 회사의 점유율은?', 'ko')).toBe(true);
    expect(isFollowUp('那它的市场份额呢？', 'zh')).toBe(true);
    expect(isFollowUp('What about its revenue?', 'en')).toBe(true);
    expect(isFollowUp('유니트리의 점유율은?', 'ko')).toBe(false);
    expect(isFollowUp('宇树科技的市场份额是多少？', 'zh')).toBe(false);
  });
  it('treats a bare summary request as about the previous answer', () => {
    expect(isBareRequest('요약해줘')).toBe(true);
    expect(isBareRequest('总结一下')).toBe(true);
    expect(isBareRequest('자동차 기사를 요약해줘')).toBe(false);
  });
  it('carries over the previous standalone question and cited articles', () => {
    const history = [
      { role: 'user' as const, content: '宇树科技在哪些领域取得成果？', at: 0 },
      { role: 'assistant' as const, content: '…', articleIds: ['r:trend-01'], at: 0 },
    ];
    expect(makeStandalone('那它的份额呢？', 'zh', history)).toEqual({ question: '那它的份额呢？', carried: '宇树科技在哪些领域取得成果？', articles: ['r:trend-01'] });
    expect(makeStandalone('카눠프는 어떤 회사야?', 'ko', history)).toEqual({ question: '카눠프는 어떤 회사야?', articles: [] });
  });
});
