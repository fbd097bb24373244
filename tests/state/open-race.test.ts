/**
 * Two processes opening one fresh SQLite file at the same moment, as the workers of
 * `WORKERS=2 npm start` do: SQLite answers the loser "database is locked" at once (the busy
 * timeout does not cover creating the tables and switching to WAL), about two rounds in five
 * here. The stores wait that out (LazySqlite.ready); before, the loser kept no session and no
 * bot claim for five seconds, and a follow-up reaching the other worker started a new
 * conversation (CI, session 16).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runScript } from '../faults/helpers.js';

const ROUNDS = 12;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-open-race-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('keeps every session and claim when two processes open a fresh file together', async () => {
  // Both processes start (tsx takes a second or two on this machine) before the first round.
  const startAt = Date.now() + 6_000;
  const kids = [0, 1].map(() => runScript('tests/helpers/open-race.ts', [dir, String(ROUNDS), String(startAt), '150'], {}));
  const codes = await Promise.all(kids.map((k) => k.exit));
  expect(codes, kids.map((k) => k.stderr.join('')).join('\n')).toEqual([0, 0]);
  const rows = kids.flatMap((k) => k.stdout.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>));
  expect(rows).toHaveLength(2 * ROUNDS);
  const bad = rows.filter((r) => !(r['kept'] && r['claimed'] && r['refusedAgain'] && r['sessions'] === 'ok'));
  expect(bad).toEqual([]);
}, 60_000);
