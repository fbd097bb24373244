/**
 * Helpers for tests against the real server on a private copy of the test index (so that a
 * fingerprint of the index files before and after proves nothing was written), and a raw HTTP
 * client that sends paths and bytes exactly as given (fetch normalises `..` and re-encodes).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, TEST_INDEX } from '../helpers/env.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

export interface IndexCopy {
  dir: string;
  /** sha256 over every file's relative path and bytes. */
  fingerprint(): string;
  remove(): void;
}

/** A private copy of the shared test index (empty folder when there is none yet: it is then built). */
export function copyTestIndex(tag: string): IndexCopy {
  const base = path.join(ROOT, '.tmp');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, `${tag}-`));
  if (fs.existsSync(path.join(TEST_INDEX, 'CURRENT'))) {
    fs.cpSync(TEST_INDEX, dir, { recursive: true, filter: (src) => path.basename(src) !== '.lock' });
  }
  return { dir, fingerprint: () => fingerprint(dir), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function fingerprint(dir: string): string {
  const h = createHash('sha256');
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else {
        h.update(`${p}\0`);
        h.update(fs.readFileSync(path.join(dir, p)));
      }
    }
  };
  walk('');
  return h.digest('hex');
}

export async function serveCopy(tag: string, env: Record<string, string> = {}): Promise<{ s: TestServer; index: IndexCopy }> {
  const index = copyTestIndex(tag);
  const s = await startTestServer({ INDEX_DIR: index.dir, ...env });
  return { s, index };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  ms: number;
}

/** One HTTP/1.1 request with the path and body bytes exactly as given; rejects after `timeoutMs`. */
export function rawRequest(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number },
): Promise<RawResponse> {
  const u = new URL(url);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body, 'utf8');
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...opts.headers },
        agent: false,
        insecureHTTPParser: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 15_000, () => req.destroy(new Error(`no response within ${opts.timeoutMs ?? 15_000} ms: ${opts.method ?? 'GET'} ${opts.path}`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Every [n] in the answer has a citation and every citation is used. */
export function markersConsistent(answer: string, citations: Array<{ id: number }>): boolean {
  const used = [...new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const ids = citations.map((c) => c.id).sort((a, b) => a - b);
  return JSON.stringify(used) === JSON.stringify(ids);
}
