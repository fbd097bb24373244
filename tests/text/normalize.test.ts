import { describe, expect, it } from 'vitest';
import { joinNumberUnits, normalize, toSimplified } from '../../src/text/normalize.js';

describe('normalize', () => {
  it('folds full-width Latin, digits and punctuation (NFKC)', () => {
    expect(normalize('ＵＢＴＥＣＨ（优必选）６９．７５％')).toBe('UBTECH(优必选)69.75%');
    expect(normalize('ｒｔ－２')).toBe('rt-2');
  });

  it('converts traditional Chinese (Taiwan and Hong Kong variants) to simplified, character by character', () => {
    expect(toSimplified('寬頻')).toBe('宽频'); // not the phrase rewrite 宽带
    expect(normalize('宇樹科技的市場份額')).toBe('宇树科技的市场份额');
    expect(normalize('優必選')).toBe('优必选');
    expect(normalize('深圳國家自主創新示範區')).toBe('深圳国家自主创新示范区');
    // Simplified and Korean text pass unchanged.
    expect(normalize('宇树科技 유니트리')).toBe('宇树科技 유니트리');
  });

  it('turns the PDF symbol-font separator into a space and drops invisible characters', () => {
    expect(normalize('유니트리(Unitree\uF0D7宇树科技)')).toBe('유니트리(Unitree 宇树科技)');
    expect(normalize('구현\u200B지능')).toBe('구현지능');
  });

  it('collapses white space, line breaks included', () => {
    expect(normalize('  구현   지능\n\n산업 \t분석 ')).toBe('구현 지능 산업 분석');
  });

  it('removes the space between a number and its unit, in every language', () => {
    expect(normalize('6 월')).toBe('6월');
    expect(normalize('2027 년까지')).toBe('2027년까지');
    expect(normalize('1.25 억 위안')).toBe('1.25억 위안');
    expect(normalize('69.75 %')).toBe('69.75%');
    expect(normalize('4.7 亿美元')).toBe('4.7亿美元');
    expect(normalize('2025 年政府工作报告')).toBe('2025年政府工作报告');
    expect(normalize('7,000 km')).toBe('7,000km');
    expect(normalize('2025 년 3 월 5 일 국무원')).toBe('2025년 3월 5일 국무원');
    expect(normalize('3 개 부처, 1 위를 기록, 5 대 핵심')).toBe('3개 부처, 1위를 기록, 5대 핵심');
  });

  it('does not glue a number to a word that merely starts like a unit', () => {
    expect(normalize('2025 세계인공지능대회')).toBe('2025 세계인공지능대회');
    expect(normalize('2 개발자')).toBe('2 개발자');
    expect(normalize('2025 한국혁신기업')).toBe('2025 한국혁신기업');
  });

  it('is idempotent and agrees on both spellings', () => {
    for (const s of ['2027 년', '2027년', '１．２５ 억 위안', '宇樹科技', '69.75 %']) {
      expect(normalize(normalize(s))).toBe(normalize(s));
    }
    expect(normalize('2027 년')).toBe(normalize('2027년'));
    expect(joinNumberUnits('30 %p')).toBe('30%p');
  });
});
