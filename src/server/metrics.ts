/**
 * Prometheus metrics for one app instance (GET /metrics). Each app gets its own prom-client
 * Registry, never the global default one, so tests (and the bench) can create several apps in
 * one process.
 *
 * - http_request_duration_seconds{method,route,status}: `route` is the matched route pattern
 *   (`/api/chat`, `/bots/:platform`), never the raw URL, so its cardinality is bounded; requests
 *   that matched no route are labelled by their area (`/api/*`, `/v1/*`, `/bots/*`), `static`
 *   (the web page's files) or `unmatched` (404s).
 * - http_requests_in_flight.
 * - kic_answers_total{found,answerer}, kic_answer_errors_total{code}: every answer given by the
 *   chat service through this app (web API, OpenAI API, bots).
 * - kic_feedback_total{rating}: answer ratings stored (POST /api/feedback), up or down.
 * - kic_index_chunks / _articles / _reports, kic_index_built_timestamp_seconds,
 *   kic_index_info{build,embedder} (always 1): the loaded index.
 * - kic_dependency_up{dependency}, kic_dependency_failures{dependency}: the session database
 *   and Redis, when configured (read from their health at scrape time).
 * - Process metrics from prom-client (CPU, RSS, heap, event-loop lag, GC).
 */
import type { Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { isAppError } from '../errors.js';
import type { ChatService } from '../types.js';
import type { AppContext } from './context.js';

export interface AppMetrics {
  registry: Registry;
  /** Times every request; mount first. */
  middleware: RequestHandler;
  /** GET /metrics. */
  handler: RequestHandler;
  /** Counts a stored answer rating (POST /api/feedback). */
  countFeedback(rating: 'up' | 'down'): void;
}

type AnswerListener = (outcome: { found: boolean; answerer: string } | { error: unknown }) => void;
const answerListeners = new WeakMap<object, Set<AnswerListener>>();

/**
 * Calls `listener` with the outcome of every question asked through `ctx.chat`. The context's
 * chat service is wrapped once (other members delegate to the original), so every consumer of
 * the context (routes, bots) is counted, and the context object itself stays the same one
 * (bots key their background tasks by it).
 */
export function observeAnswers(ctx: { chat: ChatService }, listener: AnswerListener): void {
  let set = answerListeners.get(ctx);
  if (!set) {
    const listeners = new Set<AnswerListener>();
    set = listeners;
    answerListeners.set(ctx, listeners);
    const inner = ctx.chat;
    const wrapped = Object.create(inner) as ChatService;
    wrapped.ask = async (req, opts) => {
      try {
        const out = await inner.ask(req, opts);
        for (const l of listeners) l({ found: out.found, answerer: out.answerer ?? 'unknown' });
        return out;
      } catch (error) {
        for (const l of listeners) l({ error });
        throw error;
      }
    };
    ctx.chat = wrapped;
  }
  set.add(listener);
}

const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The label for a request's route: its matched pattern, or a bounded fallback. */
export function routeLabel(req: Request, res: Response): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (pattern !== undefined) {
    const p = Array.isArray(pattern) ? pattern.map(String).join('|') : String(pattern);
    return `${req.baseUrl ?? ''}${p}` || '/';
  }
  if (res.statusCode === 404) return 'unmatched';
  const area = /^\/(api|v1|bots|admin)(?:\/|$)/.exec(req.originalUrl ?? req.url)?.[1];
  if (area) return `/${area}/*`;
  if (req.originalUrl === '/metrics' || req.originalUrl === '/healthz') return req.originalUrl;
  return 'static';
}

export function createMetrics(ctx: Pick<AppContext, 'index' | 'chat'> & Partial<Pick<AppContext, 'dependencies'>>): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, matched route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const inFlight = new Gauge({ name: 'http_requests_in_flight', help: 'HTTP requests being served', registers: [registry] });
  const answers = new Counter({
    name: 'kic_answers_total',
    help: 'Answers given, by whether the report answered the question (found) and the answerer used',
    labelNames: ['found', 'answerer'] as const,
    registers: [registry],
  });
  const answerErrors = new Counter({ name: 'kic_answer_errors_total', help: 'Questions that failed, by error code', labelNames: ['code'] as const, registers: [registry] });

  const feedback = new Counter({ name: 'kic_feedback_total', help: 'Answer ratings stored from readers (POST /api/feedback), by rating', labelNames: ['rating'] as const, registers: [registry] });
  // Both series exist from the start (0), so a dashboard's ratio has no gap before the first 👎.
  feedback.labels('up').inc(0);
  feedback.labels('down').inc(0);

  const m = ctx.index.manifest;
  const gauge = (name: string, help: string, value: number) => new Gauge({ name, help, registers: [registry] }).set(value);
  gauge('kic_index_chunks', 'Chunks in the loaded index', m.counts.chunks);
  gauge('kic_index_articles', 'Articles in the loaded index', m.counts.articles);
  gauge('kic_index_reports', 'Reports in the loaded index', m.counts.reports);
  gauge('kic_index_built_timestamp_seconds', 'When the loaded index was built (Unix time)', Math.floor(new Date(m.builtAt).getTime() / 1000) || 0);
  new Gauge({ name: 'kic_index_info', help: 'The loaded index build and its embedder (always 1)', labelNames: ['build', 'embedder'] as const, registers: [registry] })
    .labels(ctx.index.buildName, m.embedder.id)
    .set(1);

  // Read at scrape time, so a failure shows at once (the stores count their own failures).
  const deps = ctx.dependencies ?? [];
  new Gauge({
    name: 'kic_dependency_up',
    help: 'Whether a dependency (the session database, Redis) is working: 1 up, 0 failing',
    labelNames: ['dependency'] as const,
    registers: [registry],
    collect() {
      for (const d of deps) this.labels(d.name).set(d.health().state === 'ok' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'kic_dependency_failures',
    help: 'Operations on a dependency that failed since start (reads, writes, connection losses)',
    labelNames: ['dependency'] as const,
    registers: [registry],
    collect() {
      for (const d of deps) this.labels(d.name).set(d.health().failures);
    },
  });

  const middleware: RequestHandler = (req, res, next) => {
    const start = process.hrtime.bigint();
    inFlight.inc();
    let done = false;
    const observe = () => {
      if (done) return;
      done = true;
      inFlight.dec();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      duration.labels(req.method, routeLabel(req, res), String(res.statusCode)).observe(seconds);
    };
    res.once('finish', observe);
    res.once('close', observe);
    next();
  };

  const handler: RequestHandler = async (_req, res, next) => {
    try {
      const body = await registry.metrics();
      res.setHeader('Content-Type', registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(body);
    } catch (e) {
      next(e);
    }
  };

  observeAnswers(ctx, (o) => {
    if ('error' in o) answerErrors.labels(isAppError(o.error) ? o.error.code : 'INTERNAL').inc();
    else answers.labels(String(o.found), o.answerer).inc();
  });

  return { registry, middleware, handler, countFeedback: (rating) => feedback.labels(rating).inc() };
}
