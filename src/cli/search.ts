/** `npm run search -- "질문" [--k=5] [--json]`: ranked passages with section › article › heading and page. */
import { type CliSpec, cliArgs, usageFail } from './args.js';
import { cliContext } from './shared.js';

const CLI = {
  name: 'search',
  usage: 'npm run search -- "질문 / 问题 / question" [--k=5] [--json]',
  about: "Ranked passages for a question, each with section › article › heading, page and score (BM25 and dense ranks), from the index. The question's words need no quotes.",
  options: {
    k: { type: 'number', arg: 'N', help: 'how many passages (default 5, 1 to 50)' },
    json: { type: 'boolean', help: 'print the query and hits as JSON' },
  },
  positionals: true,
} satisfies CliSpec;

async function main(): Promise<void> {
  const { values: flags, positionals } = cliArgs(CLI);
  // Unquoted words are joined: `npm run search -- 유니트리 점유율` works.
  const q = positionals.join(' ').trim();
  if (!q) usageFail(CLI, 'no question');
  const k = flags.k !== undefined ? Math.max(1, Math.min(50, flags.k || 5)) : 5;
  const ctx = await cliContext();
  const t0 = performance.now();
  const { query, hits } = await ctx.retriever.search(q, { k });
  const took = performance.now() - t0;
  if (flags.json) {
    console.log(JSON.stringify({ query, hits }, null, 2));
    return;
  }
  console.log(`query [${query.lang}] ${query.normalized}${query.expansions.length ? `  (+ ${query.expansions.join(', ')})` : ''}  ·  ${took.toFixed(1)} ms\n`);
  for (const h of hits) {
    const c = h.chunk;
    console.log(`${h.rank}. ${c.header}  (p. ${c.page}${c.pageEnd !== c.page ? `–${c.pageEnd}` : ''})  score ${h.score.toFixed(4)} [bm25 #${h.debug?.lexicalRank ?? '-'}, dense #${h.debug?.denseRank ?? '-'}]`);
    console.log(`   ${c.text.replace(/\s+/g, ' ').slice(0, 300)}${c.text.length > 300 ? '…' : ''}\n`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
