/**
 * The quality floor on the dev set (eval/dev.jsonl), with the built-in embedder on the real
 * index: a change that breaks retrieval or answers fails CI here. The figures themselves are
 * printed by `npm run eval`; these floors are the targets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DefaultChatService } from '../../src/chat/service.js';
import { HashedEmbedder } from '../../src/embed/hashed.js';
import { type QuestionResult, summarize } from '../../src/eval/metrics.js';
import { type GoldArticle, goldKeys, loadDevSet, runDevSet } from '../../src/eval/run.js';
import { createLogger } from '../../src/logger.js';
import { createContext } from '../../src/server/compose.js';
import { ROOT, testConfig } from '../helpers/env.js';

let results: QuestionResult[];
const by = (lang?: string) => summarize(lang ? results.filter((r) => r.lang === lang) : results);

beforeAll(async () => {
  const ctx = await createContext(testConfig(), { logger: createLogger('silent'), embedder: new HashedEmbedder() });
  const questions = loadDevSet(path.join(ROOT, 'eval', 'dev.jsonl'));
  const gold = goldKeys(JSON.parse(fs.readFileSync(path.join(ROOT, 'eval', 'articles.json'), 'utf8')) as GoldArticle[]);
  results = await runDevSet(questions, gold, ctx.chat as DefaultChatService, ctx.sessions, { answers: true });
});

describe('dev-set floor (built-in embedder, extractive answerer)', () => {
  it('Korean retrieval: Recall@1 ≥ 0.9, MRR ≥ 0.93, evidence Recall@5 ≥ 0.95', () => {
    const s = by('ko');
    expect(s.recall1).toBeGreaterThanOrEqual(0.9);
    expect(s.mrr).toBeGreaterThanOrEqual(0.93);
    expect(s.evidence5).toBeGreaterThanOrEqual(0.95);
  });

  it('Chinese retrieval: Recall@5 ≥ 0.85, MRR ≥ 0.75', () => {
    const s = by('zh');
    expect(s.recall5).toBeGreaterThanOrEqual(0.85);
    expect(s.mrr).toBeGreaterThanOrEqual(0.75);
  });

  it('English retrieval: Recall@5 ≥ 0.8', () => {
    expect(by('en').recall5).toBeGreaterThanOrEqual(0.8);
  });

  it('answers: every unanswerable question gets found:false, and every [n] resolves', () => {
    const s = by();
    const [ok, n] = s.unanswerableCorrect!.split('/').map(Number);
    expect(n).toBeGreaterThan(0);
    expect(ok).toBe(n);
    expect(s.markersOk).toBe(1);
  });

  it('answers: keyword coverage ≥ 0.8 (Korean) and ≥ 0.7 (Chinese)', () => {
    expect(by('ko').keywordCoverage).toBeGreaterThanOrEqual(0.8);
    expect(by('zh').keywordCoverage).toBeGreaterThanOrEqual(0.7);
  });
});
