/**
 * Loading the live build into memory (verified against the manifest's checksums), and the
 * staleness check that decides whether `npm start` must rebuild first.
 *
 * The files are checked against each other at load, not at the first question: the vector
 * count and dimensions of vectors.f32 and hnswlib.index against the manifest and the chunk count,
 * and the dimensions against the embedder that will embed the queries. Any inconsistency, and
 * any file that fails to parse, is INDEX_CORRUPT (which the composition root rebuilds).
 */
import { Glossary } from '../retrieve/glossary.js';
import { MiniSearchLexicalIndex } from '../retrieve/lexical.js';
import type { Chunk, ChunkingOptions, EmbedderInfo, LexicalIndex, Manifest, VectorIndex } from '../types.js';
import { type ArticleEntry, FILES, decodeVectors } from './format.js';
import { SCHEMA_VERSION, openBuild } from './store.js';
import { HnswVectorIndex, hnswFileShape } from './vector.js';
import { AppError, isAppError } from '../errors.js';
import { pipelineFingerprint } from './fingerprint.js';
import path from 'node:path';

export interface LoadedIndex {
  buildName: string;
  manifest: Manifest;
  chunks: Chunk[];
  /** Chunk vectors, row i for chunks[i] (used by answer selection and exact re-scoring). */
  vectors: Float32Array[];
  vector: VectorIndex;
  lexical: LexicalIndex;
  glossary: Glossary;
  articles: ArticleEntry[];
}

/**
 * Loads and cross-checks the live build. `expect.dimensions`: those of the embedder that will
 * embed the queries (a mismatch would otherwise fail every question).
 */
export function loadIndex(indexDir: string, expect: { dimensions?: number } = {}): LoadedIndex {
  const build = openBuild(indexDir);
  const m = build.manifest;
  const dims = m.embedder.dimensions;
  const corrupt = (what: string) =>
    new AppError('INDEX_CORRUPT', `Index ${build.dir}: ${what}; rebuild with \`npm run ingest -- --force\` (\`npm start\` does it by itself).`);
  if (expect.dimensions !== undefined && expect.dimensions !== dims) {
    throw corrupt(`manifest.json says ${dims} dimensions, the embedder ${m.embedder.id} gives ${expect.dimensions}`);
  }
  const hnswFile = path.join(build.dir, FILES.hnsw);
  const shape = hnswFileShape(hnswFile);
  if (!shape) throw corrupt(`${FILES.hnsw} has no valid HNSW header`);
  if (shape.dimensions !== dims) throw corrupt(`${FILES.hnsw} holds ${shape.dimensions}-dimensional vectors, manifest.json says ${dims}`);
  try {
    const json = <T>(f: string): T => JSON.parse(build.read(f).toString('utf8')) as T;
    const chunks = json<Chunk[]>(FILES.chunks);
    if (!Array.isArray(chunks) || chunks.length !== m.counts.chunks) throw corrupt(`${FILES.chunks} holds ${Array.isArray(chunks) ? chunks.length : 'no'} chunks, manifest.json says ${m.counts.chunks}`);
    const raw = build.read(FILES.vectors);
    if (raw.byteLength !== chunks.length * dims * 4) throw corrupt(`${FILES.vectors} has ${raw.byteLength} bytes, expected ${chunks.length} × ${dims} float32`);
    if (shape.count !== chunks.length) throw corrupt(`${FILES.hnsw} holds ${shape.count} vectors for ${chunks.length} chunks`);
    return {
      buildName: build.name,
      manifest: m,
      chunks,
      vectors: decodeVectors(raw, dims),
      vector: HnswVectorIndex.load(hnswFile, dims),
      lexical: MiniSearchLexicalIndex.fromJSON(json(FILES.lexical)),
      glossary: Glossary.fromJSON(json(FILES.glossary)),
      articles: json<ArticleEntry[]>(FILES.articles),
    };
  } catch (e) {
    if (isAppError(e)) throw e;
    // A file that passed its checksum but does not parse (written by a buggy build): still a rebuild.
    throw corrupt(`a data file does not load (${(e as Error).message})`);
  }
}

export interface Staleness {
  stale: boolean;
  reasons: string[];
}

/** Why the live build (if any) does not match the corpus, embedder and chunking of now. */
export function checkStaleness(
  indexDir: string,
  now: { corpus: Record<string, string>; embedder: EmbedderInfo; chunking: ChunkingOptions },
): Staleness {
  let m: Manifest;
  try {
    m = openBuild(indexDir).manifest;
  } catch (e) {
    return { stale: true, reasons: [(e as Error).message] };
  }
  const reasons: string[] = [];
  if (m.schemaVersion !== SCHEMA_VERSION) reasons.push(`schema ${m.schemaVersion} → ${SCHEMA_VERSION}`);
  if (m.embedder.id !== now.embedder.id) reasons.push(`embedder ${m.embedder.id} → ${now.embedder.id}`);
  else if (m.embedder.dimensions !== now.embedder.dimensions) reasons.push(`embedder dimensions ${m.embedder.dimensions} → ${now.embedder.dimensions}`);
  if (JSON.stringify(m.chunking) !== JSON.stringify(now.chunking)) reasons.push('chunking options changed');
  if (m.pipeline !== pipelineFingerprint()) reasons.push('pipeline code changed');
  const files = new Set([...Object.keys(m.corpus), ...Object.keys(now.corpus)]);
  for (const f of [...files].sort()) {
    if (!(f in now.corpus)) reasons.push(`removed: ${f}`);
    else if (!(f in m.corpus)) reasons.push(`added: ${f}`);
    else if (m.corpus[f] !== now.corpus[f]) reasons.push(`changed: ${f}`);
  }
  return { stale: reasons.length > 0, reasons };
}
