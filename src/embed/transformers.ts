/**
 * Embedder on a Transformers.js (ONNX) model: a hub id, downloaded once into the cache, or a
 * local folder (MODELS_DIR/<name>, or a path), which never touches the network.
 *
 * Why not LangChain's HuggingFaceTransformersEmbeddings: it has no query/passage prefixes
 * (e5 needs them), no progress callback, fires all batches at once (Promise.all), retries a
 * failed load through AsyncCaller (slow to fail when the hub is unreachable), cannot cap the
 * token length, and returns number[][]. The pipeline it wraps is a few lines to call directly.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Embedder, EmbedderInfo } from '../types.js';
import { type ModelFamily, modelFamily } from './families.js';

export interface TransformersEmbedderOptions {
  /** Hub id ("Xenova/multilingual-e5-small"), a folder under modelsDir, or a path to a folder. */
  model: string;
  /** Local model folder (Transformers.js `env.localModelPath`); default "models". */
  modelsDir?: string;
  /** Download cache (Transformers.js `env.cacheDir`); default ".cache/transformers". */
  cacheDir?: string;
  /** Allow downloading from the hub; default true. Local folders never download. */
  allowRemoteModels?: boolean;
  /** Texts per model call; default 16. */
  batchSize?: number;
  /** Weights: default q8 (`onnx/model_quantized.onnx`) when present, else fp32 (`onnx/model.onnx`). */
  dtype?: 'q8' | 'fp32';
  /** Token cap; default 512 (e5/bge were trained at 512; bge-m3's tokenizer allows 8192). */
  maxLength?: number;
  /** Hub base URL; default Transformers.js' (https://huggingface.co/). */
  remoteHost?: string;
  /** Reachability check before a download; default 10 s. */
  probeTimeoutMs?: number;
  /** A download with no progress for this long is abandoned; default 60 s. */
  stallTimeoutMs?: number;
  /** Resolves relative folder paths; default process.cwd(). */
  cwd?: string;
}

export type ModelSource =
  | { kind: 'folder'; dir: string; name: string }
  | { kind: 'hub'; id: string };

// Transformers.js' own rule for hub ids (utils/hub.js): owner/name or name.
const HUB_ID = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;

/** "/abs/dir", "./dir", "../dir": always a folder, never a hub id. */
export function isExplicitPath(model: string): boolean {
  return path.isAbsolute(model) || /^\.{1,2}[/\\]/.test(model);
}

/** Where MODEL points: an explicit path, a folder under modelsDir, a folder relative to cwd, else a hub id. */
export function resolveModelSource(model: string, modelsDir: string, cwd: string): ModelSource {
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  if (isExplicitPath(model)) {
    const dir = path.resolve(cwd, model);
    if (!isDir(dir)) throw new Error(`model folder ${dir} does not exist`);
    return { kind: 'folder', dir, name: path.basename(dir) };
  }
  const underModels = path.resolve(cwd, modelsDir, model);
  if (isDir(underModels)) return { kind: 'folder', dir: underModels, name: model };
  const relative = path.resolve(cwd, model);
  if (isDir(relative)) return { kind: 'folder', dir: relative, name: path.basename(relative) };
  if (!HUB_ID.test(model) || model.includes('..') || model.includes('--')) {
    throw new Error(`"${model}" is neither a model folder (looked in ${path.resolve(cwd, modelsDir)}) nor a hub id like owner/name`);
  }
  return { kind: 'hub', id: model };
}

export class TransformersEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  readonly family: ModelFamily;
  private readonly extractor: FeatureExtractionPipeline;
  private readonly batchSize: number;

  private constructor(info: EmbedderInfo, family: ModelFamily, extractor: FeatureExtractionPipeline, batchSize: number) {
    this.info = info;
    this.family = family;
    this.extractor = extractor;
    this.batchSize = batchSize;
  }

  /** Loads the model (throws with a one-line reason when it cannot be had). */
  static async load(opts: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const cwd = opts.cwd ?? process.cwd();
    const source = resolveModelSource(opts.model, opts.modelsDir ?? 'models', cwd);
    const family = modelFamily(opts.model);
    const { extractor, dtype, filesDir } = await withEnvLock(() => loadPipeline(source, opts, cwd));
    try {
      // Cap the token length: the pipeline truncates at tokenizer.model_max_length, which is
      // 8192 for bge-m3 and missing for some exports. (Transformers.js truncation cuts the
      // trailing [SEP] too; harmless for pooling, and only texts over the cap are affected.)
      const tok = extractor.tokenizer as unknown as { model_max_length?: number };
      tok.model_max_length = Math.min(tok.model_max_length ?? Infinity, opts.maxLength ?? 512);
      // One real call proves the weights run (a corrupt file fails here, not mid-ingest) and gives the dimension.
      const probe = await extractor('a', { pooling: family.pooling, normalize: true });
      const dimensions = probe.dims.at(-1)!;
      const name = source.kind === 'hub' ? source.id : source.name;
      const hash = filesDir ? await fingerprint(filesDir, dtype) : undefined;
      const info: EmbedderInfo = { id: `transformers:${name}@${dtype}${hash ? `#${hash}` : ''}`, dimensions, kind: 'transformers' };
      return new TransformersEmbedder(info, family, extractor, Math.max(1, opts.batchSize ?? 16));
    } catch (e) {
      await extractor.dispose().catch(() => undefined);
      throw e;
    }
  }

  async embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize).map((t) => this.family.passagePrefix + t);
      out.push(...(await this.run(batch)));
      onProgress?.(out.length, texts.length);
    }
    if (texts.length === 0) onProgress?.(0, 0);
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return (await this.run([this.family.queryPrefix + text]))[0]!;
  }

  async close(): Promise<void> {
    await this.extractor.dispose();
  }

  private async run(texts: string[]): Promise<Float32Array[]> {
    const t = await this.extractor(texts, { pooling: this.family.pooling, normalize: true });
    const d = this.info.dimensions;
    const data = t.data as Float32Array;
    const rows = texts.map((_, i) => data.slice(i * d, (i + 1) * d));
    t.dispose();
    return rows;
  }
}

// Transformers.js configuration is one global `env`; loads that set it differently must not interleave.
let envLock: Promise<unknown> = Promise.resolve();
function withEnvLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = envLock.then(fn, fn);
  envLock = run.catch(() => undefined);
  return run;
}

interface Loaded {
  extractor: FeatureExtractionPipeline;
  dtype: 'q8' | 'fp32';
  /** Folder holding the files actually loaded (for the id's fingerprint), when known. */
  filesDir?: string;
}

let defaultRemoteHost: string | undefined;

async function loadPipeline(source: ModelSource, opts: TransformersEmbedderOptions, cwd: string): Promise<Loaded> {
  const { env, pipeline } = await import('@huggingface/transformers');
  const cacheDir = path.resolve(cwd, opts.cacheDir ?? '.cache/transformers');
  // env is global: restore the library default when this load does not override it.
  defaultRemoteHost ??= env.remoteHost;
  env.remoteHost = opts.remoteHost ? opts.remoteHost.replace(/\/?$/, '/') : defaultRemoteHost;

  if (source.kind === 'folder') {
    const dtype = opts.dtype ?? (existsSync(path.join(source.dir, 'onnx/model_quantized.onnx')) ? 'q8' : 'fp32');
    const weights = path.join(source.dir, 'onnx', dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx');
    for (const f of ['config.json', 'tokenizer.json', path.relative(source.dir, weights)]) {
      if (!existsSync(path.join(source.dir, f))) throw new Error(`model folder ${source.dir} has no ${f}`);
    }
    // An absolute path is not a valid hub id, so Transformers.js reads it as a plain path; no
    // cache (a cached hub model of the same name must not shadow the folder), no network.
    Object.assign(env, { allowLocalModels: true, allowRemoteModels: false, useFSCache: false });
    const extractor = await pipeline('feature-extraction', source.dir, { dtype, local_files_only: true });
    return { extractor, dtype, filesDir: source.dir };
  }

  const dtype = opts.dtype ?? 'q8';
  Object.assign(env, {
    allowLocalModels: true,
    localModelPath: path.resolve(cwd, opts.modelsDir ?? 'models'),
    useFSCache: true,
    cacheDir,
    allowRemoteModels: opts.allowRemoteModels ?? true,
  });
  const filesDir = path.join(cacheDir, source.id);
  // 1. The download cache, without any network: works offline once the model was fetched.
  try {
    const extractor = await pipeline('feature-extraction', source.id, { dtype, local_files_only: true });
    return { extractor, dtype, filesDir };
  } catch (e) {
    if (!(opts.allowRemoteModels ?? true)) {
      // "file was not found locally" only restates the first sentence; any other error (a corrupt cached file) is news.
      const detail = /not found locally/.test(oneLine(e)) ? '' : ` (${oneLine(e)})`;
      throw new Error(`"${source.id}" is not in ${env.localModelPath} nor in the download cache ${cacheDir}, and ALLOW_REMOTE_MODELS is off${detail}`);
    }
  }
  // 2. The hub. Probe first: a dead network must fail in milliseconds, not hang in a download.
  await probeHub(env.remoteHost, source.id, opts.probeTimeoutMs ?? 10_000);
  const extractor = await withStallTimeout(
    (progress_callback) => pipeline('feature-extraction', source.id, { dtype, progress_callback }),
    opts.stallTimeoutMs ?? 60_000,
    source.id,
  );
  return { extractor, dtype, filesDir };
}

const NET_ERRORS: Record<string, string> = {
  ENOTFOUND: 'host name not found: no DNS or no network',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate not trusted (proxy?)',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted (proxy?)',
};

async function probeHub(remoteHost: string, id: string, timeoutMs: number): Promise<void> {
  const url = `${remoteHost.replace(/\/?$/, '/')}${id}/resolve/main/config.json`;
  let res: Response;
  try {
    res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const code = err.cause?.code;
    const why =
      err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms`
      : code && NET_ERRORS[code] ? `${NET_ERRORS[code]}, ${code}`
      : (code ?? err.cause?.message ?? err.message);
    throw new Error(`cannot reach the model hub to download "${id}" (${url}: ${why})`);
  }
  if (!res.ok) {
    // The hub answers 401 for a repository that does not exist as well as for a private one.
    throw new Error(`the model hub has no downloadable "${id}" (${url}: HTTP ${res.status})`);
  }
}

type ProgressCb = (info: unknown) => void;

/** Abandons a download that makes no progress for `ms` (a slow download that moves is fine). */
function withStallTimeout<T>(start: (cb: ProgressCb) => Promise<T>, ms: number, id: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let stalled = false;
    const arm = () =>
      setTimeout(() => {
        stalled = true;
        reject(new Error(`download of "${id}" stalled: no progress for ${ms} ms`));
      }, ms);
    let timer = arm();
    start(() => {
      clearTimeout(timer);
      if (!stalled) timer = arm();
    }).then(
      (v) => {
        clearTimeout(timer);
        // Finished after we gave up on it: free the session rather than leak it.
        // (T is left unconstrained: TypeScript gives up on pipeline()'s task union otherwise.)
        if (stalled) void (v as { dispose?: () => Promise<void> }).dispose?.().catch(() => undefined);
        else resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * 12 hex digits over the tokenizer/config files and the weights' size: the same files give the
 * same id whether they came from the hub cache or a copied folder; a changed model does not.
 * (Hashing the weights themselves would cost a second per 500 MB at every start.)
 */
async function fingerprint(dir: string, dtype: 'q8' | 'fp32'): Promise<string | undefined> {
  const h = createHash('sha256');
  try {
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      h.update(f).update(await readFile(path.join(dir, f)).catch(() => Buffer.from('-')));
    }
    const weights = path.join(dir, 'onnx', dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx');
    h.update(String((await stat(weights)).size));
  } catch {
    return undefined;
  }
  return h.digest('hex').slice(0, 12);
}

/** The first line of an error's message: logs get the reason, not a stack. */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.trim();
}
