import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { Glossary } from '../../src/retrieve/glossary.js';
import { MiniSearchLexicalIndex, type LexicalDoc } from '../../src/retrieve/lexical.js';
import { analyzeQuery } from '../../src/retrieve/query.js';

// Realistic chunks in the report's style: Korean text, Chinese only in parentheses, numbers
// spaced from their units, headers "section › article › heading".
const DOCS: LexicalDoc[] = [
  { label: 0, header: '산업 트렌드 › 01. 구현 지능 산업 심층 분석 › 산업 개요', text: '구현 지능(Embodied Artificial Intelligence, EAI)이란, 로봇 등 물리적 장치와 결합된 지능체가 환경과 상호작용하며 지식과 기술을 습득하는 능력을 의미한다.' },
  { label: 1, header: '산업 트렌드 › 01. 구현 지능 산업 심층 분석 › 시장 규모 전망', text: '중국의 구현 지능 산업은 2027 년까지 약 1.25 억 위안 규모로 성장할 것으로 전망되며, 연평균 성장률(CAGR)은 17.6%에 달할 것으로 예측된다.' },
  { label: 2, header: '산업 트렌드 › 01. 구현 지능 산업 심층 분석 › 주요 기업', text: '유니트리(Unitree宇树科技)는 사족 로봇 분야에서 성과를 거두었으며, 글로벌 사족 로봇 시장 점유율은 69.75%에 달한다.' },
  { label: 3, header: '산업 트렌드 › 01. 구현 지능 산업 심층 분석 › 코어리스 모터', text: '중국 코어리스 모터 시장 규모는 2028 년 4.7 억 달러에 이를 것으로 예상된다. 권선 공정의 고도화가 핵심 과제로 지목된다.' },
  { label: 4, header: '산업 트렌드 › 02. 中 자동차 산업 격변 › 통합의 핵심 논리', text: '작년 중국 완성차 업계의 평균 영업이익률은 4.3%로 떨어졌으며, 10 년 전의 8.99%와 비교하면 절반 수준이다.' },
  { label: 5, header: '산업 트렌드 › 02. 中 자동차 산업 격변', text: '창안자동차(长安汽车)와 둥펑자동차(东风汽车) 간의 통합이 가장 주목받았다. 지리(GELLY, 吉利汽车)는 지커(ZEEKR, 极氪)의 잔여 지분을 인수했다.' },
  { label: 6, header: '산업 트렌드 › 03. 세계 최초 구현지능 로봇 4S 매장 베이징에서 출범', text: '로봇 4S 매장은 베이징 이좡(亦庄)에 문을 열었으며, 전시, 체험, 판매, 애프터서비스 기능을 갖추고 있다.' },
  { label: 7, header: '산업 트렌드 › 04. 중국 저고도 경제 상위 30 개 도시 선정', text: '2023 년 말 기준 저고도 경제 관련 기업이 가장 많은 도시는 선전으로, 드론의 도시로 불린다.' },
  { label: 8, header: '정책 브리핑 › 01. 전자정보제조업 디지털전환 실시방안', text: '공업정보화부(工业和信息化部) 등 3 개 부처가 전자정보 제조업 디지털 전환 실행 방안을 발표했다.' },
  { label: 9, header: '기업 리서치 › 01. 화웨이 독자적인 인공지능(AI) 인프라 구축', text: '화웨이는 자체 반도체 성텅(昇腾) 칩을 탑재한 서버를 구축했으며, 엔비디아(NVIDIA)의 중국 시장 점유율은 크게 하락했다.' },
  { label: 10, header: '기업 리서치 › 03. 카눠프(卡诺普)', text: '청두 카눠프 로보틱스기술주식유한공사는 2012 년에 설립되었으며, 청두시(成都市)에 본사를 두고 있다.' },
  { label: 11, header: '시장 인사이트 › 03. 쓰촨 톈푸신구, 기술 혁신의 돌파구 모색', text: '쓰촨 톈푸신구(天府新区)는 2050 년까지 세계적인 공원 도시를 건설한다는 목표를 제시했다.' },
];

const glossary = Glossary.fromTexts(DOCS.map((d) => d.text));
const index = MiniSearchLexicalIndex.build(DOCS);
const top = (q: string, k = 3, idx = index): number[] => idx.search(analyzeQuery(q, glossary), k).map((h) => h.label);

describe('MiniSearchLexicalIndex', () => {
  it('ranks the right chunk first for Korean questions, particles and spacing notwithstanding', () => {
    expect(top('유니트리의 사족 로봇 점유율은?')[0]).toBe(2);
    expect(top('카눠프는 언제 세워졌어?')[0]).toBe(10);
    expect(top('자동차 업계의 평균 영업이익률이 얼마나 하락했어?')[0]).toBe(4);
    expect(top('구현지능 시장은 2027년에 얼마나 커져?')[0]).toBe(1);
    expect(top('저공경제 기업이 제일 많은 도시는?')[0]).toBe(7); // 저공경제 → 저고도 경제 (seed variant)
  });

  it('ranks the right Korean chunk first for Chinese questions, through the glossary', () => {
    expect(top('宇树科技在四足机器人市场的份额是多少？')[0]).toBe(2);
    expect(top('中国空心杯电机市场到2028年能达到多大规模？')[0]).toBe(3);
    expect(top('长安汽车和东风汽车合并了吗？')[0]).toBe(5);
    expect(top('亦庄的机器人4S店有什么功能？')[0]).toBe(6);
    expect(top('天府新区2050年要成为怎样的城市？')[0]).toBe(11);
  });

  it('needs the glossary for that: without it a Chinese question finds nothing in Korean text', () => {
    const bare = Glossary.fromEntries([], { seed: false });
    const q = '中国空心杯电机的市场规模';
    expect(index.search(analyzeQuery(q, bare), 3)).toEqual([]);
    expect(index.search(analyzeQuery(q, glossary), 3)[0]?.label).toBe(3);
  });

  it('ranks the right Korean chunk first for English questions', () => {
    expect(top("How big is Unitree's share in quadruped robots?")[0]).toBe(2);
    expect(top("By how much did Nvidia's China market share fall?")[0]).toBe(9);
    expect(top('How big will the coreless motor market get?')[0]).toBe(3);
  });

  it('returns scores in decreasing order, at most k hits, and nothing for an empty query', () => {
    const hits = index.search(analyzeQuery('구현 지능 시장 규모', glossary), 5);
    expect(hits.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(index.search(analyzeQuery('뭐야?', glossary), 5)).toEqual([]);
    expect(index.search(analyzeQuery('구현 지능', glossary), 0)).toEqual([]);
    expect(index.size).toBe(DOCS.length);
  });

  it('round-trips through JSON with identical results', () => {
    const json = JSON.stringify(index.toJSON());
    const again = MiniSearchLexicalIndex.fromJSON(json);
    for (const q of ['유니트리 점유율', '宇树科技的市场份额', 'market size of coreless motors', '2027년 1.25억 위안']) {
      const a = index.search(analyzeQuery(q, glossary), 12);
      const b = again.search(analyzeQuery(q, glossary), 12);
      expect(b).toEqual(a);
    }
    expect(MiniSearchLexicalIndex.fromJSON(index.toJSON()).search(analyzeQuery('카눠프', glossary), 3)).toEqual(
      index.search(analyzeQuery('카눠프', glossary), 3),
    );
  });

  it('refuses an index built by another analyzer or format, or a corrupt file', () => {
    const json = index.toJSON();
    const stale = () => MiniSearchLexicalIndex.fromJSON({ ...json, analyzerVersion: json.analyzerVersion - 1 });
    expect(stale).toThrow(AppError);
    expect(stale).toThrow(/analyzer/);
    try {
      stale();
    } catch (e) {
      expect((e as AppError).code).toBe('INDEX_STALE');
    }
    expect(() => MiniSearchLexicalIndex.fromJSON({ ...json, version: 99 })).toThrow(/format/);
    expect(() => MiniSearchLexicalIndex.fromJSON('{not json')).toThrow(/JSON/);
    expect(() => MiniSearchLexicalIndex.fromJSON(JSON.stringify({ kind: 'other' }))).toThrow(/kind/);
  });

  it('answers in well under a millisecond per query on a couple of hundred chunks', () => {
    const many: LexicalDoc[] = [];
    for (let i = 0; i < 200; i++) {
      const d = DOCS[i % DOCS.length]!;
      many.push({ label: i, header: d.header, text: `${d.text} ${DOCS[(i * 7) % DOCS.length]!.text}` });
    }
    const big = MiniSearchLexicalIndex.build(many);
    const queries = ['유니트리의 사족 로봇 점유율은?', '宇树科技的市场份额是多少？', 'How big will the coreless motor market get?'].map((q) =>
      analyzeQuery(q, glossary),
    );
    for (const q of queries) big.search(q, 10);
    const t0 = performance.now();
    const runs = 100;
    for (let r = 0; r < runs; r++) for (const q of queries) big.search(q, 10);
    const perQuery = (performance.now() - t0) / (runs * queries.length);
    expect(perQuery).toBeLessThan(5); // generous ceiling for a loaded CI machine; measured ≈0.3 ms
  });
});
