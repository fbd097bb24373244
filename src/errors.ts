/**
 * One catalogue of error codes (after Orama/Hono): each code carries its HTTP status, and a
 * single middleware turns an AppError into `{"error": {"code", "message", "field"?}}`.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  /** The request (its body, or its headers) did not arrive in time. */
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** An `Expect` header other than 100-continue. */
  EXPECTATION_FAILED: 417,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INDEX_MISSING: 503,
  INDEX_CORRUPT: 503,
  INDEX_STALE: 503,
  INDEX_BUSY: 409,
  MODEL_UNAVAILABLE: 503,
  LLM_FAILED: 502,
  TIMEOUT: 504,
  SHUTTING_DOWN: 503,
  /** A messaging bot endpoint whose platform secret or token is not configured. */
  BOT_NOT_CONFIGURED: 503,
  /** A messaging platform's API did not answer (a bot cannot start without it, e.g. Telegram's getMe). */
  PLATFORM_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, opts: { field?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    if (opts.field !== undefined) this.field = opts.field;
  }

  toJSON(): { error: { code: ErrorCode; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
