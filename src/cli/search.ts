/** `npm run search -- "질문" [--k=5] [--json]`: ranked passages with section › article › heading and page. */
import { cliContext, hasFlag, positional } from './shared.js';

async function main(): Promise<void> {
  const q = positional();
  if (!q) {
    console.error('usage: npm run search -- "질문 / 问题 / question" [--k=5] [--json]');
    process.exit(2);
  }
  const kArg = process.argv.find((a) => a.startsWith('--k='));
  const k = kArg ? Math.max(1, Math.min(50, Number(kArg.slice(4)) || 5)) : 5;
  const ctx = await cliContext();
  const t0 = performance.now();
  const { query, hits } = await ctx.retriever.search(q, { k });
  const took = performance.now() - t0;
  if (hasFlag('json')) {
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
