/**
 * What keeps the bot endpoints from being a way around the server's protections:
 *
 * - Closed by default (issue 14): an endpoint whose platform secret is not configured answers
 *   503 BOT_NOT_CONFIGURED, unless its `*_ALLOW_UNSIGNED=true` opens it for a local trial (then
 *   a warning at start). The platform secrets are what authenticate these endpoints: they are
 *   not behind API_KEYS, because the platforms cannot send one.
 * - A per-platform-user limit: the platforms' user ids are authenticated by the signature, so
 *   they are the right bucket (an IP would be the platform's servers, shared by every user).
 * - Constant-time comparison of shared secrets.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { type BotRateLimiter, type LimitVerdict, limitVerdict } from '../types.js';
import type { Platform } from './adapter.js';

/** Constant-time string comparison (both sides hashed first, so lengths do not leak either). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** A header's single value (first one when repeated). */
export function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export interface GateOptions {
  platform: Platform;
  /** Variables that must be set for the endpoint to work, with their values. */
  required: Record<string, string | number | undefined>;
  /** Variables that authenticate requests; when unset the endpoint is open only with `allowUnsigned`. */
  secrets: Record<string, string | undefined>;
  /** The platform's `*_ALLOW_UNSIGNED` value and name, when it has one (WeCom and Slack cannot run unsigned). */
  allowUnsigned?: { name: string; value: boolean };
}

export interface Gate {
  /** 503 BOT_NOT_CONFIGURED until the platform is configured. */
  middleware: RequestHandler;
  /** True when requests are accepted without a signature (`*_ALLOW_UNSIGNED` and no secret). */
  unsigned: boolean;
  open: boolean;
}

/** The closed-by-default gate of one bot endpoint, with its start-up warnings. */
export function botGate(log: Logger, o: GateOptions): Gate {
  const missingRequired = Object.entries(o.required).filter(([, v]) => v === undefined || v === '').map(([k]) => k);
  const missingSecrets = Object.entries(o.secrets).filter(([, v]) => !v).map(([k]) => k);
  const unsigned = missingSecrets.length > 0 && Boolean(o.allowUnsigned?.value);
  const open = missingRequired.length === 0 && (missingSecrets.length === 0 || unsigned);
  const anySet = [...Object.values(o.required), ...Object.values(o.secrets)].some((v) => v !== undefined && v !== '');
  if (unsigned && missingRequired.length === 0) {
    log.warn({ platform: o.platform, unset: missingSecrets }, `${o.allowUnsigned!.name}=true: the ${o.platform} bot accepts unsigned requests (anyone who knows the URL can use it); for local trials only`);
  } else if (!open && anySet) {
    log.warn({ platform: o.platform, unset: [...missingRequired, ...missingSecrets] }, `the ${o.platform} bot is partly configured and stays closed (503) until every variable is set`);
  }
  const missing = [...missingRequired, ...(unsigned ? [] : missingSecrets)];
  const middleware: RequestHandler = (_req, _res, next) => {
    if (open) return next();
    next(new AppError('BOT_NOT_CONFIGURED', `The ${o.platform} bot is not configured: set ${missing.join(', ')}`));
  };
  return { middleware, unsigned, open };
}

export type { BotRateLimiter, LimitVerdict } from '../types.js';

/**
 * A fixed-window counter per key (platform user), bounded in keys (oldest evicted first).
 * Hand-written rather than express-rate-limit: the key is known only after the platform SDK has
 * verified and parsed the update (inside grammY's or Lark's handler), where a middleware does
 * not fit; and over the limit the bot answers 200 with a notice (once a window), since a 429
 * would only make the platform redeliver. Per process; the workers of one cluster share
 * src/state/bot-limit-sqlite.ts instead, and processes sharing a Redis src/state/bot-limit-redis.ts.
 */
export class BotLimiter implements BotRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly opts: { perMinute: number; now: () => number; maxKeys?: number }) {}

  check(key: string): LimitVerdict {
    if (this.opts.perMinute <= 0) return 'ok';
    const now = this.opts.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      this.windows.delete(key);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      const max = this.opts.maxKeys ?? 10_000;
      // Insertion order is window-start order: the first entries are the oldest.
      while (this.windows.size > max) this.windows.delete(this.windows.keys().next().value as string);
    }
    w.count += 1;
    return limitVerdict(w.count, this.opts.perMinute);
  }
}
