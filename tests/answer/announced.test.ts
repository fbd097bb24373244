/**
 * A quoted sentence that announces items is followed by the items (withAnnouncedItems), within the
 * kind's maximum; announcesItems reads the announcement in three languages.
 */
import { describe, expect, it } from 'vitest';
import { type Scored, withAnnouncedItems, withListAfterTopic } from '../../src/answer/extractive.js';
import { announcesItems, isOrdinalItem } from '../../src/answer/intent.js';
import type { SearchHit } from '../../src/types.js';

const cand = (hit: number, index: number, text: string, p: number): Scored => ({ hit, rank: hit + 1, index, text, norm: text, boilerplate: false, p, x: [] });

describe('announcesItems', () => {
  it.each([
    ['계획은 다음의 3 개 분야의 9 개 과제를 제시하고 있다.', true],
    ['주요 내용은 다음과 같다.', true],
    ['具体措施如下：', true],
    ['The plan sets out the following tasks.', true],
    ['회사는 다음 세 가지 방향을 중심으로 확장을 추진하고자 한다.', true],
    ['다음 2 개 분야에 집중한다.', true],
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
  const passage = (articleId: string, ordinal: number, text: string, headings: string[] = [], headingMarks?: Array<[number, string[]]>): SearchHit =>
    ({ chunk: { articleId, ordinal, text, headings, ...(headingMarks ? { headingMarks } : {}) }, score: 1, rank: ordinal + 1 }) as unknown as SearchHit;
  const hits = [passage('a', 0, `${intro.text} ${announce.text} ${items.text}`), passage('b', 4, other.text)];

  it('puts the enumeration right after its announcement, the last other pick giving way at the maximum', () => {
    expect(withAnnouncedItems([intro, announce, other], quotes, 3, hits)).toEqual([intro, announce, items]);
    expect(withAnnouncedItems([intro, announce], quotes, 4, hits)).toEqual([intro, announce, items]);
  });
  it('leaves the quotes alone when the next sentence lists nothing, is already quoted, or is not retrieved', () => {
    const plain = cand(0, 2, '이는 산업 발전을 위한 것이다.', 0.1);
    expect(withAnnouncedItems([intro, announce], [intro, announce, plain], 3, hits)).toEqual([intro, announce]);
    expect(withAnnouncedItems([announce, items], quotes, 3, hits)).toEqual([announce, items]);
    expect(withAnnouncedItems([intro, announce], [intro, announce], 3, hits)).toEqual([intro, announce]);
    expect(withAnnouncedItems([intro, other], quotes, 3, hits)).toEqual([intro, other]);
  });

  it('quotes the items that say which they are (첫째, 둘째 …) after an announcement, as sentences or as headings', () => {
    const plan = cand(0, 0, '회사는 다음 세 가지 방향을 중심으로 확장을 추진하고자 한다.', 0.6);
    const first = cand(0, 1, '첫째, 서비스를 넓힌다.', 0.1);
    const body = cand(0, 2, '가정 의학과에서 전문 진료로 넓힌다.', 0.2);
    const second = cand(0, 3, '둘째, 치료 분야로 나아간다.', 0.1);
    const h = [passage('a', 0, [plan, first, body, second].map((c) => c.text).join(' '))];
    expect(withAnnouncedItems([plan, body], [plan, first, body, second], 3, h)).toEqual([plan, first, second]);
    // The items are headings of the article's next passage: its own, and one it packs.
    const bodyA = cand(1, 0, '일반 가정 의학과에서 다양한 전문 진료로 확장한다.', 0.3);
    const bodyB = cand(1, 1, 'AI 의료는 치료의 영역까지 진입한다.', 0.2);
    const next = passage('a', 1, `${bodyA.text} ${bodyB.text}`, ['◼ 첫째, 서비스 영역 확장이다.'], [[bodyA.text.length + 1, ['◼ 둘째, 디지털 치료 분야로의 도약이다.']]]);
    const hh = [passage('a', 0, plan.text), next];
    const got = withAnnouncedItems([plan, bodyA], [plan, bodyA, bodyB], 4, hh);
    expect(got.map((c) => c.text)).toEqual([plan.text, '첫째, 서비스 영역 확장이다.', '둘째, 디지털 치료 분야로의 도약이다.', bodyA.text]);
    expect(got[1]!.hit).toBe(1);
    expect(got[1]!.index).toBeLessThan(bodyA.index);
    expect(got[2]!.index).toBeLessThan(bodyB.index);
    // One ordinal item is no list.
    expect(withAnnouncedItems([plan], [plan], 3, [passage('a', 0, plan.text), passage('a', 1, bodyA.text, ['◼ 첫째, 서비스 영역 확장이다.'])])).toEqual([plan]);
  });
});

describe('isOrdinalItem', () => {
  it.each([
    ['첫째, 서비스 영역 확장이다.', true],
    ['◼ 셋째, AI 와 임상의 심도 깊은 융합이다.', true],
    ['第二，推进数字化转型。', true],
    ['Second, it expands services.', true],
    ['둘째 날 행사가 이어졌다.', true],
    ['첫 번째 매장이 문을 열었다.', false],
    ['서비스 영역을 확장한다.', false],
  ])('%s → %s', (s, want) => expect(isOrdinalItem(s)).toBe(want));
});

describe('withListAfterTopic', () => {
  const topic = cand(0, 0, '데이터를 모으는 방식도 점차 다양해지고 있다.', 0.6);
  const list = cand(0, 1, '원격 조작, 시뮬레이션 합성, 영상 학습 등 여러 방법이 함께 쓰인다.', 0.1);
  const other = cand(1, 2, '다른 기업은 자체 데이터셋을 공개했다.', 0.3);
  const third = cand(1, 3, '또 다른 문장이다.', 0.2);

  it("puts the enumeration that follows a list question's best sentence right after it", () => {
    expect(withListAfterTopic([topic, other, third], [topic, list, other, third], 3)).toEqual([topic, list, other]);
  });
  it('leaves the quotes alone when the best sentence lists already, the next one lists nothing, or it is quoted', () => {
    const plain = cand(0, 1, '이는 훈련의 질을 높인다.', 0.1);
    expect(withListAfterTopic([topic, other], [topic, plain, other], 3)).toEqual([topic, other]);
    expect(withListAfterTopic([list, other], [topic, list, other], 3)).toEqual([list, other]);
    expect(withListAfterTopic([topic, list], [topic, list, other], 3)).toEqual([topic, list]);
  });
});
