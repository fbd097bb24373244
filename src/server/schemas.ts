/** Request schemas (zod): the HTTP contract's input side, validated in one place. */
import { z } from 'zod';

export const langSchema = z.enum(['ko', 'zh', 'en']);

/** Characters a question may not contain: C0 controls other than tab/newline, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const messageSchema = (maxChars: number) =>
  z
    .string({ required_error: 'message is required', invalid_type_error: 'message must be a string' })
    .refine((s) => s.trim().length > 0, 'message must not be empty')
    .refine((s) => s.length <= maxChars, `message must be at most ${maxChars} characters`)
    .refine((s) => !CONTROL.test(s), 'message must not contain control characters');

export const chatBodySchema = (limits: { maxChars: number; maxTopK: number }) =>
  z
    .object({
      message: messageSchema(limits.maxChars),
      // Any string: an id this server did not issue to the caller starts a new session (200), it is not an error.
      sessionId: z.string({ invalid_type_error: 'sessionId must be a string' }).optional(),
      language: langSchema.optional(),
      topK: z.number().int('topK must be an integer').min(1).max(limits.maxTopK).optional(),
      stream: z.boolean().optional(),
    })
    .strict();

export const searchQuerySchema = (limits: { maxChars: number; maxTopK: number; defaultTopK: number }) =>
  z.object({
    q: messageSchema(limits.maxChars),
    k: z.coerce.number().int('k must be an integer').min(1).max(limits.maxTopK).default(limits.defaultTopK),
    lang: langSchema.optional(),
  });

const contentPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();

export const openAiChatSchema = (limits: { maxChars: number }) =>
  z
    .object({
      model: z.string().max(200).optional(),
      messages: z
        .array(
          z
            .object({
              role: z.enum(['system', 'user', 'assistant', 'tool', 'developer']),
              content: z.union([z.string(), z.array(contentPart), z.null()]),
            })
            .passthrough(),
        )
        .min(1, 'messages must not be empty')
        .max(200),
      stream: z.boolean().optional(),
      user: z.string().max(128).optional(),
    })
    .passthrough()
    .superRefine((b, ctx) => {
      const last = [...b.messages].reverse().find((m) => m.role === 'user');
      const text = last ? contentText(last.content) : '';
      if (!text.trim()) ctx.addIssue({ code: 'custom', path: ['messages'], message: 'messages must contain a user message with text' });
      else if (text.length > limits.maxChars) ctx.addIssue({ code: 'custom', path: ['messages'], message: `the user message must be at most ${limits.maxChars} characters` });
      else if (CONTROL.test(text)) ctx.addIssue({ code: 'custom', path: ['messages'], message: 'the user message must not contain control characters' });
    });

export function contentText(content: string | Array<{ type: string; text?: string }> | null): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((p) => (p.type === 'text' && p.text ? p.text : '')).join('\n');
}

/** POST /api/feedback: a reader's rating of one answer (the server adds the time). */
export const feedbackBodySchema = (limits: { maxChars: number }) => {
  const text = (name: string, max: number) =>
    z
      .string({ required_error: `${name} is required`, invalid_type_error: `${name} must be a string` })
      .refine((s) => s.trim().length > 0, `${name} must not be empty`)
      .refine((s) => s.length <= max, `${name} must be at most ${max} characters`)
      .refine((s) => !CONTROL.test(s), `${name} must not contain control characters`);
  return z
    .object({
      sessionId: z.string().regex(/^[\w.:@-]{1,128}$/, 'sessionId must be 1-128 characters of letters, digits and . : @ _ -').optional(),
      question: text('question', limits.maxChars),
      // An answer is longer than a question: the LLM's can run to a few thousand characters.
      answer: text('answer', 20_000),
      citations: z
        .array(
          z.object({
            id: z.number().int().min(0).max(1000),
            article: z.object({ number: z.string().max(20).optional(), title: z.string().max(500).optional() }).optional(),
            page: z.number().int().min(0).max(100_000).optional(),
            chunkId: z.string().max(200).optional(),
          }),
          { invalid_type_error: 'citations must be an array' },
        )
        .max(50, 'citations must have at most 50 entries')
        .optional(),
      rating: z.enum(['up', 'down'], { errorMap: () => ({ message: 'rating must be "up" or "down"' }) }),
      comment: z
        .string({ invalid_type_error: 'comment must be a string' })
        .max(2000, 'comment must be at most 2000 characters')
        .refine((s) => !CONTROL.test(s), 'comment must not contain control characters')
        .optional(),
    })
    .strict();
};
