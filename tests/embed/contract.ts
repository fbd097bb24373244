/**
 * The Embedder contract, written once and run against every implementation (the hashed
 * embedder and the Transformers.js embedder on the generated tiny model), after Hono's
 * shared router tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/types.js';

export const norm = (v: Float32Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
export const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

export const SAMPLES = [
  '유니트리(Unitree宇树科技)는 2024년 글로벌 사족 로봇 시장에서 69.75%의 점유율을 차지했다.',
  '지난해 중국 완성차 업계의 평균 영업이익률은 4.3%로 10년 전(8.99%)의 절반 수준으로 떨어졌다.',
  '宇树科技的四足机器人全球市占率有多高？',
  'What growth did the AI computing business post in 2024?',
  '1.25 억 위안',
  '!!! … ???',
  'a',
];

export function embedderContract(name: string, factory: () => Promise<Embedder>): void {
  describe(`Embedder contract: ${name}`, () => {
    let e: Embedder;
    beforeAll(async () => {
      e = await factory();
    });
    afterAll(async () => {
      await e?.close?.();
    });

    it('describes itself: non-empty id, a known kind, positive dimensions', () => {
      expect(e.info.id).toMatch(/\S/);
      expect(['transformers', 'hashed']).toContain(e.info.kind);
      expect(e.info.dimensions).toBeGreaterThan(0);
    });

    it('returns vectors of info.dimensions for passages and queries', async () => {
      const ps = await e.embedPassages(SAMPLES);
      expect(ps).toHaveLength(SAMPLES.length);
      for (const v of ps) expect(v).toBeInstanceOf(Float32Array);
      for (const v of ps) expect(v.length).toBe(e.info.dimensions);
      expect((await e.embedQuery(SAMPLES[0]!)).length).toBe(e.info.dimensions);
    });

    it('returns finite unit-length vectors', async () => {
      for (const v of [...(await e.embedPassages(SAMPLES)), await e.embedQuery(SAMPLES[2]!)]) {
        expect(v.every(Number.isFinite)).toBe(true);
        expect(norm(v)).toBeCloseTo(1, 4);
      }
    });

    it('is deterministic, across calls and across instances', async () => {
      const a = await e.embedPassages(SAMPLES);
      const b = await e.embedPassages(SAMPLES);
      expect(b).toEqual(a);
      const other = await factory();
      try {
        expect(other.info).toEqual(e.info);
        const c = await other.embedPassages(SAMPLES);
        for (let i = 0; i < a.length; i++) expect(cosine(a[i]!, c[i]!)).toBeCloseTo(1, 5);
      } finally {
        await other.close?.();
      }
    });

    it('gives the same vectors in a batch as one by one', async () => {
      const batch = await e.embedPassages(SAMPLES);
      for (const [i, t] of SAMPLES.entries()) {
        const [single] = await e.embedPassages([t]);
        for (let k = 0; k < single!.length; k++) expect(batch[i]![k]).toBeCloseTo(single![k]!, 5);
      }
    });

    it('handles the empty string and the empty list', async () => {
      const [v] = await e.embedPassages(['']);
      expect(v!.every(Number.isFinite)).toBe(true);
      expect(norm(v!)).toBeCloseTo(1, 4);
      expect(norm(await e.embedQuery(''))).toBeCloseTo(1, 4);
      expect(await e.embedPassages([])).toEqual([]);
    });

    it('reports progress while embedding 100 passages, ending at (100, 100)', async () => {
      const texts = Array.from({ length: 100 }, (_, i) => `${SAMPLES[i % SAMPLES.length]} ${i}번째 문단`);
      const calls: Array<[number, number]> = [];
      const out = await e.embedPassages(texts, (done, total) => calls.push([done, total]));
      expect(out).toHaveLength(100);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.at(-1)).toEqual([100, 100]);
      for (const [i, [done, total]] of calls.entries()) {
        expect(total).toBe(100);
        if (i > 0) expect(done).toBeGreaterThan(calls[i - 1]![0]);
      }
    });

    it('puts a query closer to a passage sharing its words than to an unrelated one', async () => {
      const q = await e.embedQuery('유니트리 사족 로봇 점유율');
      const [related, unrelated] = await e.embedPassages([SAMPLES[0]!, SAMPLES[1]!]);
      expect(cosine(q, related!)).toBeGreaterThan(cosine(q, unrelated!));
    });
  });
}
