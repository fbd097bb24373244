/**
 * The SQLite session store in the real server (real files): conversations survive a restart;
 * a database that cannot be written shows in /healthz ("degraded", 200) and /metrics at once,
 * while questions are still answered; SESSION_FILE (the old JSON file) is imported.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../helpers/server.js';
import { sessionOf } from './sessions.contract.js';
import { loadConfig, sessionStoreKind } from '../../src/config.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kic-persist-'));
let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const ask = (srv: TestServer, body: unknown) =>
  fetch(`${srv.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const health = async (srv: TestServer) => (await fetch(`${srv.url}/healthz`)).json();
const metric = async (srv: TestServer, line: RegExp) => (await (await fetch(`${srv.url}/metrics`)).text()).split('\n').find((l) => line.test(l));

describe('where conversations live, unless SESSION_STORE says', () => {
  it('in a SQLite file the workers of a cluster share, in memory in a single process; Redis or a named file first', () => {
    const kind = (env: Record<string, string>, clustered: boolean) => sessionStoreKind(loadConfig({ ...env }), clustered);
    expect(kind({}, false)).toBe('memory');
    // Round-robin sends a conversation's requests to every worker: per-process memory lost them.
    expect(kind({}, true)).toBe('sqlite');
    expect(kind({ REDIS_URL: 'redis://127.0.0.1:1' }, true)).toBe('redis');
    expect(kind({ SESSION_DB: 'x.db' }, false)).toBe('sqlite');
    expect(kind({ SESSION_STORE: 'memory' }, true)).toBe('memory');
  });
});

describe('SQLite sessions in the server', () => {
  it('a conversation survives a restart; /healthz lists the database as ok', async () => {
    const db = path.join(tmp(), 'state', 'sessions.db');
    s = await startTestServer({ SESSION_DB: db });
    const first = await (await ask(s, { message: '유니트리의 점유율은?' })).json();
    const h = await health(s);
    expect(h.status).toBe('ok');
    expect(h.dependencies).toEqual({ sessions: 'ok' });
    expect(h.index.chunks).toBeGreaterThan(0);
    await s.close();
    s = await startTestServer({ SESSION_DB: db });
    const r = await fetch(`${s.url}/api/sessions/${first.sessionId}`);
    expect(r.status).toBe(200);
    expect((await r.json()).turns[0].question).toBe('유니트리의 점유율은?');
    const next = await (await ask(s, { message: '그 회사의 출하량은?', sessionId: first.sessionId })).json();
    expect(next.sessionId).toBe(first.sessionId);
  });

  it('a directory where the database should be: /healthz degraded (200) and /metrics 0 at once; answers go on', async () => {
    const db = path.join(tmp(), 'sessions.db');
    fs.mkdirSync(db);
    s = await startTestServer({ SESSION_DB: db });
    const hr = await fetch(`${s.url}/healthz`);
    expect(hr.status).toBe(200);
    const h = await hr.json();
    expect(h.status).toBe('degraded');
    expect(h.dependencies).toEqual({ sessions: 'down' });
    expect(await metric(s, /^kic_dependency_up\{dependency="sessions"\}/)).toMatch(/ 0$/);
    const res = await ask(s, { message: '유니트리의 점유율은?' });
    expect(res.status).toBe(200);
    expect((await res.json()).found).toBe(true);
  });

  it('a write failing while running (the database locked by another writer) shows in /healthz with the failing request, then clears', async () => {
    const db = path.join(tmp(), 'sessions.db');
    s = await startTestServer({ SESSION_DB: db });
    expect((await health(s)).status).toBe('ok');
    const other = new Database(db);
    other.exec('BEGIN EXCLUSIVE');
    const res = await ask(s, { message: '유니트리의 점유율은?' });
    expect(res.status).toBe(200);
    expect((await health(s)).dependencies.sessions).toBe('down');
    expect(Number((await metric(s, /^kic_dependency_failures\{dependency="sessions"\}/))!.split(' ')[1])).toBeGreaterThan(0);
    other.exec('ROLLBACK');
    other.close();
    await ask(s, { message: '유니트리의 점유율은?' });
    expect(await health(s)).toMatchObject({ status: 'ok', dependencies: { sessions: 'ok' } });
  }, 60_000);

  it('SESSION_FILE (deprecated) means a SQLite database beside it, importing the old file once', async () => {
    const dir = tmp();
    const file = path.join(dir, 'sessions.json');
    const id = 's_BBBBBBBBBBBBBBBBBBBBBB';
    const now = Date.now();
    fs.writeFileSync(file, JSON.stringify({ version: 1, sessions: [{ id, turns: [{ role: 'user', content: '유니트리의 점유율은?', at: now }, { role: 'assistant', content: '69.75% [1]', at: now }], createdAt: now, updatedAt: now }, { id: 'broken' }] }));
    fs.writeFileSync(`${file}.999.tmp`, '{"partial');
    s = await startTestServer({ SESSION_FILE: file });
    expect((await health(s)).dependencies).toEqual({ sessions: 'ok' });
    const r = await fetch(`${s.url}/api/sessions/${id}`);
    expect(r.status).toBe(200);
    expect((await r.json()).turns).toEqual([{ question: '유니트리의 점유율은?', answer: '69.75% [1]', citations: [], at: new Date(now).toISOString() }]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'sessions.db'))).toBe(true);
  });

  // A real full disk: a 512 KiB tmpfs (needs root and mount; skipped where it cannot be mounted).
  const full = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', full], { stdio: 'ignore' }).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', ['-l', full], { stdio: 'ignore' });
    fs.rmSync(full, { recursive: true, force: true });
  });
  it.skipIf(!mounted)('a full disk (ENOSPC) shows in /healthz and /metrics as soon as a write fails; answers go on', async () => {
    s = await startTestServer({ SESSION_DB: path.join(full, 'sessions.db'), SESSIONS_MAX_BYTES: String(1 << 30) });
    expect((await health(s)).status).toBe('ok');
    let i = 0;
    while ((await health(s)).status === 'ok' && i < 200) await s.ctx.sessions.save(sessionOf(`s${i++}`, 10, 2000));
    expect(i).toBeLessThan(200);
    expect(await health(s)).toMatchObject({ status: 'degraded', dependencies: { sessions: 'down' } });
    expect(await metric(s, /^kic_dependency_up\{dependency="sessions"\}/)).toMatch(/ 0$/);
    const res = await ask(s, { message: '유니트리의 점유율은?' });
    expect(res.status).toBe(200);
    expect((await res.json()).found).toBe(true);
  });
});
