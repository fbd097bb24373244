/**
 * A misspelt name read as the report's name: "능커테크" is 넝커테크, "에지봇" 애지봇, "카노프" 카눠프.
 *
 * The report writes Chinese companies and places in Korean transcriptions that have no standard
 * spelling, so readers type them by ear, one vowel or consonant off. Such a word matches nothing,
 * and retrieval and the answer stage fall back on its other words: a question about one
 * company's profit was answered with another company's table. A Hangul word that the report
 * never uses is read as one of the report's names (its mined glossary) when exactly one has as
 * many syllables, all the same but one, and that one a letter off (jamo: initial, vowel, final;
 * two letters in names of five syllables or more). Looked up by masking each syllable in turn,
 * so a question costs a few map lookups per word. The asker is told which name was read (the
 * answer's note).
 *
 * Only names, and only words the report does not use: a correct word is never touched, and a
 * company the report does not mention stays itself unless it is one letter from one it does
 * (then the note says so).
 */
import { isHangul, stripKoreanSuffix } from './rules.js';

/** Names shorter than this (in syllables) are too close to too many words to correct. */
const MIN_SYLLABLES = 3;
/** From this many syllables a name may be two letters off. */
const LONG_NAME = 5;

/** The letters of a Hangul text: each syllable's initial, vowel and final (if any) as numbers. */
export function jamo(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)! - 0xac00;
    if (c < 0 || c >= 11172) {
      out.push(-ch.codePointAt(0)!);
      continue;
    }
    out.push(Math.floor(c / 588), 100 + Math.floor((c % 588) / 28));
    if (c % 28) out.push(200 + (c % 28));
  }
  return out;
}

/** Letters two syllables differ by (edit distance of their jamo). */
function syllableDistance(a: string, b: string): number {
  return editDistance(jamo(a), jamo(b), Infinity);
}

export interface Correction {
  /** The word as typed (without its particle). */
  typed: string;
  /** The report's name read instead. */
  name: string;
}

export class NameSpeller {
  /** Each name under each of its syllables masked ("넝커테크" under "*커테크", "넝*테크", …). */
  private readonly masked = new Map<string, string[]>();

  /**
   * `names`: the report's names in Korean (spaces are ignored); `known`: whether the report uses a
   * word (such words are never corrected).
   */
  constructor(
    names: Iterable<string>,
    private readonly known: (word: string) => boolean,
  ) {
    for (const raw of names) {
      const syl = [...raw.replace(/\s+/g, '')];
      if (syl.length < MIN_SYLLABLES || !syl.every((c) => isHangul(c.codePointAt(0)!))) continue;
      for (let i = 0; i < syl.length; i++) {
        const key = maskAt(syl, i);
        const list = this.masked.get(key) ?? [];
        if (!list.includes(syl.join(''))) list.push(syl.join(''));
        this.masked.set(key, list);
      }
    }
  }

  /** The text with misspelt names replaced by the report's, and what was replaced. */
  correct(text: string): { text: string; corrections: Correction[] } {
    const corrections: Correction[] = [];
    const out = text.replace(/[\uAC00-\uD7AF]+/g, (word) => {
      if ([...word].length < MIN_SYLLABLES || this.known(word)) return word;
      // The word, or the word without its particle (능커테크의 → 능커테크).
      const stripped = stripKoreanSuffix(word, MIN_SYLLABLES);
      for (const stem of stripped ? [word, stripped.stem] : [word]) {
        if (this.known(stem)) return word;
        const name = this.nearName(stem);
        if (name) {
          corrections.push({ typed: stem, name });
          return name + word.slice(stem.length);
        }
      }
      return word;
    });
    return { text: out, corrections };
  }

  /**
   * The one report name `word` is a misspelling of: as many syllables, all the same but one, and
   * that one a letter off (two letters in a name of five syllables or more). Undefined when none,
   * when several are that close, or when the word is a name itself.
   */
  nearName(word: string): string | undefined {
    const syl = [...word];
    if (syl.length < MIN_SYLLABLES) return undefined;
    const max = syl.length >= LONG_NAME ? 2 : 1;
    const found = new Set<string>();
    for (let i = 0; i < syl.length; i++) {
      for (const name of this.masked.get(maskAt(syl, i)) ?? []) {
        const other = [...name][i]!;
        if (other === syl[i]) return undefined; // the name itself
        if (syllableDistance(other, syl[i]!) <= max) found.add(name);
      }
    }
    return found.size === 1 ? [...found][0] : undefined;
  }
}

function maskAt(syllables: readonly string[], i: number): string {
  return [...syllables.slice(0, i), '*', ...syllables.slice(i + 1)].join('');
}

/** Latin names shorter than this are too close to too many words ("BYD", "Geely" stay as typed). */
const MIN_LATIN = 6;
/** From this many letters a Latin name may be two edits off. */
const LONG_LATIN = 9;

/**
 * Edit distance of two short sequences (letters, or jamo), a swap of two neighbouring items
 * counting as one edit (optimal string alignment: typists swap letters; jamo never swap, an
 * initial, a vowel and a final being different kinds), or `max + 1` once it must exceed `max`.
 */
function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/**
 * The same for the Latin spellings of the report's names in English questions ("Hikvison" is
 * Hikvision): a word of six letters or more that is no English word the project knows (the
 * glossary's and the lexicon's) becomes the one name one edit away (two from nine letters).
 */
export class LatinNameSpeller {
  private readonly names: string[];

  /**
   * `names`: the report's names in Latin letters (their capitalized words of six letters or more);
   * `known`: a word the project knows (a glossary or lexicon word, a stop word), never corrected.
   * The lexicon knows names too (Unitree), so it cannot tell names from words: a name's word
   * that is also an English word ("Robotics") is only ever reached from a word no list knows.
   */
  constructor(
    names: Iterable<string>,
    private readonly known: (word: string) => boolean,
  ) {
    const set = new Set<string>();
    // Capitalized words only: the glossary's English side also holds ordinary words (commercialization).
    for (const n of names) for (const w of n.match(/[A-Z][A-Za-z0-9]+/g) ?? []) if (w.length >= MIN_LATIN) set.add(w);
    this.names = [...set];
  }

  correct(text: string): { text: string; corrections: Correction[] } {
    const corrections: Correction[] = [];
    const out = text.replace(/[A-Za-z][A-Za-z0-9]*/g, (word) => {
      const lower = word.toLowerCase();
      // A typed word may be a letter shorter than the names it can be read as ("Huwei").
      if (word.length < MIN_LATIN - 1 || this.known(lower)) return word;
      const max = word.length >= LONG_LATIN ? 2 : 1;
      let best: string[] = [];
      let bestD = max + 1;
      for (const n of this.names) {
        const d = editDistance(lower, n.toLowerCase(), Math.min(max, bestD));
        if (d === 0) return word; // the name itself, in other letter case
        if (d < bestD) {
          bestD = d;
          best = [n];
        } else if (d === bestD && !best.includes(n)) best.push(n);
      }
      if (bestD > max || best.length !== 1) return word;
      corrections.push({ typed: word, name: best[0]! });
      return best[0]!;
    });
    return { text: out, corrections };
  }
}
