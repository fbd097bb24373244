/** Server-sent events on an Express response. */
import type { Response } from 'express';

export function startSse(res: Response): { send(event: string | undefined, data: unknown): void; end(): void } {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  // Reverse proxies (nginx) buffer responses unless told not to; SSE must flow as written.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  return {
    send(event, data) {
      if (res.writableEnded) return;
      res.write(`${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}

export function wantsSse(acceptHeader: string | undefined, streamFlag: boolean | undefined): boolean {
  return streamFlag === true || (acceptHeader ?? '').includes('text/event-stream');
}
