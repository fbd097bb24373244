/**
 * The answer type a sentence holds (holdsAnswerType, the `typeMatch` feature): a question asking
 * two kinds is answered in part by a sentence holding either, in three languages.
 */
import { describe, expect, it } from 'vitest';
import { holdsAnswerType } from '../../src/answer/features.js';
import { analyzeQuestion } from '../../src/frame/frame.js';

const PERSON = '이 회사의 창립자 겸 CEO 인 김철수 박사는 병원 현장 경험을 바탕으로 회사를 이끌고 있다.';
const YEAR = '2016 년에 설립된 이 회사는 전문 의료진 팀을 구성하였다.';
const NEITHER = '이 회사는 가정 의학과와 전문 진료의 연계 모델을 고수하고 있다.';

describe('a question asking a person and a year', () => {
  it.each([
    ['이 회사 창업자는 누구고 언제 세워졌어?', 'ko'],
    ['这家机器人企业由谁创办？什么时候创办的？', 'zh'],
    ['Who founded the company, and when?', 'en'],
  ] as const)('%s: the person\'s sentence and the year\'s both hold it, a third neither', (q, lang) => {
    const frame = analyzeQuestion(q, lang);
    expect(frame.when && frame.who).toBe(true);
    expect(holdsAnswerType(frame, PERSON)).toBe(true);
    expect(holdsAnswerType(frame, YEAR)).toBe(true);
    expect(holdsAnswerType(frame, NEITHER)).toBe(false);
  });
});

describe('one kind asked', () => {
  it('a date question is held by a date only', () => {
    const frame = analyzeQuestion('이 회사는 언제 세워졌어?', 'ko');
    expect(holdsAnswerType(frame, YEAR)).toBe(true);
    expect(holdsAnswerType(frame, PERSON)).toBe(false);
  });
  it('a figure asked with a date: a sentence of either holds it', () => {
    const frame = analyzeQuestion('언제 출시됐고 판매량은 몇 대야?', 'ko');
    expect(frame.when).toBe(true);
    expect(holdsAnswerType(frame, '2024 년 판매량은 427 만 대로 집계됐다.')).toBe(true);
    expect(holdsAnswerType(frame, '판매량은 427 만 대로 집계됐다.')).toBe(true);
    expect(holdsAnswerType(frame, NEITHER)).toBe(false);
  });
});
