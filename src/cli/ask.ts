/** `npm run ask -- "질문" [--json]`: the chat's answer and numbered sources on the command line. */
import { sourcesBlock } from '../chat/format.js';
import { type CliSpec, cliArgs, usageFail } from './args.js';
import { cliContext } from './shared.js';

const CLI = {
  name: 'ask',
  usage: 'npm run ask -- "질문 / 问题 / question" [--json]',
  about: "The chat's answer to a question, with its numbered sources, on the command line (a one-off conversation, kept in memory). The question's words need no quotes.",
  options: {
    json: { type: 'boolean', help: "print the chat's whole response as JSON" },
  },
  positionals: true,
} satisfies CliSpec;

async function main(): Promise<void> {
  const { values: flags, positionals } = cliArgs(CLI);
  // Unquoted words are joined: `npm run ask -- 유니트리 점유율은?` works.
  const message = positionals.join(' ').trim();
  if (!message) usageFail(CLI, 'no question');
  const ctx = await cliContext();
  const res = await ctx.chat.ask({ message });
  if (flags.json) {
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
