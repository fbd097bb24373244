/** smallTalk(): whole-message greetings and thanks only, replies in the reader's language. */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUESTIONS, smallTalk } from '../../src/chat/smalltalk.js';

describe('smallTalk', () => {
  it.each(['hi', 'Hi!', 'hello there', 'hey 👋', 'Good morning', '안녕', '안녕하세요~', '안녕하세요 ㅎㅎ', '하이', '你好', '您好！', '嗨', '大家好'])('greets back: %s', (m) => {
    expect(smallTalk(m)).toBeDefined();
  });

  it.each(['thanks', 'Thank you very much!', '고마워', '고마워요', '감사합니다!', '谢谢', '非常感谢'])('answers thanks: %s', (m) => {
    expect(smallTalk(m)).toBeDefined();
  });

  it.each(['hi robot이 뭐야', 'Hi Robot', 'hello, what is Unitree’s share?', '안녕, 유니트리 점유율은?', '안녕하세요 화웨이 전략 알려줘', '你好，宇树科技的份额是多少？', '감사 보고서', 'thanks for nothing, where is page 9', '유니트리', 'hi'.repeat(30), ''])('leaves real questions to retrieval: %s', (m) => {
    expect(smallTalk(m)).toBeUndefined();
  });

  it('replies in the language it is given, with that language’s three example questions', () => {
    const ko = smallTalk('hi', 'ko')!;
    expect(ko).toMatch(/^안녕하세요!/);
    for (const q of EXAMPLE_QUESTIONS.ko) expect(ko).toContain(`- ${q}`);
    expect(smallTalk('안녕', 'zh')).toMatch(/^你好！/);
    expect(smallTalk('谢谢', 'en')).toMatch(/^You’re welcome/);
    expect(smallTalk('고마워', 'ko')).toMatch(/^도움이 되었다니 기뻐요!/);
  });

  it('uses the greeting’s own language when none is given', () => {
    expect(smallTalk('你好')).toMatch(/^你好！/);
    expect(smallTalk('안녕')).toMatch(/^안녕하세요!/);
    expect(smallTalk('hello')).toMatch(/^Hello!/);
  });
});
