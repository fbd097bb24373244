/**
 * After a fault (a corrupt index, a damaged manifest) and the rebuild it triggers: the rebuilt
 * context serves a real HTTP chat that answers from the report.
 */
import { expect } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppContext } from '../../src/server/context.js';
import { serve } from '../../src/server/serve.js';
import { rawRequest } from './helpers.js';

export async function chatWorks(ctx: AppContext): Promise<void> {
  const server = await serve(createApp(ctx), ctx, { host: '127.0.0.1', port: 0, signals: false });
  try {
    const { port } = server.address() as { port: number };
    const r = await rawRequest(`http://127.0.0.1:${port}`, {
      method: 'POST',
      path: '/api/chat',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '유니트리의 글로벌 사족 로봇 시장 점유율은?' }),
      timeoutMs: 30_000,
    });
    expect(r.status, r.text).toBe(200);
    expect(JSON.parse(r.text).answer).toContain('69.75');
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
