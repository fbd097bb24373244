/**
 * A real redis-server for tests, on a free loopback port, never the system service: start it,
 * stop it, kill -9 it, restart it on the same port (to test reconnection). No persistence.
 *
 *   const redis = await startRedis();
 *   ... REDIS_URL: redis.url ...
 *   await redis.kill();   // SIGKILL: clients see the connection drop
 *   await redis.restart(); // same port, empty
 *   redis.pause(); redis.resume(); // SIGSTOP / SIGCONT: a Redis that hangs
 *   await redis.stop();
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

export interface TestRedis {
  port: number;
  url: string;
  /** Whether redis-server is running now. */
  readonly running: boolean;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after kill or stop). */
  restart(): Promise<void>;
  /** SIGSTOP: the server keeps its connections but answers nothing (a hung Redis). */
  pause(): void;
  /** SIGCONT after pause. */
  resume(): void;
  /** SIGTERM and wait (idempotent). */
  stop(): Promise<void>;
}

/** Whether redis-server is installed (tests that need it are skipped with a message when not, outside CI). */
export function haveRedis(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    proc = p;
    exited = new Promise((resolve) => p.once('exit', () => resolve()));
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      if (p.exitCode !== null) throw new Error(`redis-server exited: ${stderr}`);
      if (await ping(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    p.kill('SIGKILL');
    throw new Error(`redis-server did not answer on port ${port}: ${stderr}`);
  };
  const signal = async (sig: NodeJS.Signals) => {
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGCONT');
    proc.kill(sig);
    await exited;
  };

  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return !!proc && proc.exitCode === null && proc.signalCode === null;
    },
    kill: () => signal('SIGKILL'),
    pause: () => void proc?.kill('SIGSTOP'),
    resume: () => void proc?.kill('SIGCONT'),
    restart: async () => {
      await signal('SIGKILL');
      await launch();
    },
    stop: () => signal('SIGTERM'),
  };
}
