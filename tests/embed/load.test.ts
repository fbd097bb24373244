import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { createEmbedder } from '../../src/embed/load.js';
import { TransformersEmbedder } from '../../src/embed/transformers.js';
import { AppError } from '../../src/errors.js';
import { tempDir, tinyModelIn } from './tinyModelFixture.js';

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await tinyModelIn(path.join(root, 'models/tiny-model'));
});
afterAll(async () => cleanup());

const config = (env: Record<string, string>) => loadConfig({ MODELS_DIR: 'models', MODEL_CACHE_DIR: 'cache', ...env }, root);

function recorder() {
  const infos: string[] = [];
  const warns: string[] = [];
  return { infos, warns, log: { info: (m: string) => infos.push(m), warn: (m: string) => warns.push(m) } };
}

/** A loopback "hub" that never answers, answers with a status, or answers the probe (HEAD) and then stalls. */
async function fakeHub(behaviour: 'hang' | 'stall-downloads' | number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (typeof behaviour === 'number') res.writeHead(behaviour).end();
    else if (behaviour === 'stall-downloads' && req.method === 'HEAD') res.writeHead(200).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

describe('createEmbedder', () => {
  it('MODEL=hashed gives the built-in embedder without a warning', async () => {
    const r = recorder();
    const e = await createEmbedder(config({ MODEL: 'hashed' }), r.log);
    expect(e).toBeInstanceOf(HashedEmbedder);
    expect(r.warns).toEqual([]);
  });

  it('loads a local model folder under MODELS_DIR', async () => {
    const r = recorder();
    const e = await createEmbedder(config({ MODEL: 'tiny-model', ALLOW_REMOTE_MODELS: 'false' }), r.log);
    expect(e).toBeInstanceOf(TransformersEmbedder);
    expect(e.info.kind).toBe('transformers');
    expect(r.warns).toEqual([]);
    expect(r.infos.join('\n')).toMatch(/transformers:tiny-model@fp32/);
    await e.close?.();
  });

  it('falls back to hashed, fast and with ONE warning, when a hub id cannot be downloaded', async () => {
    const r = recorder();
    const t0 = performance.now();
    const e = await createEmbedder(config({ MODEL: 'some/unknown-hub-id', ALLOW_REMOTE_MODELS: 'true' }), r.log, { probeTimeoutMs: 5000 });
    const ms = performance.now() - t0;
    expect(e).toBeInstanceOf(HashedEmbedder);
    expect(ms).toBeLessThan(8000); // here: DNS fails in ~40 ms; a silent firewall is cut by the probe timeout
    expect(r.warns).toHaveLength(1);
    const w = r.warns[0]!;
    expect(w).not.toMatch(/\n/); // one paragraph, no stack
    expect(w).toMatch(/"some\/unknown-hub-id" could not be loaded: /);
    expect(w).toContain(path.join(root, 'models', 'some/unknown-hub-id'));
    expect(w).toMatch(/git clone https:\/\/huggingface\.co\/some\/unknown-hub-id/);
    expect(w).toMatch(/MODEL=hashed/);
  });

  it('with EMBEDDER_FALLBACK=fail throws MODEL_UNAVAILABLE instead', async () => {
    const r = recorder();
    const err = await createEmbedder(config({ MODEL: 'some/unknown-hub-id', EMBEDDER_FALLBACK: 'fail' }), r.log, { probeTimeoutMs: 5000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'MODEL_UNAVAILABLE', status: 503 });
    expect((err as Error).message).toMatch(/some\/unknown-hub-id/);
    expect(r.warns).toEqual([]);
  });

  it('does not hang on a hub that accepts the connection but never answers', async () => {
    const hub = await fakeHub('hang');
    try {
      const r = recorder();
      const t0 = performance.now();
      const e = await createEmbedder(config({ MODEL: 'some/model' }), r.log, { remoteHost: hub.url, probeTimeoutMs: 300 });
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(e).toBeInstanceOf(HashedEmbedder);
      expect(r.warns[0]).toMatch(/no answer within 300 ms/);
    } finally {
      await hub.close();
    }
  });

  it('abandons a download that stops making progress', async () => {
    const hub = await fakeHub('stall-downloads');
    try {
      const t0 = performance.now();
      await expect(
        TransformersEmbedder.load({ model: 'some/model', modelsDir: path.join(root, 'models'), cacheDir: path.join(root, 'cache'), remoteHost: hub.url, stallTimeoutMs: 300 }),
      ).rejects.toThrow(/download of "some\/model" stalled: no progress for 300 ms/);
      expect(performance.now() - t0).toBeLessThan(3000);
    } finally {
      await hub.close();
    }
  });

  it('reports what the hub said when it has no such model', async () => {
    const hub = await fakeHub(404);
    try {
      const err = await createEmbedder(config({ MODEL: 'some/model', EMBEDDER_FALLBACK: 'fail' }), recorder().log, { remoteHost: hub.url })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'MODEL_UNAVAILABLE' });
      expect((err as Error).message).toMatch(/HTTP 404/);
    } finally {
      await hub.close();
    }
  });

  it('never touches the network with ALLOW_REMOTE_MODELS=false', async () => {
    const hub = await fakeHub(200);
    try {
      const r = recorder();
      const e = await createEmbedder(config({ MODEL: 'some/model', ALLOW_REMOTE_MODELS: 'false' }), r.log, { remoteHost: hub.url });
      expect(e).toBeInstanceOf(HashedEmbedder);
      expect(r.warns[0]).toMatch(/ALLOW_REMOTE_MODELS is off/);
    } finally {
      await hub.close();
    }
  });

  it('falls back with a one-line reason on corrupt model files', async () => {
    const broken = path.join(root, 'models/broken');
    await tinyModelIn(broken);
    await writeFile(path.join(broken, 'onnx/model.onnx'), 'not an onnx file');
    const r = recorder();
    const e = await createEmbedder(config({ MODEL: 'broken' }), r.log);
    expect(e).toBeInstanceOf(HashedEmbedder);
    expect(r.warns).toHaveLength(1);
    expect(r.warns[0]).not.toMatch(/\n/);
    expect(r.warns[0]).toMatch(/"broken" could not be loaded: \S/);
  });

  it('an explicit folder path that does not exist says so', async () => {
    const r = recorder();
    await createEmbedder(config({ MODEL: './nope' }), r.log);
    expect(r.warns[0]).toMatch(/model folder .*nope does not exist/);
    expect(r.warns[0]).toMatch(/point MODEL at a folder/);
  });
});
