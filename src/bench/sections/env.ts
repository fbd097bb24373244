/** The server's environment in every bench run: built-in embedder, no keys, no rate limit, extractive answers. */
export function serverEnv(indexDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    INDEX_DIR: indexDir,
    MODEL: 'hashed',
    API_KEYS: '',
    RATE_LIMIT_PER_MINUTE: '0',
    LLM_BASE_URL: '',
    SESSION_FILE: '',
    SESSION_STORE: '',
    SESSION_DB: '',
    CORS_ORIGINS: '',
    REDIS_URL: '',
    LOG_LEVEL: process.env['LOG_LEVEL'] || 'info',
    ...extra,
  };
}
