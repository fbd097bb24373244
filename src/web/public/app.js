// @ts-check
/**
 * The chat page: plain ES modules, no framework, no build step.
 * - Server and user text reaches the DOM only as text (textContent) or through markdown.js
 *   (Markdown sanitized by DOMPurify); never through innerHTML here.
 * - Conversations live in localStorage (conversations.js) and are restored after a reload;
 *   the server session id is taken from every response.
 * - Scrolling follows the answer only while the reader is at the bottom (always an instant
 *   scroll: a smooth one started on send was still running when a fast answer arrived).
 * URLs are relative so the page also works mounted under a path prefix.
 */
import { ConversationStore, newId, titleFrom } from './conversations.js';
import { keepUnits, renderAnswer, textLang } from './markdown.js';
import { HTML_LANG, STRINGS } from './strings.js';
import { suggestions } from './suggest.js';

/** @typedef {'ko' | 'zh' | 'en'} Lang */
/**
 * @typedef {{ id: number, section: string, article: { number: string, title: string }, heading: string,
 *   page: number, quote: string, source?: { title: string, url?: string }, chunkId?: string, articleId?: string }} Citation
 * @typedef {{ sessionId: string, language: Lang, found: boolean, answer: string, citations: Citation[],
 *   answerer?: string, note?: string, smalltalk?: boolean }} ChatResponse
 * @typedef {{ section: string, number: string, title: string, page: number, endPage?: number, id?: string, headings?: string[],
 *   report?: { id: string, title: string, issue: string }, source?: { title: string, url?: string } }} ArticleEntry
 * @typedef {import('./conversations.js').Turn} Turn
 * @typedef {import('./conversations.js').Conversation} Conversation
 */

const LANG_KEY = 'kic-assistant.lang';
const API_KEY_KEY = 'kic-assistant.apiKey';
const REPORT_NAME = '월간 중국창업';

/** @param {string} key */
function load(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage may be blocked
  }
}
/** @param {string} key @param {string | null} value */
function store(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* ignore */
  }
}

/** @returns {Lang} */
function initialLang() {
  const saved = load(LANG_KEY);
  if (saved === 'ko' || saved === 'zh' || saved === 'en') return saved;
  for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
    const t = String(tag).toLowerCase();
    if (t.startsWith('ko')) return 'ko';
    if (t.startsWith('zh')) return 'zh';
    if (t.startsWith('en')) return 'en';
  }
  return 'ko';
}

// ───────────────────────────── state and elements ─────────────────────────────

const state = {
  /** @type {Lang} */
  lang: initialLang(),
  /** @type {{ controller: AbortController, turnId: string } | null} */
  inflight: null,
  /** @type {ArticleEntry[] | null} */
  articles: null,
  articlesFailed: false,
  convs: new ConversationStore(),
  /** The turn whose question is being edited in the composer. @type {string | null} */
  editing: null,
  /** Follow the answer as it grows (the reader is at the bottom). */
  follow: true,
  lastTop: 0,
  /** @type {string | null} */
  apiKey: load(API_KEY_KEY),
  /** The server answered 401 once: the key button stays in the top bar from then on. */
  keyRequired: false,
};

/** @template {HTMLElement} T @param {string} id @returns {T} */
const byId = (id) => /** @type {T} */ (document.getElementById(id));

const els = {
  toggle: byId('drawer-toggle'),
  drawer: byId('articles'),
  drawerClose: byId('drawer-close'),
  backdrop: byId('backdrop'),
  articleList: byId('article-list'),
  convList: byId('conv-list'),
  reportTitle: byId('report-title'),
  topbar: byId('topbar'),
  chat: byId('chat'),
  scroller: byId('scroller'),
  welcome: byId('welcome'),
  examples: byId('examples'),
  messages: byId('messages'),
  jump: /** @type {HTMLButtonElement} */ (byId('jump-latest')),
  form: /** @type {HTMLFormElement} */ (byId('composer')),
  input: /** @type {HTMLTextAreaElement} */ (byId('composer-input')),
  send: /** @type {HTMLButtonElement} */ (byId('send')),
  editBanner: byId('edit-banner'),
  editCancel: byId('edit-cancel'),
  newChat: byId('new-chat'),
  keyButton: byId('key-button'),
  langSelect: /** @type {HTMLSelectElement} */ (byId('lang-select')),
  dialog: /** @type {HTMLDialogElement} */ (byId('cite-dialog')),
  citeNum: byId('cite-num'),
  citeTitle: byId('cite-title'),
  citeClose: byId('cite-close'),
  citeCrumbs: byId('cite-crumbs'),
  citePage: byId('cite-page'),
  citeQuote: byId('cite-quote'),
  citeSource: byId('cite-source'),
  preview: byId('cite-preview'),
  keyDialog: /** @type {HTMLDialogElement} */ (byId('key-dialog')),
  keyForm: /** @type {HTMLFormElement} */ (byId('key-form')),
  keyInput: /** @type {HTMLInputElement} */ (byId('key-input')),
  keyStatus: byId('key-status'),
  keyClear: byId('key-clear'),
  keyCancel: byId('key-cancel'),
};

const iconHref = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="icon"]'))?.href ?? 'icon.svg';
const drawerMedia = window.matchMedia('(max-width: 899px)');
const finePointer = window.matchMedia('(hover: hover) and (pointer: fine)');

function t() {
  return STRINGS[state.lang];
}

/**
 * @param {string} tag
 * @param {{ className?: string, text?: string, lang?: string, attrs?: Record<string, string> }} [opts]
 * @param {(Node | string)[]} [children]
 */
function h(tag, opts = {}, children = []) {
  const el = document.createElement(tag);
  if (opts.className) el.className = opts.className;
  if (opts.text !== undefined) el.textContent = opts.text;
  if (opts.lang) el.lang = opts.lang;
  for (const [k, v] of Object.entries(opts.attrs ?? {})) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** A small icon button with a text label for screen readers and a tooltip. @param {string} className @param {string} label @param {string} path */
function iconButton(className, label, path) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return h('button', { className: `act ${className}`, attrs: { type: 'button', 'aria-label': label, title: label } }, [svg]);
}

const ICONS = {
  copy: 'M9 9h10v10H9zM5 15V5h10',
  regenerate: 'M20 12a8 8 0 1 1-2.3-5.6M20 4v4h-4',
  edit: 'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4',
  up: 'M7 11v9H4v-9h3zm0 0 4-7c1.5 0 2.5 1 2.2 2.6L12.6 10H18a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 16.8 20H7',
  down: 'M17 13V4h3v9h-3zm0 0-4 7c-1.5 0-2.5-1-2.2-2.6l.6-3.4H6a2 2 0 0 1-2-2.3l1.2-6A2 2 0 0 1 7.2 4H17',
  rename: 'M4 20h4L19 9l-4-4L4 16v4z',
  trash: 'M5 7h14M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
};

// ───────────────────────────── API ─────────────────────────────

/** fetch() with the stored API key, if any, as a Bearer token. @param {string} url @param {RequestInit} [init] */
function api(url, init = {}) {
  const headers = new Headers(init.headers);
  if (state.apiKey) headers.set('Authorization', `Bearer ${state.apiKey}`);
  return fetch(url, { ...init, headers });
}

// ───────────────────────────── language ─────────────────────────────

function applyLang() {
  const s = t();
  document.documentElement.lang = HTML_LANG[state.lang];
  document.title = s.appTitle;
  els.langSelect.value = state.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const v = s[/** @type {keyof typeof s} */ (el.getAttribute('data-i18n'))];
    if (typeof v !== 'string') continue;
    // "{report}" is the report's Korean name, tagged so that it keeps Korean line breaking.
    const [before, after] = v.split('{report}');
    if (after === undefined) el.textContent = v;
    else el.replaceChildren(before ?? '', h('span', { text: REPORT_NAME, lang: 'ko' }), after);
  }
  for (const el of document.querySelectorAll('[data-i18n-label]')) {
    const v = s[/** @type {keyof typeof s} */ (el.getAttribute('data-i18n-label'))];
    if (typeof v === 'string') {
      el.setAttribute('aria-label', v);
      if (el.hasAttribute('title')) el.setAttribute('title', v);
    }
  }
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    const v = s[/** @type {keyof typeof s} */ (el.getAttribute('data-i18n-placeholder'))];
    if (typeof v === 'string') el.setAttribute('placeholder', v);
  }
  els.examples.replaceChildren(
    ...s.examples.map((q) => h('li', {}, [h('button', { className: 'example', text: q, lang: HTML_LANG[state.lang], attrs: { type: 'button' } })])),
  );
  updateBusyUi();
  if (!state.articles) renderArticles(); // the list itself shows data only (Korean titles, p.N)
  renderConversations();
  rerenderThread();
}

// ───────────────────────────── articles panel ─────────────────────────────

async function loadArticles() {
  state.articlesFailed = false;
  try {
    const res = await api('api/articles', { headers: { Accept: 'application/json' } });
    if (res.status === 401) {
      state.keyRequired = true;
      updateKeyButton();
    }
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const data = await res.json();
    if (!Array.isArray(data)) throw new Error('unexpected response');
    state.articles = /** @type {ArticleEntry[]} */ (data);
  } catch {
    state.articlesFailed = true;
  }
  renderArticles();
  // The last answer's suggestions use the articles' headings, which may have arrived after it.
  if (state.articles && !state.inflight) rerenderThread();
}

function renderArticles() {
  const list = els.articleList;
  if (!state.articles) {
    const key = state.articlesFailed ? (state.keyRequired ? 'keyNeeded' : 'articlesError') : 'articlesLoading';
    list.replaceChildren(h('p', { className: 'muted', text: t()[key] }));
    return;
  }
  const reports = new Set(state.articles.map((a) => a.report?.title).filter(Boolean));
  els.reportTitle.textContent = [...reports].join(' · ');
  /** @type {Map<string, ArticleEntry[]>} */
  const groups = new Map();
  for (const a of state.articles) {
    const key = reports.size > 1 && a.report ? `${a.report.title} · ${a.section}` : a.section;
    const g = groups.get(key) ?? [];
    g.push(a);
    groups.set(key, g);
  }
  let n = 0;
  const sections = [...groups].map(([section, items]) => {
    const headingId = `art-sec-${n++}`;
    return h('section', { className: 'art-group', attrs: { 'aria-labelledby': headingId } }, [
      h('h3', { className: 'art-section', text: section, lang: 'ko', attrs: { id: headingId } }),
      h(
        'ul',
        {},
        items.map((a) => {
          const btn = h('button', { className: 'article-btn', attrs: { type: 'button', 'data-title': a.title } }, [
            h('span', { className: 'art-num', text: a.number, attrs: { 'aria-hidden': 'true' } }),
            h('span', { className: 'art-title', text: keepUnits(a.title), lang: 'ko' }),
            h('span', { className: 'art-page', text: `p.${a.page}` }),
          ]);
          return h('li', {}, [btn]);
        }),
      ),
    ]);
  });
  list.replaceChildren(...sections);
}

function drawerIsModal() {
  return drawerMedia.matches;
}

function openDrawer() {
  if (!drawerIsModal()) return;
  els.drawer.classList.add('open');
  els.backdrop.hidden = false;
  els.toggle.setAttribute('aria-expanded', 'true');
  els.chat.inert = true;
  els.topbar.inert = true;
  const first = /** @type {HTMLElement | null} */ (els.drawer.querySelector('.article-btn')) ?? els.drawerClose;
  first.focus();
}

function closeDrawer(returnFocus = true) {
  if (!els.drawer.classList.contains('open')) return;
  els.drawer.classList.remove('open');
  els.backdrop.hidden = true;
  els.toggle.setAttribute('aria-expanded', 'false');
  els.chat.inert = false;
  els.topbar.inert = false;
  if (returnFocus) els.toggle.focus();
}

// ───────────────────────────── conversation list ─────────────────────────────

/** A conversation id waiting for its second click on "delete". @type {string | null} */
let confirmingDelete = null;

function renderConversations() {
  const s = t();
  const list = state.convs.conversations;
  if (!list.length) {
    els.convList.replaceChildren(h('p', { className: 'muted conv-empty', text: s.conversationsEmpty }));
    return;
  }
  els.convList.replaceChildren(
    h(
      'ul',
      {},
      list.map((c) => {
        const current = c.id === state.convs.currentId;
        const open = h('button', { className: 'conv-open', text: c.title || s.untitled, lang: textLang(c.title, HTML_LANG[state.lang]), attrs: { type: 'button', 'data-conv': c.id, ...(current ? { 'aria-current': 'true' } : {}) } });
        const rename = iconButton('conv-rename', s.rename, ICONS.rename);
        rename.dataset['conv'] = c.id;
        const del = iconButton(`conv-delete${confirmingDelete === c.id ? ' confirm' : ''}`, confirmingDelete === c.id ? s.confirmDelete : s.delete, ICONS.trash);
        del.dataset['conv'] = c.id;
        if (confirmingDelete === c.id) del.append(h('span', { className: 'confirm-label', text: s.confirmDelete }));
        return h('li', { className: `conv${current ? ' current' : ''}`, attrs: { 'data-conv': c.id } }, [open, h('span', { className: 'conv-actions' }, [rename, del])]);
      }),
    ),
  );
}

/** Replaces a conversation's title with an input; Enter saves, Escape cancels. @param {string} id */
function startRename(id) {
  const c = state.convs.get(id);
  const li = els.convList.querySelector(`li[data-conv="${CSS.escape(id)}"]`);
  if (!c || !li) return;
  const input = /** @type {HTMLInputElement} */ (h('input', { className: 'conv-rename-input', attrs: { type: 'text', maxlength: '80', 'aria-label': t().renameLabel } }));
  input.value = c.title;
  li.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const finish = (/** @type {boolean} */ save) => {
    if (done) return;
    done = true;
    if (save && input.value.trim()) state.convs.rename(id, input.value);
    renderConversations();
    /** @type {HTMLElement | null} */ (els.convList.querySelector(`button.conv-open[data-conv="${CSS.escape(id)}"]`))?.focus();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      finish(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
}

/** @param {string | null} id */
function openConversation(id) {
  if (state.inflight) state.inflight.controller.abort();
  cancelEdit();
  state.convs.select(id);
  renderConversations();
  renderThread();
  if (drawerIsModal()) closeDrawer(false);
  els.input.focus({ preventScroll: true });
}

// ───────────────────────────── thread ─────────────────────────────

/** The rendered messages of each turn of the open conversation. @type {Map<string, { user: HTMLElement, bot: HTMLElement }>} */
const turnEls = new Map();
/** Citations of each rendered answer, looked up when a chip is clicked. @type {WeakMap<Element, Map<number, Citation>>} */
const citationsByMessage = new WeakMap();
/** The turn each bot message shows. @type {WeakMap<Element, Turn>} */
const turnOf = new WeakMap();

function renderThread() {
  turnEls.clear();
  els.messages.replaceChildren();
  const c = state.convs.current();
  els.welcome.hidden = Boolean(c?.turns.length);
  for (const turn of c?.turns ?? []) {
    const user = userMessage(turn.question);
    const bot = botShell();
    els.messages.append(user, bot.msg);
    turnEls.set(turn.id, { user, bot: bot.msg });
    settle(bot.msg, turn);
  }
  state.follow = true;
  pin();
}

/** Re-renders every settled message's chrome in the UI language (the streaming one is left alone). */
function rerenderThread() {
  const c = state.convs.current();
  for (const turn of c?.turns ?? []) {
    const pair = turnEls.get(turn.id);
    if (!pair || state.inflight?.turnId === turn.id) continue;
    /** @type {HTMLElement | null} */ (pair.user.querySelector('.sr-only'))?.replaceChildren(`${t().you}: `);
    /** @type {HTMLElement | null} */ (pair.bot.querySelector('.msg-body > .sr-only'))?.replaceChildren(`${t().assistant}: `);
    settle(pair.bot, turn);
  }
}

/** @param {string} text */
function userMessage(text) {
  return h('div', { className: 'msg msg-user' }, [h('span', { className: 'sr-only', text: `${t().you}: ` }), h('div', { className: 'bubble', text, lang: textLang(text) })]);
}

function botShell() {
  const s = t();
  const body = h('div', { className: 'bubble' }, [
    h('div', { className: 'typing' }, [
      h('span', { className: 'dots', attrs: { 'aria-hidden': 'true' } }, [h('i'), h('i'), h('i')]),
      h('span', { className: 'typing-label', text: s.thinking }),
    ]),
  ]);
  const msg = h('div', { className: 'msg msg-bot', attrs: { 'aria-busy': 'true' } }, [
    h('img', { className: 'avatar', attrs: { src: iconHref, alt: '', width: '28', height: '28' } }),
    h('div', { className: 'msg-body' }, [h('span', { className: 'sr-only', text: `${s.assistant}: ` }), body]),
  ]);
  return { msg, body };
}

/** @param {HTMLElement} msg */
const bodyOf = (msg) => /** @type {HTMLElement} */ (msg.querySelector('.bubble'));

/** Is `turn` the last one of the open conversation? @param {Turn} turn */
function isLast(turn) {
  const turns = state.convs.current()?.turns ?? [];
  return turns[turns.length - 1]?.id === turn.id;
}

/**
 * Shows a settled turn in its bot message: the answer (Markdown, chips), its sources, the
 * actions, and under the last answer the follow-up suggestions; or the error / stop notice.
 * @param {HTMLElement} msg @param {Turn} turn
 */
function settle(msg, turn) {
  const s = t();
  const body = bodyOf(msg);
  turnOf.set(msg, turn);
  msg.classList.remove('error', 'notfound', 'stopped', 'smalltalk');
  msg.setAttribute('aria-busy', 'false');
  msg.querySelector('.below')?.remove();
  if (turn.status === 'error') {
    msg.classList.add('error');
    const parts = [h('p', { className: 'error-text', text: turn.errorText ?? s.serverError })];
    if (turn.errorText === s.keyNeeded || turn.errorText === s.keyInvalid) {
      if (isLast(turn)) parts.push(keyForm());
    } else if (isLast(turn)) {
      // Only the last turn can be asked again (it is replaced); an older failure is history.
      parts.push(h('button', { className: 'btn retry', text: s.retry, attrs: { type: 'button' } }));
    }
    body.replaceChildren(...parts);
    return;
  }
  const cites = new Map((turn.citations ?? []).map((c) => [c.id, c]));
  citationsByMessage.set(msg, cites);
  /** @type {Node[]} */
  const parts = [];
  if (turn.status === 'done' && turn.found === false) {
    msg.classList.add('notfound');
    parts.push(h('p', { className: 'notice-title' }, [h('span', { className: 'notice-icon', text: '!', attrs: { 'aria-hidden': 'true' } }), s.notFoundTitle]));
  }
  const lang = turn.language && turn.language in HTML_LANG ? HTML_LANG[/** @type {Lang} */ (turn.language)] : textLang(turn.answer ?? '');
  const answer = h('div', { className: 'answer', lang });
  let text = (turn.answer ?? '').trim();
  /** @type {string[]} */
  let examples = [];
  if (turn.smalltalk) {
    // The friendly reply's example questions become buttons (below), not a list to retype.
    msg.classList.add('smalltalk');
    const lines = text.split('\n');
    examples = lines.filter((l) => /^- /.test(l)).map((l) => l.slice(2).trim());
    text = lines.filter((l) => !/^- /.test(l)).join('\n');
  }
  renderAnswer(answer, text, { cites: turn.status === 'done' ? cites : null, label: (id, c) => s.citeLabel(id, c.article.title), lang });
  if (text) parts.push(answer);
  if (turn.citations?.length) parts.push(renderSources(turn.citations));
  if (turn.note) parts.push(h('p', { className: 'note', text: turn.note }));
  if (turn.status === 'stopped') {
    msg.classList.add('stopped');
    parts.push(h('p', { className: 'note', text: s.stopped }));
  }
  body.replaceChildren(...parts);

  /** @type {HTMLElement[]} */
  const below = [];
  if (text || turn.status === 'stopped') below.push(actions(turn, Boolean(text)));
  const next = turn.smalltalk ? examples : isLast(turn) && turn.status === 'done' && turn.found ? suggestionsFor(turn) : [];
  if (next.length) below.push(suggestionList(next, turn.smalltalk ? undefined : answerLang(turn), turn.smalltalk ? s.examplesLabel : s.suggestionsLabel));
  if (below.length) /** @type {HTMLElement} */ (msg.querySelector('.msg-body')).append(h('div', { className: 'below' }, below));
}

/** Copy, regenerate, edit (last turn), 👍/👎. @param {Turn} turn @param {boolean} hasText */
function actions(turn, hasText) {
  const s = t();
  const row = h('div', { className: 'actions-row', attrs: { role: 'group' } });
  if (hasText) row.append(iconButton('copy', s.copy, ICONS.copy));
  if (isLast(turn)) {
    row.append(iconButton('regenerate', s.regenerate, ICONS.regenerate));
    row.append(iconButton('edit', s.edit, ICONS.edit));
  }
  if (turn.status === 'done' && !turn.smalltalk) {
    const up = iconButton('rate rate-up', s.good, ICONS.up);
    const down = iconButton('rate rate-down', s.bad, ICONS.down);
    up.dataset['rating'] = 'up';
    down.dataset['rating'] = 'down';
    for (const b of [up, down]) {
      b.setAttribute('aria-pressed', String(turn.rating === b.dataset['rating']));
      if (turn.rating) b.disabled = true;
    }
    row.append(up, down);
    if (turn.rating) row.append(h('span', { className: 'act-status', text: s.feedbackThanks }));
  }
  row.append(h('span', { className: 'act-status live', attrs: { 'aria-live': 'polite' } }));
  return row;
}

/** The language the reader asked in (the answer's), else the UI's. @param {Turn} turn @returns {Lang} */
function answerLang(turn) {
  const l = turn.language;
  return l === 'ko' || l === 'zh' || l === 'en' ? l : state.lang;
}

/**
 * Follow-up questions for an answer (suggest.js) in the language the reader asked in, none
 * already asked in this conversation. @param {Turn} turn
 */
function suggestionsFor(turn) {
  const asked = new Set((state.convs.current()?.turns ?? []).map((x) => x.question.trim()));
  return suggestions({ question: turn.question, citations: turn.citations ?? [], articles: state.articles, asked, words: STRINGS[answerLang(turn)] });
}

/** @param {string[]} questions @param {Lang | undefined} language the answer language to ask for (headings are Korean) @param {string} label */
function suggestionList(questions, language, label) {
  const id = `sg-${Math.random().toString(36).slice(2, 9)}`;
  return h('div', { className: 'suggestions', attrs: { role: 'group', 'aria-labelledby': id } }, [
    h('span', { className: 'suggestions-label', text: label, attrs: { id } }),
    h(
      'ul',
      {},
      questions.map((q) => h('li', {}, [h('button', { className: 'suggestion', text: q, lang: textLang(q), attrs: { type: 'button', ...(language ? { 'data-lang': language } : {}) } })])),
    ),
  ]);
}

/** @param {Citation[]} citations */
function renderSources(citations) {
  const s = t();
  const headingId = `src-${Math.random().toString(36).slice(2, 9)}`;
  return h('div', { className: 'sources', attrs: { role: 'group', 'aria-labelledby': headingId } }, [
    h('span', { className: 'sources-label', text: s.sources, attrs: { id: headingId } }),
    h(
      'ul',
      { className: 'chips' },
      citations.map((c, i) => {
        // A citation from the same article as the one before it shows only its number and page.
        const repeat = i > 0 && citations[i - 1]?.articleId === c.articleId && citations[i - 1]?.article.title === c.article.title;
        return h('li', {}, [
          h('button', { className: `cite-chip${repeat ? ' repeat' : ''}`, attrs: { type: 'button', 'data-cite': String(c.id), 'aria-label': s.citeLabel(c.id, c.article.title) + `, ${s.page(c.page)}` } }, [
            h('span', { className: 'num', text: String(c.id) }),
            ...(repeat ? [] : [h('span', { className: 'chip-title', text: keepUnits(c.article.title), lang: 'ko' })]),
            h('span', { className: 'chip-page', text: `p.${c.page}` }),
          ]),
        ]);
      }),
    ),
  ]);
}

/** The answer as plain text with its numbered sources (for the clipboard). @param {Turn} turn */
function plainText(turn) {
  const s = t();
  const answer = (turn.answer ?? '').replace(/\*\*([^*]+)\*\*/g, '$1').trim();
  const sources = (turn.citations ?? []).map((c) => {
    const where = [c.section, `${c.article.number}. ${c.article.title}`, c.heading].filter((p) => p && p.trim()).join(' › ');
    const url = c.source?.url ? ` ${c.source.url}` : '';
    return `[${c.id}] ${where}, ${s.page(c.page)}${url}`;
  });
  return sources.length ? `${answer}\n\n${s.sources}\n${sources.join('\n')}` : answer;
}

// ───────────────────────────── citation dialog and preview ─────────────────────────────

/** @param {Citation} c */
function showCitation(c) {
  const s = t();
  hidePreview();
  els.citeNum.textContent = String(c.id);
  els.citeTitle.textContent = c.article.title;
  const parts = [c.section, `${c.article.number}. ${c.article.title}`, c.heading].filter((p) => p && p.trim());
  els.citeCrumbs.replaceChildren();
  parts.forEach((p, i) => {
    if (i) els.citeCrumbs.append(h('span', { className: 'sep', text: ' › ', attrs: { 'aria-hidden': 'true' } }));
    els.citeCrumbs.append(h('span', { className: 'crumb', text: p }));
  });
  els.citePage.textContent = s.page(c.page);
  els.citeQuote.textContent = c.quote;
  els.citeSource.replaceChildren();
  if (c.source?.title || c.source?.url) {
    const title = c.source.title || c.source.url || '';
    const children = [h('span', { className: 'cite-source-label', text: s.sourceLabel })];
    if (c.source.url && /^https?:\/\//i.test(c.source.url)) {
      children.push(h('a', { text: title, lang: 'ko', attrs: { href: c.source.url, target: '_blank', rel: 'noopener noreferrer' } }, [h('span', { className: 'sr-only', text: ` ${s.newTab}` })]));
    } else {
      children.push(h('span', { text: title, lang: 'ko' }));
    }
    els.citeSource.append(...children);
  }
  if (!els.dialog.open) {
    lastFocus = /** @type {HTMLElement | null} */ (document.activeElement);
    els.dialog.showModal();
  }
  els.citeClose.focus();
}

/** @type {HTMLElement | null} */
let lastFocus = null;
/** The citation the preview shows, and the element it is anchored to. @type {{ cite: Citation, anchor: HTMLElement } | null} */
let previewing = null;
let previewTimer = 0;

/** A small card by the marker: article, heading, page and the start of the quote. @param {HTMLElement} anchor @param {Citation} c */
function showPreview(anchor, c) {
  const s = t();
  previewing = { cite: c, anchor };
  const quote = [...c.quote];
  els.preview.replaceChildren(
    h('p', { className: 'pv-title', lang: 'ko' }, [h('span', { className: 'num', text: String(c.id) }), c.article.title]),
    h('p', { className: 'pv-where', lang: 'ko', text: [c.heading, s.page(c.page)].filter(Boolean).join(' · ') }),
    h('p', { className: 'pv-quote', lang: 'ko', text: quote.length > 180 ? `${quote.slice(0, 179).join('')}…` : c.quote }),
    h('button', { className: 'pv-open', text: s.openPassage, attrs: { type: 'button' } }),
  );
  els.preview.hidden = false;
  const r = anchor.getBoundingClientRect();
  const w = els.preview.offsetWidth;
  const ph = els.preview.offsetHeight;
  const left = Math.max(8, Math.min(window.innerWidth - w - 8, r.left + r.width / 2 - w / 2));
  const above = r.top - ph - 8;
  const top = above > 8 ? above : Math.min(window.innerHeight - ph - 8, r.bottom + 8);
  els.preview.style.left = `${Math.round(left)}px`;
  els.preview.style.top = `${Math.round(top)}px`;
}

function hidePreview() {
  clearTimeout(previewTimer);
  previewing = null;
  els.preview.hidden = true;
}

/** The citation a chip or marker stands for. @param {Element} btn */
function citationOf(btn) {
  const msg = btn.closest('.msg');
  return (msg && citationsByMessage.get(msg)?.get(Number(btn.getAttribute('data-cite')))) || undefined;
}

// ───────────────────────────── scrolling ─────────────────────────────

function distanceToBottom() {
  const s = els.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight;
}

/** Keeps the newest text in view while following; shows "jump to latest" otherwise. */
function pin() {
  if (state.follow) els.scroller.scrollTop = els.scroller.scrollHeight;
  state.lastTop = els.scroller.scrollTop;
  els.jump.hidden = state.follow || distanceToBottom() <= 8;
}

function onScroll() {
  const top = els.scroller.scrollTop;
  if (distanceToBottom() <= 8) state.follow = true;
  // Only a move up is the reader's doing: content growing below never moves scrollTop.
  else if (top < state.lastTop - 1) state.follow = false;
  state.lastTop = top;
  els.jump.hidden = state.follow || distanceToBottom() <= 8;
}

// ───────────────────────────── asking ─────────────────────────────

/** Error codes that are the server's own trouble, not the question's (see src/errors.ts). */
const SERVER_SIDE = /^(INTERNAL|TIMEOUT|LLM_FAILED|MODEL_UNAVAILABLE|SHUTTING_DOWN|INDEX_\w+)$/;

/**
 * A polite message for an error: a missing key, rate limits and server faults in the UI's
 * words; a rejected question with the server's own (English) explanation.
 * @param {number | undefined} status @param {unknown} error the `error` object of the JSON body
 */
function errorText(status, error) {
  const s = t();
  const e = /** @type {{ code?: unknown, message?: unknown } | undefined} */ (error);
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  // Never the server's 401 text: it explains the header format, which means nothing to a reader.
  if (status === 401 || code === 'UNAUTHORIZED') {
    state.keyRequired = true;
    updateKeyButton();
    return state.apiKey ? s.keyInvalid : s.keyNeeded;
  }
  if (status === 429 || code === 'RATE_LIMITED') return s.rateLimited;
  if ((status !== undefined && status >= 500) || SERVER_SIDE.test(code)) return s.serverError;
  return s.requestError(message || (status ? `HTTP ${status}` : code || '?'));
}

/** @param {Response} res */
async function httpErrorText(res) {
  /** @type {unknown} */
  let error;
  try {
    error = (await res.json())?.error;
  } catch {
    /* not JSON */
  }
  return errorText(res.status, error);
}

/**
 * Reads a server-sent event stream, calling `onEvent(name, data)` for each complete event.
 * @param {ReadableStream<Uint8Array>} stream
 * @param {(event: string, data: string) => void} onEvent
 */
export async function readSse(stream, onEvent) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  /** @type {string[]} */
  let data = [];
  const line = (/** @type {string} */ l) => {
    if (l === '') {
      if (data.length) onEvent(event || 'message', data.join('\n'));
      event = '';
      data = [];
      return;
    }
    if (l.startsWith(':')) return;
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    // A trailing \r may be the first half of \r\n: keep it for the next chunk.
    const keep = buffer.endsWith('\r') ? 1 : 0;
    const lines = buffer.slice(0, buffer.length - keep).split(/\r\n|\r|\n/);
    buffer = (lines.pop() ?? '') + buffer.slice(buffer.length - keep);
    for (const l of lines) line(l);
  }
  buffer += decoder.decode();
  if (buffer) line(buffer);
  line('');
}


/**
 * Asks a question in the open conversation (starting one if none is open) and streams the
 * answer into a new assistant message.
 * @param {string} question
 * @param {{ language?: Lang, replaceLast?: boolean }} [opts] `language` forces the answer's
 *   language (article summaries and suggestions: their titles are Korean whatever the UI
 *   language); `replaceLast` replaces the last turn (regenerate, edit, retry).
 */
async function ask(question, opts = {}) {
  if (state.inflight) state.inflight.controller.abort();
  hidePreview();
  let conv = state.convs.current();
  if (opts.replaceLast && conv?.turns.length) {
    const old = /** @type {Turn} */ (conv.turns.pop());
    const pair = turnEls.get(old.id);
    pair?.user.remove();
    pair?.bot.remove();
    turnEls.delete(old.id);
  }
  if (!conv) {
    conv = state.convs.create(question);
  } else if (!conv.turns.length && !conv.titleEdited) {
    conv.title = titleFrom(question);
  }
  /** @type {Turn} */
  const turn = { id: newId(), question, status: 'stopped', answer: '', at: Date.now(), ...(opts.language ? { forcedLanguage: opts.language } : {}) };
  conv.turns.push(turn);
  state.convs.touch(conv);
  renderConversations();
  // The previous last answer loses its suggestions and regenerate/edit buttons.
  const prev = conv.turns[conv.turns.length - 2];
  const prevEls = prev && turnEls.get(prev.id);
  if (prev && prevEls) settle(prevEls.bot, prev);

  const controller = new AbortController();
  state.inflight = { controller, turnId: turn.id };
  updateBusyUi();
  els.welcome.hidden = true;
  const user = userMessage(question);
  const { msg, body } = botShell();
  els.messages.append(user, msg);
  turnEls.set(turn.id, { user, bot: msg });
  state.follow = true;
  pin();

  let streamed = '';
  let frame = 0;
  let settled = false;
  /** @type {HTMLElement | null} */
  let answerEl = null;
  const paint = () => {
    frame = 0;
    if (settled) return;
    if (!answerEl) {
      answerEl = h('div', { className: 'answer', lang: textLang(streamed) });
      body.replaceChildren(answerEl);
    }
    renderAnswer(answerEl, streamed, { cites: null, label: () => '', lang: answerEl.lang });
    pin();
  };
  const save = () => {
    state.convs.touch(/** @type {Conversation} */ (conv));
    settle(msg, turn);
    pin();
  };
  /** @param {string} text */
  const fail = (text) => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    settled = true;
    Object.assign(turn, { status: 'error', errorText: text });
    save();
  };
  /** @param {ChatResponse} out */
  const finish = (out) => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    settled = true;
    // The server may have started a new session (the old one expired): continue under its id.
    if (out.sessionId) /** @type {Conversation} */ (conv).sessionId = out.sessionId;
    Object.assign(turn, {
      status: 'done',
      answer: out.answer ?? '',
      citations: out.citations ?? [],
      found: out.found !== false,
      language: out.language,
      ...(out.note ? { note: out.note } : {}),
      ...(out.smalltalk ? { smalltalk: true } : {}),
    });
    save();
  };

  try {
    const res = await api('api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({
        message: question,
        stream: true,
        ...(conv.sessionId ? { sessionId: conv.sessionId } : {}),
        ...(opts.language ? { language: opts.language } : {}),
      }),
      signal: controller.signal,
    });
    if (!res.ok) {
      fail(await httpErrorText(res));
    } else if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      finish(await res.json());
    } else if (res.body) {
      await readSse(res.body, (event, data) => {
        if (settled) return;
        /** @type {any} */
        let payload;
        try {
          payload = JSON.parse(data);
        } catch {
          return;
        }
        if (event === 'delta' && typeof payload?.text === 'string') {
          streamed += payload.text;
          if (!frame) frame = requestAnimationFrame(paint);
        } else if (event === 'done') {
          finish(payload);
        } else if (event === 'error') {
          fail(errorText(undefined, payload?.error));
        }
      });
    }
    if (!settled) fail(t().interrupted);
  } catch {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (controller.signal.aborted) {
      if (!settled) {
        settled = true;
        Object.assign(turn, { status: 'stopped', answer: streamed });
        save();
      }
    } else if (!settled) {
      fail(t().networkError);
    }
  } finally {
    msg.setAttribute('aria-busy', 'false');
    if (state.inflight?.controller === controller) {
      state.inflight = null;
      updateBusyUi();
    }
  }
}

function stopAnswer() {
  state.inflight?.controller.abort();
}

function updateBusyUi() {
  const busy = Boolean(state.inflight);
  els.send.classList.toggle('stop', busy);
  els.send.setAttribute('aria-label', busy ? t().stop : t().send);
  els.form.classList.toggle('busy', busy);
  els.input.disabled = false;
}

function resizeInput() {
  const el = els.input;
  el.style.height = 'auto';
  el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
}

function submitInput() {
  if (state.inflight) return;
  const text = els.input.value.trim();
  if (!text) {
    els.input.focus();
    return;
  }
  const replace = state.editing !== null;
  const turn = replace ? state.convs.current()?.turns.find((x) => x.id === state.editing) : undefined;
  cancelEdit();
  els.input.value = '';
  resizeInput();
  void ask(text, { replaceLast: replace, ...(turn?.forcedLanguage ? { language: turn.forcedLanguage } : {}) });
}

/** Puts the last question back in the composer; sending it replaces the last turn. @param {Turn} turn */
function startEdit(turn) {
  if (state.inflight) stopAnswer();
  state.editing = turn.id;
  els.input.value = turn.question;
  resizeInput();
  els.editBanner.hidden = false;
  turnEls.get(turn.id)?.user.classList.add('editing');
  els.input.focus();
  els.input.setSelectionRange(els.input.value.length, els.input.value.length);
}

function cancelEdit() {
  if (state.editing === null) return;
  turnEls.get(state.editing)?.user.classList.remove('editing');
  state.editing = null;
  els.editBanner.hidden = true;
}

function newConversation() {
  if (state.inflight) stopAnswer();
  state.inflight = null;
  cancelEdit();
  state.convs.select(null);
  renderConversations();
  renderThread();
  els.welcome.hidden = false;
  els.input.value = '';
  resizeInput();
  updateBusyUi();
  els.scroller.scrollTop = 0;
  if (drawerIsModal()) closeDrawer(false);
  els.input.focus();
}

// ───────────────────────────── answer actions ─────────────────────────────

/** @param {string} text */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (an insecure origin, or permission refused): the old selection way.
    const area = /** @type {HTMLTextAreaElement} */ (h('textarea', { className: 'sr-only', attrs: { readonly: '' } }));
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** @param {HTMLElement} row @param {string} text */
function status(row, text) {
  const live = row.querySelector('.act-status.live');
  if (live) live.textContent = text;
}

/** The inline 👍/👎 form: an optional comment, then POST /api/feedback. @param {HTMLElement} msg @param {Turn} turn @param {'up' | 'down'} rating */
function feedbackForm(msg, turn, rating) {
  const s = t();
  msg.querySelector('.feedback-form')?.remove();
  const area = /** @type {HTMLTextAreaElement} */ (h('textarea', { attrs: { rows: '2', maxlength: '2000', placeholder: s.feedbackPlaceholder, 'aria-label': s.feedbackComment } }));
  const send = h('button', { className: 'btn primary', text: s.feedbackSend, attrs: { type: 'submit' } });
  const cancel = h('button', { className: 'btn', text: s.cancel, attrs: { type: 'button' } });
  const form = /** @type {HTMLFormElement} */ (h('form', { className: 'feedback-form', attrs: { 'data-rating': rating } }, [h('label', { className: 'fb-label', text: `${rating === 'up' ? '👍' : '👎'} ${s.feedbackComment}` }), area, h('div', { className: 'fb-buttons' }, [send, cancel])]));
  cancel.addEventListener('click', () => form.remove());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const conv = state.convs.current();
    const body = {
      ...(conv?.sessionId ? { sessionId: conv.sessionId } : {}),
      question: turn.question,
      answer: turn.answer ?? '',
      ...(turn.citations?.length ? { citations: turn.citations.map((c) => ({ id: c.id, article: { number: c.article.number, title: c.article.title }, page: c.page, ...(c.chunkId ? { chunkId: c.chunkId } : {}) })) } : {}),
      rating,
      ...(area.value.trim() ? { comment: area.value.trim() } : {}),
    };
    send.setAttribute('disabled', '');
    try {
      const res = await api('api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(await httpErrorText(res));
      turn.rating = rating;
      if (conv) state.convs.persist();
      form.remove();
      settle(msg, turn);
    } catch (err) {
      send.removeAttribute('disabled');
      const row = msg.querySelector('.actions-row');
      if (row) status(/** @type {HTMLElement} */ (row), `${s.feedbackFailed} ${err instanceof Error ? err.message : ''}`.trim());
    }
  });
  /** @type {HTMLElement} */ (msg.querySelector('.below'))?.append(form);
  area.focus();
}

// ───────────────────────────── API key ─────────────────────────────

/** The key form shown in a 401 error: the key is stored, never shown back. */
function keyForm() {
  const s = t();
  const input = /** @type {HTMLInputElement} */ (h('input', { className: 'key-inline', attrs: { type: 'password', autocomplete: 'off', spellcheck: 'false', 'aria-label': s.keyLabel, placeholder: s.keyLabel } }));
  const form = h('form', { className: 'key-form-inline' }, [input, h('button', { className: 'btn primary', text: s.keySave, attrs: { type: 'submit' } })]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!input.value.trim()) return input.focus();
    setApiKey(input.value.trim());
    input.value = '';
    const last = state.convs.current()?.turns.at(-1);
    if (last) void ask(last.question, { replaceLast: true, ...(last.forcedLanguage ? { language: last.forcedLanguage } : {}) });
  });
  return form;
}

/** @param {string | null} key */
function setApiKey(key) {
  state.apiKey = key;
  store(API_KEY_KEY, key);
  updateKeyButton();
  if (!state.articles) void loadArticles();
}

/** The key button is shown only where keys matter: a key is stored, or the server asked for one. */
function updateKeyButton() {
  els.keyButton.hidden = !(state.apiKey || state.keyRequired);
}

function openKeyDialog() {
  const s = t();
  els.keyInput.value = '';
  els.keyStatus.textContent = state.apiKey ? s.keySaved : s.keyNone;
  els.keyClear.hidden = !state.apiKey;
  els.keyDialog.showModal();
  els.keyInput.focus();
}

// ───────────────────────────── events ─────────────────────────────

els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (state.inflight) {
    stopAnswer();
    return;
  }
  submitInput();
});

els.input.addEventListener('keydown', (e) => {
  // IME: Enter that confirms a Korean/Chinese composition must not send (keyCode 229 covers older Safari).
  if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
  e.preventDefault();
  submitInput();
});
els.input.addEventListener('input', resizeInput);
els.editCancel.addEventListener('click', () => {
  cancelEdit();
  els.input.value = '';
  resizeInput();
  els.input.focus();
});

els.newChat.addEventListener('click', newConversation);

els.langSelect.addEventListener('change', () => {
  const v = els.langSelect.value;
  if (v !== 'ko' && v !== 'zh' && v !== 'en') return;
  state.lang = v;
  store(LANG_KEY, v);
  applyLang();
});

els.examples.addEventListener('click', (e) => {
  const btn = /** @type {HTMLElement} */ (e.target).closest('button.example');
  if (btn?.textContent && !state.inflight) void ask(btn.textContent);
});

els.articleList.addEventListener('click', (e) => {
  const btn = /** @type {HTMLElement} */ (e.target).closest('button.article-btn');
  const title = btn?.getAttribute('data-title');
  if (!title) return;
  void ask(t().summarize(title), { language: state.lang });
  // On a phone the drawer closes and focus goes back to its toggle (no on-screen keyboard popping up).
  if (drawerIsModal()) closeDrawer(true);
  else els.input.focus({ preventScroll: true });
});

els.convList.addEventListener('click', (e) => {
  const target = /** @type {HTMLElement} */ (e.target);
  const btn = /** @type {HTMLElement | null} */ (target.closest('button[data-conv]'));
  const id = btn?.dataset['conv'];
  if (!btn || !id) return;
  if (btn.classList.contains('conv-open')) {
    confirmingDelete = null;
    if (id !== state.convs.currentId) openConversation(id);
    else if (drawerIsModal()) closeDrawer(false);
  } else if (btn.classList.contains('conv-rename')) {
    confirmingDelete = null;
    startRename(id);
  } else if (btn.classList.contains('conv-delete')) {
    if (confirmingDelete !== id) {
      confirmingDelete = id;
      renderConversations();
      /** @type {HTMLElement | null} */ (els.convList.querySelector(`button.conv-delete[data-conv="${CSS.escape(id)}"]`))?.focus();
      return;
    }
    confirmingDelete = null;
    const wasCurrent = id === state.convs.currentId;
    state.convs.remove(id);
    if (wasCurrent) newConversation();
    else renderConversations();
  }
});
els.convList.addEventListener('focusout', () => {
  // Checked after the event: re-rendering the list removes the focused button (a focusout too)
  // and then focuses its replacement, which must not cancel the pending confirmation.
  setTimeout(() => {
    if (confirmingDelete && !els.convList.contains(document.activeElement)) {
      confirmingDelete = null;
      renderConversations();
    }
  }, 0);
});

els.messages.addEventListener('click', (e) => {
  const target = /** @type {HTMLElement} */ (e.target);
  const msg = /** @type {HTMLElement | null} */ (target.closest('.msg-bot'));
  const turn = msg ? turnOf.get(msg) : undefined;

  const citeBtn = target.closest('button[data-cite]');
  if (citeBtn) {
    const cite = citationOf(citeBtn);
    if (!cite) return;
    // On a touch screen the inline marker first shows the preview; the chips (and a second tap) open the passage.
    if (!finePointer.matches && citeBtn.classList.contains('cite-ref') && previewing?.anchor !== citeBtn) {
      showPreview(/** @type {HTMLElement} */ (citeBtn), cite);
      return;
    }
    showCitation(cite);
    return;
  }
  const suggestion = target.closest('button.suggestion');
  if (suggestion?.textContent) {
    if (state.inflight) return;
    const lang = suggestion.getAttribute('data-lang');
    void ask(suggestion.textContent, lang === 'ko' || lang === 'zh' || lang === 'en' ? { language: lang } : {});
    return;
  }
  if (!msg || !turn) return;
  const act = /** @type {HTMLButtonElement | null} */ (target.closest('button.act, button.retry'));
  if (!act) return;
  const row = /** @type {HTMLElement} */ (act.closest('.actions-row') ?? msg);
  if (act.classList.contains('copy')) {
    void copyText(plainText(turn)).then((ok) => status(row, ok ? t().copied : t().copyFailed));
  } else if (act.classList.contains('regenerate') || act.classList.contains('retry')) {
    if (!isLast(turn)) return;
    void ask(turn.question, { replaceLast: true, ...(turn.forcedLanguage ? { language: turn.forcedLanguage } : {}) });
  } else if (act.classList.contains('edit')) {
    startEdit(turn);
  } else if (act.classList.contains('rate')) {
    feedbackForm(msg, turn, act.dataset['rating'] === 'down' ? 'down' : 'up');
  }
});

// Hover (and keyboard focus) preview of a citation, on devices that can hover.
els.messages.addEventListener('pointerover', (e) => {
  if (!finePointer.matches || e.pointerType === 'touch') return;
  const btn = /** @type {HTMLElement} */ (e.target).closest('button[data-cite]');
  if (!btn || previewing?.anchor === btn) return;
  const cite = citationOf(btn);
  if (!cite) return;
  clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => showPreview(/** @type {HTMLElement} */ (btn), cite), 250);
});
els.messages.addEventListener('pointerout', (e) => {
  // A finger lifted off a marker is a pointerout too: on touch the preview stays until the next tap elsewhere.
  if (e.pointerType === 'touch') return;
  const btn = /** @type {HTMLElement} */ (e.target).closest('button[data-cite]');
  if (!btn) return;
  const to = /** @type {Node | null} */ (e.relatedTarget);
  if (to && els.preview.contains(to)) return;
  clearTimeout(previewTimer);
  previewTimer = window.setTimeout(hidePreview, 200);
});
els.preview.addEventListener('pointerenter', () => clearTimeout(previewTimer));
els.preview.addEventListener('pointerleave', () => {
  previewTimer = window.setTimeout(hidePreview, 200);
});
els.preview.addEventListener('click', (e) => {
  if (/** @type {HTMLElement} */ (e.target).closest('.pv-open') && previewing) showCitation(previewing.cite);
});
document.addEventListener('pointerdown', (e) => {
  const target = /** @type {Node} */ (e.target);
  if (!els.preview.hidden && !els.preview.contains(target) && !(target instanceof Element && target.closest('button[data-cite]'))) hidePreview();
});

els.scroller.addEventListener('scroll', onScroll, { passive: true });
els.scroller.addEventListener(
  'wheel',
  (e) => {
    // A wheel turn up stops following at once, even before scrollTop has moved.
    if (e.deltaY < 0) state.follow = false;
    hidePreview();
  },
  { passive: true },
);
// Whatever grows the thread (streamed text, fonts, the sources row) keeps the end in view while following.
new ResizeObserver(() => pin()).observe(els.messages);
new ResizeObserver(() => pin()).observe(els.scroller);
els.jump.addEventListener('click', () => {
  state.follow = true;
  pin();
  els.input.focus({ preventScroll: true });
});

els.citeClose.addEventListener('click', () => els.dialog.close());
els.dialog.addEventListener('click', (e) => {
  if (e.target === els.dialog) els.dialog.close(); // a click on the backdrop
});
els.dialog.addEventListener('close', () => {
  if (lastFocus?.isConnected) lastFocus.focus();
  lastFocus = null;
});

els.keyButton.addEventListener('click', openKeyDialog);
els.keyForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const v = els.keyInput.value.trim();
  els.keyInput.value = '';
  if (v) setApiKey(v);
  els.keyDialog.close();
});
els.keyClear.addEventListener('click', () => {
  setApiKey(null);
  els.keyDialog.close();
});
els.keyCancel.addEventListener('click', () => els.keyDialog.close());

els.toggle.addEventListener('click', () => (els.drawer.classList.contains('open') ? closeDrawer() : openDrawer()));
els.drawerClose.addEventListener('click', () => (drawerIsModal() ? closeDrawer() : els.input.focus()));
els.backdrop.addEventListener('click', () => closeDrawer());
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  if (els.dialog.open || els.keyDialog.open) return; // the dialog closes itself
  if (!els.preview.hidden) {
    hidePreview();
    e.preventDefault();
  } else if (els.drawer.classList.contains('open')) {
    e.preventDefault();
    closeDrawer();
  } else if (state.inflight) {
    e.preventDefault();
    stopAnswer();
  } else if (state.editing !== null) {
    cancelEdit();
    els.input.value = '';
    resizeInput();
  }
});
drawerMedia.addEventListener('change', () => closeDrawer(false));

applyLang();
updateKeyButton();
renderThread();
void loadArticles();
if (!drawerIsModal()) els.input.focus();
