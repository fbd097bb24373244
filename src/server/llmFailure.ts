/**
 * What an LLM failure log line says: enough to act on (our error code, the HTTP status, the
 * endpoint's host, the network error code such as ECONNREFUSED or ENOTFOUND), and nothing that
 * can carry a secret or user data: no error messages (an endpoint's error text can echo the
 * request, keys included), no URL path or query, no question text.
 */
export interface LlmFailureFacts {
  /** Our AppError code (LLM_FAILED, TIMEOUT) or the error's class name. */
  error: string;
  /** HTTP status the endpoint answered with, when it answered. */
  status?: number;
  /** Host (and port) of LLM_BASE_URL. */
  host?: string;
  /** The first system or library error code in the cause chain (ECONNREFUSED, ENOTFOUND, UND_ERR_…). */
  cause?: string;
  /** Class names along the cause chain, outermost first (e.g. AppError < APIConnectionError < TypeError). */
  chain: string[];
}

export function llmFailureFacts(err: unknown, baseURL: string | undefined): LlmFailureFacts {
  const chain: string[] = [];
  let status: number | undefined;
  let cause: string | undefined;
  let error: string | undefined;
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const o = e as { name?: unknown; code?: unknown; status?: unknown; errno?: unknown; cause?: unknown };
    chain.push(typeof o.name === 'string' ? o.name : 'Object');
    if (depth === 0 && typeof o.code === 'string' && /^[A-Z_]+$/.test(o.code)) error = o.code;
    // Our AppError's `status` is the HTTP status WE answer with (502/504), not the endpoint's.
    const ours = depth === 0 && o.name === 'AppError';
    if (!ours && status === undefined && typeof o.status === 'number') status = o.status;
    // Node / undici codes look like ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT; skip our own codes at depth 0.
    if (cause === undefined && depth > 0 && typeof o.code === 'string' && /^[A-Z][A-Z0-9_]{2,}$/.test(o.code)) cause = o.code;
    e = o.cause;
  }
  let host: string | undefined;
  try {
    host = baseURL ? new URL(baseURL).host : undefined;
  } catch {
    host = undefined;
  }
  return { error: error ?? chain[0] ?? 'unknown', chain, ...(status !== undefined ? { status } : {}), ...(host ? { host } : {}), ...(cause ? { cause } : {}) };
}
