/**
 * Names the report lists without a figure, beside others it gives one: "상하이(46.66),
 * 광저우(44.49), 시안(43.45) … 우한, 항저우, 쑤저우도 상위 10 위권" gives five cities' index
 * scores and names three more without theirs. A figure asked of such a name is not in the report,
 * while the sentence naming it looks like an answer to every fitted feature (the subject, the
 * attribute and figures of the asked kind, all in one sentence). A fact about the report's text,
 * like a name it never mentions, tested on the sentence's shape and on the whole report.
 */
import { escapeRegExp } from '../text/normalize.js';

/** A name with its figure in parentheses: "상하이(46.66)", "선전(325 개)", "베이징(83.49 점)". */
const NAME_FIGURE_RE = /[\p{Script=Hangul}\p{Script=Han}A-Za-z]{2,}\s*[(（]\s*[-+]?\d[\d.,]*\s*[\p{L}%]{0,2}\s*[)）]/gu;

/** A list of figures by name: three or more names, each with its figure in parentheses. */
export function listsFiguresByName(sentence: string): boolean {
  return (sentence.match(NAME_FIGURE_RE) ?? []).length >= 3;
}

/**
 * Does the sentence give the name a figure of its own: in parentheses right after it
 * ("항저우(40.12)"), or within a few characters ("항저우의 지수는 40.12"), other than a rank or a
 * date ("항저우, 쑤저우도 상위 10 위권" ranks it, and says nothing of its score).
 */
export function givesFigure(sentence: string, form: string): boolean {
  return ownFigure(form)(sentence);
}

/** The test of givesFigure for one form, its patterns compiled once (the whole report is read with it). */
function ownFigure(form: string): (sentence: string) => boolean {
  const f = escapeRegExp(form.normalize('NFKC'));
  const inParentheses = new RegExp(`${f}\\s*[(（]\\s*[-+]?\\d`, 'u');
  const near = new RegExp(`${f}[^.。!?]{0,12}?(?<![\\d.,])\\d[\\d.,]*(?![\\d.,])(?!\\s*(?:위|년|월|일|位|年|月|日))`, 'u');
  return (sentence) => {
    const text = sentence.normalize('NFKC');
    return inParentheses.test(text) || near.test(text);
  };
}

/**
 * Is a name (any of its forms, as the report writes them) a bare member of a list of figures by
 * name among `candidates` (the retrieved sentences), with no figure of its own anywhere in
 * `report` (every sentence of the report)? Then the report does not state its figure.
 */
export function listedWithoutFigure(forms: readonly string[], candidates: readonly string[], report: Iterable<string>): boolean {
  // As the report prints them (not matchForm(), which drops the parentheses the test reads):
  // the same text in both tests, so a name spelt otherwise is in neither and nothing is refused.
  const usable = forms.map((f) => f.normalize('NFKC')).filter((f) => [...f].length >= 2);
  if (!usable.length) return false;
  const names = (s: string) => usable.some((f) => s.normalize('NFKC').includes(f));
  if (!candidates.some((s) => names(s) && listsFiguresByName(s))) return false;
  const own = usable.map(ownFigure);
  for (const s of report) if (names(s) && own.some((test) => test(s))) return false;
  return true;
}
