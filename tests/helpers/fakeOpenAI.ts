/**
 * A small, real OpenAI-compatible HTTP server on 127.0.0.1 for tests (no LLM is reachable here):
 * `POST /v1/chat/completions` (JSON, or SSE with `stream: true`) and `GET /v1/models`, with
 * scriptable behaviour per test and a record of every request it received.
 *
 * Wire format as the openai 6.x client reads it: a completion is
 * `{id, object: "chat.completion", created, model, choices: [{index, message: {role, content,
 * refusal}, logprobs, finish_reason}], usage}`; a stream is `data: {…"chat.completion.chunk"…}`
 * events whose `choices[0].delta` carries the role first, then content pieces, then an empty
 * delta with `finish_reason: "stop"` (plus a usage-only chunk when `stream_options.include_usage`),
 * ending with `data: [DONE]`. Errors are `{error: {message, type, param, code}}` with the status.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChatMessage {
  role: string;
  content: string | Array<{ type: string; text?: string }>;
}

export interface FakeChatRequest {
  model: string;
  messages: FakeChatMessage[];
  stream?: boolean;
  temperature?: number;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined. */
  body: unknown;
}

export interface FakeBehaviour {
  /** The assistant's text, or a function of the request. Default "OK". */
  reply?: string | ((req: FakeChatRequest) => string);
  /** Wait this long before answering (headers included). */
  delayMs?: number;
  /** Never answer (the connection stays open until the client gives up or the server closes). */
  hang?: boolean;
  /** Streaming: send this many content chunks, then hang. */
  hangAfterChunks?: number;
  /** Answer with this HTTP status and an OpenAI-style error body. */
  status?: number;
  errorMessage?: string;
  /** Streaming: characters (code points) per content chunk. Default 4. */
  chunkChars?: number;
  /** Streaming: pause between chunks. Default 0. */
  chunkDelayMs?: number;
}

export interface FakeOpenAI {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** url + "/v1": what an OpenAI client takes as baseURL. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** The bodies of the chat completion requests received, in order. */
  chatRequests(): FakeChatRequest[];
  /** Replaces the behaviour for the next requests. */
  behave(b: FakeBehaviour): void;
  close(): Promise<void>;
}

const MODEL = 'fake-model';

export async function startFakeOpenAI(initial: FakeBehaviour = {}): Promise<FakeOpenAI> {
  let behaviour: FakeBehaviour = initial;
  const requests: RecordedRequest[] = [];
  let counter = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
    const b = behaviour;

    if (req.method === 'GET' && path === '/v1/models') {
      return json(res, 200, { object: 'list', data: [{ id: MODEL, object: 'model', created: 1_700_000_000, owned_by: 'fake' }] });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return json(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error', param: null, code: null } });
    }
    if (b.hang) return; // keep the socket open; close() destroys it
    if (b.delayMs) await sleep(b.delayMs);
    if (b.status && b.status >= 400) {
      return json(res, b.status, { error: { message: b.errorMessage ?? 'fake failure', type: 'server_error', param: null, code: null } });
    }
    const request = body as FakeChatRequest;
    const text = typeof b.reply === 'function' ? b.reply(request) : (b.reply ?? 'OK');
    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = request?.model ?? MODEL;
    const usage = { prompt_tokens: 10, completion_tokens: [...text].length, total_tokens: 10 + [...text].length };

    if (!request?.stream) {
      return json(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        system_fingerprint: null,
        choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage,
      });
    }

    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
    res.write(chunk({ role: 'assistant', content: '' }, null));
    const chars = [...text];
    const size = b.chunkChars ?? 4;
    let sent = 0;
    for (let i = 0; i < chars.length; i += size) {
      if (b.hangAfterChunks !== undefined && sent >= b.hangAfterChunks) return; // hang mid-stream
      if (b.chunkDelayMs) await sleep(b.chunkDelayMs);
      if (res.destroyed) return;
      res.write(chunk({ content: chars.slice(i, i + size).join('') }, null));
      sent++;
    }
    if (b.hangAfterChunks !== undefined && sent >= b.hangAfterChunks) return;
    res.write(chunk({}, 'stop'));
    if (request.stream_options?.include_usage) {
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [], usage })}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as FakeChatRequest),
    behave(b) {
      behaviour = b;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The text of a message (string or content parts). */
export function messageText(m: FakeChatMessage): string {
  return typeof m.content === 'string' ? m.content : m.content.map((p) => p.text ?? '').join('');
}
