/**
 * Greetings and thanks ("hi", "안녕", "你好", "고마워", "thanks") answered with a short friendly
 * reply and example questions, instead of a passage that happens to contain the word ("Hi
 * Robot …"). Pure, and deliberately conservative: only a message that is, as a whole, a
 * greeting or a thanks (optionally with a name for the assistant, punctuation and emoji) is
 * small talk; anything with more words, such as "hi robot이 뭐야" or "안녕하세요, 유니트리
 * 점유율은?", is a real question and goes to retrieval.
 */
import type { Lang } from '../types.js';

type Kind = 'greeting' | 'thanks' | 'bye';

/** Whole-message patterns, after lowercasing and trimming punctuation/emoji at the ends. */
const PATTERNS: Array<{ kind: Kind; re: RegExp; lang: Lang }> = [
  { kind: 'greeting', lang: 'en', re: /^(hi+|hello+|hey+|hiya|howdy|yo|good (morning|afternoon|evening)|greetings)( there| all| everyone| bot| assistant)?$/ },
  { kind: 'greeting', lang: 'ko', re: /^(안녕+|안녕하세요+|안녕하십니까|안뇽|하이+|헬로+|반가워요?|반갑습니다|좋은 (아침|저녁)(이에요|입니다)?)$/ },
  { kind: 'greeting', lang: 'zh', re: /^(你好+|您好+|嗨+|哈喽|哈啰|早上好|上午好|下午好|晚上好|早安|大家好|你好呀|你好啊)$/ },
  { kind: 'thanks', lang: 'en', re: /^(thanks+|thank you( (so|very) much)?|thx|ty|thanks a lot|many thanks|cheers|great,? thanks)$/ },
  { kind: 'thanks', lang: 'ko', re: /^(고마워+요?|고맙습니다|감사합니다|감사해요|감사|땡큐|고마워요|정말 고마워요?|정말 감사합니다)$/ },
  { kind: 'thanks', lang: 'zh', re: /^(谢谢+|谢谢你|谢谢您|多谢|感谢|非常感谢|太感谢了|谢了)$/ },
  { kind: 'bye', lang: 'en', re: /^(bye+|goodbye|see you|see ya)$/ },
  { kind: 'bye', lang: 'ko', re: /^(잘 ?가|안녕히 계세요|안녕히 가세요|바이+)$/ },
  { kind: 'bye', lang: 'zh', re: /^(再见|拜拜|回头见)$/ },
];

/** Punctuation, symbols and emoji a greeting may carry at either end ("hi!!", "안녕~ 😊", "你好！"). */
// Laughter/crying jamo (ㅎㅎ, ㅋㅋ, ㅠㅠ) in both forms: NFKC turns compatibility jamo into conjoining ones.
const EDGE = '[\\s\\p{P}\\p{S}\\p{Extended_Pictographic}\\u200d\\ufe0f~^ㅎㅋㅠㅜ\\u1112\\u110f\\u1172\\u116e]+';
const EDGES = new RegExp(`^${EDGE}|${EDGE}$`, 'gu');

const REPLIES: Record<Lang, Record<Kind, string>> = {
  ko: {
    greeting: '안녕하세요! 저는 ‘월간 중국창업’ 보고서에서 답을 찾아 출처와 함께 알려 드리는 도우미예요. 이렇게 물어보세요:',
    thanks: '도움이 되었다니 기뻐요! 더 궁금한 점이 있으면 물어보세요. 예를 들면:',
    bye: '좋은 하루 보내세요! 언제든 다시 물어보세요. 예를 들면:',
  },
  zh: {
    greeting: '你好！我会在《月刊中国创业》报告中查找答案，并注明出处。可以这样问我：',
    thanks: '不客气，很高兴能帮上忙！还有其他问题也可以问我，例如：',
    bye: '再见，祝你愉快！随时回来提问，例如：',
  },
  en: {
    greeting: 'Hello! I answer questions from the monthly report “월간 중국창업” (Monthly China Startup) and cite the passages I use. Try asking:',
    thanks: 'You’re welcome, glad it helped! Ask me anything else about the report, for example:',
    bye: 'Goodbye, have a nice day! Come back any time, for example with:',
  },
};

/** Example questions in each language (the same as the page's welcome examples). */
export const EXAMPLE_QUESTIONS: Record<Lang, string[]> = {
  ko: ['유니트리의 글로벌 사족 로봇 시장 점유율은?', '중국 저고도 경제 상위 도시는 어디인가요?', '화웨이의 AI 인프라 전략을 요약해줘'],
  zh: ['宇树科技在四足机器人市场的份额是多少？', '中国低空经济排名前列的城市有哪些？', '总结一下华为的AI基础设施战略'],
  en: ['How big is Unitree’s global market share in quadruped robots?', 'Which cities lead China’s low-altitude economy?', 'Summarize Huawei’s AI infrastructure strategy'],
};

/**
 * The friendly reply to a whole-message greeting, thanks or goodbye, in `lang` (the reader's
 * language, or the greeting's own when it was not given), or undefined for anything else.
 */
export function smallTalk(message: string, lang?: Lang): string | undefined {
  const text = message.normalize('NFKC').toLowerCase().replace(EDGES, '').replace(/\s+/g, ' ').trim();
  if (!text || text.length > 40) return undefined;
  const hit = PATTERNS.find((p) => p.re.test(text));
  if (!hit) return undefined;
  const l = lang ?? hit.lang;
  return `${REPLIES[l][hit.kind]}\n${EXAMPLE_QUESTIONS[l].map((q) => `- ${q}`).join('\n')}`;
}
