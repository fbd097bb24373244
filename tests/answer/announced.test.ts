/**
 * A quoted sentence that announces items is followed by the items (withAnnouncedItems), within the
 * kind's maximum; announcesItems reads the announcement in three languages.
 */
import { describe, expect, it } from 'vitest';
import { type Scored, withAnnouncedItems } from '../../src/answer/extractive.js';
import { announcesItems } from '../../src/answer/intent.js';

const cand = (hit: number, index: number, text: string, p: number): Scored => ({ hit, rank: hit + 1, index, text, norm: text, boilerplate: false, p, x: [] });

describe('announcesItems', () => {
  it.each([
    ['계획은 다음의 3 개 분야의 9 개 과제를 제시하고 있다.', true],
    ['주요 내용은 다음과 같다.', true],
    ['具体措施如下：', true],
    ['The plan sets out the following tasks.', true],
    ['다음 달 전시회가 열린다.', false],
    ['계획은 세 분야를 다룬다.', false],
  ])('%s → %s', (s, want) => expect(announcesItems(s)).toBe(want));
});

describe('withAnnouncedItems', () => {
  const intro = cand(0, 0, '올해 계획이 발표되었다.', 0.7);
  const announce = cand(0, 1, '계획은 다음의 3 개 분야를 제시하고 있다.', 0.5);
  const items = cand(0, 2, '▲연구개발 가속화 ▲인재 양성 ▲국제 협력 등이다.', 0.1);
  const other = cand(1, 4, '다른 기사의 문장이다.', 0.3);
  const quotes = [intro, announce, items, other];

  it('puts the enumeration right after its announcement, the last other pick giving way at the maximum', () => {
    expect(withAnnouncedItems([intro, announce, other], quotes, 3)).toEqual([intro, announce, items]);
    expect(withAnnouncedItems([intro, announce], quotes, 4)).toEqual([intro, announce, items]);
  });
  it('leaves the quotes alone when the next sentence lists nothing, is already quoted, or is not retrieved', () => {
    const plain = cand(0, 2, '이는 산업 발전을 위한 것이다.', 0.1);
    expect(withAnnouncedItems([intro, announce], [intro, announce, plain], 3)).toEqual([intro, announce]);
    expect(withAnnouncedItems([announce, items], quotes, 3)).toEqual([announce, items]);
    expect(withAnnouncedItems([intro, announce], [intro, announce], 3)).toEqual([intro, announce]);
    expect(withAnnouncedItems([intro, other], quotes, 3)).toEqual([intro, other]);
  });
});
