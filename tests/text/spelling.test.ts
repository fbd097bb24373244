/** A misspelt name read as the report's: the June report's own names and words. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Glossary } from '../../src/retrieve/glossary.js';
import { KoreanSpacer } from '../../src/text/spacing.js';
import { LatinNameSpeller, NameSpeller, jamo } from '../../src/text/spelling.js';

let speller: NameSpeller;
let spacer: KoreanSpacer;
beforeAll(() => {
  const text = readFileSync(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url), 'utf8');
  spacer = KoreanSpacer.fromTexts([text]);
  const names = Glossary.fromTexts([text]).extracted.map((e) => e.ko);
  speller = new NameSpeller(names, (w) => spacer.knows(w));
});

describe('NameSpeller', () => {
  it('splits syllables into letters', () => {
    expect(jamo('넝')).toHaveLength(3);
    expect(jamo('커')).toHaveLength(2);
    // One vowel apart: 넝/능 share the initial and the final.
    expect(jamo('넝').filter((x, i) => x !== jamo('능')[i])).toHaveLength(1);
  });
  it('reads a name one letter off as the report name, keeping its particle', () => {
    expect(speller.correct('능커테크의 매출은?')).toEqual({ text: '넝커테크의 매출은?', corrections: [{ typed: '능커테크', name: '넝커테크' }] });
    expect(speller.correct('카노프 제어기').text).toBe('카눠프 제어기');
    expect(speller.correct('에지봇은 어떤 회사야').text).toBe('애지봇은 어떤 회사야');
  });
  it('never touches a word the report uses, a name spelt right, or a name far from every report name', () => {
    for (const q of ['넝커테크의 매출은?', '유니트리 점유율', '휴머노이드 로봇 판매', '샤오미 휴머노이드', '알리바바 클라우드']) {
      expect(speller.correct(q)).toEqual({ text: q, corrections: [] });
    }
  });
  it('does not guess between two names equally close', () => {
    const two = new NameSpeller(['가나다라', '가나다마'], () => false);
    expect(two.correct('가나다바').corrections).toEqual([]);
    expect(two.correct('가너다라').text).toBe('가나다라');
  });
  it('lets the spacer keep a misspelt name whole in a run typed without spaces', () => {
    const nameLike = (p: string) => !spacer.knows(p) && speller.nearName(p) !== undefined;
    expect(spacer.respace('능커테크영업이익은얼마야', nameLike)).toBe('능커테크 영업이익은 얼마야');
  });
});

describe('LatinNameSpeller', () => {
  const known = new Set(['revenue', 'robotics', 'chips', 'share', 'market']);
  const speller = new LatinNameSpeller(['Hikvision', 'Huawei', 'Unitree', 'Booster Robotics', 'commercialization', 'BYD'], (w) => known.has(w));
  it('reads an English spelling one edit off as the name (a letter short, swapped or changed)', () => {
    expect(speller.correct('Hikvison revenue')).toEqual({ text: 'Hikvision revenue', corrections: [{ typed: 'Hikvison', name: 'Hikvision' }] });
    expect(speller.correct('Huwei chips').text).toBe('Huawei chips');
    expect(speller.correct("Untiree's share").text).toBe("Unitree's share");
  });
  it('leaves known words, names in another letter case, short words and ordinary glossary words alone', () => {
    for (const q of ['robotics market', 'HUAWEI chips', 'hikvision', 'BYX sales', 'comercialization']) expect(speller.correct(q).corrections).toEqual([]);
  });
});
