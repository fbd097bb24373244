/**
 * A private redis-server for the bench's REDIS_URL rows (the Debian package's binary, on a free
 * loopback port, no persistence), never the system service. Undefined when redis-server is not
 * installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { freePort } from './proc.js';

export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisProcess | undefined> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exit = new Promise<void>((r) => child.once('exit', () => r()));
  const pong = () =>
    new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      s.once('error', () => resolve(false));
    });
  for (let i = 0; i < 100 && !(await pong()); i++) await new Promise((r) => setTimeout(r, 50));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exit;
    },
  };
}
