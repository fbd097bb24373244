import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/retrieve/language.js';

describe('detectLanguage', () => {
  it('tells the three languages apart, even on very short text', () => {
    expect(detectLanguage('카눠프는 언제 세워졌어?')).toBe('ko');
    expect(detectLanguage('카눠프')).toBe('ko');
    expect(detectLanguage('宇树科技的市场份额是多少？')).toBe('zh');
    expect(detectLanguage('宇树')).toBe('zh');
    expect(detectLanguage('Where and when does WAIC 2025 take place?')).toBe('en');
    expect(detectLanguage('WAIC')).toBe('en');
  });

  it('calls mixed Korean/Chinese Korean', () => {
    expect(detectLanguage('유니트리(宇树科技)')).toBe('ko');
    expect(detectLanguage('宇树科技는 어떤 회사야?')).toBe('ko');
    expect(detectLanguage('GSAT 2025에 KIC 중국과 함께 간 기업은?')).toBe('ko');
  });

  it('keeps a Chinese question with an English name Chinese, and an English question quoting Chinese English', () => {
    expect(detectLanguage('优必选（UBTECH）训练机器人用了哪些数据？')).toBe('zh');
    expect(detectLanguage("What is 宇树科技's market share?")).toBe('en');
    expect(detectLanguage('Anything in the report about 구현 지능?')).toBe('en');
  });

  it('falls back when there are no letters', () => {
    expect(detectLanguage('2027')).toBe('ko');
    expect(detectLanguage('69.75%?', 'en')).toBe('en');
    expect(detectLanguage('')).toBe('ko');
  });
});
