/**
 * A throwaway Redis (tests, `npm run load --nodes`, `npm run cluster`): `redis-server` on a free 127.0.0.1 port, nothing persisted, ready
 * once it answers PING, stopped by its pid. `restart()` brings it back on the same port (empty),
 * for tests of what a node does while Redis is away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from '../compare/production-server';

/** One running Redis. */
export interface RedisProcess {
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  port: number;
  /** The current process's pid (a restart changes it). */
  readonly pid: number;
  /** Stops it (SIGTERM, SIGKILL after 3 s); safe to call twice. */
  stop(): Promise<void>;
  /**
   * Stops it and starts a new, empty one on the same port; resolves once that answers PING.
   * @param whileDown runs (and is awaited) between the stop and the start
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
}

/** Debian's path first (PATH may lack it when not root); `REDIS_SERVER_BIN` overrides. */
function redisBinary(): string {
  if (process.env.REDIS_SERVER_BIN) return process.env.REDIS_SERVER_BIN;
  return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? 'redis-server';
}

/**
 * Sends one inline command and resolves with the first reply line (e.g. `+PONG`).
 * @throws when the connection fails or nothing comes back within `timeoutMs`
 */
export function redisCommand(port: number, command: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const timer = setTimeout(() => done(new Error(`no reply to ${command} within ${timeoutMs} ms`)), timeoutMs);
    const done = (err?: Error, line?: string) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(line!);
    };
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      const end = reply.indexOf('\r\n');
      if (end >= 0) done(undefined, reply.slice(0, end));
    });
    socket.once('error', (err) => done(err));
  });
}

/** Should the test process die without stopping them (a runner's timeout), these go with it. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function launch(port: number, readyWithinMs: number, detached: boolean): Promise<ChildProcess> {
  // No RDB snapshots, no AOF: a test's data dies with the process, and nothing is written to the cwd.
  const child = spawn(redisBinary(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let failed: Error | undefined;
  child.once('error', (err) => (failed = err));
  const deadline = Date.now() + readyWithinMs;
  // PING until it answers: the "Ready to accept connections" line is worded differently across versions.
  for (;;) {
    if (failed || child.exitCode !== null) throw new Error(`redis-server exited before it was ready (${failed?.message ?? child.exitCode}):\n${output}`);
    const pong = await redisCommand(port, 'PING', 500).catch(() => '');
    if (pong === '+PONG') return child;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer PING within ${readyWithinMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function halt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exitOf(child);
  clearTimeout(timer);
}

/** Where and how `startRedis` starts it; both optional. */
export interface RedisStartOptions {
  /** A fixed port (`npm run cluster --redis-port`); default a free one. */
  port?: number;
  /**
   * Its own process group (`npm run cluster`): a terminal's Ctrl-C then reaches only the caller,
   * which stops Redis last, after the nodes that use it. Off for tests: a test process killed by
   * a signal runs no exit handler, and only the shared group takes Redis along then.
   */
  detached?: boolean;
}

/**
 * Starts Redis (on a free port unless `options.port`) and resolves once it answers PING.
 * @throws when redis-server is missing, exits, is not ready within `readyWithinMs`, or the fixed port is taken
 */
export async function startRedis(readyWithinMs = 10_000, options: RedisStartOptions = {}): Promise<RedisProcess> {
  const port = options.port ?? (await freePort());
  // A fixed port may hold someone else's Redis, whose PONG would pass for ours: refuse it first.
  if (options.port !== undefined && (await redisCommand(port, 'PING', 500).then(() => true, () => false))) {
    throw new Error(`port ${port} is taken (something answers there): pick another --redis-port, or leave it out for a free one`);
  }
  const detached = options.detached ?? false;
  let child = await launch(port, readyWithinMs, detached);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid!;
    },
    stop: () => halt(child),
    async restart(whileDown) {
      await halt(child);
      await whileDown?.();
      child = await launch(port, readyWithinMs, detached);
    },
  };
}
