/**
 * Access control and browser-facing security headers.
 *
 * - API keys (API_KEYS, `Authorization: Bearer KEY`) guard /api/* and /v1/* (and /metrics when
 *   keys are set). Unset: those routes are open, which is the right default for a server bound
 *   to 127.0.0.1. /healthz, the web page and /bots/* (which verify their platform's signature
 *   themselves) are never behind a key.
 * - Authentication is split in two so that rate limiting can sit between them:
 *   `identifyClient` only works out who is calling (a key id, or nothing) and never rejects;
 *   `requireApiKey` rejects an unauthenticated caller with 401. Requests with a wrong key are
 *   thereby counted against their IP's rate-limit bucket before they are refused, which bounds
 *   key guessing.
 * - Keys are compared in constant time: both sides are hashed to 32 bytes (so lengths never
 *   leak) and compared with `crypto.timingSafeEqual`, against every configured key without an
 *   early exit.
 * - helmet sets the usual headers; its default CSP (`default-src 'self'`, no inline scripts)
 *   is kept so that the web page (which sets its own stricter CSP on its responses) keeps
 *   working. `upgrade-insecure-requests` is dropped: the server is often reached over plain
 *   HTTP on a LAN address, where it would send the page's own assets to https and break them.
 * - CORS is closed by default (no Access-Control-* headers at all); CORS_ORIGINS opens it to
 *   a list of origins, or `*`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { AppError } from '../errors.js';

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Who is calling, as far as the API keys tell: set on `res.locals.client` by identifyClient. */
export interface ClientIdentity {
  /** A stable, non-secret id of the matching key ("key:1a2b3c4d5e6f"), when a valid key was sent. */
  keyId?: string;
  /** A key was sent but matches none (401 later, when keys are required). */
  badKey?: boolean;
}

/** Constant-time check of a presented key against the configured ones; returns the matching key's id. */
export function makeKeyChecker(keys: readonly string[]): (presented: string) => string | undefined {
  const digests = keys.map((k) => ({ digest: sha256(k), id: `key:${sha256(`id:${k}`).toString('hex').slice(0, 12)}` }));
  return (presented) => {
    const d = sha256(presented);
    let match: string | undefined;
    // No early exit: the time taken does not depend on which key (if any) matched.
    for (const k of digests) {
      if (timingSafeEqual(d, k.digest) && match === undefined) match = k.id;
    }
    return match;
  };
}

/** `Authorization: Bearer KEY` → KEY (scheme case-insensitive), else undefined. */
export function bearerToken(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(h);
  return m?.[1];
}

export function clientOf(res: Response): ClientIdentity {
  return (res.locals['client'] as ClientIdentity | undefined) ?? {};
}

/** Works out the caller's key id (never rejects). */
export function identifyClient(keys: readonly string[] | undefined): RequestHandler {
  const check = keys?.length ? makeKeyChecker(keys) : undefined;
  return (req, res, next) => {
    const client: ClientIdentity = {};
    const token = check ? bearerToken(req) : undefined;
    if (check && token !== undefined) {
      const id = check(token);
      if (id) client.keyId = id;
      else client.badKey = true;
    } else if (check && req.headers.authorization !== undefined) {
      client.badKey = true;
    }
    res.locals['client'] = client;
    next();
  };
}

/** 401 unless identifyClient found a valid key; a no-op when no keys are configured. */
export function requireApiKey(keys: readonly string[] | undefined): RequestHandler {
  if (!keys?.length) return (_req, _res, next) => next();
  return (_req, res, next) => {
    const client = clientOf(res);
    if (client.keyId) return next();
    const bad = client.badKey === true;
    res.setHeader('WWW-Authenticate', bad ? 'Bearer realm="kic-report-assistant", error="invalid_token"' : 'Bearer realm="kic-report-assistant"');
    next(new AppError('UNAUTHORIZED', bad ? 'The API key is not valid' : 'An API key is required: send Authorization: Bearer <key>', { field: 'authorization' }));
  };
}

/** helmet with its default CSP kept (the web page sets its own stricter one) minus upgrade-insecure-requests. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: true, directives: { upgradeInsecureRequests: null } },
    // JSON APIs are fetched cross-origin when CORS_ORIGINS allows it; CORP would block no-cors embeds only.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

/** CORS for the API: closed (no middleware, no headers) unless CORS_ORIGINS lists origins or `*`. */
export function corsPolicy(origins: readonly string[] | undefined): RequestHandler | undefined {
  if (!origins?.length) return undefined;
  const any = origins.includes('*');
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  return cors({
    origin: any ? '*' : (origin, cb) => cb(null, origin !== undefined && allowed.has(origin.toLowerCase())),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Accept', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  });
}
