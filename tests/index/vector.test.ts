/** One contract for every VectorIndex: the HNSW index must agree with exact search. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/embed/tinyModel.js';
import { BruteForceVectorIndex, HnswVectorIndex } from '../../src/index/vector.js';
import type { VectorIndex } from '../../src/types.js';

function unitVectors(n: number, dims: number, seed: number): Float32Array[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const v = Float32Array.from({ length: dims }, () => rnd() - 0.5);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const DIMS = 48;
const data = unitVectors(500, DIMS, 7);
const queries = unitVectors(50, DIMS, 11);

function contract(name: string, make: () => VectorIndex) {
  describe(`VectorIndex contract: ${name}`, () => {
    const index = make();
    it('holds every vector', () => expect(index.size).toBe(data.length));
    it('finds a stored vector as its own nearest neighbour with similarity 1', () => {
      for (const label of [0, 17, 499]) {
        const [top] = index.search(data[label]!, 1);
        expect(top!.label).toBe(label);
        expect(top!.score).toBeCloseTo(1, 5);
      }
    });
    it('returns k results sorted by decreasing cosine similarity', () => {
      const hits = index.search(queries[0]!, 10);
      expect(hits).toHaveLength(10);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score - 1e-6);
    });
    it('asks for more than it holds without failing', () => expect(index.search(queries[1]!, 10_000)).toHaveLength(data.length));
  });
}

contract('brute force', () => new BruteForceVectorIndex(data));
contract('HNSW', () => HnswVectorIndex.build(data, DIMS));
contract('HNSW saved and loaded', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hnsw-')), 'hnsw.bin');
  HnswVectorIndex.build(data, DIMS).save(file);
  return HnswVectorIndex.load(file, DIMS);
});

describe('HNSW against exact search', () => {
  it('recall@10 ≥ 0.95 on random unit vectors', () => {
    const exact = new BruteForceVectorIndex(data);
    const hnsw = HnswVectorIndex.build(data, DIMS);
    let found = 0;
    for (const q of queries) {
      const truth = new Set(exact.search(q, 10).map((h) => h.label));
      found += hnsw.search(q, 10).filter((h) => truth.has(h.label)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });
  it('rejects a query of the wrong dimension', () => {
    expect(() => HnswVectorIndex.build(data, DIMS).search(new Float32Array(3), 1)).toThrow(/dimensions/);
  });
});
