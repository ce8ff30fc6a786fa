/**
 * Starts the Lab's production server (`node dist/server/index.js`) for one headless run: a free
 * 127.0.0.1 port, `ADMIN_API=on`, ready once `/healthz` answers 200; stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A running server and how to stop it. */
export interface ProductionServer {
  baseUrl: string;
  /** Asks for the server's ordered shutdown; kills it if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A port the OS says is free now (a tiny race with other processes is accepted). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Throws a message that says what to do when the production build is missing.
 * @param root the project's root folder
 */
export function assertBuilt(root: string): void {
  const missing = ['dist/server/index.js', '.next/BUILD_ID'].filter((p) => !existsSync(join(root, p)));
  if (missing.length > 0) {
    throw new Error(`the production build is missing (${missing.join(', ')}): run \`npm run build\` first, or pass --base-url`);
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the server and waits until it is healthy.
 * @param root the project's root folder (holds dist/ and .next/)
 * @param readyWithinMs how long to wait for `/healthz`
 */
export async function startProductionServer(root: string, readyWithinMs = 60_000): Promise<ProductionServer> {
  assertBuilt(root);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/server/index.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      // The page's benchmark reads the wire meter and needs the admin routes, like the e2e server.
      ADMIN_API: 'on',
      // Every comparison starts from an empty history, not the last run's.
      HISTORY_FILE: '',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for the error message only: the server's logs would otherwise mix with the table.
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async (graceMs = 5000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited(child);
    clearTimeout(timer);
  };

  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return { baseUrl, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server did not answer /healthz within ${readyWithinMs / 1000} s:\n${log}`);
}
