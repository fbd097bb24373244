/**
 * Loading the live build into memory (verified against the manifest's checksums), and the
 * staleness check that decides whether `npm start` must rebuild first.
 */
import { Glossary } from '../retrieve/glossary.js';
import { MiniSearchLexicalIndex } from '../retrieve/lexical.js';
import type { Chunk, ChunkingOptions, EmbedderInfo, LexicalIndex, Manifest, VectorIndex } from '../types.js';
import { type ArticleEntry, FILES, decodeVectors } from './format.js';
import { SCHEMA_VERSION, openBuild } from './store.js';
import { HnswVectorIndex } from './vector.js';
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

export function loadIndex(indexDir: string): LoadedIndex {
  const build = openBuild(indexDir);
  const m = build.manifest;
  const json = <T>(f: string): T => JSON.parse(build.read(f).toString('utf8')) as T;
  const chunks = json<Chunk[]>(FILES.chunks);
  return {
    buildName: build.name,
    manifest: m,
    chunks,
    vectors: decodeVectors(build.read(FILES.vectors), m.embedder.dimensions),
    vector: HnswVectorIndex.load(path.join(build.dir, FILES.hnsw), m.embedder.dimensions),
    lexical: MiniSearchLexicalIndex.fromJSON(json(FILES.lexical)),
    glossary: Glossary.fromJSON(json(FILES.glossary)),
    articles: json<ArticleEntry[]>(FILES.articles),
  };
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
