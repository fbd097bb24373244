import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractGlossary, Glossary, rejoinLines } from '../../src/retrieve/glossary.js';
import { SEED_GLOSSARY } from '../../src/retrieve/seed-glossary.js';
import type { GlossaryEntry } from '../../src/types.js';
import { useRealContext } from '../helpers/context.js';

const corpus = readFileSync(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url), 'utf8');

describe('extractGlossary on the June 2025 report', () => {
  let entries: GlossaryEntry[];
  const find = (ko: string): GlossaryEntry | undefined => entries.find((e) => e.ko.replace(/\s/g, '') === ko.replace(/\s/g, ''));

  beforeAll(() => {
    entries = extractGlossary([corpus]);
  });

  it('finds a couple of hundred pairs', () => {
    expect(entries.length).toBeGreaterThan(150);
    expect(entries.length).toBeLessThan(400);
  });

  it('pairs 유니트리 with 宇树科技 and Unitree (separated by a PDF symbol glyph)', () => {
    const e = find('유니트리');
    expect(e?.zh).toContain('宇树科技');
    expect(e?.en).toContain('Unitree');
    expect(e?.count).toBeGreaterThanOrEqual(3);
  });

  it('pairs simple and titled forms', () => {
    expect(find('카눠프')?.zh).toContain('卡诺普');
    expect(find('정부 업무 보고')?.zh).toContain('政府工作报告');
    expect(find('상하이 미래산업 육성 구상')?.zh).toContain('模塑申城');
    expect(find('질적 생산력')?.zh).toContain('新质生产力'); // 질적생산력 and 질적 생산력 merged
    expect(find('아오비중광')?.en).toContain('ORBBEC');
    expect(find('아오비중광')?.zh).toContain('奥比中光');
    expect(find('웨이라이')?.en).toContain('NIO');
    expect(find('지리')?.zh).toEqual(expect.arrayContaining(['吉利', '吉利汽车']));
    expect(find('구현 지능')?.en).toEqual(expect.arrayContaining(['EAI']));
    expect(find('연평균 성장률')?.en).toContain('CAGR');
  });

  it('takes the "이하" alias and the Korean title line before a Chinese title line', () => {
    expect(find('카눠프')?.zh).toContain('成都卡诺普机器人技术股份有限公司');
    expect(find('선전시 구현 지능 로봇기술 혁신 산업발전 행동계획')?.zh).toEqual(['深圳市具身智能机器人技术创新与产业发展行动计划']);
  });

  it('reads a gloss written with a Chinese sentence comma as a source title, not as two names', () => {
    // The sources' translated titles: the whole Chinese title is paired with the whole Korean one
    // before it (back to the outlet), and no half of it is paired with the title's last words.
    expect(find('화웨이, 독자적인 인공지능(AI) 인프라 구축, 봉쇄에도 꾸준히 발전')?.zh).toEqual(['华为自建AI基础,在封堵下稳步发展']);
    expect(find('중 자동차 대통합, 이름 많이 지워질 듯')?.zh).toEqual(['中国汽车大整合,很多名字都将被抹掉']);
    expect(entries.some((e) => e.zh.includes('华为自建AI基础') || e.zh.includes('中国汽车大整合'))).toBe(false);
    // A list of names keeps its ", ": 蔚来 and NIO are one name's two forms.
    expect(find('웨이라이')?.zh).toContain('蔚来');
  });

  it('records several Korean spellings of one Chinese name', () => {
    const ko = entries.filter((e) => e.zh.includes('优必选')).map((e) => e.ko);
    expect(ko).toEqual(expect.arrayContaining(['유비테크', '유비텍']));
  });

  it('stores simplified Chinese and skips non-glosses', () => {
    expect(find('성텅')?.zh).toEqual(['升腾']); // printed 昇腾; normalized like every question
    expect(entries.some((e) => e.ko === '대' || e.ko === '한')).toBe(false); // ‘대(大)’: one syllable
    expect(entries.some((e) => e.zh.some((z) => /^[\d\s.~\-–—()年]+$/.test(z)))).toBe(false); // (2025~2027 년)
    expect(find('중국 공업정보화부')).toBeUndefined(); // seed veto: 中国 is not in 工业和信息化部
    expect(find('중국 하이테크 산업 헤럴드')?.zh).toContain('中国高新技术产业导报'); // …but is in 中国高新…
    expect(find('공업정보화부')?.zh).toContain('工业和信息化部');
    expect(find('상하이 인공지능 실험실')?.zh).toContain('上海人工智能实验室'); // seed confirmation
  });

  it('works on rejoined chunk text too', () => {
    expect(rejoinLines('구이저우(贵州), 우\n한(武汉)')).toBe('구이저우(贵州), 우한(武汉)');
    expect(rejoinLines('‘소거인\n(小巨人)’')).toBe('‘소거인(小巨人)’');
    expect(rejoinLines('새로운 \n질적생산력')).toBe('새로운 질적생산력');
    const e = extractGlossary(['주요 고객사로는 비야디(BYD), 폭스콘(Foxconn) 등이 있다.']);
    expect(e.map((x) => [x.ko, x.en])).toEqual([['비야디', ['BYD']], ['폭스콘', ['Foxconn']]]);
  });
});

describe('Glossary', () => {
  let glossary: Glossary;
  beforeAll(() => {
    glossary = Glossary.fromTexts([corpus]);
  });

  it('expands a Chinese question into the Korean the report uses', () => {
    const ko = glossary.expand('宇树科技的市场份额', 'zh');
    expect(ko).toContain('유니트리');
    expect(ko).toContain('점유율');
  });

  it('prefers the longest match and accepts an unambiguous name prefix', () => {
    expect(glossary.expand('四足机器人', 'zh')).toEqual(['사족 로봇']); // not 로봇 as well
    expect(glossary.expand('宇树的份额', 'zh')).toEqual(['유니트리', '점유율']);
    expect(glossary.expand('宇樹科技', 'zh')).toContain('유니트리'); // traditional input
    // Two-character prefixes that are ordinary words are not taken for names.
    expect(glossary.expand('汽车', 'zh')).toEqual(['자동차']);
  });

  it('expands an English question, case-insensitively, with plurals', () => {
    expect(glossary.expand('What is Unitree known for?', 'en')).toContain('유니트리');
    expect(glossary.expand('unitree robots', 'en')).toEqual(['유니트리', '로봇']);
    expect(glossary.expand('market share of Hikvision', 'en')).toEqual(['점유율', '하이캉웨이스']);
    // A plural of a word ending in e is the word plus s: "drones" was read as "dron" until 2026-12-08.
    expect(glossary.expand('delivery drones', 'en')).toContain('드론');
    expect(glossary.expand('listed companies', 'en')).toContain('상장 기업');
    // All-caps forms that are English words only match in capitals.
    expect(glossary.expand('tell us about it', 'en')).not.toContain('미국');
  });

  it('expands a Korean question into Chinese/English forms and Korean variants', () => {
    const out = glossary.expand('유니트리는 어떤 회사야?', 'ko');
    expect(out).toEqual(expect.arrayContaining(['宇树科技', 'Unitree']));
    expect(glossary.expand('저공경제 선도 도시', 'ko')).toContain('저고도 경제');
    expect(glossary.expand('유비테크', 'ko')).toContain('유비텍');
    // Only from the start of a word.
    expect(glossary.expand('아지리', 'ko')).not.toContain('吉利');
  });

  it('serializes the extracted entries only and reloads to the same behaviour', () => {
    const json = JSON.parse(JSON.stringify(glossary.toJSON())) as ReturnType<Glossary['toJSON']>;
    expect(json.entries.length).toBe(glossary.extracted.length);
    const again = Glossary.fromJSON(json);
    expect(again.size).toBe(glossary.size);
    expect(again.expand('宇树科技的市场份额', 'zh')).toEqual(glossary.expand('宇树科技的市场份额', 'zh'));
    expect(() => Glossary.fromJSON({ version: 999, entries: [] })).toThrow(/version/);
  });

  it('ships a seed of general vocabulary', () => {
    expect(SEED_GLOSSARY.length).toBeGreaterThanOrEqual(150);
    expect(SEED_GLOSSARY.length).toBeLessThanOrEqual(600);
    for (const e of SEED_GLOSSARY) {
      expect(e.ko).toMatch(/[가-힣A-Z]/);
      expect(e.zh.length + e.en.length).toBeGreaterThan(0);
    }
    const seedOnly = Glossary.fromEntries([]);
    expect(seedOnly.expand('人形机器人的市场规模', 'zh')).toEqual(['휴머노이드 로봇', '시장 규모']);
  });
});

describe('the glossary of the built index (real corpus, real build)', () => {
  const context = useRealContext();

  it('a table cell in the nominal style ends before the next cell: 昇腾 is 성텅, never "규제함성텅"', () => {
    const g = context().index.glossary;
    // The block text holds "…등도 규제함⏎성텅(昇腾) 칩 …": two cells, one line break.
    expect(g.entriesIn('华为昇腾芯片', 'zh').map((e) => e.ko)).toContain('성텅');
    expect(g.toJSON().entries.filter((e) => /[함됨음]\S/u.test(e.ko) && e.zh.some((z) => z.includes('腾')))).toEqual([]);
    expect(g.toJSON().entries.map((e) => e.ko)).not.toContain('규제함성텅');
  });

  it("华为 at the start of a Chinese phrase that begins a source title's translation is 화웨이", () => {
    const g = context().index.glossary;
    expect(g.entriesIn('华为自建AI基础设施的那篇文章', 'zh').map((e) => e.ko)).toContain('화웨이');
  });
});
