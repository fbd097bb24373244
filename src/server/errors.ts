/**
 * One error handler: AppError → its status; zod → 400 naming the field; body-parser's
 * errors (bad JSON, too large, bad charset) → 4xx; anything else → 500 without internals.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const issue = err.issues[0]!;
    // An issue of the whole body (an array or a string where an object belongs) names `body`; an
    // unknown key names that key: a client always learns which part of its request to fix.
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined) || 'body';
    return new AppError('VALIDATION_FAILED', `${field}: ${issue.message}`, { field });
  }
  const e = err as { type?: string; status?: number; message?: string };
  switch (e?.type) {
    case 'entity.parse.failed':
      return new AppError('INVALID_JSON', 'Request body is not valid JSON', { field: 'body' });
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 'Request body is too large', { field: 'body' });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', e.message ?? 'Unsupported body encoding', { field: 'body' });
    case 'request.aborted':
      return new AppError('BAD_REQUEST', 'Request aborted', { field: 'body' });
    default:
      break;
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new AppError('BAD_REQUEST', e.message ?? 'Bad request');
  }
  return new AppError('INTERNAL', 'Internal server error', { cause: err });
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appErr = toAppError(err);
  if (appErr.status >= 500) req.log?.error({ err }, 'request failed');
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(appErr.status).json(appErr.toJSON());
};

export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};

/** Requires a JSON body on routes that take one (415 otherwise, rather than an empty body). */
export const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json', { field: 'body' }));
    return;
  }
  next();
};
