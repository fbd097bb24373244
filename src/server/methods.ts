/**
 * Methods per route, read from the app's own router (so a route added anywhere is covered
 * without a second list to keep in step):
 *
 * - `answerOptions(app)`: every OPTIONS request that CORS did not already answer (CORS, when
 *   configured, answers preflights on /api and /v1 itself, before this) gets 204 with `Allow`
 *   on a known path, 404 JSON on an unknown one. Without it Express answers a plain-text 200
 *   ("GET,HEAD").
 * - `wrongMethod(app)`: a request that no route answered, on a path that a route serves with
 *   other methods, is 405 JSON with `Allow`; anything else falls through to the 404.
 *
 * The router is walked only for OPTIONS and for requests already headed for a 404, never on
 * the answered path. Express 5 (router 2.x): `layer.match(path)` is side-effect free; a route
 * layer carries `route._methods()` (HEAD included for GET); a mounted router carries its own
 * `stack` and sees the rest of the path.
 */
import type { Express, RequestHandler } from 'express';
import { AppError } from '../errors.js';

interface Layer {
  match(path: string): false | { path: string };
  route?: { methods: Record<string, boolean>; _methods(): string[] };
  handle?: { stack?: Layer[] };
}

/** Methods the routes under `stack` serve at `path`; '*' when one of them takes any method. */
function methodsAt(stack: readonly Layer[], path: string, out: Set<string>): Set<string> {
  for (const layer of stack) {
    const m = layer.match(path);
    if (!m) continue;
    if (layer.route) {
      if (layer.route.methods['_all']) out.add('*');
      for (const method of layer.route._methods()) out.add(method);
    } else if (Array.isArray(layer.handle?.stack)) {
      const rest = path.slice(m.path.length);
      methodsAt(layer.handle.stack, rest.startsWith('/') ? rest : `/${rest}`, out);
    }
  }
  return out;
}

/** The methods `app` serves at `path`, sorted (empty: no route there). */
export function allowedMethods(app: Express, path: string): string[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  return [...methodsAt(stack, path, new Set())].sort();
}

export function answerOptions(app: Express): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const allowed = allowedMethods(app, req.path).filter((m) => m !== '*');
    if (!allowed.length) return next(new AppError('NOT_FOUND', `No route for ${req.path}`));
    res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
    res.status(204).end();
  };
}

export function wrongMethod(app: Express): RequestHandler {
  return (req, res, next) => {
    const allowed = allowedMethods(app, req.path);
    if (!allowed.length || allowed.includes('*') || allowed.includes(req.method)) return next();
    const allow = [...allowed, 'OPTIONS'].join(', ');
    res.setHeader('Allow', allow);
    next(new AppError('METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}; allowed: ${allow}`, { field: 'method' }));
  };
}
