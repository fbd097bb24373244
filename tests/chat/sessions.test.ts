import { describe, expect, it } from 'vitest';
import { isBareRequest, isSubstitution, resolveFollowUp } from '../../src/chat/followup.js';
import { analyzeQuestion, refersBack } from '../../src/frame/frame.js';
import { MemorySessionStore } from '../../src/chat/sessions.js';
import { readFileSync } from 'node:fs';
import { isCommonWord, termStatsFromTexts } from '../../src/answer/corpus.js';
import { Glossary } from '../../src/retrieve/glossary.js';
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

describe('follow-up resolution', () => {
  const history = [
    { role: 'user' as const, content: '宇树科技在哪些领域取得成果？', at: 0 },
    { role: 'assistant' as const, content: '…', articleIds: ['r:trend-01'], at: 0 },
  ];
  it('recognises back-references in Korean, Chinese and English', () => {
    expect(refersBack('그 회사의 점유율은?', 'ko')).toBe(true);
    expect(refersBack('那它的市场份额呢？', 'zh')).toBe(true);
    expect(refersBack('What about its revenue?', 'en')).toBe(true);
    expect(refersBack('유니트리의 점유율은?', 'ko')).toBe(false);
    expect(refersBack('宇树科技的市场份额是多少？', 'zh')).toBe(false);
  });
  it('treats a bare summary request as about the previous answer', () => {
    expect(isBareRequest('요약해줘')).toBe(true);
    expect(isBareRequest('总结一下')).toBe(true);
    expect(isBareRequest('자동차 기사를 요약해줘')).toBe(false);
  });
  it('carries the previous turn\'s names and cited articles, not its whole wording', () => {
    const ko = [
      { role: 'user' as const, content: 'UBTECH는 어떤 회사야?', at: 0 },
      { role: 'assistant' as const, content: '…', articleIds: ['r:trend-01'], at: 0 },
    ];
    const r = resolveFollowUp(analyzeQuestion('그 회사의 점유율은?', 'ko'), ko);
    expect(r?.articles).toEqual(['r:trend-01']);
    expect(r?.names).toEqual(['UBTECH']);
    expect(r?.standalone).toBe('그 회사의 점유율은? (UBTECH)');
  });
  it('without names to carry, carries the previous question as a topic', () => {
    const r = resolveFollowUp(analyzeQuestion('那它的份额呢？', 'zh'), history);
    expect(r?.names).toEqual([]);
    expect(r?.topic).toBe('宇树科技在哪些领域取得成果？');
  });
  it('leaves a new standalone question alone', () => {
    expect(resolveFollowUp(analyzeQuestion('카눠프 본사는 어디에 있어?', 'ko'), history)).toBeUndefined();
  });
  it('resolves an elliptical question ("2030年呢？") from the previous one', () => {
    expect(resolveFollowUp(analyzeQuestion('2030年呢？', 'zh'), history)?.topic).toBe('宇树科技在哪些领域取得成果？');
  });
});

describe('substitution follow-ups', () => {
  const history = [
    { role: 'user' as const, content: '쑤난 자주혁신구 2022년 순이익은?', at: 0 },
    { role: 'assistant' as const, content: '…', articleIds: ['r:market-05'], at: 0 },
  ];
  const terms = (...t: string[]) => t.map((term) => ({ term, weight: 1 }));
  it('a question of numbers only replaces a part of the previous one; one with its own attribute does not', () => {
    expect(isSubstitution(analyzeQuestion('그러면 2023년은?', 'ko'), terms('2023년', '2023'))).toBe(true);
    expect(isSubstitution(analyzeQuestion('그 회사의 점유율은?', 'ko'), terms('점유율'))).toBe(false);
    expect(resolveFollowUp(analyzeQuestion('그러면 2023년은?', 'ko'), history, { terms: terms('2023년') })?.elliptical).toBe(true);
    // Without the analysed terms nothing is taken for a substitution.
    expect(resolveFollowUp(analyzeQuestion('그러면 2023년은?', 'ko'), history)?.elliptical).toBe(false);
  });
});

describe('a follow-up carries subjects, not everyday words', () => {
  // The report pairs everyday words too (기업(企业)): without its term statistics they would be
  // carried as the subject at full weight.
  const report = readFileSync(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url), 'utf8');
  const glossary = Glossary.fromTexts([report]);
  // Passages of about the index's size (500 characters).
  const stats = termStatsFromTexts(report.match(/[^]{1,500}/gu) ?? []);
  const history = [
    { role: 'user' as const, content: '저고도 경제 기업 밀집도 상위 도시는?', at: 0 },
    { role: 'assistant' as const, content: '…', articleIds: ['r:trend-04'], at: 0 },
  ];
  const question = analyzeQuestion('그럼 2위는?', 'ko', { glossary });
  it('takes a glossary word for a name unless the report finds it common', () => {
    expect(resolveFollowUp(question, history, { glossary })?.names).toContain('기업');
    const r = resolveFollowUp(question, history, { glossary, common: (ko) => isCommonWord(stats, ko) });
    expect(r?.names).not.toContain('기업');
    expect(r?.standalone).toBe('그럼 2위는? (저고도 경제 기업 밀집도 상위 도시는?)');
  });
});

describe('a chain of follow-ups is read flat', () => {
  it('asking the same follow-up again does not nest the previous reading', () => {
    const first = '저고도 경제 기업 밀집도 상위 도시는?';
    const q = analyzeQuestion('그럼 2위는?', 'ko');
    const turn1 = resolveFollowUp(q, [
      { role: 'user' as const, content: first, at: 0 },
      { role: 'assistant' as const, content: '…', at: 0 },
    ])!;
    expect(turn1.standalone).toBe(`그럼 2위는? (${first})`);
    const turn2 = resolveFollowUp(q, [
      { role: 'user' as const, content: '그럼 2위는?', standalone: turn1.standalone, at: 0 },
      { role: 'assistant' as const, content: '…', at: 0 },
    ])!;
    expect(turn2.standalone).toBe(`그럼 2위는? (${first})`);
    expect(turn2.topic).toBe(first);
    // A different follow-up keeps the chain, each question once.
    const turn3 = resolveFollowUp(analyzeQuestion('그럼 3위는?', 'ko'), [
      { role: 'user' as const, content: '그럼 2위는?', standalone: turn2.standalone, at: 0 },
      { role: 'assistant' as const, content: '…', at: 0 },
    ])!;
    expect(turn3.standalone).toBe(`그럼 3위는? (그럼 2위는? · ${first})`);
  });
});
