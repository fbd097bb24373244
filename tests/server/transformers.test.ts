/**
 * The Transformers.js path end to end: `createContext` with MODEL pointing at the generated
 * tiny model builds an index with that embedder (recorded in the manifest), the server answers
 * from it, and switching MODEL to the built-in embedder rebuilds rather than mixing embedders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { makeTinyModel } from '../../src/embed/tinyModel.js';
import { createLogger } from '../../src/logger.js';
import { createContext } from '../../src/server/compose.js';
import { ROOT } from '../helpers/env.js';

let tmp: string;
let modelDir: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-tiny-'));
  modelDir = path.join(tmp, 'tiny-model');
  await makeTinyModel(modelDir, fs.readFileSync(path.join(ROOT, 'corpus', 'monthly-china-startup-2025-06.txt'), 'utf8'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const config = (model: string) =>
  loadConfig({ MODEL: model, INDEX_DIR: path.join(tmp, 'index'), ALLOW_REMOTE_MODELS: 'false', EMBEDDER_FALLBACK: 'fail', LOG_LEVEL: 'silent' }, ROOT);

describe('an index built with a Transformers.js model', () => {
  it('records the model in the manifest and answers through it', async () => {
    const ctx = await createContext(config(modelDir), { logger: createLogger('silent') });
    expect(ctx.embedder.info.kind).toBe('transformers');
    expect(ctx.index.manifest.embedder.id).toBe(ctx.embedder.info.id);
    expect(ctx.index.manifest.embedder.id).toMatch(/^transformers:tiny-model@fp32#/);
    expect(ctx.index.vectors[0]).toHaveLength(ctx.embedder.info.dimensions);
    // The tiny model's vectors are random, so only BM25 carries meaning here: the right article
    // must still come first (the dense side is exercised through HNSW, not judged).
    const { hits } = await ctx.retriever.search('유니트리의 글로벌 사족 로봇 시장 점유율은?', { k: 5 });
    expect(hits[0]!.chunk.articleId).toBe('trend-01');
    expect(hits.some((h) => h.debug?.denseRank !== undefined)).toBe(true);
  });

  it('is rebuilt, not mixed, when the embedder changes', async () => {
    const before = (await createContext(config(modelDir), { logger: createLogger('silent') })).index.buildName;
    const ctx = await createContext(config('hashed'), { logger: createLogger('silent') });
    expect(ctx.index.buildName).not.toBe(before);
    expect(ctx.index.manifest.embedder.id).toBe(ctx.embedder.info.id);
    expect(ctx.index.manifest.embedder.kind).toBe('hashed');
  });

  it('fails with MODEL_UNAVAILABLE, not a stack trace, when the model is missing and fallback is off', async () => {
    await expect(createContext(config(path.join(tmp, 'no-such-model')), { logger: createLogger('silent') })).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});
