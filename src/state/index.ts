/**
 * Builds the state a server keeps between requests from the configuration: the session store
 * (memory, SQLite or Redis: config.sessionStoreKind), the bot de-duplication store, the rate
 * limiter's store, the bots' per-user limiter, and the health sources /healthz and /metrics
 * report. Without REDIS_URL it is per process, but for the workers of one cluster: they share
 * the SQLite file (sessions, bot claims, bot limits) and the primary's rate-limit counters.
 *
 * The Redis client (ioredis) and SQLite (a native module) are imported only when configured:
 * a server without them starts without loading either (about 50 ms of every process's start).
 */
import type { Store } from 'express-rate-limit';
import cluster from 'node:cluster';
import { type Config, sessionDbPath, sessionStoreKind } from '../config.js';
import type { BotRateLimiter, DedupStore, HealthSource, SessionStore } from '../types.js';
import { MemoryDedupStore } from './dedup.js';
import type { HealthLog } from './health.js';
import { MemorySessionStore } from './sessions-memory.js';

/** How long a start waits for the Redis connection (its connect timeout): see RedisConnection.whenReady. */
const REDIS_START_WAIT_MS = 2_000;

/**
 * The Redis connection and the classes of the Redis-backed stores, loaded when REDIS_URL is set.
 * The connection is waited for (up to REDIS_START_WAIT_MS) so that the server listens with it.
 */
async function openRedis(url: string, prefix: string, log: HealthLog) {
  const [{ RedisConnection }, { RedisDedupStore }, { redisRateLimitStore }, { RedisSessionStore }, { RedisBotLimiter }] = await Promise.all([
    import('./redis.js'),
    import('./dedup-redis.js'),
    import('./ratelimit-redis.js'),
    import('./sessions-redis.js'),
    import('./bot-limit-redis.js'),
  ]);
  const connection = new RedisConnection({ url, prefix, log });
  if (!(await connection.whenReady(REDIS_START_WAIT_MS))) {
    log.warn({ dependency: 'redis' }, `redis not reachable within ${REDIS_START_WAIT_MS} ms of start: serving without it until it is`);
  }
  return { connection, RedisDedupStore, redisRateLimitStore, RedisSessionStore, RedisBotLimiter };
}

/** The bot claims and the bots' per-user limiters, in tables of the SQLite file the sessions use. */
async function openSharedFileStores(file: string, log: HealthLog, now?: () => number) {
  const [{ SqliteDedupStore }, { SqliteBotLimiter }] = await Promise.all([import('./dedup-sqlite.js'), import('./bot-limit-sqlite.js')]);
  const limiters: Array<{ close(): void }> = [];
  return {
    dedup: new SqliteDedupStore({ file, log, ...(now ? { now } : {}) }),
    botLimiter: (o: { perMinute: number; now: () => number }): BotRateLimiter => {
      const l = new SqliteBotLimiter({ file, log, ...o });
      limiters.push(l);
      return l;
    },
    close: () => {
      for (const l of limiters) l.close();
    },
  };
}

export interface SharedState {
  sessions: SessionStore;
  dedup: DedupStore;
  /** A new rate-limit store per limiter; undefined: express-rate-limit's in-memory default. */
  rateLimitStore?: () => Store;
  /** The bots' per-user limiter in Redis or the shared SQLite file; undefined: each process's own (bots/guard.ts). */
  botLimiter?: (opts: { perMinute: number; now: () => number }) => BotRateLimiter;
  /** What /healthz reports under `dependencies`. */
  dependencies: HealthSource[];
  close(): Promise<void>;
}

export async function createState(config: Config, log: HealthLog, opts: { now?: () => number } = {}): Promise<SharedState> {
  const limits = { maxTurns: config.SESSION_MAX_TURNS, maxBytes: config.SESSION_MAX_BYTES };
  const ttlMs = config.SESSION_TTL_MINUTES * 60_000;
  const now = opts.now ? { now: opts.now } : {};
  const R = config.REDIS_URL ? await openRedis(config.REDIS_URL, config.REDIS_PREFIX, log) : undefined;
  const redis = R?.connection;
  const kind = sessionStoreKind(config, cluster.isWorker);
  let sessions: SessionStore;
  const dependencies: HealthSource[] = [];
  if (kind === 'redis' && R) {
    sessions = new R.RedisSessionStore(R.connection, { ...limits, ttlMs, log, ...now });
  } else if (kind === 'sqlite') {
    const [{ SqliteSessionStore }, { importSessionFile }] = await Promise.all([import('./sessions-sqlite.js'), import('./migrate.js')]);
    const file = sessionDbPath(config);
    const sqlite = new SqliteSessionStore({ ...limits, file, ttlMs, maxSessions: config.MAX_SESSIONS, maxTotalBytes: config.SESSIONS_MAX_BYTES, log, ...now });
    dependencies.push({ name: 'sessions', health: () => sqlite.health() });
    if (config.SESSION_FILE && !config.SESSION_DB) {
      log.warn({ SESSION_FILE: config.SESSION_FILE, db: file }, 'SESSION_FILE is deprecated: sessions are kept in a SQLite database beside it (set SESSION_DB)');
      await importSessionFile(config.SESSION_FILE, sqlite, log, { ttlMs, ...now }).catch((e: Error) => log.warn({ err: e.message }, 'could not import SESSION_FILE'));
    }
    sessions = sqlite;
  } else {
    sessions = new MemorySessionStore({ ...limits, ttlMs, maxSessions: config.MAX_SESSIONS, maxTotalBytes: config.SESSIONS_MAX_BYTES, ...now });
  }
  if (redis) dependencies.push(redis);
  // Without Redis, what the workers of one machine must share goes where they can share it: bot
  // claims and the bots' per-user limits into the session database (a redelivery that reaches
  // another worker is still answered once), rate-limit counters into the cluster's primary (one
  // limit per client, not one per worker).
  const shared = !R && kind === 'sqlite' ? await openSharedFileStores(sessionDbPath(config), log, opts.now) : undefined;
  const dedup: DedupStore = R ? new R.RedisDedupStore(R.connection) : (shared?.dedup ?? new MemoryDedupStore());
  // With Redis, every process and machine counts a user's messages in one place.
  const botLimiter = R ? (o: { perMinute: number }): BotRateLimiter => new R.RedisBotLimiter(R.connection, o) : shared?.botLimiter;
  const rateLimitStore = R
    ? () => R.redisRateLimitStore(R.connection)
    : cluster.isWorker && config.RATE_LIMIT_PER_MINUTE > 0
      ? (await import('./ratelimit-cluster.js')).clusterRateLimitStore
      : undefined;
  return {
    sessions,
    dedup,
    ...(rateLimitStore ? { rateLimitStore } : {}),
    ...(botLimiter ? { botLimiter } : {}),
    dependencies,
    close: async () => {
      await sessions.close?.();
      await dedup.close?.();
      shared?.close();
      await redis?.close();
    },
  };
}
