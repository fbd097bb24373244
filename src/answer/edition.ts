/**
 * Editions of a recurring event: "제 2 회 … 교류대회", "第二届", "the 2nd conference". A question
 * about an edition the report does not cover ("第三届…什么时候", "the first Belt and Road
 * conference") is answered by the retrieved passages about the edition it does cover, whose
 * dates and figures are another edition's: the edition, like a year, is a fact about the passages.
 */
import { hanNumber } from '../text/rules.js';

const EN_ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
/** The words an English ordinal counts editions of ("the third Belt and Road conference"), within six words. */
const EN_EVENT = '(?:conference|forum|expo|exhibition|summit|fair|edition|session|congress|festival|convention|contest|competition|roadshow|ceremony|meeting|dialogue)s?';
const EN_ASKED_RE = new RegExp(`\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,3}(?:st|nd|rd|th))\\b\\s+(?:[\\w'’"“”‘-]+\\s+){0,6}?${EN_EVENT}\\b`, 'giu');
/** 제 2 회, 제2회 (the report's form and a Korean reader's), 2회차; 第二届, 第12届, 首届. */
const KO_RE = /제\s*(\d{1,3})\s*회|(\d{1,3})\s*회차/gu;
const ZH_RE = /第\s*([一二三四五六七八九十百\d]{1,4})\s*届|(首)届/gu;

function collect(text: string, re: RegExp, read: (m: RegExpMatchArray) => number | undefined): number[] {
  const out: number[] = [];
  for (const m of text.normalize('NFKC').matchAll(re)) {
    const n = read(m);
    if (n !== undefined && n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

const zhEdition = (m: RegExpMatchArray) => (m[2] ? 1 : /^\d+$/.test(m[1]!) ? Number(m[1]) : hanNumber(m[1]!));
const koEdition = (m: RegExpMatchArray) => Number(m[1] ?? m[2]);
const enEdition = (m: RegExpMatchArray) => {
  const w = m[1]!.toLowerCase();
  return EN_ORDINALS[w] ?? Number.parseInt(w, 10);
};

/** The editions a question asks about, in any of the three languages. */
export function askedEditions(question: string): number[] {
  return [...new Set([...collect(question, KO_RE, koEdition), ...collect(question, ZH_RE, zhEdition), ...collect(question, EN_ASKED_RE, enEdition)])];
}

/** The editions a sentence of the report states ("제 2 회 ‘일대일로(一带一路)’ 과학기술 교류대회"). */
export function statedEditions(sentence: string): number[] {
  return [...new Set([...collect(sentence, KO_RE, koEdition), ...collect(sentence, ZH_RE, zhEdition)])];
}
