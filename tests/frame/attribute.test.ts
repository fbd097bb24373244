/**
 * The asked attribute (src/frame/attribute.ts): what a question wants to know about its subject,
 * read from where its question word stands, in each language. The questions here were written
 * for this test, not taken from the evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/frame/frame.js';
import { askedAttribute } from '../../src/frame/attribute.js';
import { useRealContext } from '../helpers/context.js';

describe('asked attribute', () => {
  it('Korean: the noun a determiner asks about, and the last noun phrase of each clause', () => {
    expect(askedAttribute('화웨이는 어떤 칩을 만들어?', 'ko')).toContain('칩을');
    expect(askedAttribute('유니트리 매출은 얼마야?', 'ko')).toContain('유니트리 매출은');
    expect(askedAttribute('이 회사 직원은 몇 명이고 본사는 어디야?', 'ko')).toEqual(expect.arrayContaining(['본사는']));
  });

  it('Chinese: the word a question word governs, or the word before it', () => {
    expect(askedAttribute('这家公司生产什么产品？', 'zh')).toContain('产品');
    expect(askedAttribute('比亚迪的净利润是多少？', 'zh')).toContain('净利润');
    expect(askedAttribute('该园区重点发展哪两个产业？', 'zh')).toContain('产业');
    expect(askedAttribute('你好', 'zh')).toEqual([]);
    // A noun that only frames the area (方面, 这块) is passed over for the area itself.
    expect(askedAttribute('这项政策在制造业方面有哪些措施？', 'zh')).toContain('制造业');
    expect(askedAttribute('这项政策在制造业方面有哪些措施？', 'zh')).not.toContain('制造业方面');
    expect(askedAttribute('物流这块有什么安排？', 'zh')).toContain('物流');
  });

  it('English: the noun phrase after what / which / how many, or after the copula', () => {
    expect(askedAttribute('Which sensors does the robot use?', 'en')).toContain('sensors');
    expect(askedAttribute('How many employees work there?', 'en')).toContain('employees');
    expect(askedAttribute('What is the annual revenue of Hikvision?', 'en')).toContain('annual revenue');
    // "R&D" is one word (the phrase had stopped at "r", too short to keep: no attribute at all).
    expect(askedAttribute('What is the R&D spending ratio of the zone?', 'en')).toContain('r&d spending ratio');
    expect(askedAttribute('Tell me about drones.', 'en')).toEqual([]);
  });
});

describe('attribute terms through the retriever (real index)', () => {
  const context = useRealContext();

  it("gives a Chinese or English attribute the report's Korean word, and none without an analyzer", () => {
    const analyze = (t: string, l: 'ko' | 'zh' | 'en') => context().retriever.analyze(t, l);
    expect(analyzeQuestion('这家公司有哪些专利？', 'zh', { analyze }).attributeTerms).toContain('특허');
    expect(analyzeQuestion('Which patents does it hold?', 'en', { analyze }).attributeTerms).toContain('특허');
    expect(analyzeQuestion('이 회사의 특허는 몇 건이야?', 'ko', { analyze }).attributeTerms).toContain('특허');
    expect(analyzeQuestion('这家公司有哪些专利？', 'zh').attributeTerms).toEqual([]);
  });

  it("leaves a place or company the question names out of the attribute: it is the subject's, not what is asked", () => {
    const glossary = context().retriever.glossary;
    expect(askedAttribute('广州环保产业博览会在广州哪个展馆举行？', 'zh')).toContain('广州');
    expect(analyzeQuestion('广州环保产业博览会在广州哪个展馆举行？', 'zh', { glossary }).attribute).toEqual(['展馆']);
  });
});
