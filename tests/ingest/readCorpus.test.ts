import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/readCorpus.js';

const CORPUS_TXT = fileURLToPath(new URL('../../corpus/monthly-china-startup-2025-06.txt', import.meta.url));
const FIXTURE_MD = fileURLToPath(new URL('../fixtures/monthly-china-startup-2025-07.md', import.meta.url));
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'ingest-corpus-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('readCorpus', () => {
  it('reads .txt and .md reports in path order with sha256 keys, ignoring README and other files', async () => {
    const dir = tempDir();
    copyFileSync(CORPUS_TXT, path.join(dir, 'monthly-china-startup-2025-06.txt'));
    mkdirSync(path.join(dir, '2025'));
    copyFileSync(FIXTURE_MD, path.join(dir, '2025', 'monthly-china-startup-2025-07.md'));
    writeFileSync(path.join(dir, 'README.md'), '# Corpus\n\nNot a report.\n');
    writeFileSync(path.join(dir, 'readme.txt'), 'not a report either');
    writeFileSync(path.join(dir, 'notes.pdf'), 'binary');
    writeFileSync(path.join(dir, '.hidden.txt'), 'hidden');
    const { reports, files } = await readCorpus(dir);
    expect(Object.keys(files)).toEqual(['2025/monthly-china-startup-2025-07.md', 'monthly-china-startup-2025-06.txt']);
    expect(files['monthly-china-startup-2025-06.txt']).toBe(sha(CORPUS_TXT));
    expect(files['2025/monthly-china-startup-2025-07.md']).toBe(sha(FIXTURE_MD));
    expect(reports.map((r) => [r.id, r.file, r.issue, r.articles.length])).toEqual([
      ['monthly-china-startup-2025-07', '2025/monthly-china-startup-2025-07.md', '2025-07', 3],
      ['monthly-china-startup-2025-06', 'monthly-china-startup-2025-06.txt', '2025-06', 20],
    ]);
  });

  it('reads the real corpus folder', async () => {
    const { reports, files } = await readCorpus(path.dirname(CORPUS_TXT));
    expect(Object.keys(files)).toContain('monthly-china-startup-2025-06.txt');
    expect(reports.find((r) => r.id === 'monthly-china-startup-2025-06')?.articles).toHaveLength(20);
  });

  it('names the file when a report yields no article, unless told to keep it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'broken.txt'), 'garbage without contents\n');
    await expect(readCorpus(dir)).rejects.toThrow(/^broken\.txt: no articles found/);
    const { reports } = await readCorpus(dir, { strict: false });
    expect(reports[0]!.articles).toEqual([]);
  });

  it('names the file on invalid UTF-8 and on duplicate report ids, and the folder when missing', async () => {
    const bad = tempDir();
    writeFileSync(path.join(bad, 'latin1.txt'), Buffer.from([0xff, 0xfe, 0x41, 0xc3]));
    await expect(readCorpus(bad)).rejects.toThrow(/^latin1\.txt: not valid UTF-8/);
    const dup = tempDir();
    copyFileSync(FIXTURE_MD, path.join(dup, 'monthly-china-startup-2025-07.md'));
    mkdirSync(path.join(dup, 'old'));
    copyFileSync(FIXTURE_MD, path.join(dup, 'old', 'monthly-china-startup-2025-07.md'));
    await expect(readCorpus(dup)).rejects.toThrow(/monthly-china-startup-2025-07\.md: report id "monthly-china-startup-2025-07" already used/);
    await expect(readCorpus(path.join(bad, 'nope'))).rejects.toThrow(/cannot read corpus folder/);
  });
});
