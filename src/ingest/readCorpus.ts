/**
 * Reads a corpus folder: every *.txt (PDF-extracted text) and *.md (Markdown) report, in sorted
 * order of their corpus-relative paths (subfolders included, "/" separators), with the sha256 of
 * each file's bytes for the index manifest. README files, hidden files and other extensions are
 * ignored. The only I/O of the ingest stage.
 *
 * Errors name the file. A file that yields no article (no table of contents, no "###" heading,
 * or garbage) is an error by default: an empty report would silently drop a whole issue from the
 * index. Pass `{ strict: false }` to keep such reports (with no articles) instead.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../types.js';
import { listCorpusFiles } from './corpusFiles.js';
import { parseReportMarkdown } from './parseMarkdown.js';
import { parseReportText } from './parseText.js';

export interface ReadCorpusOptions {
  /** Throw when a file yields no article (default true). */
  strict?: boolean;
}

export interface CorpusContents {
  reports: Report[];
  /** Corpus-relative path → sha256 (hex) of the file's bytes. */
  files: Record<string, string>;
}

/** Reads and parses every report of `dir`. */
export async function readCorpus(dir: string, opts: ReadCorpusOptions = {}): Promise<CorpusContents> {
  const strict = opts.strict ?? true;
  let rels: string[];
  try {
    // The same listing as the staleness check (hashCorpus), so both agree on what the corpus is.
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
    rels = listCorpusFiles(dir);
  } catch (e) {
    throw new Error(`cannot read corpus folder ${dir}: ${(e as Error).message}`, { cause: e });
  }
  const reports: Report[] = [];
  const files: Record<string, string> = {};
  const ids = new Map<string, string>();
  for (const rel of rels) {
    const bytes = await readFile(path.join(dir, rel)).catch((e: unknown) => {
      throw new Error(`${rel}: cannot read: ${(e as Error).message}`, { cause: e });
    });
    files[rel] = createHash('sha256').update(bytes).digest('hex');
    const id = path.posix.basename(rel).replace(/\.(txt|md)$/i, '');
    const other = ids.get(id);
    if (other) throw new Error(`${rel}: report id "${id}" already used by ${other}`);
    ids.set(id, rel);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch (e) {
      throw new Error(`${rel}: not valid UTF-8`, { cause: e });
    }
    let report: Report;
    try {
      report = /\.md$/i.test(rel) ? parseReportMarkdown(text, { id, file: rel }) : parseReportText(text, { id, file: rel });
    } catch (e) {
      throw new Error(`${rel}: ${(e as Error).message}`, { cause: e });
    }
    if (strict && report.articles.length === 0) {
      throw new Error(
        `${rel}: no articles found (${/\.md$/i.test(rel) ? 'no "### " article heading' : 'no table of contents with "P<page>" entries'})`,
      );
    }
    reports.push(report);
  }
  return { reports, files };
}
