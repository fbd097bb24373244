/**
 * HTTP protocol edges, so that every reply is JSON in the one error format — including the
 * ones Node's HTTP server writes itself before Express sees a request:
 *
 * - `serverOptions(config)` + `hardenServer(server)` (serve.ts: createServer, then listen):
 *   - time limits: headers must arrive within HEADERS_TIMEOUT_MS, the whole request within
 *     REQUEST_TIMEOUT_MS + 5 s (a backstop behind the app's own timeouts), idle keep-alive
 *     sockets are closed after 5 s; Node checks these on an interval (30 s by default, far
 *     coarser than the limits), so the interval is derived from the headers timeout;
 *   - `clientError` (malformed request line or headers, headers too large, headers timeout):
 *     400 / 431 / 408 JSON, then the socket is closed;
 *   - `checkExpectation` (an `Expect` header other than 100-continue): 417 JSON and close,
 *     instead of Node's empty 417;
 *   - a missing Host on HTTP/1.1: Node's own check answers an empty 400, so it is switched off
 *     here and `requireHost` (an Express middleware) answers 400 JSON naming the header.
 * - `bodyTimeout(ms)`: a request body that stalls is answered 408 JSON within BODY_TIMEOUT_MS
 *   and its connection closed. Node's requestTimeout cannot do this for the app: once the
 *   headers are in, the request belongs to Express, and on timeout Node only destroys the
 *   socket (no reply at all).
 */
import type http from 'node:http';
import type { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import { AppError, type ErrorCode } from '../errors.js';

/** How much longer than REQUEST_TIMEOUT_MS Node waits for a whole request (the app's 504 comes first). */
const REQUEST_BACKSTOP_MS = 5_000;
const KEEP_ALIVE_MS = 5_000;

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 417: 'Expectation Failed', 431: 'Request Header Fields Too Large' };

/** A complete HTTP/1.1 response in the JSON error format, with Connection: close. */
export function rawJsonError(status: number, code: ErrorCode, message: string, field?: string): string {
  const body = JSON.stringify({ error: { code, message, ...(field ? { field } : {}) } });
  return `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** What Node's parser error means for the client. */
function classify(err: NodeJS.ErrnoException): [number, ErrorCode, string] {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'HEADERS_TOO_LARGE', 'Request headers (or the URL) are too large'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time'];
    default:
      return [400, 'BAD_REQUEST', 'Malformed HTTP request'];
  }
}

/** Options for http.createServer: the time limits, and Node's own Host check off (see requireHost). */
export function serverOptions(config: Config): http.ServerOptions {
  return {
    headersTimeout: config.HEADERS_TIMEOUT_MS,
    requestTimeout: Math.max(config.REQUEST_TIMEOUT_MS + REQUEST_BACKSTOP_MS, config.HEADERS_TIMEOUT_MS),
    keepAliveTimeout: KEEP_ALIVE_MS,
    // Half the headers timeout keeps the overshoot of Node's periodic check bounded.
    connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(config.HEADERS_TIMEOUT_MS / 2))),
    requireHostHeader: false,
  };
}

/** JSON replies for what Node's HTTP server answers itself (call before listen). */
export function hardenServer(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // A reset, a socket already gone, or one whose response is under way: nothing to answer.
    if (err.code === 'ECONNRESET' || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const [status, code, message] = classify(err);
    socket.end(rawJsonError(status, code, message));
  });

  server.on('checkExpectation', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const err = new AppError('EXPECTATION_FAILED', `Expect: ${String(req.headers.expect).slice(0, 100)} is not supported (only 100-continue)`, { field: 'expect' });
    const body = JSON.stringify(err.toJSON());
    res.writeHead(err.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
    res.end(body);
  });
}

/** HTTP/1.1 requires Host (RFC 9112 §3.2): 400 JSON naming it, and the connection closed. */
export const requireHost: RequestHandler = (req, res, next) => {
  if (req.httpVersion !== '1.1' || (typeof req.headers.host === 'string' && req.headers.host.length > 0)) return next();
  res.setHeader('Connection', 'close');
  next(new AppError('BAD_REQUEST', 'HTTP/1.1 requests must carry a Host header', { field: 'host' }));
};

const hasBody = (req: http.IncomingMessage) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * A body that has not fully arrived `timeoutMs` after its headers: 408 JSON, Connection: close,
 * and the socket is closed once the reply is out (the rest of the body is never read). Work
 * still waiting on the body (a parser) fails after that and is swallowed by `afterTimeout`.
 */
export function bodyTimeout(timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    if (req.complete || !hasBody(req)) return next();
    const timer = setTimeout(() => {
      if (req.complete || res.writableEnded) return;
      const err = new AppError('REQUEST_TIMEOUT', `The request body did not arrive within ${timeoutMs} ms`, { field: 'body' });
      res.locals['timedOut'] = true;
      const close = () => req.socket.destroySoon();
      if (res.headersSent) return void req.socket.destroy();
      res.once('finish', close);
      res.setHeader('Connection', 'close');
      res.status(err.status).json(err.toJSON());
    }, timeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
