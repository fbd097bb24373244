/**
 * Composition of the embed stage: MODEL=hashed → the built-in embedder; otherwise the
 * Transformers.js model, and when it cannot be had, either the built-in embedder with ONE loud
 * explanation (EMBEDDER_FALLBACK=hashed) or a MODEL_UNAVAILABLE error (EMBEDDER_FALLBACK=fail).
 * The choice is recorded by the caller in the index manifest (info.id), so an index built with
 * one embedder is never queried with the other.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Embedder } from '../types.js';
import { HashedEmbedder } from './hashed.js';
import { TransformersEmbedder, isExplicitPath, oneLine } from './transformers.js';

export interface EmbedLog {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface CreateEmbedderOptions {
  /** Hub base URL override (tests point it at a loopback server). */
  remoteHost?: string;
  /** Reachability check before a download; default 10 s. */
  probeTimeoutMs?: number;
  cwd?: string;
}

type EmbedConfig = Pick<Config, 'MODEL' | 'ALLOW_REMOTE_MODELS' | 'EMBEDDER_FALLBACK' | 'EMBED_BATCH'> & {
  paths: Pick<Config['paths'], 'models' | 'modelCache'>;
};

export async function createEmbedder(config: EmbedConfig, log: EmbedLog, opts: CreateEmbedderOptions = {}): Promise<Embedder> {
  if (config.MODEL.trim().toLowerCase() === 'hashed') {
    const e = new HashedEmbedder();
    log.info(`embedder: ${e.info.id} (MODEL=hashed: built-in offline embedder, lexical rather than semantic)`);
    return e;
  }
  const started = Date.now();
  try {
    const e = await TransformersEmbedder.load({
      model: config.MODEL,
      modelsDir: config.paths.models,
      cacheDir: config.paths.modelCache,
      allowRemoteModels: config.ALLOW_REMOTE_MODELS,
      batchSize: config.EMBED_BATCH,
      ...(opts.remoteHost ? { remoteHost: opts.remoteHost } : {}),
      ...(opts.probeTimeoutMs ? { probeTimeoutMs: opts.probeTimeoutMs } : {}),
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
    });
    log.info(`embedder: ${e.info.id} (${e.info.dimensions}-d, ${e.family.name} conventions), loaded in ${Date.now() - started} ms`);
    return e;
  } catch (err) {
    const reason = oneLine(err);
    if (config.EMBEDDER_FALLBACK === 'fail') {
      throw new AppError('MODEL_UNAVAILABLE', `Embedding model "${config.MODEL}" is unavailable: ${reason}`, { cause: err });
    }
    const e = new HashedEmbedder();
    log.warn(fallbackMessage(config, reason, e.info.id));
    return e;
  }
}

/** One paragraph: what failed, what happens now, and the ways to make it go away. */
export function fallbackMessage(config: EmbedConfig, reason: string, fallbackId: string): string {
  const head =
    `Embedding model "${config.MODEL}" could not be loaded: ${reason}. ` +
    `Falling back to the built-in offline embedder ${fallbackId} (lexical, weaker than the model; the index records which embedder built it). `;
  const tail = 'Set MODEL=hashed to use the built-in embedder without this warning, or EMBEDDER_FALLBACK=fail to stop instead.';
  const files = 'config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx or onnx/model.onnx';
  if (isExplicitPath(config.MODEL)) {
    return `${head}To use the model, point MODEL at a folder holding ${files}. ${tail}`;
  }
  const target = path.join(config.paths.models, config.MODEL);
  return (
    head +
    `To use the model, put its files (${files}) under ${target}, e.g. on a machine with internet ` +
    `\`git lfs install && git clone https://huggingface.co/${config.MODEL} ${target}\` and copy the folder here, ` +
    `or set MODEL to a model folder. ${tail}`
  );
}
