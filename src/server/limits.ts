/**
 * Limits that keep one client (or one slow dependency) from hurting the others:
 *
 * - `bodySizeGuard`: a declared Content-Length over BODY_LIMIT_BYTES is refused with 413 JSON on
 *   every route (bots included) before any parser runs. The body is drained first, as
 *   body-parser does, so that clients still read the response instead of a reset connection;
 *   an absurd declared size is not drained (the connection is closed instead). Chunked bodies
 *   without a length are bounded by the parsers' own limits.
 * - `rateLimit`: express-rate-limit, RATE_LIMIT_PER_MINUTE per client (0 disables), keyed by
 *   the API key's id when a valid key was sent, else by IP (IPv6 by /64). 429 in the JSON
 *   error format with Retry-After and the draft-7 RateLimit headers.
 * - `requestTimeout`: each request gets one AbortSignal (aborted when the client goes away or
 *   REQUEST_TIMEOUT_MS passes); `requestSignal` in context.ts hands it to the work. On timeout
 *   the client gets 504 JSON at once and the work is aborted; a response already streaming
 *   (SSE) is aborted and ended shortly after.
 */
import { finished } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { type Store, ipKeyGenerator, rateLimit as expressRateLimit } from 'express-rate-limit';
import { AppError } from '../errors.js';
import { clientOf } from './security.js';

/** Bodies declared larger than this are not drained before the 413 (the connection is closed). */
const DRAIN_MAX_BYTES = 32 * 1024 * 1024;
/** How long a streaming response may go on after its request timed out before it is ended. */
const STREAM_GRACE_MS = 1_000;

export function bodySizeGuard(limitBytes: number): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['content-length'];
    const declared = header === undefined ? 0 : Number(header);
    if (!(declared > limitBytes)) return next();
    const err = new AppError('PAYLOAD_TOO_LARGE', `Request body is too large: ${declared} bytes, the limit is ${limitBytes}`, { field: 'body' });
    if (declared > DRAIN_MAX_BYTES || req.readableEnded) {
      res.setHeader('Connection', 'close');
      return next(err);
    }
    let done = false;
    const respond = () => {
      if (done) return;
      done = true;
      next(err);
    };
    finished(req, respond);
    req.resume();
  };
}

export function rateLimit(perMinute: number, store?: Store): RequestHandler | undefined {
  if (perMinute <= 0) return undefined;
  return expressRateLimit({
    // A shared store (Redis, REDIS_URL) makes the limit one for all processes. When it fails,
    // requests go through unlimited rather than fail; the outage is logged once and shows in
    // /healthz by the store's connection, so the limiter's own per-request log is silenced.
    ...(store ? { store, passOnStoreError: true, logger: { error: () => {}, warn: () => {} } } : {}),
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => clientOf(res).keyId ?? `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`,
    handler: (_req, res, next) => {
      const retry = res.getHeader('Retry-After');
      next(new AppError('RATE_LIMITED', `Too many requests: at most ${perMinute} per minute${retry ? `; retry in ${String(retry)} s` : ''}`));
    },
    // A client may send X-Forwarded-For when we are not behind a proxy (TRUST_PROXY off): it is
    // ignored, which is right, and not worth a warning per request.
    validate: { xForwardedForHeader: false },
  });
}

/** The request's AbortSignal (set by requestTimeout), if that middleware ran. */
export function requestAbortSignal(res: Response): AbortSignal | undefined {
  return res.locals['signal'] as AbortSignal | undefined;
}

export function requestTimeout(timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    const ctrl = new AbortController();
    res.locals['signal'] = ctrl.signal;
    const timer = setTimeout(() => {
      const err = new AppError('TIMEOUT', `The request took longer than ${timeoutMs} ms and was stopped`);
      ctrl.abort(err);
      if (!res.headersSent) {
        res.locals['timedOut'] = true;
        // Its body still arriving (BODY_TIMEOUT_MS set above this timeout): the connection
        // cannot be reused, so it is closed after the reply rather than held open.
        if (!req.complete) res.setHeader('Connection', 'close');
        res.status(err.status).json(err.toJSON());
        return;
      }
      // Already streaming: the aborted work ends the stream itself; make sure it does.
      const grace = setTimeout(() => {
        if (!res.writableEnded) res.end();
      }, STREAM_GRACE_MS);
      grace.unref();
    }, timeoutMs);
    timer.unref();
    res.once('finish', () => clearTimeout(timer));
    res.once('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished && !ctrl.signal.aborted) ctrl.abort(new Error('client closed the connection'));
    });
    next();
  };
}

/**
 * Swallows the errors of work that finished after its request already got its 504 (e.g.
 * "headers already sent"): they are expected, not faults. Mounted before the error handler.
 */
export const afterTimeout: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.locals['timedOut'] === true && res.headersSent) return;
  next(err);
};
