/**
 * Which stored conversation an API request may use. The API only continues sessions it issued
 * itself (`API_SESSION_ID`: `s_` + 22 base64url characters, 128 random bits), that still exist,
 * and, when API_KEYS is set, that were created with the same key (the session keeps the key's
 * id, a hash, never the key). Anything else (a bot's `bot:…` id, a client-chosen "abc123", a
 * malformed, expired or foreign id) is treated as unknown: the request starts a fresh session
 * under a new id. Bots pass their own ids to the chat service directly and are not affected.
 */
import { randomBytes } from 'node:crypto';
import { API_SESSION_ID, BOT_SESSION_PREFIX, type Session, type SessionStore } from '../types.js';

/** A new API session id: `s_` + 16 random bytes in base64url (22 characters). */
export function newApiSessionId(): string {
  return `s_${randomBytes(16).toString('base64url')}`;
}

/** Whether `id` has the form of an id the API issues (never a bot's). */
export function isApiSessionId(id: unknown): id is string {
  return typeof id === 'string' && API_SESSION_ID.test(id) && !id.startsWith(BOT_SESSION_PREFIX);
}

/** The owner recorded on sessions created by this caller: the API key's id (a hash), or none when keys are off. */
export function ownerOf(keyId: string | undefined): string | undefined {
  return keyId;
}

/** The session `id` names, if this caller may use it; undefined otherwise (unknown, foreign, malformed). */
export async function ownedSession(store: SessionStore, id: unknown, owner: string | undefined): Promise<Session | undefined> {
  if (!isApiSessionId(id)) return undefined;
  const s = await store.get(id);
  if (!s) return undefined;
  return (s.owner ?? undefined) === owner ? s : undefined;
}
