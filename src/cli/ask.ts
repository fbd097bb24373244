/** `npm run ask -- "질문" [--json]`: the chat's answer and numbered sources on the command line. */
import { sourcesBlock } from '../chat/format.js';
import { cliContext, hasFlag, positional } from './shared.js';

async function main(): Promise<void> {
  const message = positional();
  if (!message) {
    console.error('usage: npm run ask -- "질문 / 问题 / question" [--json]');
    process.exit(2);
  }
  const ctx = await cliContext();
  const res = await ctx.chat.ask({ message });
  if (hasFlag('json')) {
    console.log(JSON.stringify(res, null, 2));
    return;
  }
  console.log(res.answer);
  const sources = sourcesBlock(res.citations, res.language);
  if (sources) console.log(`\n${sources}`);
  if (res.note) console.log(`\n(${res.note})`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
