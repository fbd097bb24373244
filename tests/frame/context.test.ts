/** The asker's situation said before the question (src/frame/context.ts). Invented questions. */
import { describe, expect, it } from 'vitest';
import { splitAskerContext } from '../../src/frame/context.js';

describe('splitAskerContext', () => {
  it.each([
    ['ko', '저희는 배터리 소재를 수입하는데, 유니트리 점유율은 얼마야?', '저희는 배터리 소재를 수입하는데,', '유니트리 점유율은 얼마야?'],
    ['ko', '우리 회사가 부산에 있는 물류 스타트업이라서 저고도 경제가 궁금해. 선전 드론 배송 규모는?', '우리 회사가 부산에 있는 물류 스타트업이라서', '저고도 경제가 궁금해. 선전 드론 배송 규모는?'],
    ['ko', '제가 투자 심사역입니다. 넝커테크 매출은 얼마예요?', '제가 투자 심사역입니다.', '넝커테크 매출은 얼마예요?'],
    ['zh', '我们是做无人机电池的，深圳低空经济规模多大？', '我们是做无人机电池的，', '深圳低空经济规模多大？'],
    ['en', 'I run a small logistics firm in Busan. How many cargo drone flights does Shenzhen run?', 'I run a small logistics firm in Busan.', 'How many cargo drone flights does Shenzhen run?'],
  ] as const)('%s: %s', (lang, q, context, rest) => {
    expect(splitAskerContext(q, lang)).toEqual({ context, rest });
  });

  it.each([
    // The first clause asks, or there is no first-person subject, or nothing is left to ask.
    ['ko', '우리나라 기업과 협력한 중국 기업은?'],
    ['ko', '유니트리는 어떤 회사인데, 점유율은 얼마야?'],
    ['ko', '저희 회사가 궁금한 건 유니트리 점유율이야?'],
    ['ko', '전 세계 시장이 커지는데, 유니트리 점유율은 얼마야?'],
    ['zh', '我想了解宇树科技的市场份额？'],
    ['zh', '我们公司，谢谢'],
    ['en', 'I want to know Unitree’s share. Is it growing?'],
    ['en', 'What is Unitree’s share? We make sensors.'],
  ] as const)('leaves a question without such a clause whole: %s', (lang, q) => {
    expect(splitAskerContext(q, lang)).toBeUndefined();
  });
});
