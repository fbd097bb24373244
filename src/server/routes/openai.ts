/**
 * OpenAI-compatible endpoints, so existing chat front ends and SDKs can use the assistant as a
 * "model": POST /v1/chat/completions (non-streamed and `stream: true`) and GET /v1/models.
 * The conversation comes with each request (the messages list), so nothing is stored.
 * Citations travel in the message text (a sources block) and in an extra `citations` field.
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { sourcesBlock, withNote } from '../../chat/format.js';
import { toAppError } from '../errors.js';
import { contentText, openAiChatSchema } from '../schemas.js';
import { startSse } from '../sse.js';
import { type AppContext, requestSignal } from '../context.js';

export const MODEL_ID = 'kic-report-assistant';

export function openAiRoutes(ctx: AppContext): Router {
  const r = Router();
  const schema = openAiChatSchema({ maxChars: ctx.config.MAX_QUESTION_CHARS });
  const created = () => Math.floor((ctx.now ?? Date.now)() / 1000);

  r.get('/v1/models', (_req, res) => {
    res.json({ object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'kic-report-assistant' }] });
  });

  r.post('/v1/chat/completions', async (req, res, next) => {
    try {
      const body = schema.parse(req.body ?? {});
      const turns = body.messages
        .filter((m) => m.role === 'user' || m.role === 'assistant')
        .map((m) => ({ role: m.role as 'user' | 'assistant', content: contentText(m.content) }));
      const lastUser = turns.map((t) => t.role).lastIndexOf('user');
      const message = turns[lastUser]!.content;
      const history = turns.slice(0, lastUser);
      const signal = requestSignal(res, ctx.config.REQUEST_TIMEOUT_MS);
      const id = `chatcmpl-${randomUUID()}`;
      const model = MODEL_ID;

      if (!body.stream) {
        const out = await ctx.chat.ask({ message }, { signal, history });
        const sources = sourcesBlock(out.citations, out.language);
        res.json({
          id,
          object: 'chat.completion',
          created: created(),
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: sources ? `${withNote(out.answer, out.note)}\n\n${sources}` : withNote(out.answer, out.note) }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          citations: out.citations,
          found: out.found,
        });
        return;
      }

      const sse = startSse(res);
      const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
        sse.send(undefined, { id, object: 'chat.completion.chunk', created: created(), model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
      chunk({ role: 'assistant', content: '' }, null);
      try {
        const out = await ctx.chat.ask({ message }, { signal, history, onDelta: (text) => chunk({ content: text }, null) });
        if (out.note) chunk({ content: `\n\n${out.note}` }, null);
        const sources = sourcesBlock(out.citations, out.language);
        if (sources) chunk({ content: `\n\n${sources}` }, null);
        chunk({}, 'stop', { citations: out.citations, found: out.found });
      } catch (err) {
        sse.send(undefined, toAppError(err).toJSON());
      }
      sse.send(undefined, '[DONE]');
      sse.end();
    } catch (err) {
      next(err);
    }
  });
  return r;
}
