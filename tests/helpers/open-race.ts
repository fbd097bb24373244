/**
 * Child process for tests/state/open-race.test.ts: at each agreed moment it opens a fresh SQLite
 * file that another process opens at the same moment (as two workers do at start), saves a
 * session, reads it back, claims a bot delivery, and prints one JSON line per round.
 * Arguments: folder, rounds, start time (ms since epoch), gap between rounds (ms).
 */
import path from 'node:path';
import { SqliteDedupStore } from '../../src/state/dedup-sqlite.js';
import { SqliteSessionStore } from '../../src/state/sessions-sqlite.js';

const [dir, rounds, startAt, gapMs] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];
for (let i = 0; i < rounds; i++) {
  // A spin, not a timer: both processes must reach the open within the same millisecond or two.
  while (Date.now() < startAt + i * gapMs) {
    /* wait */
  }
  const file = path.join(dir, `${i}.db`);
  const sessions = new SqliteSessionStore({ file, ttlMs: 3_600_000, maxSessions: 100, maxTotalBytes: 1 << 20, maxTurns: 10, maxBytes: 1 << 16 });
  const dedup = new SqliteDedupStore({ file });
  const id = `s_${process.pid}_${i}`;
  const now = Date.now();
  await sessions.save({ id, turns: [], createdAt: now, updatedAt: now });
  const kept = (await sessions.get(id))?.id === id;
  // Claimed once, the same delivery is refused: the claim was stored, not granted for want of a file.
  const claimed = await dedup.claim(`${process.pid}:${i}`, 60_000);
  const refusedAgain = !(await dedup.claim(`${process.pid}:${i}`, 60_000));
  console.log(JSON.stringify({ round: i, kept, claimed, refusedAgain, sessions: sessions.health().state }));
  await sessions.close();
  await dedup.close();
}
