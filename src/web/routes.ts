/**
 * The web chat page: static assets from src/web/public, with a strict Content-Security-Policy.
 *
 * Caching: index.html is read once, its asset references get a content-hash query
 * (`app.js?v=3f2a…`), and it is served `no-cache` (revalidated by ETag on every load). An asset
 * asked for with the current hash is immutable for a year; without it (or with a stale hash) it
 * is `no-cache`, so a deploy is picked up on the next page load without a build step.
 * All URLs in the page are relative, so it also works mounted under a path prefix.
 *
 * Vendor modules (marked, DOMPurify) are served from their npm packages' own ES builds under
 * /vendor/, read once at start: no CDN, no copy to keep in step, and the version is the one in
 * package-lock.json. The page imports them by relative URL (`./vendor/marked.esm.js`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Response } from 'express';

export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/** The page's policy: nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** URL name under /vendor/ → the file in node_modules (an ES module build of the package). */
function vendorFiles(): Map<string, string> {
  const require = createRequire(import.meta.url);
  // require.resolve gives each package's CommonJS entry; the ES builds sit beside it.
  const markedDir = path.dirname(require.resolve('marked'));
  const purifyDir = path.dirname(require.resolve('dompurify'));
  return new Map([
    ['marked.esm.js', path.join(markedDir, 'marked.esm.js')],
    ['purify.es.mjs', path.join(purifyDir, 'purify.es.mjs')],
  ]);
}

/** A vendor file without its source-map comment (the map is not served). */
function vendorSource(file: string): Buffer {
  return Buffer.from(readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
}

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

/** sha256 (first 12 hex digits) of each file in the public folder except index.html. */
function assetHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (name === 'index.html' || name.startsWith('.')) continue;
    hashes.set(name, createHash('sha256').update(readFileSync(path.join(dir, name))).digest('hex').slice(0, 12));
  }
  return hashes;
}

/** index.html with `?v=hash` appended to its references to local assets (`src="app.js"`, `href="style.css"`). */
export function versionedIndexHtml(html: string, hashes: Map<string, string>): string {
  return html.replace(/\b(src|href)="(?:\.\/)?([\w.-]+)"/g, (whole, attr: string, name: string) => {
    const hash = hashes.get(name);
    return hash ? `${attr}="${name}?v=${hash}"` : whole;
  });
}

export function webRoutes(opts: { dir?: string } = {}): Router {
  const dir = opts.dir ?? PUBLIC_DIR;
  const hashes = assetHashes(dir);
  const indexHtml = versionedIndexHtml(readFileSync(path.join(dir, 'index.html'), 'utf8'), hashes);
  const vendor = new Map([...vendorFiles()].map(([name, file]) => [name, vendorSource(file)]));
  for (const [name, body] of vendor) hashes.set(`vendor/${name}`, createHash('sha256').update(body).digest('hex').slice(0, 12));
  const r = Router();

  r.get(['/', '/index.html'], (_req, res) => {
    securityHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(indexHtml);
  });

  // Cache policy for the other assets, decided here because express.static's setHeaders cannot see the query.
  r.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.slice(1);
    const hash = hashes.get(name);
    if (!hash) return next();
    securityHeaders(res);
    res.setHeader('Cache-Control', req.query['v'] === hash ? IMMUTABLE : 'no-cache');
    next();
  });
  r.get('/vendor/:name', (req, res, next) => {
    const body = vendor.get(req.params.name);
    if (!body) return next();
    res.type('text/javascript');
    res.setHeader('ETag', `"${hashes.get(`vendor/${req.params.name}`)}"`);
    if (req.fresh) return void res.status(304).end();
    res.send(body);
  });
  r.use(express.static(dir, { index: false, cacheControl: false, dotfiles: 'ignore', fallthrough: true, redirect: false }));
  return r;
}
