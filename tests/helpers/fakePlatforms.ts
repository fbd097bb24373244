/**
 * A fake of the messaging platforms' APIs on a loopback port, recording every request the
 * bots make: Telegram's `/bot<token>/getMe`, `sendMessage` and `sendChatAction`, Slack's
 * `/chat.postMessage`, WeCom's `/cgi-bin/gettoken` and `/cgi-bin/message/send`, Feishu's
 * `/open-apis/auth/v3/tenant_access_token/internal` and `/open-apis/im/v1/messages/:id/reply`,
 * and Kakao callback URLs (`/kakao/callback/...`). Responses mimic the real ones (bodies and
 * error shapes from each platform's documentation); `override` makes a route fail (429, 5xx,
 * a platform error code…) for a test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any;
  at: number;
}

export interface FakeReply {
  /** 0 drops the connection without an answer. */
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakePlatforms {
  url: string;
  requests: Recorded[];
  /** Requests whose path matches. */
  of(path: string | RegExp): Recorded[];
  /** Resolves when `count` matching requests have arrived (rejects after `timeoutMs`). */
  waitFor(path: string | RegExp, opts?: { count?: number; timeoutMs?: number }): Promise<Recorded[]>;
  /** Answers matching requests with `reply` (return undefined to fall through to the default). */
  override(path: string | RegExp, reply: (req: Recorded, n: number) => FakeReply | undefined): void;
  reset(): void;
  close(): Promise<void>;
}

const matches = (path: string, p: string | RegExp) => (typeof p === 'string' ? path.includes(p) : p.test(path));

function defaultReply(req: Recorded, seq: number): FakeReply {
  if (/^\/bot[^/]+\/getMe$/.test(req.path)) {
    return { status: 200, body: { ok: true, result: { id: 4242, is_bot: true, first_name: 'KIC', username: 'kic_report_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } } };
  }
  if (req.path === '/cgi-bin/gettoken') {
    return req.query.get('corpsecret') ? { status: 200, body: { errcode: 0, errmsg: 'ok', access_token: `wecom-token-${seq}`, expires_in: 7200 } } : { status: 200, body: { errcode: 41004, errmsg: 'corpsecret missing' } };
  }
  if (req.path === '/cgi-bin/message/send') return { status: 200, body: { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${seq}` } };
  if (req.path === '/open-apis/auth/v3/tenant_access_token/internal') {
    return { status: 200, body: { code: 0, msg: 'ok', tenant_access_token: `t-feishu-${seq}`, expire: 7200 } };
  }
  const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(req.path);
  if (reply) {
    return { status: 200, body: { code: 0, msg: 'success', data: { message_id: `om_reply_${seq}`, root_id: reply[1], parent_id: reply[1], msg_type: req.body?.msg_type, chat_id: 'oc_chat' } } };
  }
  if (/^\/bot[^/]+\/sendMessage$/.test(req.path)) {
    return { status: 200, body: { ok: true, result: { message_id: 1000 + seq, chat: { id: req.body?.chat_id }, date: 0, text: req.body?.text } } };
  }
  if (/^\/bot[^/]+\/\w+$/.test(req.path)) return { status: 200, body: { ok: true, result: true } };
  if (req.path === '/chat.postMessage') {
    return { status: 200, body: { ok: true, channel: req.body?.channel, ts: `1700000000.${String(seq).padStart(6, '0')}` } };
  }
  if (req.path.startsWith('/kakao/callback')) {
    return { status: 200, body: { taskId: `task-${seq}`, status: 'SUCCESS', message: null, timestamp: Date.now() } };
  }
  return { status: 404, body: { ok: false, error: 'unknown_method' } };
}

export async function startFakePlatforms(port = 0): Promise<FakePlatforms> {
  const requests: Recorded[] = [];
  const overrides: Array<{ path: string | RegExp; reply: (req: Recorded, n: number) => FakeReply | undefined; n: number }> = [];
  const waiters = new Set<() => void>();
  let seq = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      if (/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) {
        // Slack's WebClient posts forms.
        body = Object.fromEntries(new URLSearchParams(raw));
      } else {
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          // keep the text
        }
      }
      const u = new URL(req.url ?? '/', 'http://fake');
      const rec: Recorded = { method: req.method ?? '', path: u.pathname, query: u.searchParams, headers: req.headers, raw, body, at: Date.now() };
      requests.push(rec);
      seq += 1;
      let reply: FakeReply | undefined;
      for (const o of overrides) {
        if (!matches(rec.path, o.path)) continue;
        o.n += 1;
        reply = o.reply(rec, o.n);
        if (reply) break;
      }
      reply ??= defaultReply(rec, seq);
      if (reply.status === 0) {
        // A dropped connection: what an outage looks like from the client.
        res.socket?.destroy();
        for (const w of [...waiters]) w();
        return;
      }
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
      for (const w of [...waiters]) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const bound = (server.address() as AddressInfo).port;

  const of = (p: string | RegExp) => requests.filter((r) => matches(r.path, p));
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    of,
    waitFor(p, opts = {}) {
      const count = opts.count ?? 1;
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = of(p);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake platform: expected ${count} request(s) to ${String(p)}, got ${of(p).length}`));
        }, opts.timeoutMs ?? 10_000);
        waiters.add(check);
        check();
      });
    },
    override(path, reply) {
      overrides.push({ path, reply, n: 0 });
    },
    reset() {
      requests.length = 0;
      overrides.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Run directly to try the bots locally without the real platforms (src/bots/README.md):
//   npx tsx tests/helpers/fakePlatforms.ts 8081
// prints every API call the server makes (sendMessage, message/send, reply…) as JSON lines.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const port = Number(process.argv[2] ?? 8081);
  void startFakePlatforms(port).then((f) => {
    console.log(`fake platform APIs on ${f.url} (Ctrl-C to stop)`);
    setInterval(() => {
      for (const r of f.requests.splice(0)) console.log(JSON.stringify({ method: r.method, path: r.path, body: r.body }));
    }, 200);
  });
}
