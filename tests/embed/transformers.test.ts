import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFamily } from '../../src/embed/families.js';
import { buildTinyModelFiles, buildVocab, makeTinyModel } from '../../src/embed/tinyModel.js';
import { TransformersEmbedder, resolveModelSource } from '../../src/embed/transformers.js';
import { cosine, embedderContract } from './contract.js';
import { tempDir, tinyModelIn, vocabText } from './tinyModelFixture.js';

let root: string;
let cleanup: () => Promise<void>;
let modelsDir: string;
let tinyDir: string;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  modelsDir = path.join(root, 'models');
  tinyDir = await tinyModelIn(path.join(modelsDir, 'tiny-model'));
});
afterAll(async () => {
  await cleanup();
  await contractCleanup?.();
});

const load = (model: string, extra: Partial<Parameters<typeof TransformersEmbedder.load>[0]> = {}) =>
  TransformersEmbedder.load({ model, modelsDir, cacheDir: path.join(root, 'cache'), allowRemoteModels: false, batchSize: 8, ...extra });

let contractDir: Promise<string> | undefined;
let contractCleanup: (() => Promise<void>) | undefined;
embedderContract('TransformersEmbedder on the generated tiny model', async () => {
  // The contract's hooks may run before this file's beforeAll: the factory makes its own folder (once).
  contractDir ??= tempDir('embed-contract-').then(async ({ dir, cleanup: c }) => {
    contractCleanup = c;
    return tinyModelIn(path.join(dir, 'tiny-model'));
  });
  return TransformersEmbedder.load({ model: await contractDir, allowRemoteModels: false, batchSize: 8 });
});

describe('makeTinyModel', () => {
  it('writes a Transformers.js model folder, deterministically and idempotently, fast', async () => {
    const t0 = performance.now();
    await makeTinyModel(tinyDir, vocabText());
    expect(performance.now() - t0).toBeLessThan(2000); // ~50 ms here; generous against a loaded CI
    const before = await stat(path.join(tinyDir, 'onnx/model.onnx'));
    await makeTinyModel(tinyDir, vocabText());
    const after = await stat(path.join(tinyDir, 'onnx/model.onnx'));
    expect(after.mtimeMs).toBe(before.mtimeMs); // unchanged files are not rewritten
    const again = buildTinyModelFiles(vocabText());
    for (const [rel, bytes] of Object.entries(again)) expect(Buffer.compare(await readFile(path.join(tinyDir, rel)), bytes), rel).toBe(0);
    const tc = JSON.parse(await readFile(path.join(tinyDir, 'tokenizer_config.json'), 'utf8'));
    expect(tc).toMatchObject({ pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]', model_max_length: 512 });
  });

  it('spells any Korean word as syllables and isolates Chinese characters', async () => {
    expect(buildVocab('유니트리')).toEqual(expect.arrayContaining(['유', '##니', '##트', '##리', '##유']));
    const tok = await AutoTokenizer.from_pretrained(tinyDir, { local_files_only: true });
    expect(tok.tokenize('유니트리는 宇树科技 Unitree')).toEqual(['유', '##니', '##트', '##리', '##는', '宇', '树', '科', '技', 'unitree']);
    const ids = tok.encode('유니트리');
    expect(ids[0]).toBe(2); // [CLS]
    expect(ids.at(-1)).toBe(3); // [SEP]
    expect(ids).not.toContain(1); // no [UNK]
  });
});

describe('TransformersEmbedder', () => {
  it('loads a folder under MODELS_DIR with remote models disabled', async () => {
    const e = await load('tiny-model');
    expect(e.info).toMatchObject({ kind: 'transformers', dimensions: 32 });
    expect(e.info.id).toMatch(/^transformers:tiny-model@fp32#[0-9a-f]{12}$/);
    expect(e.family.name).toBe('unknown');
    await e.close();
  });

  it('loads a folder by relative path', async () => {
    const e = await load('./models/tiny-model', { cwd: root });
    expect(e.info.dimensions).toBe(32);
    await e.close();
  });

  it('identifies the model by name, weights and file contents', async () => {
    const copy = await tempDir();
    try {
      // Same files, same name elsewhere → same id (a hub cache copy and a cloned folder agree).
      await cp(tinyDir, path.join(copy.dir, 'tiny-model'), { recursive: true });
      const a = await load('tiny-model');
      const b = await load(path.join(copy.dir, 'tiny-model'));
      expect(b.info.id).toBe(a.info.id);
      // Different vocabulary → different id.
      await makeTinyModel(path.join(copy.dir, 'other/tiny-model'), 'different text 다른 글');
      const c = await load(path.join(copy.dir, 'other/tiny-model'));
      expect(c.info.id).not.toBe(a.info.id);
      // Quantized weights are preferred when present.
      await cp(path.join(tinyDir, 'onnx/model.onnx'), path.join(copy.dir, 'tiny-model/onnx/model_quantized.onnx'));
      const q = await load(path.join(copy.dir, 'tiny-model'));
      expect(q.info.id).toMatch(/^transformers:tiny-model@q8#/);
      await Promise.all([a, b, c, q].map((e) => e.close()));
    } finally {
      await copy.cleanup();
    }
  });

  it('applies the e5 prefixes and the bge-m3 CLS pooling by model family', async () => {
    await cp(tinyDir, path.join(modelsDir, 'multilingual-e5-tiny'), { recursive: true });
    await cp(tinyDir, path.join(modelsDir, 'bge-m3-tiny'), { recursive: true });
    const plain = await load('tiny-model');
    const e5 = await load('multilingual-e5-tiny');
    const bge = await load('bge-m3-tiny');
    const t = '유니트리 사족 로봇';
    expect(e5.family.name).toBe('e5');
    expect(cosine(await e5.embedQuery(t), await plain.embedQuery(`query: ${t}`))).toBeCloseTo(1, 5);
    const [p] = await e5.embedPassages([t]);
    const [pp] = await plain.embedPassages([`passage: ${t}`]);
    expect(cosine(p!, pp!)).toBeCloseTo(1, 5);
    expect(cosine(p!, await e5.embedQuery(t))).toBeLessThan(0.9999);
    // CLS pooling: the tiny model's [CLS] vector does not depend on the text.
    expect(bge.family.name).toBe('bge-m3');
    expect(cosine(await bge.embedQuery('유니트리'), await bge.embedQuery('자동차'))).toBeCloseTo(1, 5);
    await Promise.all([plain, e5, bge].map((e) => e.close()));
  });

  it('truncates at 512 tokens even when the tokenizer allows more', async () => {
    const dir = path.join(modelsDir, 'long-tiny');
    await makeTinyModel(dir, vocabText(), { maxLength: 4096 });
    const long = Array.from({ length: 150 }, (_, i) => ['로봇', '시장', '점유율', '기업'][i % 4]).join(' '); // ~450 tokens
    const longer = `${long} ${long}`; // ~900 tokens: the tail is beyond 512
    const capped = await load('long-tiny');
    const [a, b] = await capped.embedPassages([longer, `${longer} 유니트리 宇树科技 unitree`]);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
    const uncapped = await load('long-tiny', { maxLength: 4096 });
    const [c, d] = await uncapped.embedPassages([longer, `${longer} 유니트리 宇树科技 unitree`]);
    expect(cosine(c!, d!)).toBeLessThan(0.9999);
    await Promise.all([capped.close(), uncapped.close()]);
  });

  it('fails with a one-line reason on a folder without weights or with corrupt weights', async () => {
    const broken = path.join(modelsDir, 'broken');
    await cp(tinyDir, broken, { recursive: true });
    await writeFile(path.join(broken, 'onnx/model.onnx'), 'not an onnx file');
    await expect(load('broken')).rejects.toThrow(/./);
    const missing = path.join(modelsDir, 'no-weights');
    await makeTinyModel(missing, 'x');
    await rm(path.join(missing, 'onnx'), { recursive: true });
    await expect(load('no-weights')).rejects.toThrow(/has no onnx[/\\]model\.onnx/);
  });
});

describe('modelFamily', () => {
  it.each([
    ['Xenova/multilingual-e5-small', 'e5', 'query: ', 'passage: ', 'mean'],
    ['intfloat/multilingual-e5-large', 'e5', 'query: ', 'passage: ', 'mean'],
    ['intfloat/e5-base-v2', 'e5', 'query: ', 'passage: ', 'mean'],
    ['/srv/models/my_e5', 'e5', 'query: ', 'passage: ', 'mean'],
    ['Xenova/bge-m3', 'bge-m3', '', '', 'cls'],
    ['BAAI/bge-m3', 'bge-m3', '', '', 'cls'],
    ['Xenova/all-MiniLM-L6-v2', 'unknown', '', '', 'mean'],
    ['someone/grape5-model', 'unknown', '', '', 'mean'],
  ])('%s → %s', (model, name, queryPrefix, passagePrefix, pooling) => {
    expect(modelFamily(model)).toEqual({ name, queryPrefix, passagePrefix, pooling });
  });
});

describe('resolveModelSource', () => {
  it('tells folders from hub ids', () => {
    expect(resolveModelSource('tiny-model', modelsDir, root)).toEqual({ kind: 'folder', dir: tinyDir, name: 'tiny-model' });
    expect(resolveModelSource(tinyDir, '/nowhere', '/')).toEqual({ kind: 'folder', dir: tinyDir, name: 'tiny-model' });
    expect(resolveModelSource('models/tiny-model', 'elsewhere', root)).toMatchObject({ kind: 'folder', dir: tinyDir });
    expect(resolveModelSource('Xenova/multilingual-e5-small', modelsDir, root)).toEqual({ kind: 'hub', id: 'Xenova/multilingual-e5-small' });
    expect(() => resolveModelSource('./missing', modelsDir, root)).toThrow(/does not exist/);
    expect(() => resolveModelSource('not a/valid id', modelsDir, root)).toThrow(/neither a model folder/);
  });
});
