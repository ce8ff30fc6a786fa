/** Parent side of the server host: forks it, learns its URLs, stops it. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { HostRequest, ServerUrls } from './server-host';

/** The running host process and its servers' URLs. */
export interface ServerHost {
  urls: ServerUrls;
  /** The host process's id (for CPU pinning). */
  pid: number;
  /** Closes every server and waits for the child to exit (kills it after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the servers in a child process (run through tsx, like the parent).
 * @throws when the child fails to start its servers or exits first
 */
export function startServerHost(request: HostRequest): Promise<ServerHost> {
  const child: ChildProcess = fork(join(__dirname, 'server-host.ts'), [], {
    execArgv: ['--import', 'tsx'],
    // The child's stdout must never mix with the JSON on ours: both its streams go to our stderr.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.stdout?.pipe(process.stderr);
  child.stderr?.pipe(process.stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server host exited early (code ${code})`)));
    child.once('message', (message: { ready?: ServerUrls; error?: string }) => {
      if (!message.ready) return reject(new Error(`server host failed: ${message.error}`));
      resolve({
        urls: message.ready,
        pid: child.pid!,
        async stop(graceMs = 5000) {
          if (child.exitCode === null && child.connected) child.send('close');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        },
      });
    });
    child.send(request);
  });
}
