/** POST /api/chat: a question in a conversation → a cited answer (JSON, or SSE when asked). */
import { Router } from 'express';
import { ownedSession, ownerOf } from '../../chat/ownership.js';
import { clientOf } from '../security.js';
import { toAppError } from '../errors.js';
import { chatBodySchema } from '../schemas.js';
import { startSse, wantsSse } from '../sse.js';
import { type AppContext, requestSignal } from '../context.js';

export function chatRoutes(ctx: AppContext): Router {
  const r = Router();
  const schema = chatBodySchema({ maxChars: ctx.config.MAX_QUESTION_CHARS, maxTopK: ctx.config.MAX_TOP_K });
  r.post('/api/chat', async (req, res, next) => {
    try {
      const body = schema.parse(req.body ?? {});
      const signal = requestSignal(res, ctx.config.REQUEST_TIMEOUT_MS);
      // Only a session this API issued to this caller is continued; any other id starts a new one.
      const owner = ownerOf(clientOf(res).keyId);
      const session = await ownedSession(ctx.sessions, body.sessionId, owner);
      const chatReq = {
        message: body.message,
        ...(session ? { sessionId: session.id } : {}),
        ...(owner ? { owner } : {}),
        ...(body.language ? { language: body.language } : {}),
        ...(body.topK ? { topK: body.topK } : {}),
      };
      if (!wantsSse(req.headers.accept, body.stream)) {
        res.json(await ctx.chat.ask(chatReq, { signal }));
        return;
      }
      // SSE: "delta" events carry text as it is produced, one "done" event carries the whole
      // response (with verified citations: the final answer text is authoritative).
      const sse = startSse(res);
      try {
        const out = await ctx.chat.ask(chatReq, { signal, onDelta: (text) => sse.send('delta', { text }) });
        sse.send('done', out);
      } catch (err) {
        sse.send('error', toAppError(err).toJSON());
      }
      sse.end();
    } catch (err) {
      next(err);
    }
  });
  return r;
}
