/** `npm run feedback [-- --limit=N] [--down] [--json]`: readers' ratings, newest first (reads FEEDBACK_FILE; no index needed). */
import { loadConfig } from '../config.js';
import { JsonlFeedbackStore } from '../feedback/store.js';
import { feedbackTable } from '../feedback/table.js';

// Not from ./shared.js: that pulls in the whole composition root, which this reader does not need.
const hasFlag = (name: string): boolean => process.argv.includes(`--${name}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const store = new JsonlFeedbackStore({ file: config.paths.feedback, maxBytes: config.FEEDBACK_MAX_BYTES });
  const limitArg = process.argv.find((a) => a.startsWith('--limit='));
  const limit = limitArg ? Math.max(1, Number(limitArg.slice(8)) || 50) : 50;
  let records = await store.list();
  if (hasFlag('down')) records = records.filter((r) => r.rating === 'down');
  records = records.slice(0, limit);
  if (hasFlag('json')) {
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
