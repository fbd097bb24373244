/** `npm run feedback [-- --limit=N] [--down] [--json]`: readers' ratings, newest first (reads FEEDBACK_FILE; no index needed). */
import { loadConfig } from '../config.js';
import { JsonlFeedbackStore } from '../feedback/store.js';
import { feedbackTable } from '../feedback/table.js';

// Not ./shared.js: that pulls in the whole composition root, which this reader does not need
// (./args.js imports nothing but node:util).
import { type CliSpec, cliArgs } from './args.js';

const CLI = {
  name: 'feedback',
  usage: 'npm run feedback [-- --limit=N] [--down] [--json]',
  about: "Readers' ratings (👍/👎) with their questions, newest first, from FEEDBACK_FILE. Needs no index.",
  options: {
    limit: { type: 'number', arg: 'N', help: 'at most N records (default 50)' },
    down: { type: 'boolean', help: 'only the 👎 ratings' },
    json: { type: 'boolean', help: 'print the records as JSON' },
  },
} satisfies CliSpec;

async function main(): Promise<void> {
  const { values: flags } = cliArgs(CLI);
  const config = loadConfig();
  const store = new JsonlFeedbackStore({ file: config.paths.feedback, maxBytes: config.FEEDBACK_MAX_BYTES });
  const limit = flags.limit !== undefined ? Math.max(1, flags.limit || 50) : 50;
  let records = await store.list();
  if (flags.down) records = records.filter((r) => r.rating === 'down');
  records = records.slice(0, limit);
  if (flags.json) {
    console.log(JSON.stringify(records, null, 2));
    return;
  }
  if (!records.length) {
    console.log(`No feedback yet in ${config.paths.feedback}.`);
    return;
  }
  console.log(feedbackTable(records));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
