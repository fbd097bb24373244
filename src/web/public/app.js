// @ts-check
/**
 * The chat page: plain ES module, no framework, no build step.
 * Server text is only ever placed with textContent / createElement (never innerHTML).
 * URLs are relative so the page also works mounted under a path prefix.
 */

/** @typedef {'ko' | 'zh' | 'en'} Lang */
/**
 * @typedef {{ id: number, section: string, article: { number: string, title: string }, heading: string,
 *   page: number, quote: string, source?: { title: string, url?: string }, chunkId?: string, articleId?: string }} Citation
 * @typedef {{ sessionId: string, language: Lang, found: boolean, answer: string, citations: Citation[],
 *   answerer?: string, note?: string }} ChatResponse
 * @typedef {{ section: string, number: string, title: string, page: number, endPage?: number, id?: string,
 *   report?: { id: string, title: string, issue: string }, source?: { title: string, url?: string } }} ArticleEntry
 */

// ───────────────────────────── strings ─────────────────────────────

const STRINGS = {
  ko: {
    appTitle: '월간 중국창업 AI 도우미',
    appTitleShort: '월간 중국창업 AI 도우미',
    skip: '질문 입력으로 건너뛰기',
    articles: '기사 목록',
    articlesHeading: '이번 호 기사',
    articlesHint: '기사를 누르면 요약해 드려요.',
    articlesLoading: '기사 목록을 불러오는 중…',
    articlesError: '기사 목록을 불러오지 못했습니다.',
    close: '닫기',
    newChat: '새 대화',
    language: '언어',
    conversation: '대화',
    inputLabel: '질문',
    placeholder: '보고서에 대해 물어보세요',
    send: '보내기',
    stop: '답변 중지',
    hint: 'Enter 보내기 · Shift+Enter 줄바꿈',
    welcomeTitle: '무엇이든 물어보세요',
    welcomeText: '‘{report}’ 보고서에서 답을 찾아 출처와 함께 알려 드립니다. 한국어·中文·English로 질문할 수 있어요.',
    examplesLabel: '예시 질문',
    examples: ['유니트리의 글로벌 사족 로봇 시장 점유율은?', '중국 저고도 경제 상위 도시는 어디인가요?', '화웨이의 AI 인프라 전략을 요약해줘'],
    you: '나',
    assistant: '도우미',
    thinking: '보고서에서 찾는 중…',
    sources: '출처',
    notFoundTitle: '보고서에서 찾지 못했어요',
    quoteLabel: '인용 구절',
    openSource: '원문 보기',
    sourceLabel: '원문 출처',
    newTab: '(새 탭에서 열림)',
    /** @param {number} n @param {string} t */
    citeLabel: (n, t) => `출처 ${n}: ${t}`,
    /** @param {number} p */
    page: (p) => `${p}쪽`,
    networkError: '서버에 연결할 수 없습니다. 네트워크 연결을 확인하고 다시 시도해 주세요.',
    /** @param {string} m */
    requestError: (m) => `요청을 처리하지 못했습니다. (${m})`,
    rateLimited: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    serverError: '서버에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    interrupted: '답변이 중간에 끊겼습니다. 다시 시도해 주세요.',
    stopped: '답변을 중지했습니다.',
    retry: '다시 시도',
    /** @param {string} t */
    summarize: (t) => `‘${t}’ 기사를 요약해줘`,
  },
  zh: {
    appTitle: '《月刊中国创业》智能助手',
    appTitleShort: '《月刊中国创业》智能助手',
    skip: '跳到提问框',
    articles: '文章目录',
    articlesHeading: '本期文章',
    articlesHint: '点击文章即可获得摘要。',
    articlesLoading: '正在加载文章目录…',
    articlesError: '无法加载文章目录。',
    close: '关闭',
    newChat: '新对话',
    language: '语言',
    conversation: '对话',
    inputLabel: '问题',
    placeholder: '请输入关于报告的问题',
    send: '发送',
    stop: '停止回答',
    hint: 'Enter 发送 · Shift+Enter 换行',
    welcomeTitle: '想了解什么？',
    welcomeText: '我会在《月刊中国创业》（{report}）报告中查找答案，并注明出处。支持中文、韩语和英语提问。',
    examplesLabel: '示例问题',
    examples: ['宇树科技在四足机器人市场的份额是多少？', '中国低空经济排名前列的城市有哪些？', '总结一下华为的AI基础设施战略'],
    you: '我',
    assistant: '助手',
    thinking: '正在报告中查找…',
    sources: '出处',
    notFoundTitle: '报告中未找到相关内容',
    quoteLabel: '引用段落',
    openSource: '查看原文',
    sourceLabel: '原文出处',
    newTab: '（在新标签页打开）',
    citeLabel: (/** @type {number} */ n, /** @type {string} */ t) => `出处 ${n}：${t}`,
    page: (/** @type {number} */ p) => `第 ${p} 页`,
    networkError: '无法连接服务器，请检查网络后重试。',
    requestError: (/** @type {string} */ m) => `请求未能处理（${m}）`,
    rateLimited: '请求过于频繁，请稍后再试。',
    serverError: '服务器出现问题，请稍后再试。',
    interrupted: '回答中断了，请重试。',
    stopped: '已停止回答。',
    retry: '重试',
    summarize: (/** @type {string} */ t) => `总结一下《${t}》`,
  },
  en: {
    appTitle: 'Monthly China Startup Assistant',
    appTitleShort: 'China Startup Assistant',
    skip: 'Skip to the question box',
    articles: 'Articles',
    articlesHeading: 'In this issue',
    articlesHint: 'Select an article to get a summary.',
    articlesLoading: 'Loading articles…',
    articlesError: 'Couldn’t load the articles.',
    close: 'Close',
    newChat: 'New chat',
    language: 'Language',
    conversation: 'Conversation',
    inputLabel: 'Your question',
    placeholder: 'Ask about the report',
    send: 'Send',
    stop: 'Stop answering',
    hint: 'Enter to send · Shift+Enter for a new line',
    welcomeTitle: 'Ask about the report',
    welcomeText: 'I answer from the monthly report “{report}” (Monthly China Startup) and cite the passages I used. Ask in English, Korean or Chinese.',
    examplesLabel: 'Try asking',
    examples: ['What is Unitree’s share of the global quadruped robot market?', 'Which cities lead China’s low-altitude economy?', 'Summarize Huawei’s AI infrastructure strategy'],
    you: 'You',
    assistant: 'Assistant',
    thinking: 'Searching the report…',
    sources: 'Sources',
    notFoundTitle: 'Not found in the report',
    quoteLabel: 'Quoted passage',
    openSource: 'Open the original',
    sourceLabel: 'Original source',
    newTab: '(opens in a new tab)',
    citeLabel: (/** @type {number} */ n, /** @type {string} */ t) => `Source ${n}: ${t}`,
    page: (/** @type {number} */ p) => `p. ${p}`,
    networkError: 'Couldn’t reach the server. Check your connection and try again.',
    requestError: (/** @type {string} */ m) => `The request couldn’t be processed (${m}).`,
    rateLimited: 'Too many requests. Please wait a moment and try again.',
    serverError: 'Something went wrong on the server. Please try again shortly.',
    interrupted: 'The answer was cut off. Please try again.',
    stopped: 'Stopped.',
    retry: 'Try again',
    summarize: (/** @type {string} */ t) => `Summarize the article ‘${t}’`,
  },
};

/** @type {Record<Lang, string>} */
const HTML_LANG = { ko: 'ko', zh: 'zh-CN', en: 'en' };
const LANG_KEY = 'kic-assistant.lang';
const REPORT_NAME = '월간 중국창업';

/** @returns {Lang} */
function initialLang() {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'ko' || saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage may be blocked */
  }
  for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
    const t = String(tag).toLowerCase();
    if (t.startsWith('ko')) return 'ko';
    if (t.startsWith('zh')) return 'zh';
    if (t.startsWith('en')) return 'en';
  }
  return 'ko';
}

/**
 * Rough language of a piece of text, for its `lang` attribute, which decides line breaking
 * (Korean keeps words whole; Chinese breaks between characters) and the CJK font.
 * @param {string} text @param {string} [fallback]
 */
function textLang(text, fallback = 'en') {
  const hangul = text.match(/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/g)?.length ?? 0;
  const han = text.match(/[\u4e00-\u9fff\u3400-\u4dbf]/g)?.length ?? 0;
  if (hangul && hangul >= han) return 'ko';
  if (han) return 'zh-CN';
  return /[a-z]/i.test(text) ? 'en' : fallback;
}

// ───────────────────────────── state and elements ─────────────────────────────

const state = {
  /** @type {Lang} */
  lang: initialLang(),
  /** @type {string | null} */
  sessionId: null,
  /** @type {AbortController | null} */
  inflight: null,
  /** @type {ArticleEntry[] | null} */
  articles: null,
  articlesFailed: false,
};

/** @template {HTMLElement} T @param {string} id @returns {T} */
const byId = (id) => /** @type {T} */ (document.getElementById(id));

const els = {
  toggle: byId('drawer-toggle'),
  drawer: byId('articles'),
  drawerClose: byId('drawer-close'),
  backdrop: byId('backdrop'),
  articleList: byId('article-list'),
  reportTitle: byId('report-title'),
  topbar: byId('topbar'),
  chat: byId('chat'),
  scroller: byId('scroller'),
  welcome: byId('welcome'),
  examples: byId('examples'),
  messages: byId('messages'),
  form: /** @type {HTMLFormElement} */ (byId('composer')),
  input: /** @type {HTMLTextAreaElement} */ (byId('composer-input')),
  send: /** @type {HTMLButtonElement} */ (byId('send')),
  newChat: byId('new-chat'),
  langSelect: /** @type {HTMLSelectElement} */ (byId('lang-select')),
  dialog: /** @type {HTMLDialogElement} */ (byId('cite-dialog')),
  citeNum: byId('cite-num'),
  citeTitle: byId('cite-title'),
  citeClose: byId('cite-close'),
  citeCrumbs: byId('cite-crumbs'),
  citePage: byId('cite-page'),
  citeQuote: byId('cite-quote'),
  citeSource: byId('cite-source'),
};

const iconHref = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="icon"]'))?.href ?? 'icon.svg';
const drawerMedia = window.matchMedia('(max-width: 899px)');
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

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
    if (typeof v === 'string') el.setAttribute('aria-label', v);
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
}

// ───────────────────────────── articles panel ─────────────────────────────

async function loadArticles() {
  try {
    const res = await fetch('api/articles', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const data = await res.json();
    if (!Array.isArray(data)) throw new Error('unexpected response');
    state.articles = /** @type {ArticleEntry[]} */ (data);
  } catch {
    state.articlesFailed = true;
  }
  renderArticles();
}

function renderArticles() {
  const list = els.articleList;
  if (!state.articles) {
    const key = state.articlesFailed ? 'articlesError' : 'articlesLoading';
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
            h('span', { className: 'art-title', text: a.title, lang: 'ko' }),
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

// ───────────────────────────── answer rendering ─────────────────────────────

/** `[1]`, `[1, 2]`, `[1][2]` citation markers, and **bold** (the only markdown honoured). */
const TOKEN = /\[(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\]|\*\*([^*\n]+?)\*\*/g;

/** A list item line: "- ", "* ", "• ", "· " or "1. ". */
const BULLET = /^\s*(?:[-*•·]|\d{1,2}[.)])\s+/;

/**
 * Renders answer text into `parent` as blocks: paragraphs (split on blank lines; single line
 * breaks kept) and lists (consecutive bullet lines), each with inline formatting.
 * @param {HTMLElement} parent
 * @param {string} text
 * @param {Map<number, Citation> | null} cites
 */
function renderAnswer(parent, text, cites) {
  /** @type {HTMLElement[]} */
  const blocks = [];
  /** @type {HTMLElement | null} */
  let list = null;
  /** @type {string[]} */
  let para = [];
  const flushPara = () => {
    if (!para.length) return;
    const p = h('p', { lang: textLang(para.join(' '), parent.lang) });
    para.forEach((line, i) => {
      if (i) p.append(h('br'));
      renderInline(p, line, cites);
    });
    blocks.push(p);
    para = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const bullet = line.match(BULLET);
    if (bullet) {
      flushPara();
      if (!list) {
        list = h(/^\s*\d/.test(bullet[0]) ? 'ol' : 'ul');
        blocks.push(list);
      }
      const li = h('li', { lang: textLang(line, parent.lang) });
      renderInline(li, line.slice(bullet[0].length), cites);
      list.append(li);
    } else if (line.trim() === '') {
      flushPara();
      list = null;
    } else {
      list = null;
      para.push(line);
    }
  }
  flushPara();
  parent.replaceChildren(...blocks);
}

/**
 * Appends one line of answer text to `parent`: text nodes, <strong>, and citation markers as
 * superscript chips (buttons once the citations are known; inert while streaming).
 * @param {HTMLElement} parent
 * @param {string} text
 * @param {Map<number, Citation> | null} cites
 */
function renderInline(parent, text, cites) {
  let last = 0;
  /** @type {HTMLElement | null} the last citation group, so punctuation right after it stays on its line */
  let group = null;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    let before = text.slice(last, at);
    last = at + m[0].length;
    if (m[2] !== undefined) {
      appendAfterGroup(parent, group, before);
      group = null;
      parent.append(h('strong', { text: m[2] }));
      continue;
    }
    const ids = (m[1] ?? '').split(/[,，、]/).map((s) => Number(s.trim()));
    if (cites && !ids.every((id) => cites.has(id))) {
      appendAfterGroup(parent, group, before + m[0]);
      group = null;
      continue;
    }
    // "…있다 [1]." → "…있다[1]." with the last character, the chips and the punctuation kept together.
    const adjacent = before === '' && group !== null;
    if (!adjacent) {
      before = before.replace(/[ \t]+$/, '');
      const glue = before.match(/[^\s]$/u)?.[0] ?? '';
      appendAfterGroup(parent, group, before.slice(0, before.length - glue.length));
      group = h('span', { className: 'cite-group' }, glue ? [glue] : []);
      parent.append(group);
    }
    for (const id of ids) {
      const cite = cites?.get(id);
      const chip = cite
        ? h('button', { className: 'cite-ref', text: String(id), attrs: { type: 'button', 'data-cite': String(id), 'aria-label': t().citeLabel(id, cite.article.title) } })
        : h('span', { className: 'cite-ref pending', text: String(id) });
      /** @type {HTMLElement} */ (group).append(h('sup', {}, [chip]));
    }
  }
  appendAfterGroup(parent, group, text.slice(last));
}

/**
 * Appends text after a citation group, moving leading punctuation into the group (no line break before it).
 * @param {HTMLElement} parent @param {HTMLElement | null} group @param {string} text
 */
function appendAfterGroup(parent, group, text) {
  if (!text) return;
  const punct = group ? (text.match(/^[.,;:!?)\]}…。，、；：！？）」』》〉”’]+/u)?.[0] ?? '') : '';
  if (punct) group?.append(punct);
  if (text.length > punct.length) parent.append(text.slice(punct.length));
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
          h('button', { className: `cite-chip${repeat ? ' repeat' : ''}`, attrs: { type: 'button', 'data-cite': String(c.id), title: c.article.title, 'aria-label': s.citeLabel(c.id, c.article.title) + `, ${s.page(c.page)}` } }, [
            h('span', { className: 'num', text: String(c.id) }),
            ...(repeat ? [] : [h('span', { className: 'chip-title', text: c.article.title, lang: 'ko' })]),
            h('span', { className: 'chip-page', text: `p.${c.page}` }),
          ]),
        ]);
      }),
    ),
  ]);
}

/** Citations of each rendered answer, looked up when a chip is clicked. */
const citationsByMessage = new WeakMap();

/** @param {Citation} c */
function showCitation(c) {
  const s = t();
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
      const a = h('a', { text: title, lang: 'ko', attrs: { href: c.source.url, target: '_blank', rel: 'noopener noreferrer' } }, [
        h('span', { className: 'sr-only', text: ` ${s.newTab}` }),
      ]);
      children.push(a);
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

// ───────────────────────────── messages ─────────────────────────────

function nearBottom() {
  const s = els.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < 96;
}

function scrollToBottom() {
  els.scroller.scrollTo({ top: els.scroller.scrollHeight, behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

/** @param {string} text */
function addUserMessage(text) {
  els.welcome.hidden = true;
  const msg = h('div', { className: 'msg msg-user' }, [
    h('span', { className: 'sr-only', text: `${t().you}: ` }),
    h('div', { className: 'bubble', text, lang: textLang(text) }),
  ]);
  els.messages.append(msg);
  return msg;
}

function addBotMessage() {
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
  els.messages.append(msg);
  return { msg, body };
}

/**
 * @param {HTMLElement} msg
 * @param {HTMLElement} body
 * @param {string} text
 * @param {string} question
 * @param {Lang} [language]
 */
function showError(msg, body, text, question, language) {
  msg.classList.add('error');
  const retry = h('button', { className: 'btn retry', text: t().retry, attrs: { type: 'button' } });
  retry.addEventListener('click', () => {
    if (state.inflight) return;
    msg.remove();
    void ask(question, { retry: true, ...(language ? { language } : {}) });
  });
  body.replaceChildren(h('p', { className: 'error-text', text }), retry);
}

/** Error codes that are the server's own trouble, not the question's (see src/errors.ts). */
const SERVER_SIDE = /^(INTERNAL|TIMEOUT|LLM_FAILED|MODEL_UNAVAILABLE|SHUTTING_DOWN|INDEX_\w+)$/;

/**
 * A polite message for an error: rate limits and server faults in the UI's words; a rejected
 * question with the server's own (English) explanation.
 * @param {number | undefined} status @param {unknown} error the `error` object of the JSON body
 */
function errorText(status, error) {
  const s = t();
  const e = /** @type {{ code?: unknown, message?: unknown } | undefined} */ (error);
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
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
 * Asks a question and streams the answer into a new assistant message.
 * @param {string} question
 * @param {{ retry?: boolean, language?: Lang }} [opts] `language` forces the answer's language
 *   (article summaries: their title is Korean whatever the UI language); otherwise the server detects it.
 */
async function ask(question, opts = {}) {
  if (state.inflight) state.inflight.abort();
  const controller = new AbortController();
  state.inflight = controller;
  updateBusyUi();
  if (!opts.retry) addUserMessage(question);
  const { msg, body } = addBotMessage();
  scrollToBottom();

  let streamed = '';
  let frame = 0;
  let settled = false;
  /** @type {HTMLElement | null} */
  let answerEl = null;
  const paint = () => {
    frame = 0;
    if (settled) return;
    const stick = nearBottom();
    if (!answerEl) {
      answerEl = h('div', { className: 'answer' });
      body.replaceChildren(answerEl);
    }
    renderAnswer(answerEl, streamed, null);
    if (stick) els.scroller.scrollTop = els.scroller.scrollHeight;
  };

  /** @param {ChatResponse} out */
  const finish = (out) => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const stick = nearBottom();
    state.sessionId = out.sessionId || state.sessionId;
    const cites = new Map((out.citations ?? []).map((c) => [c.id, c]));
    citationsByMessage.set(msg, cites);
    const answer = h('div', { className: 'answer', lang: HTML_LANG[out.language] ?? textLang(out.answer) });
    renderAnswer(answer, (out.answer ?? '').trim(), cites);
    /** @type {Node[]} */
    const parts = [];
    if (!out.found) {
      msg.classList.add('notfound');
      parts.push(h('p', { className: 'notice-title' }, [h('span', { className: 'notice-icon', text: '!', attrs: { 'aria-hidden': 'true' } }), t().notFoundTitle]));
    }
    parts.push(answer);
    if (out.citations?.length) parts.push(renderSources(out.citations));
    if (out.note) parts.push(h('p', { className: 'note', text: out.note }));
    body.replaceChildren(...parts);
    if (stick) els.scroller.scrollTop = els.scroller.scrollHeight;
  };

  try {
    const res = await fetch('api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({
        message: question,
        stream: true,
        ...(state.sessionId ? { sessionId: state.sessionId } : {}),
        ...(opts.language ? { language: opts.language } : {}),
      }),
      signal: controller.signal,
    });
    if (!res.ok) {
      showError(msg, body, await httpErrorText(res), question, opts.language);
      settled = true;
    } else if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      finish(await res.json());
      settled = true;
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
          settled = true;
        } else if (event === 'error') {
          showError(msg, body, errorText(undefined, payload?.error), question, opts.language);
          settled = true;
        }
      });
    }
    if (!settled) {
      settled = true;
      showError(msg, body, t().interrupted, question, opts.language);
    }
  } catch (err) {
    if (frame) cancelAnimationFrame(frame);
    if (controller.signal.aborted) {
      msg.classList.add('stopped');
      if (streamed && !settled) paint();
      body.append(h('p', { className: 'note', text: t().stopped }));
      if (!streamed) body.querySelector('.typing')?.remove();
    } else if (!settled) {
      settled = true;
      showError(msg, body, t().networkError, question, opts.language);
    }
  } finally {
    msg.setAttribute('aria-busy', 'false');
    if (state.inflight === controller) {
      state.inflight = null;
      updateBusyUi();
    }
  }
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
  els.input.value = '';
  resizeInput();
  void ask(text);
}

function newConversation() {
  state.inflight?.abort();
  state.inflight = null;
  state.sessionId = null;
  els.messages.replaceChildren();
  els.welcome.hidden = false;
  els.input.value = '';
  resizeInput();
  updateBusyUi();
  els.scroller.scrollTop = 0;
  els.input.focus();
}

// ───────────────────────────── events ─────────────────────────────

els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (state.inflight) {
    state.inflight.abort();
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

els.newChat.addEventListener('click', newConversation);

els.langSelect.addEventListener('change', () => {
  const v = els.langSelect.value;
  if (v !== 'ko' && v !== 'zh' && v !== 'en') return;
  state.lang = v;
  try {
    localStorage.setItem(LANG_KEY, v);
  } catch {
    /* ignore */
  }
  applyLang();
});

els.examples.addEventListener('click', (e) => {
  const btn = /** @type {HTMLElement} */ (e.target).closest('button.example');
  if (btn?.textContent) void ask(btn.textContent);
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

els.messages.addEventListener('click', (e) => {
  const btn = /** @type {HTMLElement} */ (e.target).closest('button[data-cite]');
  if (!btn) return;
  const msg = btn.closest('.msg');
  const cite = msg && citationsByMessage.get(msg)?.get(Number(btn.getAttribute('data-cite')));
  if (cite) showCitation(cite);
});

els.citeClose.addEventListener('click', () => els.dialog.close());
els.dialog.addEventListener('click', (e) => {
  if (e.target === els.dialog) els.dialog.close(); // a click on the backdrop
});
els.dialog.addEventListener('close', () => {
  if (lastFocus?.isConnected) lastFocus.focus();
  lastFocus = null;
});

els.toggle.addEventListener('click', () => (els.drawer.classList.contains('open') ? closeDrawer() : openDrawer()));
els.drawerClose.addEventListener('click', () => (drawerIsModal() ? closeDrawer() : els.input.focus()));
els.backdrop.addEventListener('click', () => closeDrawer());
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && els.drawer.classList.contains('open')) {
    e.preventDefault();
    closeDrawer();
  }
});
drawerMedia.addEventListener('change', () => closeDrawer(false));

applyLang();
void loadArticles();
if (!drawerIsModal()) els.input.focus();
