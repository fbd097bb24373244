/** POST /api/feedback: a reader's 👍/👎 on an answer → the feedback store (201), counted in /metrics. */
import { Router } from 'express';
import { feedbackBodySchema } from '../schemas.js';
import type { AppContext } from '../context.js';
import type { FeedbackEntry } from '../../types.js';

export function feedbackRoutes(ctx: Pick<AppContext, 'config' | 'feedback'>, opts: { onStored?: (rating: 'up' | 'down') => void } = {}): Router {
  const r = Router();
  const schema = feedbackBodySchema({ maxChars: ctx.config.MAX_QUESTION_CHARS });
  r.post('/api/feedback', async (req, res, next) => {
    try {
      const body = schema.parse(req.body ?? {});
      // Only the fields the schema knows are stored (it is strict, and optional ones are dropped when absent).
      const entry: FeedbackEntry = {
        ...(body.sessionId ? { sessionId: body.sessionId } : {}),
        question: body.question,
        answer: body.answer,
        ...(body.citations ? { citations: body.citations } : {}),
        rating: body.rating,
        ...(body.comment?.trim() ? { comment: body.comment.trim() } : {}),
      };
      const record = await ctx.feedback.add(entry);
      opts.onStored?.(record.rating);
      res.status(201).json({ ok: true, at: record.at });
    } catch (err) {
      next(err);
    }
  });
  return r;
}
