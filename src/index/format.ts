/** File names and encodings of a build's data files (shared by build and load). */
import type { Chunk, Report, SourceRef } from '../types.js';

export const FILES = {
  chunks: 'chunks.json',
  vectors: 'vectors.f32',
  /** The HNSW graph, under the name LangChain's HNSWLib store reads (see langchainDocstore). */
  hnsw: 'hnswlib.index',
  /** LangChain HNSWLib's two other files: `HNSWLib.load(buildDir, embeddings)` opens a build. */
  langchainArgs: 'args.json',
  langchainDocstore: 'docstore.json',
  lexical: 'lexical.json',
  glossary: 'glossary.json',
  articles: 'articles.json',
} as const;

/** One row of the table of contents served by GET /api/articles. */
export interface ArticleEntry {
  reportId: string;
  reportTitle: string;
  issue: string;
  articleId: string;
  section: string;
  number: string;
  title: string;
  page: number;
  endPage: number;
  source?: SourceRef;
}

export function tableOfContents(reports: Report[]): ArticleEntry[] {
  return reports.flatMap((r) =>
    r.articles.map((a) => {
      const e: ArticleEntry = {
        reportId: r.id,
        reportTitle: r.title,
        issue: r.issue,
        articleId: a.id,
        section: a.section,
        number: a.number,
        title: a.title,
        page: a.page,
        endPage: a.endPage,
      };
      if (a.source) e.source = a.source;
      return e;
    }),
  );
}

/** Vectors as one little-endian Float32 array (row-major): compact and loads without parsing. */
export function encodeVectors(vectors: Float32Array[], dims: number): Uint8Array {
  const out = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => out.set(v, i * dims));
  return new Uint8Array(out.buffer);
}

export function decodeVectors(buf: Buffer, dims: number): Float32Array[] {
  const copy = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const n = Math.floor(copy.length / dims);
  return Array.from({ length: n }, (_, i) => copy.subarray(i * dims, (i + 1) * dims));
}

/**
 * The docstore.json of LangChain's HNSWLib (@langchain/community): the entries of its
 * in-memory docstore, [String(label), Document], label = the HNSW label = the chunk's row.
 * Written beside our own files so that a build folder is also an HNSWLib store; the chunk text
 * is duplicated (about as large as chunks.json), a small price for interoperability.
 */
export function langchainDocstore(chunks: Chunk[]): Array<[string, { pageContent: string; metadata: Record<string, unknown>; id: string }]> {
  return chunks.map((c, label) => [
    String(label),
    {
      pageContent: c.text,
      id: c.id,
      metadata: {
        chunkId: c.id,
        reportId: c.reportId,
        section: c.section,
        article: { number: c.articleNumber, title: c.articleTitle },
        heading: c.headings.at(-1) ?? '',
        headings: c.headings,
        page: c.page,
        header: c.header,
        ...(c.source ? { source: { title: c.source.title, url: c.source.url } } : {}),
      },
    },
  ]);
}

/** HNSWLib's args.json: the space and dimensions it re-creates the hnswlib-node index with. */
export function langchainArgs(dimensions: number): { space: 'cosine'; numDimensions: number } {
  return { space: 'cosine', numDimensions: dimensions };
}
