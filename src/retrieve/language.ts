/**
 * Language of a question, from its script alone (no model): the three languages the
 * assistant serves use three scripts, so counting characters is enough and works on
 * one-word questions ("宇树?", "카눠프", "WAIC").
 *
 * - Any Hangul → ko, even mixed with Chinese ("유니트리(宇树科技)는?"): only Korean readers
 *   type Hangul, and the report quotes Chinese in parentheses the same way.
 *   Exception: an English sentence quoting one Korean term ("Anything in the report about
 *   구현 지능?") stays en when its Latin words outnumber the Hangul syllables.
 * - Else Han → zh, unless Latin words outnumber the Han characters ("What is 宇树科技's
 *   market share?" is English; "优必选(UBTECH)的…" is Chinese).
 * - Else Latin → en.
 * - No letters at all (digits, punctuation, empty): `fallback`, by default ko (the report's language).
 */
import type { Lang } from '../types.js';

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/g;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/g;
const LATIN_WORD = /[A-Za-z\u00C0-\u024F]+/g;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

export function detectLanguage(text: string, fallback: Lang = 'ko'): Lang {
  const t = text.normalize('NFKC');
  const hangul = count(t, HANGUL);
  const han = count(t, HAN);
  const latin = count(t, LATIN_WORD);
  if (hangul > 0) return latin > hangul ? 'en' : 'ko';
  if (han > 0) return latin > han ? 'en' : 'zh';
  if (latin > 0) return 'en';
  return fallback;
}
