import { loadConfig } from './src/config.js';
import { createContext } from './src/server/compose.js';
import { createLogger } from './src/logger.js';
const config = loadConfig({ ...process.env, MODEL: 'hashed', INDEX_DIR: '.tmp/eval-index-hashed-d-d-d', LOG_LEVEL: 'warn' });
const ctx = await createContext(config, { logger: createLogger('warn', process.stderr) });
const convs: Array<[string, string[]]> = [
  ['ko', ['유니트리는 어떤 회사야?', '그 회사의 사족 로봇 시장 점유율은?', '그 회사가 공개한 데이터셋은?']],
  ['zh', ['宇树科技是一家什么公司？', '它在四足机器人市场的份额是多少？', '它开源了什么数据集？']],
  ['en', ['What does the report say about Unitree?', 'What is its share of the quadruped robot market?', 'What dataset did it open-source?']],
  ['ko', ['산업 트렌드 2번 기사 요약해줘']], ['ko', ['기업 리서치 3번 기사 요약']], ['ko', ['이번 호 전체를 요약해줘']], ['ko', ['2번 기사 요약해줘']],
  ['ko', ['화웨이 기사 요약해줘']], ['zh', ['总结一下第三篇文章']], ['en', ['Summarize the Huawei article']], ['zh', ['本期概要']],
  ['ko', ['유니트리의 주가 전망은?']], ['zh', ['宇树科技的股价是多少？']], ['en', ["What is Unitree's stock price?"]],
  ['ko', ['샤오미의 2024년 순이익은?']], ['zh', ['比亚迪2024年的研发人员有多少人？']], ['en', ["What is BYD's market capitalization?"]],
  ['zh', ['中国空心杯电机市场到2028年预计能达到多大规模？']],
];
for (const [lang, turns] of convs) {
  const sessionId = `s_${Math.random().toString(36).slice(2, 24).padEnd(22, 'x')}`;
  for (const t of turns) {
    const r = await ctx.chat.ask({ message: t, sessionId, language: lang as 'ko' });
    console.log(`> ${t}\n  [${r.found}] ${r.standaloneQuestion}\n  ${r.answer.replace(/\n/g, ' / ').slice(0, 300)}\n  cites: ${r.citations.map((c) => c.section + ' ' + c.article.number).join(', ')}`);
  }
}
