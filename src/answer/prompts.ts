/**
 * Prompt files (prompts/*.md at the repository root): loaded once and cached, with
 * `{{placeholders}}` filled by a tiny renderer. Prompts live in files so that they can be read,
 * diffed and tuned without touching code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../types.js';

/** prompts/ at the repository root, found from this file (src/answer/ → ../../prompts). */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const cache = new Map<string, string>();

/** Reads `${dir}/${name}.md` once; later calls return the cached text. */
export function loadPrompt(name: string, dir: string = DEFAULT_PROMPTS_DIR): string {
  const file = path.join(dir, `${name}.md`);
  let text = cache.get(file);
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`Prompt file missing or unreadable: ${file}`, { cause: e });
    }
    cache.set(file, text);
  }
  return text;
}

/** The system prompt for answering in a language: prompts/answer.{ko,zh,en}.md. */
export function answerPromptName(lang: Lang): string {
  return `answer.${lang}`;
}

/**
 * Fills `{{name}}` placeholders. A placeholder without a value, or a value without a
 * placeholder, is an error naming it: a typo in a prompt file must fail loudly in tests, not
 * send "{{sourcse}}" to a model. Values are inserted literally (no recursive expansion).
 */
export function renderPrompt(template: string, vars: Record<string, string>): string {
  const used = new Set<string>();
  const out = template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`Prompt placeholder {{${name}}} has no value`);
    used.add(name);
    return v;
  });
  const unused = Object.keys(vars).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`Prompt has no placeholder for: ${unused.join(', ')}`);
  return out;
}

/** Empties the cache (tests that edit prompt files). */
export function clearPromptCache(): void {
  cache.clear();
}
