/**
 * The Express application: middleware order, routes, and the one error handler. Everything it
 * serves comes from the AppContext built by the composition root (src/server/compose.ts).
 *
 * Middleware order, and why:
 *  1. pino-http: every request, rejected ones included, gets a request id (echoed as
 *     X-Request-Id) and one access-log line; the route, never the query string or body.
 *  2. metrics timer: times every response, rejections included, by route pattern.
 *  3. helmet: security headers on everything, errors included.
 *  4. Host required on HTTP/1.1 (400 JSON; Node's own check is off, see protocol.ts).
 *  5. request timeout: one AbortSignal per request (504 JSON when it fires) before any work;
 *     body timeout: a body still arriving after BODY_TIMEOUT_MS is 408 JSON, connection closed.
 *  6. body-size guard: a declared Content-Length over the limit is a 413 on every route.
 *  7. CORS on /api and /v1: answers preflights before authentication (they carry no key);
 *     every other OPTIONS: 204 with Allow on a known path, else 404 (methods.ts).
 *  8. /healthz (open) and /metrics (the API key when API_KEYS is set, and the same rate limit
 *     as the API, so that wrong keys are counted there too).
 *  9. identify client → rate limit → require key, on /api and /v1: a wrong key is counted
 *     against its IP before it is refused; a right key gets its own bucket.
 * 10. bodies: 415 for non-JSON chat posts, the bots (which read their own bodies, for
 *     signatures), then the JSON parser.
 * 11. API routes, then the web page (its static lookup costs a stat: the API does not pay
 *     it; gzip-compressed, unlike the API, whose SSE must not be buffered); 405 with Allow for
 *     a known path with another method, else 404; the after-timeout guard; the one error handler.
 */
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import { errorHandler, notFound, requireJson } from './errors.js';
import { chatRoutes } from './routes/chat.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { openAiRoutes } from './routes/openai.js';
import { searchRoutes } from './routes/search.js';
import { sessionRoutes } from './routes/sessions.js';
import { webRoutes } from '../web/routes.js';
import { botRoutes } from '../bots/routes.js';
import { afterTimeout, bodySizeGuard, rateLimit, requestTimeout } from './limits.js';
import { createMetrics } from './metrics.js';
import { answerOptions, wrongMethod } from './methods.js';
import { bodyTimeout, requireHost } from './protocol.js';
import { corsPolicy, identifyClient, requireApiKey, securityHeaders } from './security.js';

/** Areas behind the API keys and the rate limit. */
const API = ['/api', '/v1'];

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  // TRUST_PROXY: one reverse proxy in front. Trusting exactly one hop makes req.ip the address
  // the proxy saw (the rightmost X-Forwarded-For entry); `true` would take the leftmost, which
  // the client writes itself, and let it pick its own rate-limit bucket.
  app.set('trust proxy', ctx.config.TRUST_PROXY ? 1 : false);
  const { config } = ctx;
  const metrics = createMetrics(ctx);

  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // One short line per request: method, path, status, ms, request id. Question text is
      // user data and a query string can carry secrets (?token=…): the path only, never
      // bodies; and no header dumps (pino-http's default res serializer logs every response
      // header, ~1.5 KB a line).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessMessage: (req, res, ms) => `${req.method} ${(req.originalUrl ?? req.url ?? '').split('?')[0]} ${res.statusCode} ${Math.round(ms)} ms`,
      customErrorMessage: (req, res) => `${req.method} ${(req.originalUrl ?? req.url ?? '').split('?')[0]} ${res.statusCode} failed`,
    }),
  );

  app.use(metrics.middleware);
  app.use(securityHeaders());
  app.use(requireHost);
  app.use(requestTimeout(config.REQUEST_TIMEOUT_MS));
  app.use(bodyTimeout(config.BODY_TIMEOUT_MS));
  app.use(bodySizeGuard(config.BODY_LIMIT_BYTES));

  const cors = corsPolicy(config.CORS_ORIGINS);
  if (cors) app.use(API, cors);
  app.use(answerOptions(app));

  // One limiter (one set of buckets) for the API and /metrics.
  const limiter = rateLimit(config.RATE_LIMIT_PER_MINUTE, ctx.rateLimitStore?.());
  const limited: RequestHandler[] = limiter ? [limiter] : [];
  app.use(healthRoutes(ctx));
  app.get('/metrics', identifyClient(config.API_KEYS), ...limited, requireApiKey(config.API_KEYS), metrics.handler);

  app.use(API, identifyClient(config.API_KEYS));
  if (limiter) app.use(API, limiter);
  app.use(API, requireApiKey(config.API_KEYS));

  const json = express.json({ limit: ctx.config.BODY_LIMIT_BYTES, strict: true });
  app.use(['/api/chat', '/api/feedback', '/v1/chat'], (req, res, next) => (req.method === 'POST' ? requireJson(req, res, next) : next()));
  app.use(botRoutes(ctx));
  app.use(json);
  app.use(chatRoutes(ctx));
  app.use(feedbackRoutes(ctx, { onStored: metrics.countFeedback }));
  app.use(searchRoutes(ctx));
  app.use(sessionRoutes(ctx));
  app.use(openAiRoutes(ctx));
  // The web page last: open (never behind a key), and its static-file lookup (a stat per
  // request) is not paid by the API routes above.
  // Compressed here only: the API's SSE streams must not be buffered by a compressor.
  app.use(compression(), webRoutes());

  app.use(wrongMethod(app));
  app.use(notFound);
  app.use(afterTimeout);
  app.use(errorHandler);
  return app;
}
