/**
 * The Express application: middleware order, routes, and the one error handler. Everything it
 * serves comes from the AppContext built by the composition root (src/server/compose.ts).
 */
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import { errorHandler, notFound, requireJson } from './errors.js';
import { chatRoutes } from './routes/chat.js';
import { healthRoutes } from './routes/health.js';
import { openAiRoutes } from './routes/openai.js';
import { searchRoutes } from './routes/search.js';

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Question text is user data: log the route and timing, not bodies.
      serializers: { req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }) },
    }),
  );

  app.use(healthRoutes(ctx));

  const json = express.json({ limit: ctx.config.BODY_LIMIT_BYTES, strict: true });
  app.use(['/api/chat', '/v1/chat'], (req, res, next) => (req.method === 'POST' ? requireJson(req, res, next) : next()));
  app.use(json);
  app.use(chatRoutes(ctx));
  app.use(searchRoutes(ctx));
  app.use(openAiRoutes(ctx));

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
