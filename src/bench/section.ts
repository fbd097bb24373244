/**
 * The bench is a list of sections (src/cli/bench.ts); each measures one thing and returns rows
 * for the one table. A new measurement (a session-store throughput, a question-cost fuzz) is a
 * new module exporting a BenchSection, added to that list.
 */
export interface BenchRow {
  metric: string;
  value: string;
  /** The target as text (e.g. "≥ 1.5×"), and whether it was met. */
  target?: string;
  ok?: boolean;
}

export interface BenchQuestions {
  /** POST /api/chat bodies, rotated. */
  bodies: string[];
  /** GET /api/search paths, rotated. */
  queries: string[];
  ko: number;
  zh: number;
}

export interface BenchContext {
  root: string;
  /** Scratch folder for logs (.tmp/bench). */
  work: string;
  /** The bench's built index (built-in embedder). */
  indexDir: string;
  quick: boolean;
  durationSec: number;
  connections: number;
  profile: boolean;
  questions: BenchQuestions;
  /** Progress on stderr. */
  say(s: string): void;
  /** Raw results of every section, written to bench-results/latest.json. */
  results: Record<string, unknown>;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export const fmt = (n: number | undefined, digits = 1): string => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
