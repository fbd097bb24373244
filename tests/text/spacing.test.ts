/** Korean spacing put back in a question typed without it, from the real report's words. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KoreanSpacer } from '../../src/text/spacing.js';

let spacer: KoreanSpacer;
beforeAll(() => {
  spacer = KoreanSpacer.fromTexts([readFileSync(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url), 'utf8')]);
});

describe('KoreanSpacer on the June report', () => {
  it('cuts a run typed without spaces into the report words, particles staying on their word', () => {
    expect(spacer.respace('화웨이성텅칩은몇개나썼어?')).toBe('화웨이 성텅 칩은 몇개나 썼어?');
    expect(spacer.respace('넝커테크영업이익은얼마야')).toBe('넝커테크 영업이익은 얼마야');
    expect(spacer.respace('비야디판매량이랑테슬라')).toBe('비야디 판매량이랑 테슬라');
  });
  it('keeps a long word the report writes as one (a zone name) whole', () => {
    expect(spacer.respace('선전자주혁신시범구면적')).toBe('선전 자주혁신시범구 면적');
    expect(spacer.respace('자주혁신시범구')).toBe('자주혁신시범구');
  });
  it('leaves spaced text, short runs, other scripts and unknown words as typed', () => {
    expect(spacer.respace('유니트리의 점유율은?')).toBe('유니트리의 점유율은?');
    expect(spacer.respace('GB200 서버랑 CloudMatrix 384')).toBe('GB200 서버랑 CloudMatrix 384');
    expect(spacer.respace('宇树科技的份额')).toBe('宇树科技的份额');
    // No word of the report in it: not cut into syllables.
    expect(spacer.respace('쿠쿠루루카카')).toBe('쿠쿠루루카카');
  });
  it('cuts a long run (a pasted paragraph without spaces) into its words', () => {
    const out = spacer.respace('유니트리사족로봇점유율'.repeat(200));
    expect(out.split(' ')).toHaveLength(800);
  });
});
