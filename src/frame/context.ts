/**
 * The asker's own situation, said before the question: "저희는 배터리 소재를 수입하는데, …",
 * "我们是做无人机电池的，…", "I run a small logistics firm in Busan. …". Its words are about the
 * asker, not about what the report should be searched for, and they outweighed the question's
 * own words in the sentences the answer picked.
 *
 * Recognized by grammar only: the question's first clause has a first-person subject and ends as
 * a statement (a Korean connective -는데/-라서/-니까 or a full stop; a Chinese comma or colon; an
 * English full stop), and a question follows it.
 */
import type { Lang } from '../types.js';

export interface AskerContext {
  /** The clause about the asker, as typed. */
  context: string;
  /** The rest of the question. */
  rest: string;
}

/**
 * A first-person subject: 우리/저희 (with a particle or a noun after; not 우리나라), 제가, 내가,
 * 저는, 나는. Not the short 전/난: "전 세계 시장이 커지는데, …" is about the world.
 */
const KO_FIRST_PERSON = /^(?:우리|저희)(?:[가는도]|\s|$)|^(?:제가|내가|저는|나는)\s/u;
/** A clause that states, ending in a connective ("만드는데", "중소기업인데요", "하고 있어서", "하니까"). */
const KO_CLAUSE = /^([^,.?!。？！]*?(?:는데|은데|인데|ㄴ데|던데|라서|해서|어서|아서|니까)요?)\s*[,，]?\s+(?=\S)|^([^,.?!。？！]+[.!。！])\s+(?=\S)/u;

const ZH_FIRST_PERSON = /^(?:我们|我司|本公司|咱们|我)/u;
const ZH_CLAUSE = /^([^，,：:。；;！？?]+)[，,：:。；;！]\s*(?=\S)/u;

const EN_FIRST_PERSON = /^(?:I|I'm|I am|We|We're|We are|Our|My)\b/u;
/** The first sentence, ending in a full stop or a semicolon. */
const EN_CLAUSE = /^([^.?!;]+[.;!])\s+(?=\S)/u;
/** A first sentence that already asks ("I want to know…", "We'd like the figures…") is the question. */
const EN_ASKING = /\b(?:want|wants|wanted|would like|'d like|need|needs|wonder|wondering|curious|tell|know|looking for)\b/iu;

/** The rest must still be a question worth the name. */
const MIN_REST_CHARS = 8;

export function splitAskerContext(text: string, lang: Lang): AskerContext | undefined {
  const t = text.trim();
  let m: RegExpExecArray | null = null;
  if (lang === 'ko') {
    if (!KO_FIRST_PERSON.test(t)) return undefined;
    m = KO_CLAUSE.exec(t);
  } else if (lang === 'zh') {
    if (!ZH_FIRST_PERSON.test(t)) return undefined;
    m = ZH_CLAUSE.exec(t);
  } else {
    if (!EN_FIRST_PERSON.test(t)) return undefined;
    m = EN_CLAUSE.exec(t);
    if (m && EN_ASKING.test(m[1]!)) return undefined;
  }
  if (!m) return undefined;
  const context = m[0].trim();
  const rest = t.slice(m[0].length).trim();
  if ([...rest].length < MIN_REST_CHARS) return undefined;
  return { context, rest };
}
