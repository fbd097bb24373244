/**
 * Load with autocannon: rotating request bodies (or paths), exact latency percentiles from
 * every response (autocannon's own summary has no p95), status counts.
 */
import autocannon from 'autocannon';
import { quantile } from '../util/stats.js';

export interface LoadOptions {
  url: string;
  method: 'GET' | 'POST';
  /** Paths, rotated (for GET), or one path. */
  paths: string[];
  /** Bodies, rotated (for POST). */
  bodies?: string[];
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p975: number; p99: number; max: number; mean: number };
  /** Connection errors and timeouts (autocannon). */
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const rotate = <T>(xs: T[]): T => xs[n++ % xs.length]!;
  let finish: (r: autocannon.Result) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationSec,
    // A request that hangs counts as a timeout (an error), not a stall of the bench.
    timeout: 10,
    requests: [
      {
        method: opts.method,
        path: opts.paths[0]!,
        headers: { ...(opts.bodies ? { 'content-type': 'application/json' } : {}), ...opts.headers },
        setupRequest: (req) => {
          if (opts.bodies?.length) return { ...req, body: rotate(opts.bodies) };
          if (opts.paths.length > 1) return { ...req, path: rotate(opts.paths) };
          return req;
        },
      },
    ],
  }, (err, res) => (err ? fail(err) : finish(res)));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await done;
  return summarise([{ latencies, durationSec: result.duration, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, statuses }]);
}

interface RawLoad {
  latencies: number[];
  durationSec: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
}

const raws = new WeakMap<LoadResult, RawLoad[]>();

/** One result over several runs (the bench alternates configurations: A B B A): exact percentiles over all responses. */
export function mergeLoads(results: LoadResult[]): LoadResult {
  return summarise(results.flatMap((r) => raws.get(r) ?? []));
}

function summarise(parts: RawLoad[]): LoadResult {
  const latencies = parts.flatMap((p) => p.latencies);
  const total = latencies.length;
  const durationSec = parts.reduce((n, p) => n + p.durationSec, 0);
  const statuses: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const out: LoadResult = {
    requests: total,
    durationSec,
    rps: total / durationSec,
    latencyMs: {
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p975: quantile(latencies, 0.975),
      p99: quantile(latencies, 0.99),
      max: total ? latencies.reduce((a, b) => Math.max(a, b), 0) : Number.NaN,
      mean: total ? latencies.reduce((a, b) => a + b, 0) / total : Number.NaN,
    },
    errors: parts.reduce((n, p) => n + p.errors, 0),
    timeouts: parts.reduce((n, p) => n + p.timeouts, 0),
    non2xx: parts.reduce((n, p) => n + p.non2xx, 0),
    statuses,
  };
  raws.set(out, parts);
  return out;
}
