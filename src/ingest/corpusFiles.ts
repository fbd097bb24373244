/**
 * Which files of the corpus folder are reports, and their content hashes. Shared by the
 * reader and the staleness check, so that both agree on what "the corpus" is.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const REPORT_EXT = /\.(txt|md)$/i;
const IGNORED = /^(readme|license|changelog)(\.|$)/i;

/** Corpus-relative paths of report files ("/"-separated, sorted by code unit; subfolders included; hidden files, README, LICENSE and CHANGELOG skipped). */
export function listCorpusFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && REPORT_EXT.test(e.name) && !IGNORED.test(e.name)) out.push(p);
    }
  };
  walk('');
  return out.sort();
}

/** Corpus-relative path → sha256 of the file's bytes. */
export function hashCorpus(dir: string): Record<string, string> {
  return Object.fromEntries(
    listCorpusFiles(dir).map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]),
  );
}
