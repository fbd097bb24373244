/**
 * A small AppContext for tests of the HTTP middleware (auth, limits, headers, metrics, logs):
 * the real app and routes over a fake index, retriever and chat service, so these tests do
 * not depend on the corpus, the embedder or the answerer. The chat service can be told to be
 * slow (honouring the request's AbortSignal) or to fail.
 */
import { Writable } from 'node:stream';
import { MemorySessionStore } from '../../src/chat/sessions.js';
import { MemoryDedupStore } from '../../src/state/dedup.js';
import { MemoryFeedbackStore } from '../../src/feedback/store.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { AppContext } from '../../src/server/context.js';
import type { ChatRequest, ChatResponse, ChatOptions } from '../../src/types.js';
import { ROOT } from '../helpers/env.js';

export interface FakeBehaviour {
  /** Milliseconds the answer takes (aborted early by the request signal). */
  delayMs?: number;
  /** Throw this instead of answering. */
  fail?: Error;
}

export interface FakeContext {
  ctx: AppContext;
  /** Every log line written (parsed JSON). */
  logs: Array<Record<string, unknown>>;
  /** Questions the chat service received, and how each ended. */
  asked: Array<{ message: string; aborted?: unknown }>;
  behaviour: FakeBehaviour;
}

export function fakeContext(env: Record<string, string> = {}): FakeContext {
  const config = loadConfig({ MODEL: 'hashed', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', INDEX_DIR: '.tmp/fake-index', ...env }, ROOT);
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const logger = createLogger(config.LOG_LEVEL, sink);
  const behaviour: FakeBehaviour = {};
  const asked: FakeContext['asked'] = [];

  const chat = {
    async ask(req: ChatRequest, opts: ChatOptions = {}): Promise<ChatResponse> {
      const entry: { message: string; aborted?: unknown } = { message: req.message };
      asked.push(entry);
      if (behaviour.fail) throw behaviour.fail;
      if (behaviour.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, behaviour.delayMs);
          opts.signal?.addEventListener('abort', () => {
            clearTimeout(t);
            entry.aborted = opts.signal?.reason;
            reject(opts.signal?.reason instanceof Error ? opts.signal.reason : new Error('aborted'));
          });
        });
      }
      const answer = '답변입니다 [1]';
      opts.onDelta?.(answer);
      return {
        sessionId: req.sessionId ?? 's-1',
        language: 'ko',
        found: !req.message.includes('없는'),
        answer,
        citations: [
          {
            id: 1,
            section: '산업 트렌드',
            article: { number: '01', title: '구현 지능 산업 심층 분석' },
            heading: '산업체인 분석',
            page: 9,
            quote: '인용문',
            chunkId: 'r:trend-01:0',
            articleId: 'trend-01',
          },
        ],
        answerer: 'fake',
      };
    },
  };

  const retriever = {
    async search(q: string) {
      return { query: { raw: q, normalized: q, lang: 'ko', terms: [], expansions: [] }, hits: [] };
    },
    analyze(q: string) {
      return { raw: q, normalized: q, lang: 'ko', terms: [], expansions: [] };
    },
  };

  const index = {
    buildName: 'fake-build',
    manifest: {
      schemaVersion: 1,
      builtAt: '2025-06-01T00:00:00.000Z',
      corpus: {},
      embedder: { id: 'hashed-test', dimensions: 8, kind: 'hashed' },
      chunking: { targetChars: 420, maxChars: 700, overlapSentences: 1 },
      counts: { reports: 1, articles: 2, chunks: 3, glossary: 0 },
      files: {},
    },
    chunks: [],
    vectors: [],
    articles: [
      { reportId: 'r', reportTitle: 'R', issue: '2025-06', articleId: 'trend-01', section: '산업 트렌드', number: '01', title: 'A', page: 1, endPage: 2 },
    ],
  };

  const ctx = {
    config,
    index,
    retriever,
    chat,
    embedder: { info: { id: 'hashed-test', dimensions: 8, kind: 'hashed' } },
    logger,
    sessions: new MemorySessionStore({ maxTurns: 10, ttlMs: 60_000, maxSessions: 100 }),
    dedup: new MemoryDedupStore(),
    feedback: new MemoryFeedbackStore(),
  } as unknown as AppContext;
  return { ctx, logs, asked, behaviour };
}
