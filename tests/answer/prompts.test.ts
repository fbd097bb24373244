import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMPTS_DIR, loadPrompt, renderPrompt } from '../../src/answer/prompts.js';
import { buildAnswerMessages, formatSources } from '../../src/answer/assemble.js';
import { TREND_01, UNITREE, makeHit } from './corpusHits.js';

describe('prompt files', () => {
  it('exist for every language and for rewriting, with their placeholders', () => {
    for (const name of ['answer.ko', 'answer.zh', 'answer.en']) {
      const p = loadPrompt(name);
      expect(p).toContain('{{sources}}');
      expect(p).toContain('{{report}}');
      expect(p).toContain('NOT_FOUND');
      expect(p).toMatch(/\[1\]/);
    }
    expect(loadPrompt('rewrite')).toContain('{{history}}');
    expect(DEFAULT_PROMPTS_DIR.endsWith('/prompts/')).toBe(true);
  });

  it('are cached', () => {
    expect(loadPrompt('answer.ko')).toBe(loadPrompt('answer.ko'));
  });

  it('fail loudly on a missing file, a missing value or an unused value', () => {
    expect(() => loadPrompt('no-such-prompt')).toThrow(/no-such-prompt\.md/);
    expect(renderPrompt('a {{x}} b {{ y }}', { x: '1', y: '$&2' })).toBe('a 1 b $&2');
    expect(() => renderPrompt('a {{x}}', {})).toThrow('{{x}}');
    expect(() => renderPrompt('a', { x: '1' })).toThrow('x');
  });
});

describe('prompt assembly', () => {
  it('numbers the sources with their place in the report', () => {
    const hits = [
      makeHit(1, TREND_01, UNITREE(), { headings: ['산업체인 분석'], page: 9 }),
      makeHit(2, TREND_01, '둘째 발췌.', { page: 10 }),
    ];
    const s = formatSources(hits);
    expect(s).toMatch(/^\[1\] 산업 트렌드 › 01\. 구현 지능 산업 심층 분석 › 산업체인 분석 \(p\. 9\)\n선도 기업들의/);
    expect(s).toContain('\n\n[2] 산업 트렌드 › 01. 구현 지능 산업 심층 분석 (p. 10)\n둘째 발췌.');
    const msgs = buildAnswerMessages({ question: 'Q?', lang: 'zh', hits });
    expect(msgs.map((m) => m.role)).toEqual(['system', 'user']);
    expect(msgs[0]!.content).toContain('简体中文');
    expect(msgs[0]!.content).toContain(s);
  });

  it("gives the model the asker's situation before the question it searched with", () => {
    const hits = [makeHit(1, TREND_01, UNITREE())];
    const msgs = buildAnswerMessages({ question: '유니트리 점유율은?', context: '저희는 배터리 소재를 수입하는데,', lang: 'ko', hits });
    expect(msgs[1]!.content).toBe('저희는 배터리 소재를 수입하는데, 유니트리 점유율은?');
    expect(buildAnswerMessages({ question: '유니트리 점유율은?', lang: 'ko', hits })[1]!.content).toBe('유니트리 점유율은?');
  });
});
