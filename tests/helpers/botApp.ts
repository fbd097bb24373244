/**
 * The bot routes alone on a loopback port, around a stub chat service: for testing the
 * adapters' wire formats, secrets and timing without the index. Integration tests use the
 * real server (tests/helpers/server.ts) instead.
 */
import http from 'node:http';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from 'pino';
import { type BotRouteOptions, botRoutes, botTasks } from '../../src/bots/routes.js';
import { MemorySessionStore } from '../../src/chat/sessions.js';
import { MemoryDedupStore } from '../../src/state/dedup.js';
import { createLogger } from '../../src/logger.js';
import type { AppContext } from '../../src/server/context.js';
import { errorHandler, notFound } from '../../src/server/errors.js';
import type { ChatOptions, ChatRequest, ChatResponse, ChatService, Citation } from '../../src/types.js';
import { testConfig } from './env.js';

export interface StubChat extends ChatService {
  calls: Array<{ req: ChatRequest; opts?: ChatOptions }>;
  /** Delay before answering, ms. */
  delayMs: number;
  /** The next answers (default: a Korean or Chinese answer by the question). */
  respond: (req: ChatRequest) => ChatResponse | Promise<ChatResponse>;
}

export function citation(id: number, over: Partial<Citation> = {}): Citation {
  return {
    id,
    section: '산업 트렌드',
    article: { number: '01', title: '구현 지능 산업 심층 분석' },
    heading: '산업체인 분석',
    page: 9,
    quote: '유니트리는 69.75%의 점유율로 1위',
    source: { title: '후이보즈쉰(慧博资讯). 구현 지능 산업 심층 분석', url: 'https://example.com/report?a=1&b=2' },
    chunkId: `r:trend-01:${id}`,
    articleId: 'trend-01',
    ...over,
  };
}

/** A stub that, like the real service, keeps a session per conversation id (the Slack bot follows threads by it). */
export function stubChat(sessions?: MemorySessionStore): StubChat {
  const stub: StubChat = {
    calls: [],
    delayMs: 0,
    respond: (req) => {
      const zh = /[\u4e00-\u9fff]/.test(req.message) && !/[\uac00-\ud7af]/.test(req.message);
      return zh
        ? { sessionId: req.sessionId ?? 's', language: 'zh', found: true, answer: '根据报告，宇树科技以69.75%的份额位居第一 [1]。<注意> & 说明', citations: [citation(1)] }
        : { sessionId: req.sessionId ?? 's', language: 'ko', found: true, answer: '유니트리는 글로벌 사족 로봇 시장에서 69.75%의 점유율로 1위입니다 [1].', citations: [citation(1)] };
    },
    async ask(req, opts) {
      stub.calls.push({ req, ...(opts ? { opts } : {}) });
      if (stub.delayMs) await new Promise((r) => setTimeout(r, stub.delayMs));
      const res = await stub.respond(req);
      if (sessions && req.sessionId) {
        const s = (await sessions.get(req.sessionId)) ?? { id: req.sessionId, turns: [], createdAt: Date.now(), updatedAt: Date.now() };
        s.turns.push({ role: 'user', content: req.message, at: Date.now() }, { role: 'assistant', content: res.answer, at: Date.now() });
        await sessions.save(s);
      }
      return res;
    },
  };
  return stub;
}

export interface BotApp {
  url: string;
  ctx: AppContext;
  sessions: MemorySessionStore;
  chat: StubChat;
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startBotApp(env: Record<string, string> = {}, opts: { now?: () => number; routes?: BotRouteOptions; logger?: Logger } = {}): Promise<BotApp> {
  const sessions = new MemorySessionStore({ maxTurns: 20, ttlMs: 60 * 60_000, maxSessions: 1000 });
  const chat = stubChat(sessions);
  const ctx = {
    config: testConfig(env),
    logger: opts.logger ?? createLogger('silent'),
    chat,
    sessions,
    dedup: new MemoryDedupStore(),
    ...(opts.now ? { now: opts.now } : {}),
  } as unknown as AppContext;
  const app = express();
  app.use(botRoutes(ctx, opts.routes));
  app.use(express.json());
  app.use(notFound);
  app.use(errorHandler);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    sessions,
    chat,
    idle: () => botTasks(ctx).idle(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A pino logger whose JSON lines are kept in memory, for asserting what was logged. */
export function memoryLogger(level = 'warn'): { logger: Logger; lines: () => Array<Record<string, any>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  return {
    logger: createLogger(level, stream),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>),
  };
}
