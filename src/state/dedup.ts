/**
 * The in-memory DedupStore: a bounded map of claimed keys with expiry (per process). The
 * Redis implementation beside it is used when REDIS_URL is set.
 */
import type { DedupStore } from '../types.js';

export class MemoryDedupStore implements DedupStore {
  // Insertion-ordered: the first entries are the oldest, so eviction is O(1).
  private readonly seen = new Map<string, number>();

  constructor(private readonly opts: { max?: number; now?: () => number } = {}) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = (this.opts.now ?? Date.now)();
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + ttlMs);
    const max = this.opts.max ?? 50_000;
    while (this.seen.size > max) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }

  async release(key: string): Promise<void> {
    this.seen.delete(key);
  }
}
