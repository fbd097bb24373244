/**
 * Conversation sessions: the stores live in src/state (memory, SQLite, Redis) behind the
 * SessionStore seam; the memory one is re-exported here for existing imports.
 */
export { MemorySessionStore, type MemorySessionOptions } from '../state/sessions-memory.js';
