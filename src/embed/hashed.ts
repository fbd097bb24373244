/**
 * The built-in offline embedder: weighted features (features.ts) hashed into a fixed number of
 * dimensions with a sign bit (signed feature hashing: colliding features cancel on average
 * instead of piling up), L2-normalized. No download, no state, thousands of texts per second;
 * lexical, not semantic — it finds passages that share words/characters with the question, and
 * crosses languages only through the Chinese/Latin names the report prints in parentheses.
 */
import type { Embedder, EmbedderInfo } from '../types.js';
import { extractFeatures } from './features.js';

/**
 * Bump when features.ts, the text rules it reads (src/text) or the hashing changes: the id
 * invalidates indexes built with the old one, and a build reuses vectors only from a build with
 * the same id, so an old vector never passes for a new one (v2: the shared text rules).
 */
export const HASHED_VERSION = 2;
export const HASHED_DEFAULT_DIMENSIONS = 2048;

export interface HashedEmbedderOptions {
  /** Power of two (the index is a bit mask); default 2048 — measured on the dev set, 2048 beats 512/1024 clearly (short queries collide less with long passages), 4096 barely. */
  dimensions?: number;
}

export class HashedEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  private readonly dims: number;

  constructor(opts: HashedEmbedderOptions = {}) {
    const d = opts.dimensions ?? HASHED_DEFAULT_DIMENSIONS;
    if (!Number.isInteger(d) || d < 16 || (d & (d - 1)) !== 0) {
      throw new RangeError(`HashedEmbedder dimensions must be a power of two >= 16, got ${d}`);
    }
    this.dims = d;
    this.info = { id: `hashed-ngram-v${HASHED_VERSION}-d${d}`, dimensions: d, kind: 'hashed' };
  }

  /** Synchronous core, for callers that embed in a hot loop. */
  embed(text: string): Float32Array {
    const v = new Float32Array(this.dims);
    const features = extractFeatures(text);
    // A text with no features (empty, punctuation only) still gets a unit vector, so the
    // "always unit length" contract holds and cosine/HNSW never see a zero vector.
    if (features.size === 0) features.set('\u0000empty', 1);
    const mask = this.dims - 1;
    for (const [f, w] of features) {
      const h = hash32(f);
      v[h & mask]! += h & 0x80000000 ? -w : w;
    }
    l2normalize(v);
    // Signed features can cancel exactly (two equal weights, one bucket, opposite signs).
    if (!v.some((x) => x !== 0)) return this.embed('');
    return v;
  }

  async embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i++) {
      out.push(this.embed(texts[i]!));
      // Report every 64 texts (and at the end) and yield, so a progress bar and the event loop both move.
      if ((i + 1) % 64 === 0 || i + 1 === texts.length) {
        onProgress?.(i + 1, texts.length);
        if (i + 1 < texts.length) await new Promise((r) => setImmediate(r));
      }
    }
    if (texts.length === 0) onProgress?.(0, 0);
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  }
}

/** FNV-1a over UTF-16 code units, then murmur3's finalizer so low bits (the index) and the top bit (the sign) are well mixed. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function l2normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
