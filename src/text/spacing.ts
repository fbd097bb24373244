/**
 * Korean spacing restored in a question, from the report's own words.
 *
 * Korean readers often type without spaces, all of a question or part of it ("유니트리사족로봇점유율은몇퍼센트야",
 * "몇곳이나있어"), most of all on a phone (KakaoTalk). Every stage reads Korean by its words: the
 * analyzer strips a particle from a word's end, the answer stage weighs a word and the bigrams
 * inside it as one concept, the frame's cues look for question words. A question typed as one
 * run was one unmatched "word" with a tail of junk bigrams, and the answer stage refused or
 * quoted the wrong sentence although retrieval still found the passage (measured on the written
 * tuning set with its spaces removed: keywords 0.78 → 0.47, first citation 1.00 → 0.66).
 *
 * Why hand-written: the Korean morphological analyzers on npm do not fit here. Kiwi (`kiwi-nlp`)
 * ships its WebAssembly without the model, which is downloaded from GitHub at first use, and
 * this machine, CI and many users' servers cannot reach it; the others wrap Java or MeCab. And the
 * dictionary that matters is the report's: a word the report does not use cannot match anything
 * in it, whatever a general dictionary says. So a run of Hangul is cut by dynamic programming
 * into the report's words, particles and endings, and question words, preferring long known
 * words (a known piece of n syllables scores n², an unknown syllable −1).
 */
import { KO_QUERY_STOP, KO_STOP, KO_SUFFIX_SAFE, KO_SUFFIX_UNSAFE, stripKoreanSuffix } from './rules.js';

/** Runs shorter than this are left as typed: a word with its particle ("점유율은") is that long. */
const MIN_RUN = 4;
/** Longest piece looked up (the report's longest Hangul words are compound names of ~10 syllables). */
const MAX_PIECE = 12;
const UNKNOWN = -1;
/** A particle or ending: worth a little more than an unknown syllable, glued to the word before it. */
const ENDING = 0.5;

/**
 * Interrogatives, requests and verb endings of questions that the report never writes: the
 * analyzer's question words (KO_QUERY_STOP) and the forms a question glues them into.
 */
const QUESTION_PIECES = [
  ...KO_QUERY_STOP,
  '뭐뭐', '누구누구', '뭐임', '뭐였어', '뭐였지', '어디임', '언제야', '얼마임', '몇명', '몇곳',
  '됐어', '됐나', '해', '있음', '있지', '있는지', '없어', '알려줄래', '궁금함', '보여줘', '찾아줘',
  // time relative to the asker (the report dates things absolutely: 2024 년, not 작년)
  '작년', '지난해', '올해', '금년', '내년', '최근',
];

/** Particles and endings that attach to the piece before them. */
const ENDINGS = [...KO_SUFFIX_SAFE, ...KO_SUFFIX_UNSAFE, '임', '음', '요', '죠', '래', '대', '고', '면', '으면', '데', '는데', '은데', '는지', '거임', '거야', '였어', '였나', '였지', '였더라', '이었어'];

type Kind = 'word' | 'question' | 'ending' | 'unknown';
interface Piece {
  text: string;
  kind: Kind;
}

export class KoreanSpacer {
  private readonly words: Set<string>;
  private readonly questions = new Set(QUESTION_PIECES);
  private readonly endings = new Set(ENDINGS);

  /**
   * `words`: the report's Hangul words as written (particles included). A word is known by its
   * stem when a particle or ending comes off (행동계획에서 → 행동계획): kept whole, it would
   * outscore stem + particle and leave a stray syllable ("행동계획에 서").
   */
  constructor(words: Iterable<string>) {
    this.words = new Set();
    for (const w of words) {
      if ([...w].length < 2 || KO_STOP.has(w)) continue;
      const stem = stripKoreanSuffix(w)?.stem ?? w;
      if (!KO_STOP.has(stem)) this.words.add(stem);
    }
  }

  /** Builds it from raw texts: every Hangul run of two or more syllables. */
  static fromTexts(texts: Iterable<string>): KoreanSpacer {
    const words: string[] = [];
    for (const t of texts) for (const m of t.matchAll(/[\uAC00-\uD7AF]{2,}/g)) words.push(m[0]);
    return new KoreanSpacer(words);
  }

  /** The report uses this word, as written or without its particle or ending. */
  knows(word: string): boolean {
    if (this.words.has(word)) return true;
    const stem = stripKoreanSuffix(word)?.stem;
    return stem !== undefined && this.words.has(stem);
  }

  /**
   * The text with spaces put back inside long Hangul runs that are not one of the report's words.
   * Everything else (spaces, punctuation, Latin, Han, numbers) is kept as typed.
   */
  respace(text: string, nameLike?: (piece: string) => boolean): string {
    return text.replace(/[\uAC00-\uD7AF]+/g, (run) => ([...run].length < MIN_RUN ? run : this.respaceRun(run, nameLike)));
  }

  private respaceRun(run: string, nameLike?: (piece: string) => boolean): string {
    const pieces = this.segment([...run], nameLike);
    const out: string[] = [];
    pieces.forEach((p, i) => {
      // An ending joins the word before it, and so does an unknown syllable after an unknown one
      // (a name the report does not use stays one word).
      if (i > 0 && (p.kind === 'ending' || (p.kind === 'unknown' && pieces[i - 1]!.kind === 'unknown'))) out[out.length - 1] += p.text;
      else out.push(p.text);
    });
    // Cut only where the report's words were found: two or more words, at least half the
    // syllables in known pieces. Otherwise the run is a word the report does not write.
    const known = pieces.filter((p) => p.kind !== 'unknown').reduce((n, p) => n + [...p.text].length, 0);
    if (out.length < 2 || known * 2 < [...run].length) return run;
    return out.join(' ');
  }

  private kindOf(piece: string, first: boolean, nameLike?: (piece: string) => boolean): { kind: Kind; score: number } | undefined {
    const n = [...piece].length;
    if (this.words.has(piece) && n >= 2) return { kind: 'word', score: n * n };
    // A misspelt name (능커테크 for 넝커테크) is a word too: cut as one, it can be read as the name.
    if (n >= 3 && nameLike?.(piece)) return { kind: 'word', score: n * n };
    // Manner adverbs say how to answer (정확히, 간단히), like question words.
    if (this.questions.has(piece) || (n >= 2 && n <= 3 && piece.endsWith('히'))) return { kind: 'question', score: n === 1 ? 1 : n * n };
    if (!first && this.endings.has(piece)) return { kind: 'ending', score: ENDING * n };
    return undefined;
  }

  /** Best cut of the syllables into pieces (dynamic programming over the run). */
  private segment(chars: string[], nameLike?: (piece: string) => boolean): Piece[] {
    const n = chars.length;
    const best: number[] = new Array<number>(n + 1).fill(-Infinity);
    const back: Array<{ from: number; kind: Kind } | undefined> = new Array(n + 1);
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      if (best[i] === -Infinity) continue;
      // An unknown syllable.
      if (best[i]! + UNKNOWN > best[i + 1]!) {
        best[i + 1] = best[i]! + UNKNOWN;
        back[i + 1] = { from: i, kind: 'unknown' };
      }
      for (let j = i + 1; j <= Math.min(n, i + MAX_PIECE); j++) {
        const k = this.kindOf(chars.slice(i, j).join(''), i === 0, nameLike);
        if (!k) continue;
        if (best[i]! + k.score > best[j]!) {
          best[j] = best[i]! + k.score;
          back[j] = { from: i, kind: k.kind };
        }
      }
    }
    const pieces: Piece[] = [];
    for (let j = n; j > 0; ) {
      const b = back[j]!;
      pieces.unshift({ text: chars.slice(b.from, j).join(''), kind: b.kind });
      j = b.from;
    }
    return pieces;
  }
}
