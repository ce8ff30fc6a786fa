/**
 * A real HAProxy as a child process: its config written to a temporary file, started in the
 * foreground (`-db`), ready once its frontend port accepts a TCP connection, stopped by its pid.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One running HAProxy. */
export interface HaproxyProcess {
  /** `http://host:port` of the frontend. */
  url: string;
  pid: number;
  /** Everything it wrote to stderr so far (alerts and warnings). */
  readonly log: string[];
  /** Stops it (SIGTERM, SIGKILL after `graceMs`) and removes its config file; safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

/** Where Debian puts the binary (PATH may lack /usr/sbin when not root); `HAPROXY_BIN` overrides. */
export function haproxyBinary(): string {
  if (process.env.HAPROXY_BIN) return process.env.HAPROXY_BIN;
  return ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find((p) => existsSync(p)) ?? 'haproxy';
}

/**
 * Resolves once `host:port` accepts a TCP connection; retries every `intervalMs`.
 * @param stillTrying checked before each attempt: false gives up (the process died)
 * @throws when it does not within `timeoutMs`, or `stillTrying` says stop
 */
export async function waitForPort(host: string, port: number, timeoutMs: number, stillTrying: () => boolean = () => true, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!stillTrying()) throw new Error(`gave up waiting for ${host}:${port}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing accepted on ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Starts HAProxy with `config` (see haproxy-config.ts) and waits until its frontend listens.
 * @param front where the config binds its frontend
 * @throws when HAProxy exits first (a bad config: its alerts are in the message) or is not ready in time
 */
export async function startHaproxy(config: string, front: { host: string; port: number }, readyWithinMs = 10_000): Promise<HaproxyProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  const child = spawn(haproxyBinary(), ['-f', file, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean)));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    });
    // A missing binary: spawn reports it as an error, then no exit event may follow.
    child.once('error', (err) => {
      log.push(String(err));
      exitCode = -1;
      resolve();
    });
  });
  // Should the caller die without stopping it (a crash, a test runner's timeout), take it along.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  let stopped = false;
  const stop = async (graceMs = 3000) => {
    if (stopped) return exited;
    stopped = true;
    process.off('exit', orphanGuard);
    if (exitCode === undefined) {
      // SIGTERM is HAProxy's hard stop: open connections are cut, as a crashed proxy would.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(front.host, front.port, readyWithinMs, () => exitCode === undefined);
  } catch (err) {
    await stop();
    throw new Error(`HAProxy did not start (${(err as Error).message}):\n${log.join('\n')}`);
  }
  return { url: `http://${front.host}:${front.port}`, pid: child.pid!, log, stop };
}
