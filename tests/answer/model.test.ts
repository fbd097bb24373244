/** The logistic scorer: deterministic fits, dropped features, sign constraints. */
import { describe, expect, it } from 'vitest';
import { fitLogistic, predict } from '../../src/answer/model.js';

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
