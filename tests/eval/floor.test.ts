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
import { type GoldArticle, goldKeys, loadDevSet, loadPooledSets, runDevSet } from '../../src/eval/run.js';
import { createLogger } from '../../src/logger.js';
import { createContext } from '../../src/server/compose.js';
import { ROOT, testConfig } from '../helpers/env.js';

let results: QuestionResult[];
const check = (lang?: string) => summarize(results.filter((r) => r.split === 'check' && (!lang || r.lang === lang)));

beforeAll(async () => {
  const ctx = await createContext(testConfig(), { logger: createLogger('silent'), embedder: new HashedEmbedder() });
  const questions = loadDevSet(path.join(ROOT, 'eval', 'dev.jsonl'));
  const gold = goldKeys(JSON.parse(fs.readFileSync(path.join(ROOT, 'eval', 'articles.json'), 'utf8')) as GoldArticle[]);
  results = await runDevSet(questions, gold, ctx.chat as DefaultChatService, ctx.sessions, { answers: true });
});

// Floors at the measured level of the `check` split (npm run eval), so that any regression
// there fails: Korean 27/29, Chinese 20/23, English 10/12 of the answerable questions hold the
// keywords, 58/64 cite a gold article first, and 5 of the 10 unanswerable questions are refused
// while 2 of the 64 answerable ones are answered "not found" (with their quotes): the rule for a
// kind of answer the report never states about a subject (extractive.ts, kindUnstated) refused
// one more of each; on the second held-out set's check half it refused two more and no answerable
// one. The fifth refusal (nineteenth session) is titleOnly's: an item printed only as a title.
describe('dev-set floor on the check split (built-in embedder, extractive answerer)', () => {
  it('retrieval: gold article first ko ≥ 0.89, zh ≥ 0.95, en = 1; evidence in the top 5 zh = 1, en ≥ 0.91', () => {
    expect(check('ko').recall1).toBeGreaterThanOrEqual(0.89);
    expect(check('zh').recall1).toBeGreaterThanOrEqual(0.95);
    expect(check('en').recall1).toBe(1);
    expect(check('zh').evidence5).toBe(1);
    expect(check('en').evidence5).toBeGreaterThanOrEqual(0.91);
  });
  it('answers: keywords ko ≥ 0.93 (27/29), zh ≥ 0.86 (20/23), en ≥ 0.83 (10/12)', () => {
    expect(check('ko').keywordCoverage).toBeGreaterThanOrEqual(0.93);
    expect(check('zh').keywordCoverage).toBeGreaterThanOrEqual(0.86);
    expect(check('en').keywordCoverage).toBeGreaterThanOrEqual(0.83);
  });
  it('answers: first citation in a gold article ≥ 0.90 (58/64), every [n] resolves', () => {
    expect(check().firstCitedGold).toBeGreaterThanOrEqual(0.9);
    expect(check().markersOk).toBe(1);
  });
  it('unanswerable questions: at least 5 of 10 refused; at most 2 of 64 answerable ones answered "not found"', () => {
    expect(Number(check().unanswerableCorrect?.split('/')[0])).toBeGreaterThanOrEqual(5);
    expect(Number(check().hedged?.split('/')[0])).toBeLessThanOrEqual(2);
  });
});

/**
 * The same floors on the `check` halves of the dev set and the eight held-out sets together
 * (`npm run eval -- --pooled`, 479 questions): the held-out sets were written after the dev set,
 * so these halves are the nearest measure of questions never seen, and a rule or refit that
 * gains on `tune` while losing here fails. Floors at the measured level (twentieth session, with
 * the eighth set, written blind in it and measured before it was read): keywords ko 142/160, zh
 * 105/125, en 59/76; gold first cited 345/361; refused 66/118 (65 before otherEdition); hedged 7/361.
 */
describe('held-out floor on the pooled check halves (built-in embedder, extractive answerer)', () => {
  let pooled: QuestionResult[];
  const half = (lang?: string) => pooled.filter((r) => r.split === 'check' && (!lang || r.lang === lang));
  const count = (rs: QuestionResult[], ok: (r: QuestionResult) => boolean) => rs.filter(ok).length;
  beforeAll(async () => {
    const ctx = await createContext(testConfig(), { logger: createLogger('silent'), embedder: new HashedEmbedder() });
    const gold = goldKeys(JSON.parse(fs.readFileSync(path.join(ROOT, 'eval', 'articles.json'), 'utf8')) as GoldArticle[]);
    const questions = loadPooledSets(path.join(ROOT, 'eval')).filter((q) => q.split === 'check');
    pooled = await runDevSet(questions, gold, ctx.chat as DefaultChatService, ctx.sessions, { answers: true });
  });
  it('answers: keywords ko ≥ 142/160, zh ≥ 105/125, en ≥ 59/76; gold article cited first ≥ 345/361', () => {
    const kw = (lang: string) => count(half(lang), (r) => r.answerable && r.keywordsCovered === true);
    expect(kw('ko')).toBeGreaterThanOrEqual(142);
    expect(kw('zh')).toBeGreaterThanOrEqual(105);
    expect(kw('en')).toBeGreaterThanOrEqual(59);
    expect(count(half(), (r) => r.answerable)).toBe(361);
    expect(count(half(), (r) => r.answerable && r.firstCitedGold === true)).toBeGreaterThanOrEqual(345);
  });
  it('unanswerable questions: at least 66 of 118 refused; at most 7 of 361 answerable ones answered "not found"', () => {
    expect(count(half(), (r) => !r.answerable)).toBe(118);
    expect(count(half(), (r) => !r.answerable && r.found === false)).toBeGreaterThanOrEqual(66);
    expect(count(half(), (r) => r.answerable && r.found === false)).toBeLessThanOrEqual(7);
  });
});
