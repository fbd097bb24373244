/**
 * The health of one backend (a SQLite file, a Redis connection): failures are counted, and the
 * first failure of an outage is logged (one warning per outage, not one per request), as is the
 * recovery. /healthz and /metrics read `health()`.
 */
import type { DependencyHealth, HealthSource } from '../types.js';

export interface HealthLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export const silentLog: HealthLog = { warn: () => {}, info: () => {} };

export class HealthTracker implements HealthSource {
  private state: DependencyHealth['state'];
  private failures = 0;
  private error: string | undefined;
  /** Whether the current outage was logged (a backend that starts down logs its first failure too). */
  private logged = false;

  constructor(
    readonly name: string,
    private readonly log: HealthLog = silentLog,
    initial: DependencyHealth['state'] = 'ok',
  ) {
    this.state = initial;
  }

  get up(): boolean {
    return this.state === 'ok';
  }

  /** Records a failure; logs it when it starts an outage. */
  fail(err: unknown, what: string): void {
    this.failures++;
    const message = err instanceof Error ? err.message : String(err);
    this.error = `${what}: ${message}`;
    this.state = 'down';
    if (!this.logged) {
      this.logged = true;
      this.log.warn({ dependency: this.name, err: message, what }, `${this.name} is failing: ${what}`);
    }
  }

  /** Records a success; logs the end of an outage. */
  ok(): void {
    if (this.state === 'down' && this.logged) this.log.info({ dependency: this.name }, `${this.name} is working again`);
    this.state = 'ok';
    this.logged = false;
    this.error = undefined;
  }

  health(): DependencyHealth {
    return { state: this.state, failures: this.failures, ...(this.error && this.state === 'down' ? { error: this.error } : {}) };
  }
}
