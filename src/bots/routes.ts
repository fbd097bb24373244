/**
 * The messaging-bot endpoints: `POST /bots/kakao`, `POST /bots/telegram`, `POST /bots/slack`,
 * `GET|POST /bots/wecom`, `POST /bots/feishu`. Mounted before the app's JSON parser: each route
 * reads its own body (signatures are computed over the raw bytes). Not behind API_KEYS (the
 * platforms cannot send one): each is closed until its platform secret is configured, and
 * every platform user has a per-minute limit (BOT_RATE_LIMIT_PER_MINUTE).
 */
import { Router } from 'express';
import type { AppContext } from '../server/context.js';
import { clock } from './adapter.js';
import { BackgroundTasks } from './delivery.js';
import { feishuRoutes } from './feishu.js';
import { BotLimiter } from './guard.js';
import { type KakaoOptions, kakaoRoutes } from './kakao.js';
import { slackRoutes } from './slack.js';
import { telegramRoutes } from './telegram.js';
import { wecomRoutes } from './wecom.js';

const registry = new WeakMap<AppContext, BackgroundTasks>();

/**
 * Replies still being sent after their webhook was answered, for an app context. Tests await
 * `botTasks(ctx).idle()`; a graceful shutdown can do the same before exiting.
 */
export function botTasks(ctx: AppContext): BackgroundTasks {
  let tasks = registry.get(ctx);
  if (!tasks) {
    tasks = new BackgroundTasks(ctx.logger.child({ component: 'bots' }));
    registry.set(ctx, tasks);
  }
  return tasks;
}

export interface BotRouteOptions {
  kakao?: KakaoOptions;
}

export function botRoutes(ctx: AppContext, opts: BotRouteOptions = {}): Router {
  const tasks = botTasks(ctx);
  // One limiter for all platforms: its keys carry the platform. Shared by a cluster's workers
  // when the state offers one (the SQLite file), else this process's own.
  const limits = { perMinute: ctx.config.BOT_RATE_LIMIT_PER_MINUTE, now: clock(ctx) };
  const limiter = ctx.botLimiter?.(limits) ?? new BotLimiter(limits);
  const r = Router();
  r.use(kakaoRoutes(ctx, tasks, limiter, opts.kakao));
  r.use(telegramRoutes(ctx, tasks, limiter));
  r.use(slackRoutes(ctx, tasks, limiter));
  r.use(wecomRoutes(ctx, tasks, limiter));
  r.use(feishuRoutes(ctx, tasks, limiter));
  return r;
}
