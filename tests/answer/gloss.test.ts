/** The reader's note beside a Korean quote: the report's own name pairs and figures in the reader's units. */
import { beforeAll, describe, expect, it } from 'vitest';
import { convertFigures, glossLine, nameForms, withPinyin } from '../../src/answer/gloss.js';
import { Glossary } from '../../src/retrieve/glossary.js';
import { readFileSync } from 'node:fs';

let glossary: Glossary;
beforeAll(() => {
  glossary = Glossary.fromTexts([readFileSync(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url), 'utf8')]);
});

describe('reader notes from the real report glossary', () => {
  it('gives a name in the reader script when the quote does not print it', () => {
    const forms = nameForms('유니트리는 데이터셋을 공개했다.', 'zh', glossary);
    expect(forms).toContainEqual(['유니트리', '宇树科技']);
  });
  it('gives an English reader the pinyin of a name the report pairs only with Chinese', () => {
    const zhOnly = glossary.entries.find((e) => e.ko === '이좡');
    expect(zhOnly?.zh).toContain('亦庄');
    expect(zhOnly?.en).toEqual([]);
    expect(nameForms('이좡에 로봇 4S 매장이 문을 열었다.', 'en', glossary)).toContainEqual(['이좡', 'Yizhuang']);
    expect(nameForms('이좡에 로봇 4S 매장이 문을 열었다.', 'zh', glossary)).toContainEqual(['이좡', '亦庄']);
    expect(withPinyin('西安')).toBe("Xi'an");
    expect(withPinyin('重庆')).toBe('Chongqing');
    // An administrative suffix is an English word, not a syllable of the name.
    expect(withPinyin('四川省')).toBe('Sichuan Province');
    expect(withPinyin('天府新区')).toBe('Tianfu New Area');
    expect(withPinyin('绵阳市')).toBe('Mianyang City');
    expect(withPinyin('成华区')).toBe('Chenghua District');
    // A one-character stem stays a name of its own (沙市 is a city named Shashi).
    expect(withPinyin('沙市')).toBe('Shashi');
    // A long title is words, not a name: left in Han characters.
    expect(withPinyin('苏南国家自主创新示范区')).toBe('苏南国家自主创新示范区');
  });
  it('glosses no name the report already writes in Latin letters for an English reader', () => {
    const latin = glossary.entries.filter((e) => glossary.isMined(e) && !/\p{Script=Hangul}/u.test(e.ko) && e.zh.length > 0);
    expect(latin.map((e) => e.ko)).toContain('BYD');
    const text = latin.map((e) => e.ko).join(', ');
    expect(nameForms(text, 'en', glossary)).toEqual([]);
    // A Chinese reader still gets the Chinese form.
    expect(nameForms('BYD', 'zh', glossary)).toContainEqual(['BYD', '比亚迪']);
  });
  it('says nothing of a name the quote already prints with that form', () => {
    expect(nameForms('유니트리(Unitree宇树科技)는 데이터셋을 공개했다.', 'zh', glossary).map(([ko]) => ko)).not.toContain('유니트리');
  });
  it('does not gloss a name the quote pairs with another one (same Korean reading, another person or place)', () => {
    const other = glossary.entries.find((e) => glossary.isMined(e) && e.zh.length > 0 && [...e.ko].length >= 2)!;
    const text = `${other.ko}(王某某) 교수는 이렇게 설명했다.`;
    expect(nameForms(text, 'zh', glossary).map(([ko]) => ko)).not.toContain(other.ko);
    // A figure in parentheses is no other name ("청두(41.17)": a city's score).
    expect(nameForms(`${other.ko}(41.17)와 ${other.ko}(153 개)`, 'zh', glossary).map(([ko]) => ko)).toContain(other.ko);
    // Paired with its own form, the English reader still gets the name (when it has one).
    const withEn = glossary.entries.find((e) => glossary.isMined(e) && e.zh.length > 0 && e.en.length > 0 && !e.en.some((x) => e.ko.includes(x)))!;
    const own = `${withEn.ko}(${withEn.zh[0]})는 성장했다.`;
    expect(nameForms(own, 'en', glossary)).toContainEqual([withEn.ko, withEn.en[0]]);
  });
  it('converts figures to the reader units and builds one note line', () => {
    expect(convertFigures('매출은 1.25 억 위안이다.', 'zh')).toEqual([['1.25 억 위안', '1.25亿元']]);
    expect(convertFigures('매출은 4.7 억 달러이다.', 'en')).toEqual([['4.7 억 달러', '470 million US dollars']]);
    // A loss keeps its sign (a table row of net profits: "-0.63 억 위안"); a range's hyphen is no sign.
    expect(convertFigures('순이익 5.64 억 위안 56.79% -0.63 억 위안', 'en')).toEqual([['5.64 억 위안', '564 million yuan'], ['-0.63 억 위안', '-63 million yuan']]);
    expect(convertFigures('순이익 -1.12 억 위안', 'zh')).toEqual([['-1.12 억 위안', '-1.12亿元']]);
    expect(convertFigures('2025-3 억 위안', 'en')).toEqual([['3 억 위안', '300 million yuan']]);
    expect(glossLine('ko', '1.25 억 위안', glossary)).toBe('');
    expect(glossLine('en', '유니트리의 매출은 1.25 억 위안이다.', glossary)).toMatch(/^\(Note: Names: 유니트리 = Unitree; Figures: 1\.25 억 위안 = 125 million yuan\)$/);
  });
});
