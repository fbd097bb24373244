import { describe, expect, it } from 'vitest';
import { pinyinToHangul } from '../../src/retrieve/pinyin.js';

describe('pinyinToHangul (Korean official transcription of Mandarin)', () => {
  it('spells Chinese names the way the report does', () => {
    const cases: Record<string, string> = {
      Nengke: '넝커', Yaoying: '야오잉', Zhiyuan: '즈위안', Tianfu: '톈푸', Huawei: '화웨이', Xiaomi: '샤오미',
      Shenzhen: '선전', Chengdu: '청두', Suzhou: '쑤저우', Zhangjiang: '장장', Dongfeng: '둥펑', Yizhuang: '이좡',
      Haikangweishi: '하이캉웨이스', Kedaxunfei: '커다쉰페이', Jingjinji: '징진지', Qingdao: '칭다오', "Xi'an": '시안',
    };
    for (const [pinyin, hangul] of Object.entries(cases)) expect(pinyinToHangul(pinyin), pinyin).toBe(hangul);
  });

  it('returns undefined for words that are not pinyin or are a single syllable', () => {
    for (const w of ['Unitree', 'Hikvision', 'Technology', 'market', 'Long', 'Xian', 'WAIC2025']) {
      expect(pinyinToHangul(w), w).toBeUndefined();
    }
  });
});
