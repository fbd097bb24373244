/**
 * A small, explainable scorer: logistic regression over named, standardized features. Fitted
 * by deterministic batch gradient descent (zero start, fixed steps), so that refitting on the
 * same data reproduces the weights file exactly. A few dozen lines: a library would add more
 * than it saves for a 16-feature model, and would not promise bit-for-bit refits.
 */

export interface LogisticModel {
  /** Feature names, in the order of the vectors the model is applied to. */
  features: readonly string[];
  /** Mean and standard deviation of each feature on the training data. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

export interface FitOptions {
  /** L2 penalty on the (standardized) weights. */
  l2?: number;
  steps?: number;
  rate?: number;
  /** Features to leave out (their weight is fixed at 0): the ablations. */
  drop?: readonly string[];
  /**
   * The direction each feature may push (+1: only towards the positive class, -1: only away,
   * 0 or missing: either), enforced by projection after every step. Where the direction is known
   * before any data (more of the question's names found can only mean "more likely answerable"),
   * a weight of the other sign is the model fitting noise among correlated features.
   */
  signs?: Readonly<Record<string, number>>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += (model.weights[j]! * (x[j]! - model.mean[j]!)) / model.std[j]!;
  return sigmoid(z);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function fitLogistic(features: readonly string[], X: readonly number[][], y: readonly number[], opts: FitOptions = {}): LogisticModel {
  const d = features.length;
  const n = X.length;
  const l2 = opts.l2 ?? 0.01;
  const steps = opts.steps ?? 3000;
  const rate = opts.rate ?? 0.5;
  const keep = features.map((f) => !(opts.drop ?? []).includes(f));
  const sign = features.map((f) => opts.signs?.[f] ?? 0);
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const x of X) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  for (const x of X) for (let j = 0; j < d; j++) std[j]! += (x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const Z = X.map((x) => x.map((v, j) => (keep[j] ? (v - mean[j]!) / std[j]! : 0)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let s = 0; s < steps; s++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      const zi = Z[i]!;
      for (let j = 0; j < d; j++) z += w[j]! * zi[j]!;
      const e = sigmoid(z) - y[i]!;
      gb += e;
      for (let j = 0; j < d; j++) gw[j]! += e * zi[j]!;
    }
    b -= (rate * gb) / n;
    for (let j = 0; j < d; j++) {
      const next = keep[j] ? w[j]! - rate * (gw[j]! / n + l2 * w[j]!) : 0;
      w[j] = sign[j]! > 0 ? Math.max(0, next) : sign[j]! < 0 ? Math.min(0, next) : next;
    }
  }
  return { features: [...features], mean: mean.map(round), std: std.map(round), weights: w.map(round), bias: round(b) };
}

/**
 * A ranking fit of the same linear model: the weights maximize, for each question, the softmax
 * probability of its evidence sentences among all its candidates (a conditional logit), which is
 * the decision the answer stage makes: which of THESE sentences to quote. A pointwise fit
 * instead separates evidence from non-evidence across all questions at once, and spends its
 * weights on what makes one question's candidates look unlike another's. Then one scale and
 * bias are fitted pointwise on the ranking score (Platt scaling), so that the model still gives
 * probabilities (the found model and the selection ratio read them).
 * Measured on the dev set (5-fold CV within `tune`, then `check`): quoting the top three
 * sentences held every answer keyword for 0.81 → 0.84 of `tune` and 0.70 → 0.72 of `check`.
 */
export function fitRanking(features: readonly string[], groups: ReadonlyArray<{ X: readonly number[][]; y: readonly number[] }>, opts: FitOptions = {}): LogisticModel {
  const d = features.length;
  const l2 = opts.l2 ?? 0.01;
  const steps = opts.steps ?? 2000;
  const rate = opts.rate ?? 0.5;
  const keep = features.map((f) => !(opts.drop ?? []).includes(f));
  const all = groups.flatMap((g) => g.X);
  const n = all.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const x of all) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  for (const x of all) for (let j = 0; j < d; j++) std[j]! += (x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const standard = (x: readonly number[]) => x.map((v, j) => (keep[j] ? (v - mean[j]!) / std[j]! : 0));
  // Questions without an evidence sentence among their candidates say nothing about ranking.
  const Q = groups.filter((g) => g.y.some((v) => v > 0)).map((g) => ({ Z: g.X.map(standard), y: g.y, pos: g.y.reduce((a, b) => a + b, 0) }));
  const w = new Array<number>(d).fill(0);
  for (let s = 0; s < steps && Q.length; s++) {
    const gw = new Array<number>(d).fill(0);
    for (const { Z, y, pos } of Q) {
      const z = Z.map((r) => r.reduce((a, v, j) => a + v * w[j]!, 0));
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      Z.forEach((r, i) => {
        const err = e[i]! / sum - y[i]! / pos;
        for (let j = 0; j < d; j++) gw[j]! += err * r[j]!;
      });
    }
    for (let j = 0; j < d; j++) w[j] = keep[j] ? w[j]! - rate * (gw[j]! / Q.length + l2 * w[j]!) : 0;
  }
  // Platt scaling: p = sigmoid(a · score + b), fitted on every sentence.
  const scores = groups.flatMap((g) => g.X.map((x) => standard(x).reduce((a, v, j) => a + v * w[j]!, 0)));
  const labels = groups.flatMap((g) => g.y);
  const platt = fitLogistic(['score'], scores.map((v) => [v]), labels, { l2: 0, steps: 2000, rate: 0.5 });
  // A score without spread (every feature dropped or constant within questions) ranks nothing.
  const a = platt.std[0]! > 0 ? platt.weights[0]! / platt.std[0]! : 0;
  const b = platt.bias - a * platt.mean[0]!;
  return { features: [...features], mean: mean.map(round), std: std.map(round), weights: w.map((v) => round(v * a)), bias: round(b) };
}

/**
 * One linear model whose logit is the average of the models' logits (bagging), in raw feature
 * units (mean 0, std 1): the models were standardized on different data.
 */
export function averageModels(models: readonly LogisticModel[]): LogisticModel {
  const first = models[0]!;
  const d = first.features.length;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (const m of models) {
    for (let j = 0; j < d; j++) weights[j]! += m.weights[j]! / m.std[j]! / models.length;
    bias += (m.bias - m.weights.reduce((t, w, j) => t + (w * m.mean[j]!) / m.std[j]!, 0)) / models.length;
  }
  return { features: [...first.features], mean: weights.map(() => 0), std: weights.map(() => 1), weights: weights.map(round), bias: round(bias) };
}
