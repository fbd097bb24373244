/**
 * Pinyin → Hangul, following the Korean official transcription of Mandarin (외래어 표기법,
 * 중국어 표기): the report writes Chinese names that way (넝커테크 = Nengke, 야오잉의료 = Yaoying,
 * 즈위안 = Zhiyuan, 톈푸신구 = Tianfu), while English questions spell them in pinyin. Turning an
 * English question's pinyin word into Hangul lets "Nengke Technology" find 넝커테크 with no
 * dictionary. Only whole words that split completely into valid pinyin syllables are converted.
 */

// Initial consonants → Hangul choseong index (ㄱ0 ㄴ2 ㄷ3 ㄹ5 ㅁ6 ㅂ7 ㅅ9 ㅆ10 ㅇ11 ㅈ12 ㅉ13 ㅊ14 ㅋ15 ㅌ16 ㅍ17 ㅎ18).
const INITIAL: Record<string, number> = {
  b: 7, p: 17, m: 6, f: 17, d: 3, t: 16, n: 2, l: 5, g: 0, k: 15, h: 18,
  j: 12, q: 14, x: 9, zh: 12, ch: 14, sh: 9, r: 5, z: 13, c: 14, s: 10,
};
const INITIALS = Object.keys(INITIAL).sort((a, b) => b.length - a.length);

// Vowels (jungseong index) and final consonants (jongseong index).
const V = { a: 0, ya: 2, eo: 4, e: 5, ye: 7, o: 8, wa: 9, u: 13, wo: 14, we: 15, wi: 16, yu: 17, eu: 18, i: 20 } as const;
const N = 4; // ㄴ
const L = 8; // ㄹ
const NG = 21; // ㅇ

/** A final as Hangul syllables: the first takes the initial consonant, the others start with ㅇ. */
type Syl = [vowel: number, final?: number];
const FINALS: Record<string, Syl[]> = {
  a: [[V.a]], o: [[V.o]], e: [[V.eo]], ai: [[V.a], [V.i]], ei: [[V.e], [V.i]], ao: [[V.a], [V.o]],
  ou: [[V.eo], [V.u]], an: [[V.a, N]], en: [[V.eo, N]], ang: [[V.a, NG]], eng: [[V.eo, NG]],
  ong: [[V.u, NG]], er: [[V.eo, L]], i: [[V.i]], ia: [[V.ya]], ie: [[V.ye]], iao: [[V.ya], [V.o]],
  iu: [[V.yu]], ian: [[V.ye, N]], in: [[V.i, N]], iang: [[V.ya, NG]], ing: [[V.i, NG]],
  iong: [[V.yu, NG]], u: [[V.u]], ua: [[V.wa]], uo: [[V.wo]], uai: [[V.wa], [V.i]], ui: [[V.u], [V.i]],
  uan: [[V.wa, N]], un: [[V.u, N]], uang: [[V.wa, NG]], ue: [[V.we]], ve: [[V.we]], v: [[V.wi]],
};

/** Finals each initial combines with (a slightly generous union of the pinyin table). */
const GROUPS: Array<[string[], string[]]> = [
  [['b', 'p', 'm'], ['a', 'o', 'ai', 'ei', 'ao', 'an', 'en', 'ang', 'eng', 'i', 'ie', 'iao', 'ian', 'in', 'ing', 'u', 'ou', 'iu', 'e']],
  [['f'], ['a', 'o', 'ei', 'an', 'en', 'ang', 'eng', 'u', 'ou']],
  [['d', 't'], ['a', 'e', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'ong', 'i', 'ia', 'ie', 'iao', 'iu', 'ian', 'ing', 'u', 'uo', 'ui', 'uan', 'un']],
  [['n', 'l'], ['a', 'o', 'e', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'ong', 'i', 'ia', 'ie', 'iao', 'iu', 'ian', 'in', 'iang', 'ing', 'u', 'uo', 'uan', 'un', 'v', 've', 'ue']],
  [['g', 'k', 'h'], ['a', 'e', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'ong', 'u', 'ua', 'uo', 'uai', 'ui', 'uan', 'un', 'uang']],
  [['j', 'q', 'x'], ['i', 'ia', 'ie', 'iao', 'iu', 'ian', 'in', 'iang', 'ing', 'iong', 'u', 'ue', 'uan', 'un']],
  [['zh', 'ch', 'sh', 'r', 'z', 'c', 's'], ['a', 'e', 'i', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'ong', 'u', 'ua', 'uo', 'uai', 'ui', 'uan', 'un', 'uang']],
];
const ALLOWED = new Map<string, Set<string>>();
for (const [inits, finals] of GROUPS) for (const i of inits) ALLOWED.set(i, new Set(finals));

/** Syllables without an initial, as written in pinyin (y-/w- spellings and bare vowels). */
const ZERO: Record<string, Syl[]> = {
  a: FINALS.a!, o: FINALS.o!, e: FINALS.e!, ai: FINALS.ai!, ei: FINALS.ei!, ao: FINALS.ao!, ou: FINALS.ou!,
  an: FINALS.an!, en: FINALS.en!, ang: FINALS.ang!, eng: FINALS.eng!, er: FINALS.er!,
  yi: [[V.i]], ya: [[V.ya]], ye: [[V.ye]], yao: [[V.ya], [V.o]], you: [[V.yu]], yan: [[V.ye, N]],
  yin: [[V.i, N]], yang: [[V.ya, NG]], ying: [[V.i, NG]], yong: [[V.yu, NG]], yu: [[V.wi]],
  yue: [[V.we]], yuan: [[V.wi], [V.a, N]], yun: [[V.wi, N]], wu: [[V.u]], wa: [[V.wa]], wo: [[V.wo]],
  wai: [[V.wa], [V.i]], wei: [[V.we], [V.i]], wan: [[V.wa, N]], wen: [[V.wo, N]], wang: [[V.wa, NG]],
  weng: [[V.wo, NG]],
};

const hangul = (cho: number, [v, t = 0]: Syl): string => String.fromCharCode(0xac00 + (cho * 21 + v) * 28 + t);

/** One pinyin syllable → Hangul, or undefined if it is not a syllable. */
function syllable(s: string): string | undefined {
  const zero = ZERO[s];
  if (zero) return zero.map((x) => hangul(11, x)).join('');
  const init = INITIALS.find((i) => s.startsWith(i));
  if (!init) return undefined;
  let fin = s.slice(init.length);
  if (!ALLOWED.get(init)?.has(fin)) return undefined;
  const cho = INITIAL[init]!;
  let syls = FINALS[fin]!.map((x): Syl => [...x]);
  const first = syls[0]!;
  // zhi chi shi ri zi ci si: the vowel is ㅡ (즈, 스, 쓰).
  if (fin === 'i' && ['zh', 'ch', 'sh', 'r', 'z', 'c', 's'].includes(init)) first[0] = V.eu;
  // j q x + u/ue/uan/un are ü-finals: 쥐, 쉐, 쉬안, 쥔.
  if (['j', 'q', 'x'].includes(init) && fin.startsWith('u')) {
    fin = fin === 'u' ? 'v' : fin;
    if (fin === 'v') syls = [[V.wi]];
    else if (fin === 'ue') syls = [[V.we]];
    else if (fin === 'uan') syls = [[V.wi], [V.a, N]];
    else if (fin === 'un') syls = [[V.wi, N]];
  }
  // After ㅈ ㅉ ㅊ the y-glide is not written: 자 (jia), 젠 (jian), 주 (jiu), 중 (jiong).
  if ([12, 13, 14].includes(cho)) {
    const f = syls[0]!;
    if (f[0] === V.ya) f[0] = V.a;
    else if (f[0] === V.ye) f[0] = V.e;
    else if (f[0] === V.yu) f[0] = V.u;
  }
  return syls.map((x, i) => hangul(i === 0 ? cho : 11, x)).join('');
}

/** Splits into syllables, longest first with backtracking (Changan → chang·an, Yaoying → yao·ying). */
function split(word: string): string[] | undefined {
  if (!word) return [];
  for (let n = Math.min(6, word.length); n >= 1; n--) {
    const head = word.slice(0, n);
    if (syllable(head) === undefined) continue;
    const rest = split(word.slice(n));
    if (rest) return [head, ...rest];
  }
  return undefined;
}

/**
 * Hangul for a pinyin word ("Nengke" → 넝커, "Xi'an" → 시안), or undefined when the word is not
 * pinyin or has a single syllable (too likely an English word: "Long", "Can", "Men").
 */
export function pinyinToHangul(word: string): string | undefined {
  const w = word.toLowerCase().replace(/ü|u:/g, 'v');
  if (!/^[a-z]+(?:['’][a-z]+)*$/.test(w)) return undefined;
  const parts = w.split(/['’]/).map(split);
  if (parts.some((p) => p === undefined)) return undefined;
  const syls = parts.flat() as string[];
  if (syls.length < 2) return undefined;
  return syls.map((s) => syllable(s)!).join('');
}
