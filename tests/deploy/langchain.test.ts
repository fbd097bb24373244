/**
 * The index and the retriever through LangChain's own classes, on the real test index:
 * - a build folder opens with @langchain/community's `HNSWLib.load(dir, embeddings)` (the
 *   store's own loader, reading hnswlib.index + args.json + docstore.json) and its
 *   similaritySearch finds the Unitree 69.75% passage, with our chunk metadata;
 * - `ReportRetriever` (src/langchain.ts) is a BaseRetriever that works inside a LangChain
 *   runnable (RunnableSequence: retriever → format → a RunnableLambda "answer").
 */
import path from 'node:path';
import fs from 'node:fs';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import { BaseRetriever } from '@langchain/core/retrievers';
import { describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { EmbedderEmbeddings, ReportRetriever, loadHNSWLib, openReportRetriever } from '../../src/langchain.js';
import { ROOT, TEST_INDEX } from '../helpers/env.js';

const liveBuild = () => path.join(TEST_INDEX, 'builds', fs.readFileSync(path.join(TEST_INDEX, 'CURRENT'), 'utf8').trim());

describe('the saved index as LangChain HNSWLib', () => {
  it('HNSWLib.load opens a build folder and finds the right chunk', async () => {
    const store = await HNSWLib.load(liveBuild(), new EmbedderEmbeddings(new HashedEmbedder()));
    const docs = await store.similaritySearch('유니트리 글로벌 사족 로봇 시장 점유율 69.75%', 3);
    expect(docs).toHaveLength(3);
    expect(docs.some((d) => d.pageContent.includes('69.75'))).toBe(true);
    const hit = docs.find((d) => d.pageContent.includes('69.75'))!;
    expect([8, 9]).toContain(hit.metadata['page']);
    expect(hit.metadata).toMatchObject({ chunkId: expect.any(String), article: { number: expect.any(String), title: expect.any(String) } });
    // The docstore's labels are the chunk rows: the same chunk as chunks.json says.
    const chunks = JSON.parse(fs.readFileSync(path.join(liveBuild(), 'chunks.json'), 'utf8')) as Array<{ id: string; text: string }>;
    expect(chunks.find((c) => c.id === hit.metadata['chunkId'])?.text).toBe(hit.pageContent);
  });

  it('loadHNSWLib follows index/CURRENT', async () => {
    const store = await loadHNSWLib(TEST_INDEX, new EmbedderEmbeddings(new HashedEmbedder()));
    const hits = await store.similaritySearchWithScore('유니트리 글로벌 사족 로봇 시장 점유율 69.75%', 3);
    expect(hits.some(([d]) => d.pageContent.includes('69.75'))).toBe(true);
    // hnswlib's cosine distance (1 - similarity): ascending.
    expect(hits.map(([, s]) => s)).toEqual([...hits.map(([, s]) => s)].sort((a, b) => a - b));
  });
});

describe('ReportRetriever, the hybrid retriever as a LangChain BaseRetriever', () => {
  it('runs inside a RunnableSequence and returns cited Documents', async () => {
    const retriever = await openReportRetriever({ env: { MODEL: 'hashed', INDEX_DIR: TEST_INDEX, LOG_LEVEL: 'silent' }, cwd: ROOT, k: 3 });
    expect(retriever).toBeInstanceOf(BaseRetriever);
    const chain = RunnableSequence.from([
      retriever,
      new RunnableLambda({ func: (docs: Document[]) => docs.map((d, i) => `[${i + 1}] p.${d.metadata['page']} ${d.pageContent}`).join('\n') }),
      new RunnableLambda({ func: (context: string) => ({ cites69: context.includes('69.75'), lines: context.split('\n').length }) }),
    ]);
    const out = await chain.invoke('유니트리의 글로벌 사족 로봇 시장 점유율은?');
    expect(out).toEqual({ cites69: true, lines: 3 });

    // And retriever.pipe(...), the other way to compose it.
    const texts = await retriever.pipe(new RunnableLambda({ func: (docs: Document[]) => docs.map((d) => d.pageContent) })).invoke("How big is Unitree's global market share in quadruped robots?");
    expect(texts.some((t) => t.includes('69.75'))).toBe(true);
  });

  it('wraps any Retriever of ours', async () => {
    const fake = { search: async () => ({ query: {} as never, hits: [] }) };
    expect(await new ReportRetriever({ retriever: fake }).invoke('x')).toEqual([]);
  });
});
