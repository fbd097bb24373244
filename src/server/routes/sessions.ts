/**
 * GET /api/sessions/:id: a conversation's turns as the API gave them. Only for ids this API
 * issued and, when API_KEYS is set, to the key that created the session; anything else (a bot's
 * id, another key's session, an expired or made-up id) is 404, the same answer as "no such
 * session", so that existence does not leak.
 */
import { Router } from 'express';
import { ownedSession, ownerOf } from '../../chat/ownership.js';
import { AppError } from '../../errors.js';
import type { Citation, Session } from '../../types.js';
import type { AppContext } from '../context.js';
import { clientOf } from '../security.js';

export interface SessionTurn {
  question: string;
  answer: string;
  citations: Citation[];
  at: string;
}

/** User/assistant turn pairs → exchanges (a question without its answer, e.g. cut by the bounds, is left out). */
export function exchanges(s: Session): SessionTurn[] {
  const out: SessionTurn[] = [];
  for (let i = 0; i < s.turns.length - 1; i++) {
    const q = s.turns[i]!;
    const a = s.turns[i + 1]!;
    if (q.role !== 'user' || a.role !== 'assistant') continue;
    out.push({ question: q.content, answer: a.answer ?? a.content, citations: a.citations ?? [], at: new Date(a.at).toISOString() });
    i++;
  }
  return out;
}

export function sessionRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/api/sessions/:id', async (req, res, next) => {
    try {
      const s = await ownedSession(ctx.sessions, req.params['id'], ownerOf(clientOf(res).keyId));
      if (!s) throw new AppError('NOT_FOUND', 'No such session', { field: 'id' });
      res.setHeader('Cache-Control', 'no-store');
      res.json({ id: s.id, turns: exchanges(s) });
    } catch (err) {
      next(err);
    }
  });
  return r;
}
