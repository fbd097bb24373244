/**
 * Vector indexes behind the VectorIndex seam: HNSW (hnswlib-node, the product's index) and an
 * exact brute-force one (the reference both are contract-tested against).
 *
 * hnswlib-node is used directly rather than through LangChain's HNSWLib because the index
 * layer needs control over writes (checksummed in the manifest, written into a staging folder
 * for atomic swaps; HNSWLib's save() overwrites in place). The build still writes HNSWLib's
 * format (hnswlib.index + args.json + docstore.json, see format.ts), so LangChain users can
 * open a build folder with HNSWLib.load.
 */
import fs from 'node:fs';
import hnswlib from 'hnswlib-node';
import type { VectorHit, VectorIndex } from '../types.js';

const { HierarchicalNSW } = hnswlib;

/** hnswlib searches with max(efSearch, k); 48 keeps recall@10 ≥ 0.95 in tests/index/vector.test.ts. */
export const HNSW_PARAMS = { m: 16, efConstruction: 200, efSearch: 48, seed: 42 } as const;

export class HnswVectorIndex implements VectorIndex {
  /** Reused query buffer: hnswlib-node takes number[]; Array.from per query showed up in profiles. */
  private readonly buf: number[];

  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
  ) {
    this.buf = new Array<number>(dimensions).fill(0);
  }

  static build(vectors: Float32Array[], dimensions: number): HnswVectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(1, vectors.length), HNSW_PARAMS.m, HNSW_PARAMS.efConstruction, HNSW_PARAMS.seed);
    vectors.forEach((v, label) => {
      if (v.length !== dimensions) throw new Error(`vector ${label} has ${v.length} dimensions, expected ${dimensions}`);
      index.addPoint(Array.from(v), label);
    });
    index.setEf(HNSW_PARAMS.efSearch);
    return new HnswVectorIndex(index, dimensions);
  }

  static load(file: string, dimensions: number): HnswVectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    index.readIndexSync(file);
    index.setEf(HNSW_PARAMS.efSearch);
    return new HnswVectorIndex(index, dimensions);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  save(file: string): void {
    this.index.writeIndexSync(file);
  }

  search(query: Float32Array, k: number): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    if (query.length !== this.dimensions) throw new Error(`query has ${query.length} dimensions, index has ${this.dimensions}`);
    for (let i = 0; i < query.length; i++) this.buf[i] = query[i]!;
    const { neighbors, distances } = this.index.searchKnn(this.buf, n);
    // hnswlib's cosine "distance" is 1 - cosine similarity.
    return neighbors.map((label, i) => ({ label, score: 1 - distances[i]! }));
  }
}

/**
 * Dimensions and vector count of an hnswlib index file, read from its header, or undefined when
 * the header is not one. hnswlib-node cannot tell: readIndexSync takes the dimensions from the
 * constructor and trusts them, so a file of other dimensions loads and then answers garbage or
 * fails at the first query. Header (hnswalg.h saveIndex, little-endian, size_t = 8 bytes):
 * offsetLevel0, maxElements, curElementCount, sizeDataPerElement, labelOffset, offsetData, …;
 * a vector's bytes are labelOffset − offsetData, float32 for the cosine/ip/l2 spaces.
 */
export function hnswFileShape(file: string): { dimensions: number; count: number } | undefined {
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(48);
      if (fs.readSync(fd, header, 0, 48, 0) !== 48) return undefined;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const at = (i: number) => Number(header.readBigUInt64LE(i * 8));
  const [maxElements, count, perElement, labelOffset, offsetData] = [at(1), at(2), at(3), at(4), at(5)];
  const bytes = labelOffset - offsetData;
  if (!(count <= maxElements) || bytes <= 0 || bytes % 4 !== 0 || labelOffset >= perElement) return undefined;
  return { dimensions: bytes / 4, count };
}

/** Exact search: the reference implementation for contract tests, fine for tiny corpora. */
export class BruteForceVectorIndex implements VectorIndex {
  constructor(private readonly vectors: Float32Array[]) {}

  get size(): number {
    return this.vectors.length;
  }

  search(query: Float32Array, k: number): VectorHit[] {
    const hits = this.vectors.map((v, label) => ({ label, score: dot(v, query) }));
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, k);
  }
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
