/**
 * `npm run lexicon [-- --missing] [--json]`: the report vocabulary's coverage (src/retrieve/vocabulary.ts).
 * Without flags, how many of the indexed report's Hangul words have a Chinese or English form
 * (vocabulary, seed glossary or a mined name pair); `--missing` lists the words that have none,
 * most frequent first: after a new issue is indexed, these are the words to translate (one line
 * each, `korean | chinese, … | english, …`), so that Chinese and English readers reach them.
 */
import { analyze } from '../retrieve/analyzer.js';
import { defaultLexicon } from '../retrieve/lexicon.js';
import { SEED_GLOSSARY } from '../retrieve/seed-glossary.js';
import { normalize } from '../text/normalize.js';
import { type CliSpec, cliArgs } from './args.js';
import { cliContext } from './shared.js';

const CLI = {
  name: 'lexicon',
  usage: 'npm run lexicon [-- --missing] [--json]',
  about:
    "The report vocabulary's coverage (src/retrieve/vocabulary.ts): how many of the indexed report's Hangul words have a Chinese or English form (vocabulary, seed glossary or a mined name pair).",
  options: {
    missing: { type: 'boolean', help: 'list the words that have none, most frequent first (the words to translate after a new issue)' },
    json: { type: 'boolean', help: 'print the count and the missing words as JSON' },
  },
} satisfies CliSpec;

async function main(): Promise<void> {
  const { values: flags } = cliArgs(CLI);
  const ctx = await cliContext();
  const known = new Set([...defaultLexicon().entries, ...SEED_GLOSSARY, ...ctx.index.glossary.extracted].map((e) => e.ko.replace(/\s+/g, '')));
  const freq = new Map<string, number>();
  for (const c of ctx.index.chunks) {
    for (const w of normalize(c.text).split(/\s+/)) {
      const toks = analyze(w, {});
      // The word without its particle, as the lexicon lists it (유니트리는 → 유니트리).
      const stem = toks.find((t) => t.kind === 'stem')?.term ?? toks.find((t) => t.kind === 'word')?.term;
      if (stem && /^[\uAC00-\uD7AF]{2,}$/u.test(stem)) freq.set(stem, (freq.get(stem) ?? 0) + 1);
    }
  }
  const missing = [...freq].filter(([w]) => !known.has(w)).sort((a, b) => b[1] - a[1]);
  if (flags.json) {
    console.log(JSON.stringify({ words: freq.size, missing: missing.map(([word, count]) => ({ word, count })) }, null, 2));
  } else if (flags.missing) {
    for (const [w, n] of missing) console.log(`${w}\t${n}`);
  } else {
    console.log(`${freq.size - missing.length} of ${freq.size} Hangul words of the index have a Chinese or English form; ${missing.length} have none (npm run lexicon -- --missing lists them)`);
  }
  await ctx.closeState?.();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
