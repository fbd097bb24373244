/**
 * The assistant's retrieval for LangChain users (package export `kic-report-assistant/langchain`):
 *
 * - `ReportRetriever`: the hybrid retriever (CJK BM25 + glossary expansion + HNSW, fused) as a
 *   LangChain `BaseRetriever`, so it can sit in any runnable (`retriever.pipe(...)`,
 *   `RunnableSequence`, agents) and returns `Document`s with the citation facts in metadata.
 * - `EmbedderEmbeddings`: our Embedder as LangChain `Embeddings`, adding the model's query /
 *   passage prefixes (e5 needs them; LangChain's HuggingFaceTransformersEmbeddings adds none).
 * - `loadHNSWLib`: the live index build opened as LangChain's `HNSWLib` vector store (every
 *   build folder holds hnswlib.index + args.json + docstore.json, HNSWLib's save format).
 */
import path from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { loadConfig } from './config.js';
import { createEmbedder } from './embed/load.js';
import { createLogger } from './logger.js';
import { prepareIndex } from './server/compose.js';
import { openBuild } from './index/store.js';
import { HybridRetriever } from './retrieve/retriever.js';
import type { Embedder, Retriever, SearchHit } from './types.js';

/** Metadata of every Document the retriever returns: what a citation needs. */
export interface ReportChunkMetadata {
  chunkId: string;
  rank: number;
  score: number;
  section: string;
  article: { number: string; title: string };
  heading: string;
  page: number;
  source?: { title: string; url?: string };
}

export interface ReportRetrieverInput extends BaseRetrieverInput {
  retriever: Retriever;
  /** Passages per query (default 5). */
  k?: number;
}

export class ReportRetriever extends BaseRetriever<ReportChunkMetadata> {
  static override lc_name(): string {
    return 'ReportRetriever';
  }

  lc_namespace = ['kic-report-assistant', 'retrievers'];
  private readonly retriever: Retriever;
  readonly k: number;

  constructor(fields: ReportRetrieverInput) {
    super(fields);
    this.retriever = fields.retriever;
    this.k = fields.k ?? 5;
  }

  override async _getRelevantDocuments(query: string, _run?: CallbackManagerForRetrieverRun): Promise<Document<ReportChunkMetadata>[]> {
    const { hits } = await this.retriever.search(query, { k: this.k });
    return hits.map(toDocument);
  }
}

function toDocument(h: SearchHit): Document<ReportChunkMetadata> {
  const c = h.chunk;
  return new Document<ReportChunkMetadata>({
    id: c.id,
    pageContent: c.text,
    metadata: {
      chunkId: c.id,
      rank: h.rank,
      score: h.score,
      section: c.section,
      article: { number: c.articleNumber, title: c.articleTitle },
      heading: c.headings.at(-1) ?? '',
      page: c.page,
      ...(c.source ? { source: { title: c.source.title, ...(c.source.url ? { url: c.source.url } : {}) } } : {}),
    },
  });
}

/** An Embedder as LangChain Embeddings (documents get the passage prefix, queries the query prefix). */
export class EmbedderEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedder.embedPassages(texts)).map((v) => Array.from(v));
  }

  async embedQuery(text: string): Promise<number[]> {
    return Array.from(await this.embedder.embedQuery(text));
  }
}

export interface OpenOptions {
  /** Environment to read the configuration from (default process.env: INDEX_DIR, MODEL, …). */
  env?: Record<string, string | undefined>;
  /** Working directory relative paths resolve against (default process.cwd()). */
  cwd?: string;
  /** Passages per query (default TOP_K). */
  k?: number;
}

/**
 * The configured index (built first when missing or stale, as `npm start` does) and embedder,
 * as a ReportRetriever.
 */
export async function openReportRetriever(opts: OpenOptions = {}): Promise<ReportRetriever> {
  const config = loadConfig(opts.env ?? process.env, opts.cwd ?? process.cwd());
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
  const embedder = await createEmbedder(config, { info: (m) => log.info(m), warn: (m) => log.warn(m) });
  const index = await prepareIndex(config, embedder, log);
  const retriever = new HybridRetriever({ chunks: index.chunks, vector: index.vector, lexical: index.lexical, glossary: index.glossary, embedder });
  return new ReportRetriever({ retriever, k: opts.k ?? config.TOP_K });
}

/**
 * The live build of INDEX_DIR as LangChain's HNSWLib store (dense search only). `embeddings`
 * must be the embedder that built the index (its id is in the manifest), e.g.
 * `new EmbedderEmbeddings(await createEmbedder(...))`.
 */
export async function loadHNSWLib(indexDir: string, embeddings: Embeddings): Promise<HNSWLib> {
  return HNSWLib.load(openBuild(path.resolve(indexDir)).dir, embeddings);
}

export { HNSWLib };
