/**
 * The bots' per-user limit in the SQLite file a cluster's workers share (src/state/bot-limit-sqlite.ts):
 * two limiters on one file (two workers) count one window per user; a failing file lets messages through.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BotLimiter } from '../../src/bots/guard.js';
import { SqliteBotLimiter } from '../../src/state/bot-limit-sqlite.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-botlimit-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('SqliteBotLimiter', () => {
  it('counts one window per user across two limiters on one file, as the in-memory one does in one process', () => {
    let now = 1_000;
    const file = path.join(tmp(), 'sessions.db');
    const a = new SqliteBotLimiter({ file, perMinute: 2, now: () => now });
    const b = new SqliteBotLimiter({ file, perMinute: 2, now: () => now });
    const mem = new BotLimiter({ perMinute: 2, now: () => now });
    const shared = [a.check('telegram:1'), b.check('telegram:1'), a.check('telegram:1'), b.check('telegram:1')];
    const single = [mem.check('telegram:1'), mem.check('telegram:1'), mem.check('telegram:1'), mem.check('telegram:1')];
    expect(shared).toEqual(['ok', 'ok', 'first-refusal', 'refused']);
    expect(shared).toEqual(single);
    // Another user has a window of its own; the next minute starts over.
    expect(b.check('slack:U2')).toBe('ok');
    now += 60_000;
    expect(b.check('telegram:1')).toBe('ok');
    a.close();
    b.close();
  });

  it('lets messages through when the file cannot be opened, and does nothing at 0', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'sessions.db'));
    const broken = new SqliteBotLimiter({ file: path.join(dir, 'sessions.db'), perMinute: 1, now: () => 0 });
    expect([broken.check('k'), broken.check('k'), broken.check('k')]).toEqual(['ok', 'ok', 'ok']);
    broken.close();
    const off = new SqliteBotLimiter({ file: path.join(tmp(), 'sessions.db'), perMinute: 0, now: () => 0 });
    expect([off.check('k'), off.check('k')]).toEqual(['ok', 'ok']);
    off.close();
  });
});
