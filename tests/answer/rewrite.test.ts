import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QuestionRewriter, cleanRewrite, formatHistory } from '../../src/answer/rewrite.js';
import { messageText, startFakeOpenAI, type FakeOpenAI } from '../helpers/fakeOpenAI.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.behave({});
});

const rewriter = (timeoutMs = 5000) => new QuestionRewriter({ baseURL: fake.baseURL, model: 'fake-model', temperature: 0, timeoutMs });

const history = [
  { role: 'user' as const, content: '宇树科技的机器人用在哪些行业？' },
  { role: 'assistant' as const, content: '根据报告，宇树科技在电力巡检、国防领域持续取得成果 [1]。' },
];

describe('QuestionRewriter', () => {
  it('rewrites a follow-up with the conversation, from prompts/rewrite.md', async () => {
    fake.behave({ reply: '独立问题：“宇树科技的四足机器人全球市占率有多高？”\n' });
    const q = await rewriter().rewriteQuestion(history, '那它的四足机器人全球市占率有多高？');
    expect(q).toBe('宇树科技的四足机器人全球市占率有多高？');
    const [req] = fake.chatRequests();
    const system = messageText(req!.messages[0]!);
    expect(system).toContain('standalone question');
    expect(system).toContain('user: 宇树科技的机器人用在哪些行业？');
    // Old citation markers are not shown to the rewriter.
    expect(system).toContain('assistant: 根据报告，宇树科技在电力巡检、国防领域持续取得成果。');
    expect(req!.messages[1]).toEqual({ role: 'user', content: '那它的四足机器人全球市占率有多高？' });
  });

  it('returns the question unchanged, without a call, when there is no history', async () => {
    expect(await rewriter().rewriteQuestion([], '유니트리 점유율은?')).toBe('유니트리 점유율은?');
    expect(fake.requests).toHaveLength(0);
  });

  it('throws a TIMEOUT AppError when the model hangs', async () => {
    fake.behave({ hang: true });
    await expect(rewriter(200).rewriteQuestion(history, '那它呢？')).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('cleans labels and quotes, and rejects an answer instead of a question', () => {
    expect(cleanRewrite('Standalone question: "What is Unitree\'s share?"', 'x')).toBe("What is Unitree's share?");
    expect(cleanRewrite('\n\n질문: 야오잉의료에서 처방은 누가 하나요?', 'x')).toBe('야오잉의료에서 처방은 누가 하나요?');
    expect(cleanRewrite('', '원래 질문')).toBe('원래 질문');
    expect(cleanRewrite('가'.repeat(400), '짧은 질문')).toBe('짧은 질문');
  });

  it('keeps the history short', () => {
    const long = Array.from({ length: 10 }, (_, i) => ({ role: 'user' as const, content: `질문 ${i} ${'가'.repeat(600)}` }));
    const text = formatHistory(long.slice(-6));
    expect(text.split('\n')).toHaveLength(6);
    expect(text.split('\n')[0]!.length).toBeLessThan(520);
  });
});

describe('LlmAnswerer.rewriteQuestion', () => {
  it('rewrites with the answerer’s own model and honours the caller’s signal', async () => {
    const { LlmAnswerer } = await import('../../src/answer/llm.js');
    const llm = new LlmAnswerer({ baseURL: fake.baseURL, model: 'fake-model', temperature: 0, timeoutMs: 5000 });
    fake.behave({ reply: '야오잉의료 AI 주치의 서비스에서 처방은 누가 하나요?' });
    const turns = [{ role: 'user' as const, content: '야오잉의료 AI 주치의 서비스는 어떻게 운영돼?', at: 1 }];
    expect(await llm.rewriteQuestion(turns, '그럼 처방은 누가 해?')).toBe('야오잉의료 AI 주치의 서비스에서 처방은 누가 하나요?');
    fake.behave({ hang: true });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(new Error('gone')), 50);
    await expect(llm.rewriteQuestion(turns, '그럼?', ctl.signal)).rejects.toThrow('gone');
  });
});
