/**
 * Configuration: read from the environment once, validated with zod, documented here and in
 * the README's table. Nothing else in src/ reads process.env.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/**
 * An absolute http(s) URL. z.string().url() alone accepts `localhost:11434` (WHATWG URL reads
 * `localhost:` as a scheme), which then fails on every request; require the scheme explicitly.
 */
const httpUrl = z
  .string()
  .url()
  .refine((s) => /^https?:\/\/[^/]/i.test(s), { message: 'must be an absolute http:// or https:// URL (e.g. http://localhost:11434/v1)' });

const positiveInt = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);

export const configSchema = z.object({
  /** Interface to listen on. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port to listen on (0 = any free port). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Folder of reports (.txt extracted from PDF, .md). */
  CORPUS_DIR: z.string().default('corpus'),
  /** Folder of the built index. */
  INDEX_DIR: z.string().default('index'),
  /** Embedding model: a hub id (downloaded and cached once) or a folder under MODELS_DIR;
   *  `hashed` forces the built-in offline embedder. */
  MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  /** Local model folder (Transformers.js `env.localModelPath`); models there need no network. */
  MODELS_DIR: z.string().default('models'),
  /** Transformers.js download cache. */
  MODEL_CACHE_DIR: z.string().default('.cache/transformers'),
  /** Allow downloading models from the hub. */
  ALLOW_REMOTE_MODELS: bool.default('true'),
  /** What to do when MODEL cannot be loaded: fall back to the built-in embedder, or fail. */
  EMBEDDER_FALLBACK: z.enum(['hashed', 'fail']).default('hashed'),
  /** Embedding batch size. */
  EMBED_BATCH: positiveInt(16, 256),
  /** Chunk target / ceiling in characters, and sentences of overlap. */
  CHUNK_TARGET_CHARS: positiveInt(500, 4000),
  CHUNK_MAX_CHARS: positiveInt(800, 8000),
  CHUNK_OVERLAP_SENTENCES: z.coerce.number().int().min(0).max(5).default(1),
  /** OpenAI-compatible LLM endpoint (OpenAI, Ollama, vLLM, llama.cpp, DeepSeek, DashScope…). Unset: extractive answers. */
  LLM_BASE_URL: httpUrl.optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1),
  /** Server processes on one port (node:cluster); default: one per core. 1 = a single process, no cluster. */
  WORKERS: z.coerce.number().int().min(1).max(256).default(Math.max(1, os.availableParallelism())),
  /** On SIGTERM/SIGINT: longest wait for in-flight requests (and bot replies) before connections are closed. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Default and maximum passages per answer. */
  TOP_K: z.coerce.number().int().min(1).max(20).default(5),
  MAX_TOP_K: z.coerce.number().int().min(1).max(50).default(20),
  /** Sessions: turns kept and idle expiry (every store). */
  SESSION_MAX_TURNS: positiveInt(20, 1000),
  SESSION_TTL_MINUTES: positiveInt(60, 60 * 24 * 30),
  /**
   * Where conversations live: `memory` (per process), `sqlite` (SESSION_DB, survives restarts)
   * or `redis` (REDIS_URL, shared by every process). Unset: redis when REDIS_URL is set, sqlite
   * when SESSION_DB (or the old SESSION_FILE) is set, else memory.
   */
  SESSION_STORE: z.enum(['memory', 'sqlite', 'redis']).optional(),
  /** SQLite database file of the sqlite store (WAL mode: `-wal`/`-shm` files beside it). */
  SESSION_DB: z.string().optional(),
  /** Deprecated (the old whole-file JSON persistence): means the sqlite store at this path with `.db` for its extension; its JSON sessions are imported once. */
  SESSION_FILE: z.string().optional(),
  /** Bytes one session may hold (its JSON record): past it the oldest turns are dropped. */
  SESSION_MAX_BYTES: z.coerce.number().int().min(4096).max(16 * 1024 * 1024).default(64 * 1024),
  /** Bytes all sessions of the memory and sqlite stores may hold: past it the least recently used sessions are dropped (Redis: bound it with maxmemory). */
  SESSIONS_MAX_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 1024 * 1024 * 1024).default(128 * 1024 * 1024),
  /** Sessions kept at most (memory and sqlite stores), whatever their size. */
  MAX_SESSIONS: positiveInt(10_000, 1_000_000),
  /** Redis (`redis://[:password@]host:port[/db]`): sessions, rate-limit counters and bot de-duplication shared by every process. Unset: per process. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://').optional(),
  /** Prefix of every Redis key this server writes (several deployments can share one Redis). */
  REDIS_PREFIX: z.string().max(64).default('kic:'),
  /** Comma-separated API keys for /api/* and /v1/* (Authorization: Bearer KEY), and /metrics when set. Unset: open. */
  API_KEYS: csv.optional(),
  /** Comma-separated allowed CORS origins; unset: CORS closed. `*` allows any. */
  CORS_ORIGINS: csv.optional(),
  /** Requests per minute per client on /api and /v1 (0 disables). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Max request body, in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(64 * 1024),
  /** Max question length, in characters. */
  MAX_QUESTION_CHARS: positiveInt(2000, 100_000),
  /**
   * Characters of a question that are analysed and searched; the rest is ignored (with a note in
   * the response). Bounds what one question costs: at 2,000 characters of random Chinese the
   * analysis alone cost 20× a typical question (npm run bench, question cost).
   */
  MAX_ANALYZED_CHARS: positiveInt(400, 100_000),
  /** Per-request timeout. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Time for a request's headers to arrive (Node's headersTimeout): 408 JSON and the connection closed after it. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Time for a request body to arrive once its headers are in: 408 JSON and the connection closed after it.
   *  10 s is ample for BODY_LIMIT_BYTES (64 KB) on a slow mobile link, and frees a stalled socket long before the 30 s request timeout. */
  BODY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Behind a reverse proxy: trust X-Forwarded-For for rate limiting (one hop: the address the proxy saw). */
  TRUST_PROXY: bool.default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Messaging bots. A bot whose platform secret is unset answers 503 BOT_NOT_CONFIGURED unless
   *  its *_ALLOW_UNSIGNED is true (local trials only; warned at start). */
  KAKAO_SKILL_SECRET: z.string().optional(),
  KAKAO_ALLOW_UNSIGNED: bool.default('false'),
  /** Kakao's skill timeout is 5 s; past this budget (ms) the callback path is used when available. */
  KAKAO_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3500),
  TELEGRAM_BOT_TOKEN: z.string().optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().optional(),
  TELEGRAM_API_BASE: httpUrl.default('https://api.telegram.org'),
  TELEGRAM_ALLOW_UNSIGNED: bool.default('false'),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_API_BASE: httpUrl.default('https://slack.com/api'),
  /** WeCom (企业微信) self-built app: corp id, app (agent) id and secret; the callback's Token and EncodingAESKey (43 characters). */
  WECOM_CORP_ID: z.string().optional(),
  WECOM_AGENT_ID: z.coerce.number().int().min(0).optional(),
  WECOM_SECRET: z.string().optional(),
  WECOM_TOKEN: z.string().optional(),
  WECOM_ENCODING_AES_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'EncodingAESKey is 43 characters of A-Z a-z 0-9 + /').optional(),
  WECOM_API_BASE: httpUrl.default('https://qyapi.weixin.qq.com'),
  /** Feishu/Lark app: id and secret, the event subscription's Verification Token and (optional) Encrypt Key.
   *  FEISHU_API_BASE: https://open.feishu.cn (Feishu) or https://open.larksuite.com (Lark). */
  FEISHU_APP_ID: z.string().optional(),
  FEISHU_APP_SECRET: z.string().optional(),
  FEISHU_VERIFICATION_TOKEN: z.string().optional(),
  FEISHU_ENCRYPT_KEY: z.string().optional(),
  FEISHU_API_BASE: httpUrl.default('https://open.feishu.cn'),
  FEISHU_ALLOW_UNSIGNED: bool.default('false'),
  /** Questions per minute per platform user on every bot (0 disables); over it the user gets a short "slow down" reply, at most once a window. */
  BOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(20),
  /** Failed replies to a platform API are retried this many times, backing off from BOT_RETRY_BASE_MS (doubling), then logged. */
  BOT_RETRY_ATTEMPTS: z.coerce.number().int().min(0).max(10).default(3),
  BOT_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  /** Answer feedback (👍/👎 from the web page): an append-only JSONL file, read by `npm run feedback`. */
  FEEDBACK_FILE: z.string().min(1).default('data/feedback.jsonl'),
  /** Past this size the feedback file is rotated to FEEDBACK_FILE.1 (so at most about twice this is kept). */
  FEEDBACK_MAX_BYTES: z.coerce.number().int().min(4096).max(1_000_000_000).default(10 * 1024 * 1024),
  /** Public base URL of this server, used in bot messages for links back to the web page. */
  PUBLIC_URL: httpUrl.optional(),
});

export type SessionStoreKind = 'memory' | 'sqlite' | 'redis';

/**
 * The session store in use: SESSION_STORE, else inferred from REDIS_URL, SESSION_DB /
 * SESSION_FILE, and `clustered` (the process is one of several node:cluster workers). Workers
 * take turns at a conversation's requests (round-robin, no sticky routing): in per-process memory
 * a follow-up landing on another worker lost its history, on the default `npm start` (one worker
 * per core); the SQLite file is shared by them. A single process (WORKERS=1, the CLI tools,
 * tests) keeps memory.
 */
export function sessionStoreKind(c: Pick<Config, 'SESSION_STORE' | 'REDIS_URL' | 'SESSION_DB' | 'SESSION_FILE'>, clustered = false): SessionStoreKind {
  if (c.SESSION_STORE) return c.SESSION_STORE;
  if (c.REDIS_URL) return 'redis';
  if (c.SESSION_DB || c.SESSION_FILE || clustered) return 'sqlite';
  return 'memory';
}

/** The sqlite store's file: SESSION_DB, else SESSION_FILE with `.db` for its extension, else `data/sessions.db`. */
export function sessionDbPath(c: Pick<Config, 'SESSION_DB' | 'SESSION_FILE'>, cwd = process.cwd()): string {
  if (c.SESSION_DB) return path.resolve(cwd, c.SESSION_DB);
  if (c.SESSION_FILE) {
    const f = path.resolve(cwd, c.SESSION_FILE);
    return `${f.slice(0, f.length - path.extname(f).length)}.db`;
  }
  return path.resolve(cwd, 'data/sessions.db');
}

export type Config = z.infer<typeof configSchema> & {
  /** Absolute paths resolved against the working directory. */
  paths: { corpus: string; index: string; models: string; modelCache: string; feedback: string };
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (or any record) into a Config; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  // Empty strings mean "unset", so that `LLM_BASE_URL= npm start` disables the LLM.
  const cleaned = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.CHUNK_MAX_CHARS < c.CHUNK_TARGET_CHARS) {
    throw new ConfigError(`Invalid configuration:\n  CHUNK_MAX_CHARS (${c.CHUNK_MAX_CHARS}) must be >= CHUNK_TARGET_CHARS (${c.CHUNK_TARGET_CHARS})`);
  }
  if (c.SESSION_STORE === 'redis' && !c.REDIS_URL) {
    throw new ConfigError('Invalid configuration:\n  SESSION_STORE=redis needs REDIS_URL');
  }
  if (c.TOP_K > c.MAX_TOP_K) {
    throw new ConfigError(`Invalid configuration:\n  TOP_K (${c.TOP_K}) must be <= MAX_TOP_K (${c.MAX_TOP_K})`);
  }
  const abs = (p: string) => path.resolve(cwd, p);
  return {
    ...c,
    paths: { corpus: abs(c.CORPUS_DIR), index: abs(c.INDEX_DIR), models: abs(c.MODELS_DIR), modelCache: abs(c.MODEL_CACHE_DIR), feedback: abs(c.FEEDBACK_FILE) },
  };
}
