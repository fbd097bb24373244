// @ts-check
/**
 * Answer text → safe DOM: Markdown (marked, GFM: headings, lists, tables, code, emphasis)
 * sanitized by DOMPurify, with the citation markers [n] turned into clickable chips and a
 * number kept on the line of its unit ("2023 년").
 *
 * Three layers keep answer, question and corpus text from running script:
 *  1. raw HTML in the Markdown is rendered as text (the `html` renderer escapes it), so
 *     "<img src=x onerror=…>" in an answer reads as those characters;
 *  2. DOMPurify removes anything not in a short allow-list of tags and attributes (no img,
 *     no style, no event handlers, only http(s)/mailto links);
 *  3. the page's Content-Security-Policy allows no inline script at all.
 * Both libraries are served from this server (routes.ts: /vendor/…), never from a CDN.
 */
import { Marked } from './vendor/marked.esm.js';
import DOMPurify from './vendor/purify.es.mjs';

/** @typedef {import('./app.js').Citation} Citation */

const ESCAPES = /** @type {Record<string, string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' });
/** @param {string} s */
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * `**강조**조사`: CommonMark does not close `**` between punctuation and a letter
 * ("**69.75%**의" stays literal), which Korean and Chinese text hits all the time (particles
 * follow the word directly). This inline rule takes `**…**` on one line whatever follows it.
 */
const cjkStrong = {
  name: 'cjkStrong',
  level: /** @type {const} */ ('inline'),
  start: (/** @type {string} */ src) => {
    const i = src.indexOf('**');
    return i < 0 ? undefined : i;
  },
  /** @this {any} @param {string} src */
  tokenizer(src) {
    const m = /^\*\*(?=\S)([^*\n]*?\S)\*\*(?!\*)/.exec(src);
    if (m) return { type: 'cjkStrong', raw: m[0], text: m[1], tokens: this.lexer.inlineTokens(m[1] ?? '') };
    return undefined;
  },
  /** @this {any} @param {{ tokens: unknown[] }} token */
  renderer(token) {
    return `<strong>${this.parser.parseInline(token.tokens)}</strong>`;
  },
};

const marked = new Marked({
  extensions: [cjkStrong],
  gfm: true,
  // A single line break in an answer is a line break (the extractive answerer writes lines).
  breaks: true,
  renderer: {
    html: (/** @type {{ text: string }} */ token) => escapeHtml(token.text),
  },
});

const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a'];
const ALLOWED_ATTR = ['href', 'title', 'align', 'start'];

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!/^(https?:|mailto:)/i.test(href)) node.removeAttribute('href');
    else {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
});

/** Markdown → a sanitized fragment (no citation processing). @param {string} text */
export function markdownFragment(text) {
  const html = /** @type {string} */ (marked.parse(text, { async: false }));
  return /** @type {DocumentFragment} */ (DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ADD_ATTR: ['target', 'rel'], RETURN_DOM_FRAGMENT: true }));
}

/** `[1]`, `[1, 2]`, `[1][2]` citation markers. */
const MARKER = /\[(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\]/g;
/** Punctuation that must stay on the line of the chips before it. */
const TRAILING_PUNCT = /^[.,;:!?)\]}…。，、；：！？）」』》〉”’]+/u;
/** A number, a space, then a Hangul (or %/unit) word: the space becomes a no-break space. */
const NUMBER_UNIT = /(\d)[ \t](?=[\uac00-\ud7a3%])/g;
/** "69.75%의": a browser may break after % even with keep-all; a word joiner (U+2060) forbids it. */
const PERCENT_PARTICLE = /%(?=[\uac00-\ud7a3])/g;

/** Text with the space between a number and its unit made unbreakable ("30 개", "2023 년"). @param {string} text */
export const keepUnits = (text) => text.replace(NUMBER_UNIT, '$1\u00a0').replace(PERCENT_PARTICLE, '%\u2060');

/**
 * @typedef {{ cites: Map<number, Citation> | null, label: (id: number, cite: Citation) => string, lang?: string }} RenderOptions
 */

/**
 * Renders `text` into `parent`, replacing only the top-level blocks that changed since the
 * last render (streaming: the finished paragraphs stay the same nodes, so nothing flickers and
 * a selection in them survives).
 * @param {HTMLElement} parent @param {string} text @param {RenderOptions} opts
 */
export function renderAnswer(parent, text, opts) {
  const frag = markdownFragment(text);
  decorate(frag, opts);
  // Finished on the fragment, before the comparison, so that an unchanged block compares equal.
  for (const el of frag.querySelectorAll('p, li, td, th, h1, h2, h3, h4, h5, h6, blockquote')) {
    el.setAttribute('lang', textLang(el.textContent ?? '', opts.lang));
  }
  for (const table of frag.querySelectorAll('table')) {
    // Wide tables scroll inside their own box instead of widening the page.
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    table.replaceWith(wrap);
    wrap.append(table);
  }
  const next = [...frag.childNodes].filter((n) => n.nodeType === Node.ELEMENT_NODE || (n.textContent ?? '').trim());
  const current = [...parent.childNodes];
  next.forEach((node, i) => {
    const old = current[i];
    if (old && old.isEqualNode(node)) return;
    if (old) parent.replaceChild(node, old);
    else parent.append(node);
  });
  for (const extra of current.slice(next.length)) extra.remove();
}

/**
 * Rough language of a piece of text, for its `lang` attribute, which decides line breaking
 * (Korean keeps words whole; Chinese breaks between characters) and the CJK font.
 * @param {string} text @param {string} [fallback]
 */
export function textLang(text, fallback = 'en') {
  const hangul = text.match(/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/g)?.length ?? 0;
  const han = text.match(/[\u4e00-\u9fff\u3400-\u4dbf]/g)?.length ?? 0;
  if (hangul && hangul >= han) return 'ko';
  if (han) return 'zh-CN';
  return /[a-z]/i.test(text) ? 'en' : fallback;
}

/** Citation chips and no-break spaces in every text node outside code. @param {DocumentFragment} frag @param {RenderOptions} opts */
function decorate(frag, opts) {
  const walker = document.createTreeWalker(frag, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('code, pre') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  /** @type {Text[]} */
  const texts = [];
  while (walker.nextNode()) texts.push(/** @type {Text} */ (walker.currentNode));
  for (const node of texts) {
    const value = keepUnits(node.nodeValue ?? '');
    if (!MARKER.test(value)) {
      if (value !== node.nodeValue) node.nodeValue = value;
      continue;
    }
    MARKER.lastIndex = 0;
    node.replaceWith(...citationNodes(value, opts));
  }
}

/**
 * One text with markers → text nodes and chip groups. "…있다 [1]." becomes "…있다[1]." with
 * the last character, the chips and the punctuation in one unbreakable group.
 * @param {string} text @param {RenderOptions} opts @returns {Node[]}
 */
function citationNodes(text, opts) {
  /** @type {Node[]} */
  const out = [];
  /** @type {HTMLElement | null} */
  let group = null;
  let last = 0;
  const after = (/** @type {string} */ s) => {
    if (!s) return;
    const punct = group ? (s.match(TRAILING_PUNCT)?.[0] ?? '') : '';
    if (punct) group?.append(punct);
    if (s.length > punct.length) out.push(document.createTextNode(s.slice(punct.length)));
  };
  for (const m of text.matchAll(MARKER)) {
    const at = m.index ?? 0;
    let before = text.slice(last, at);
    last = at + m[0].length;
    const ids = (m[1] ?? '').split(/[,，、]/).map((s) => Number(s.trim()));
    if (opts.cites && !ids.every((id) => opts.cites?.has(id))) {
      after(before + m[0]);
      group = null;
      continue;
    }
    const adjacent = before === '' && group !== null;
    if (!adjacent) {
      before = before.replace(/[ \t\u00a0]+$/, '');
      const glue = before.match(/[^\s]$/u)?.[0] ?? '';
      after(before.slice(0, before.length - glue.length));
      group = document.createElement('span');
      group.className = 'cite-group';
      if (glue) group.append(glue);
      out.push(group);
    }
    for (const id of ids) {
      const cite = opts.cites?.get(id);
      const sup = document.createElement('sup');
      const chip = document.createElement(cite ? 'button' : 'span');
      chip.className = cite ? 'cite-ref' : 'cite-ref pending';
      chip.textContent = String(id);
      if (cite) {
        chip.setAttribute('type', 'button');
        chip.setAttribute('data-cite', String(id));
        chip.setAttribute('aria-label', opts.label(id, cite));
      }
      sup.append(chip);
      /** @type {HTMLElement} */ (group).append(sup);
    }
  }
  after(text.slice(last));
  return out;
}
