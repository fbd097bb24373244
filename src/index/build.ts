/**
 * Index build: corpus → reports → chunks → glossary + embeddings → HNSW + BM25 + chunk store,
 * written atomically under the build lock. Embeddings of chunks whose content hash is
 * unchanged are reused from the live build when it was made by the same embedder, so editing
 * one report re-embeds only its changed chunks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chunkReports } from '../chunk/chunker.js';
import { readCorpus } from '../ingest/readCorpus.js';
import { Glossary, extractGlossary } from '../retrieve/glossary.js';
import { MiniSearchLexicalIndex } from '../retrieve/lexical.js';
import type { Chunk, ChunkingOptions, Embedder, EmbedderInfo, Report } from '../types.js';
import { type LockOptions, acquireBuildLock } from './lock.js';
import { type ArticleEntry, FILES, decodeVectors, encodeVectors, langchainArgs, langchainDocstore, tableOfContents } from './format.js';
import { type WriteFile, beginBuild, commitBuild, currentBuildName, openBuild, removeOldBuilds, sweepStaging, writeDurable } from './store.js';
import { HnswVectorIndex } from './vector.js';
import { pipelineFingerprint } from './fingerprint.js';

export type BuildPhase = 'read' | 'chunk' | 'embed' | 'index' | 'write';

export interface BuildProgress {
  phase: BuildPhase;
  done: number;
  total: number;
}

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  chunking: ChunkingOptions;
  onProgress?: (p: BuildProgress) => void;
  /** Re-use embeddings of unchanged chunks from the live build (default true). */
  reuse?: boolean;
  /** Test hook: called when every file is staged, just before the commit (a test kills the build there). */
  beforeCommit?: () => void | Promise<void>;
  /** How data files are written (default: write + fsync); a test injects one that fails (ENOSPC). */
  writeFile?: WriteFile;
  /** Build-lock staleness and the warning when a leftover lock is taken over. */
  lock?: LockOptions;
}

export interface BuildSummary {
  buildName: string;
  reports: number;
  articles: number;
  chunks: number;
  reusedEmbeddings: number;
  glossary: number;
  embedder: string;
  seconds: number;
  /** Time spent embedding (the part that scales with the model). */
  embedSeconds: number;
  bytes: number;
  chunkLengths: number[];
}

export async function buildIndex(opts: BuildOptions): Promise<BuildSummary> {
  const t0 = performance.now();
  const lock = acquireBuildLock(opts.indexDir, opts.lock);
  const write = opts.writeFile ?? writeDurable;
  let staging: { dir: string; name: string } | undefined;
  let committed = false;
  try {
    // Staging folders of builds that died are garbage now that we hold the lock.
    removeOldBuilds(opts.indexDir, currentBuildName(opts.indexDir));
    // Every progress report is also a heartbeat of the lock (see lock.ts).
    const report = opts.onProgress ?? (() => {});
    const progress = (p: BuildProgress) => {
      lock.heartbeat();
      report(p);
    };
    progress({ phase: 'read', done: 0, total: 1 });
    const { reports, files } = await readCorpus(opts.corpusDir);
    progress({ phase: 'read', done: 1, total: 1 });

    const chunks = chunkReports(reports, opts.chunking);
    progress({ phase: 'chunk', done: chunks.length, total: chunks.length });

    const glossary = Glossary.fromEntries(extractGlossary(glossaryTexts(reports)));

    const previous = opts.reuse === false ? new Map<string, Float32Array>() : previousVectors(opts.indexDir, opts.embedder.info);
    const vectors: Array<Float32Array | undefined> = chunks.map((c) => previous.get(c.hash));
    const todo = chunks.map((c, i) => ({ c, i })).filter(({ i }) => !vectors[i]);
    const reused = chunks.length - todo.length;
    progress({ phase: 'embed', done: reused, total: chunks.length });
    const tEmbed = performance.now();
    const fresh = await opts.embedder.embedPassages(
      todo.map(({ c }) => embeddingText(c)),
      (done) => progress({ phase: 'embed', done: reused + done, total: chunks.length }),
    );
    todo.forEach(({ i }, j) => (vectors[i] = fresh[j]));
    const embedSeconds = (performance.now() - tEmbed) / 1000;
    const all = vectors as Float32Array[];

    progress({ phase: 'index', done: 0, total: 2 });
    const dims = opts.embedder.info.dimensions;
    staging = beginBuild(opts.indexDir);
    HnswVectorIndex.build(all, dims).save(path.join(staging.dir, FILES.hnsw));
    progress({ phase: 'index', done: 1, total: 2 });
    const lexical = MiniSearchLexicalIndex.build(chunks.map((c, label) => ({ label, header: c.header, text: c.text })));
    progress({ phase: 'index', done: 2, total: 2 });

    const articles: ArticleEntry[] = tableOfContents(reports);
    progress({ phase: 'write', done: 0, total: 1 });
    write(path.join(staging.dir, FILES.chunks), JSON.stringify(chunks));
    write(path.join(staging.dir, FILES.vectors), encodeVectors(all, dims));
    write(path.join(staging.dir, FILES.lexical), JSON.stringify(lexical.toJSON()));
    write(path.join(staging.dir, FILES.glossary), JSON.stringify(glossary.toJSON()));
    write(path.join(staging.dir, FILES.articles), JSON.stringify(articles));
    write(path.join(staging.dir, FILES.langchainArgs), JSON.stringify(langchainArgs(dims)));
    write(path.join(staging.dir, FILES.langchainDocstore), JSON.stringify(langchainDocstore(chunks)));
    await opts.beforeCommit?.();
    lock.heartbeat();
    const handle = commitBuild(opts.indexDir, staging, {
      builtAt: new Date().toISOString(),
      corpus: files,
      embedder: opts.embedder.info,
      chunking: opts.chunking,
      pipeline: pipelineFingerprint(),
      counts: { reports: reports.length, articles: articles.length, chunks: chunks.length, glossary: glossary.extracted.length },
    }, write);
    committed = true;
    progress({ phase: 'write', done: 1, total: 1 });
    const bytes = fs.readdirSync(handle.dir).reduce((n, f) => n + fs.statSync(path.join(handle.dir, f)).size, 0);
    return {
      buildName: handle.name,
      reports: reports.length,
      articles: articles.length,
      chunks: chunks.length,
      reusedEmbeddings: reused,
      glossary: glossary.extracted.length,
      embedder: opts.embedder.info.id,
      seconds: (performance.now() - t0) / 1000,
      embedSeconds,
      bytes,
      chunkLengths: chunks.map((c) => c.text.length),
    };
  } finally {
    // A failed build (ENOSPC, a crash of a stage) removes its own staging folder: after a full
    // disk the space comes back at once, not at the next build.
    if (staging && !committed) fs.rmSync(staging.dir, { recursive: true, force: true });
    lock.release();
  }
}

/**
 * At start: removes what dead builders left (staging folders, temp files) — only when no live
 * builder holds the lock, since a live one is using its staging folder. Returns what was
 * removed; never throws (a start must not fail over garbage).
 */
export function sweepLeftovers(indexDir: string, opts: { lock?: LockOptions } = {}): { removed: string[]; skipped?: string } {
  if (!fs.existsSync(indexDir)) return { removed: [] };
  let lock;
  try {
    lock = acquireBuildLock(indexDir, opts.lock);
  } catch (e) {
    return { removed: [], skipped: (e as Error).message };
  }
  try {
    return { removed: sweepStaging(indexDir) };
  } catch (e) {
    return { removed: [], skipped: (e as Error).message };
  } finally {
    lock.release();
  }
}

/** What is embedded for a chunk: its contextual header, then its text. */
export function embeddingText(c: Chunk): string {
  return `${c.header}\n${c.text}`;
}

/**
 * A block's line that ends in the nominal style ("…규제함", "…포함됨") is a whole table cell or
 * bullet (ingest/blocks.ts ends a unit there), so the line break after it is a word boundary.
 * The miner's rejoining (made for PDF lines, which cut words) would glue it to the next cell's
 * first word: "…등도 규제함⏎성텅(昇腾) 칩" gave the pair 규제함성텅 = 昇腾, and a Chinese question
 * about 昇腾 searched for a word the report never writes.
 */
const CELL_END = /(?<=[함됨음])\n(?=\p{Script=Hangul})/gu;

/**
 * All text the glossary is mined from: titles, sub-headings (company profiles put the pair in
 * the heading: "◼ 아오비중광(ORBBEC奥比中光)"), body blocks (tables keep their line breaks, which
 * the Korean-title/Chinese-title row pairing needs) and source titles.
 */
function glossaryTexts(reports: Report[]): string[] {
  return reports.flatMap((r) =>
    r.articles.flatMap((a) => {
      const headings = [...new Set(a.blocks.flatMap((b) => b.headings))];
      const sources = (a.sources ?? (a.source ? [a.source] : [])).map((s) => s.title);
      return [a.title, a.bodyTitle ?? '', ...headings, ...a.blocks.map((b) => b.text.replace(CELL_END, ' ')), ...sources].filter(Boolean);
    }),
  );
}

/**
 * hash → vector of the live build, when it was embedded by the same embedder. Only from a build
 * that passes its checks and whose vector file has exactly the embedder's dimensions: vectors
 * decoded with a wrong (corrupted) dimension count would be garbage carried into the new build.
 */
function previousVectors(indexDir: string, embedder: EmbedderInfo): Map<string, Float32Array> {
  const map = new Map<string, Float32Array>();
  try {
    const build = openBuild(indexDir);
    const dims = embedder.dimensions;
    if (build.manifest.embedder.id !== embedder.id || build.manifest.embedder.dimensions !== dims) return map;
    const chunks = JSON.parse(build.read(FILES.chunks).toString('utf8')) as Chunk[];
    const raw = build.read(FILES.vectors);
    if (!Array.isArray(chunks) || raw.byteLength !== chunks.length * dims * 4) return map;
    const vectors = decodeVectors(raw, dims);
    chunks.forEach((c, i) => vectors[i] && map.set(c.hash, vectors[i]));
  } catch {
    // No usable previous build: embed everything.
  }
  return map;
}
