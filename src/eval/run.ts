/**
 * Runs the dev set through the chat service exactly as users meet it: follow-ups are asked in
 * a session after their earlier turns; retrieval is measured on the passages the chat would
 * answer from (`DefaultChatService.prepare`), answers on `ask`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DefaultChatService } from '../chat/service.js';
import type { Chunk, SessionStore } from '../types.js';
import { type DevQuestion, type QuestionResult, containsAllGroups, markersConsistent } from './metrics.js';

export interface GoldArticle {
  id: string;
  section: string;
  number: string;
  title: string;
}

export function loadDevSet(file: string): DevQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Partial<DevQuestion>)
    // Extra sets may omit the answer side: no keywords, no turns.
    .map((q) => ({ turns: [], also: [], answer_keywords: [], type: 'fact', ...q }) as DevQuestion);
}

/**
 * The dev set and the held-out sets (`*-heldout.jsonl`, written after it) in `dir`, as one list,
 * each question in its own file's split: their `check` halves are the nearest the team has to
 * questions never seen. Ids must be unique across the files (they are the results' keys).
 */
export function loadPooledSets(dir: string): DevQuestion[] {
  const files = ['dev.jsonl', ...fs.readdirSync(dir).filter((f) => f.endsWith('-heldout.jsonl')).sort()];
  const all = files.flatMap((f) => loadDevSet(path.join(dir, f)));
  const seen = new Set<string>();
  for (const q of all) {
    if (seen.has(q.id)) throw new Error(`question id ${q.id} is in two of ${files.join(', ')}`);
    seen.add(q.id);
  }
  return all;
}

/** Gold ids ("trend-01") → "section|number", the identity both the eval and the parse agree on. */
export function goldKeys(articles: GoldArticle[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, `${a.section}|${a.number}`]));
}

const chunkKey = (c: Pick<Chunk, 'section' | 'articleNumber'>) => `${c.section}|${c.articleNumber}`;

export async function runDevSet(
  questions: DevQuestion[],
  gold: Map<string, string>,
  chat: DefaultChatService,
  sessions: SessionStore,
  opts: { answers: boolean; k?: number },
): Promise<QuestionResult[]> {
  const k = opts.k ?? 5;
  const out: QuestionResult[] = [];
  for (const q of questions) {
    const sessionId = `eval-${q.id}`;
    await sessions.delete(sessionId);
    for (const t of q.turns) await chat.ask({ message: t, sessionId, language: q.lang });
    const turns = (await sessions.get(sessionId))?.turns ?? [];

    const t0 = performance.now();
    const { hits } = await chat.prepare(q.question, q.lang, turns, k);
    const searchMs = performance.now() - t0;

    const goldSet = new Set([q.article, ...q.also].filter((x): x is string => !!x).map((id) => gold.get(id) ?? `?${id}`));
    const idx = hits.findIndex((h) => goldSet.has(chunkKey(h.chunk)));
    const r: QuestionResult = {
      id: q.id,
      lang: q.lang,
      type: q.type,
      ...(q.split ? { split: q.split } : {}),
      question: q.question,
      answerable: q.article !== null,
      keywordGroups: q.answer_keywords.length,
      goldRank: idx >= 0 ? idx + 1 : null,
      evidence1: hits.length > 0 && containsAllGroups(hits[0]!.chunk.text, q.answer_keywords),
      evidence5: containsAllGroups(hits.slice(0, 5).map((h) => h.chunk.text).join('\n'), q.answer_keywords),
      searchMs,
      topArticles: hits.map((h) => `${h.chunk.section} ${h.chunk.articleNumber}`),
    };

    if (opts.answers) {
      const t1 = performance.now();
      const res = await chat.ask({ message: q.question, sessionId, language: q.lang });
      r.chatMs = performance.now() - t1;
      r.found = res.found;
      r.answer = res.answer;
      r.keywordsCovered = containsAllGroups(res.answer, q.answer_keywords);
      const citedKeys = res.citations.map((c) => `${c.section}|${c.article.number}`);
      r.cited = citedKeys.length;
      r.citedGold = citedKeys.filter((key) => goldSet.has(key)).length;
      r.firstCitedGold = citedKeys.length > 0 && goldSet.has(citedKeys[0]!);
      r.markersOk = markersConsistent(res.answer, res.citations.map((c) => c.id));
    }
    await sessions.delete(sessionId);
    out.push(r);
  }
  return out;
}
