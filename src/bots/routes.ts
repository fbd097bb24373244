/**
 * The messaging-bot endpoints: `POST /bots/kakao`, `POST /bots/telegram`, `POST /bots/slack`.
 * Mounted before the app's JSON parser: each route reads its own body (Slack's signature is
 * computed over the raw bytes).
 */
import { Router } from 'express';
import type { AppContext } from '../server/context.js';
import { BackgroundTasks } from './adapter.js';
import { kakaoRoutes } from './kakao.js';
import { slackRoutes } from './slack.js';
import { telegramRoutes } from './telegram.js';

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

export function botRoutes(ctx: AppContext): Router {
  const tasks = botTasks(ctx);
  const r = Router();
  r.use(kakaoRoutes(ctx, tasks));
  r.use(telegramRoutes(ctx, tasks));
  r.use(slackRoutes(ctx, tasks));
  return r;
}
