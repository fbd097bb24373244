/** The logistic scorer: deterministic fits, dropped features, sign constraints. */
import { describe, expect, it } from 'vitest';
import { averageModels, fitLogistic, fitRanking, predict } from '../../src/answer/model.js';

// Feature a separates the classes; feature b is anti-correlated with the label in this sample.
const X = [
  [0.9, 0.1],
  [0.8, 0.2],
  [0.7, 0.1],
  [0.2, 0.9],
  [0.1, 0.8],
  [0.3, 0.7],
];
const y = [1, 1, 1, 0, 0, 0];

describe('fitLogistic', () => {
  it('learns the separating feature and reproduces itself exactly', () => {
    const m = fitLogistic(['a', 'b'], X, y);
    expect(m.weights[0]!).toBeGreaterThan(0);
    expect(predict(m, [0.9, 0.1])).toBeGreaterThan(0.5);
    expect(predict(m, [0.1, 0.9])).toBeLessThan(0.5);
    expect(fitLogistic(['a', 'b'], X, y)).toEqual(m);
  });
  it('keeps a dropped feature at weight 0', () => {
    expect(fitLogistic(['a', 'b'], X, y, { drop: ['b'] }).weights[1]).toBe(0);
  });
  it('never gives a feature the sign it is not allowed', () => {
    const free = fitLogistic(['a', 'b'], X, y);
    expect(free.weights[1]!).toBeLessThan(0);
    const signed = fitLogistic(['a', 'b'], X, y, { signs: { b: 1 } });
    expect(signed.weights[1]).toBe(0);
    expect(signed.weights[0]!).toBeGreaterThan(0);
  });
});

describe('fitRanking', () => {
  // Two questions. Feature a says which candidate of a question answers it; feature b is high for
  // every candidate of the first question and low for the second (it tells questions apart, not
  // answers). A pointwise fit leans on b, because the first question has more answers; the
  // ranking fit compares candidates within a question and leaves b alone.
  const groups = [
    { X: [[0.9, 1], [0.8, 1], [0.2, 1]], y: [1, 1, 0] },
    { X: [[0.7, 0], [0.3, 0], [0.1, 0], [0.2, 0]], y: [1, 0, 0, 0] },
  ];

  it('ranks within each question by the feature that separates its candidates, deterministically', () => {
    const m = fitRanking(['a', 'b'], groups);
    expect(Math.abs(m.weights[0]!)).toBeGreaterThan(Math.abs(m.weights[1]!) * 5);
    for (const g of groups) {
      const p = g.X.map((x) => predict(m, x));
      const best = p.indexOf(Math.max(...p));
      expect(g.y[best]).toBe(1);
      for (const v of p) expect(v).toBeGreaterThan(0), expect(v).toBeLessThan(1);
    }
    expect(fitRanking(['a', 'b'], groups)).toEqual(m);
    const pointwise = fitLogistic(['a', 'b'], groups.flatMap((g) => g.X), groups.flatMap((g) => g.y));
    expect(Math.abs(pointwise.weights[1]!)).toBeGreaterThan(Math.abs(m.weights[1]!));
  });

  it('keeps a dropped feature at 0 and ignores questions without an answer among their candidates', () => {
    expect(fitRanking(['a', 'b'], groups, { drop: ['a'] }).weights[0]).toBe(0);
    const withEmpty = fitRanking(['a', 'b'], [...groups, { X: [[0.5, 0.5]], y: [0] }]);
    expect(withEmpty.weights.every(Number.isFinite)).toBe(true);
  });
});

describe('averageModels (the bagged found model)', () => {
  it("gives the average of the models' logits, whatever data each was standardized on", () => {
    const a = { features: ['x', 'y'], mean: [0.2, 1], std: [0.5, 2], weights: [1.5, -0.4], bias: 0.3 };
    const b = { features: ['x', 'y'], mean: [0.6, 0], std: [0.1, 1], weights: [0.2, 0.8], bias: -1 };
    const avg = averageModels([a, b]);
    const logit = (p: number) => Math.log(p / (1 - p));
    for (const x of [[0, 0], [0.3, 2], [1, -1]]) {
      expect(logit(predict(avg, x))).toBeCloseTo((logit(predict(a, x)) + logit(predict(b, x))) / 2, 5);
    }
    // Signs survive: every model's x pushes up, so the average's does.
    expect(avg.weights[0]).toBeGreaterThan(0);
    expect(avg.mean).toEqual([0, 0]);
  });
});
