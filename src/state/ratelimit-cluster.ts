/**
 * The rate limiter's counters for the workers of one `npm start` cluster without Redis:
 * @express-rate-limit/cluster-memory-store keeps them in the primary process (which serves no
 * HTTP) and each worker asks it over the cluster's IPC channel, so that a client has one limit
 * however the connections are spread, instead of RATE_LIMIT_PER_MINUTE per worker. The primary's
 * half is started by `runCluster` (src/cli/start.ts) before the workers are forked. The counters
 * live as long as the primary: a worker replaced mid-window keeps its clients' counts.
 *
 * A worker whose primary is not ours (a process manager's cluster mode) gets no answer: after
 * the store's 1 s the limiter lets the request through (`passOnStoreError`, limits.ts).
 */
import { ClusterMemoryStorePrimary, ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import type { Store } from 'express-rate-limit';

/** One store per limiter (each needs its own prefix: the primary keeps a MemoryStore per prefix). */
export function clusterRateLimitStore(prefix = 'api'): Store {
  return new ClusterMemoryStoreWorker({ prefix });
}

/** In the primary, before forking: answers the workers' counting requests. */
export function startClusterRateLimits(): void {
  new ClusterMemoryStorePrimary().init();
}
