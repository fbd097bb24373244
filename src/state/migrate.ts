/**
 * SESSION_FILE, the old persistence (one JSON file rewritten whole), is now an alias of the
 * sqlite store (see config.ts). Once, when the database is new, the sessions of the old file
 * are imported (each record validated; bad ones dropped with one warning in all), and the file
 * is renamed `<file>.imported`. Its `<file>.<pid>.tmp` leftovers from killed writes are removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SessionStore } from '../types.js';
import type { HealthLog } from './health.js';
import { sessionSchema } from './session-record.js';

export async function importSessionFile(file: string, store: SessionStore, log: HealthLog, opts: { ttlMs: number; now?: () => number }): Promise<number> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  try {
    for (const f of fs.readdirSync(dir)) if (f.startsWith(`${base}.`) && f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // No folder: nothing to import either.
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return 0;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    log.warn({ file }, 'SESSION_FILE is not JSON; nothing imported');
    return 0;
  }
  const list = (data as { sessions?: unknown })?.sessions;
  const cutoff = (opts.now ?? Date.now)() - opts.ttlMs;
  let imported = 0;
  let bad = 0;
  for (const raw of Array.isArray(list) ? list : []) {
    const p = sessionSchema.safeParse(raw);
    if (!p.success) {
      bad++;
      continue;
    }
    if (p.data.updatedAt < cutoff) continue;
    await store.save(p.data);
    imported++;
  }
  if (bad) log.warn({ file, dropped: bad }, 'dropped invalid session records from SESSION_FILE');
  fs.renameSync(file, `${file}.imported`);
  log.info({ file, imported }, 'imported SESSION_FILE into the session database');
  return imported;
}
