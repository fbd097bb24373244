// @ts-check
/**
 * Conversations kept in the browser (localStorage): the source of what the page shows after a
 * reload. The server keeps its own session (id in `sessionId`) for follow-up questions; when it
 * has forgotten it (expired, restarted) it answers with a new id, which replaces the old one
 * here, and the history shown stays.
 *
 * Bounded: at most MAX_CONVERSATIONS conversations of MAX_TURNS turns each; when the browser's
 * quota is full the oldest conversations are dropped until the write fits. Storage that is
 * blocked (private modes) degrades to memory for this page's lifetime.
 */

/** @typedef {import('./app.js').Citation} Citation */
/**
 * @typedef {{ id: string, question: string, language?: string, forcedLanguage?: 'ko' | 'zh' | 'en',
 *   status: 'done' | 'error' | 'stopped', answer?: string, citations?: Citation[], found?: boolean,
 *   note?: string, smalltalk?: boolean, errorText?: string, rating?: 'up' | 'down', at: number }} Turn
 * @typedef {{ id: string, title: string, titleEdited?: boolean, sessionId?: string, createdAt: number, updatedAt: number, turns: Turn[] }} Conversation
 */

const KEY = 'kic-assistant.conversations.v1';
export const MAX_CONVERSATIONS = 50;
export const MAX_TURNS = 100;
const TITLE_CHARS = 60;

/** @returns {{ current: string | null, conversations: Conversation[] }} */
function read() {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return { current: null, conversations: [] };
    const data = JSON.parse(raw);
    if (!data || !Array.isArray(data.conversations)) return { current: null, conversations: [] };
    const conversations = data.conversations.filter(
      (/** @type {any} */ c) => c && typeof c.id === 'string' && typeof c.title === 'string' && Array.isArray(c.turns),
    );
    return { current: typeof data.current === 'string' ? data.current : null, conversations };
  } catch {
    return { current: null, conversations: [] };
  }
}

/** A title from the first question: one line, at most TITLE_CHARS characters. @param {string} q */
export function titleFrom(q) {
  const line = q.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS - 1).join('')}…` : line;
}

export const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

export class ConversationStore {
  constructor() {
    const data = read();
    /** @type {Conversation[]} newest first */
    this.conversations = data.conversations.sort((a, b) => b.updatedAt - a.updatedAt);
    /** @type {string | null} */
    this.currentId = data.current && this.conversations.some((c) => c.id === data.current) ? data.current : null;
  }

  /** @param {string | null} id */
  get(id) {
    return id ? this.conversations.find((c) => c.id === id) : undefined;
  }

  current() {
    return this.get(this.currentId);
  }

  /** @param {string | null} id */
  select(id) {
    this.currentId = id;
    this.persist();
  }

  /** Starts a conversation with its first question (a new chat is not stored until then). @param {string} question */
  create(question) {
    const now = Date.now();
    /** @type {Conversation} */
    const c = { id: newId(), title: titleFrom(question), createdAt: now, updatedAt: now, turns: [] };
    this.conversations.unshift(c);
    this.currentId = c.id;
    this.persist();
    return c;
  }

  /** Saves a changed conversation (moved to the top of the list). @param {Conversation} c */
  touch(c) {
    c.updatedAt = Date.now();
    if (c.turns.length > MAX_TURNS) c.turns.splice(0, c.turns.length - MAX_TURNS);
    this.conversations = [c, ...this.conversations.filter((x) => x.id !== c.id)];
    this.persist();
  }

  /** @param {string} id @param {string} title */
  rename(id, title) {
    const c = this.get(id);
    const t = titleFrom(title);
    if (!c || !t) return;
    c.title = t;
    c.titleEdited = true;
    this.persist();
  }

  /** @param {string} id */
  remove(id) {
    this.conversations = this.conversations.filter((c) => c.id !== id);
    if (this.currentId === id) this.currentId = null;
    this.persist();
  }

  persist() {
    this.conversations = this.conversations.slice(0, MAX_CONVERSATIONS);
    for (;;) {
      try {
        localStorage.setItem(KEY, JSON.stringify({ version: 1, current: this.currentId, conversations: this.conversations }));
        return;
      } catch (e) {
        // Quota full: drop the oldest conversation that is not the open one, and try again.
        const name = /** @type {{ name?: string }} */ (e)?.name ?? '';
        const victim = [...this.conversations].reverse().find((c) => c.id !== this.currentId);
        if (!/quota/i.test(name) || !victim) return; // blocked storage: keep it in memory
        this.conversations = this.conversations.filter((c) => c !== victim);
      }
    }
  }
}
