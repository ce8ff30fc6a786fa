/**
 * One Lab node of `npm run cluster` as a child process: the built app (`dist/server/index.js`,
 * pages included, as `npm start` runs it) or, with `headless`, the server without Next.js. Ready
 * once its /healthz answers 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BUILT_ENTRY = join(ROOT, 'dist', 'server', 'index.js');
const HEADLESS_ENTRY = join(ROOT, 'scripts', 'load', 'server-main.ts');

export interface NodeProcess {
  name: string;
  url: string;
  pid: number;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Should the caller exit without stopping them (a crash, a test runner's timeout), these go with
 * it: a detached node would otherwise outlive it. One listener for all (up to 8 nodes).
 */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Whether the app is built (what the full-app nodes need). */
export function appIsBuilt(): boolean {
  return existsSync(BUILT_ENTRY) && existsSync(join(ROOT, '.next'));
}

/**
 * Starts a node on `port` with `env` added.
 * @throws when it exits before answering /healthz, or does not within `readyWithinMs`
 */
export async function startNodeProcess(
  name: string,
  port: number,
  env: Record<string, string>,
  options: { headless: boolean; readyWithinMs?: number; detached?: boolean },
): Promise<NodeProcess> {
  const args = options.headless ? ['--import', 'tsx', HEADLESS_ENTRY] : [BUILT_ENTRY];
  // The built app runs as `npm start` runs it, whatever the caller's NODE_ENV: under
  // "development" dist/server/index.js would start Next's dev server instead of the build.
  const nodeEnv = options.headless ? (process.env.NODE_ENV ?? 'production') : 'production';
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: nodeEnv, HOST: '127.0.0.1', PORT: String(port), HISTORY_FILE: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    // Own process group (npm run cluster): a terminal's Ctrl-C reaches the whole foreground group,
    // and a node that got SIGINT from it and then our SIGTERM takes the second signal as "exit
    // now" (shutdown-signals.ts), skipping its graceful shutdown. Measured: "SIGTERM again:
    // exiting without waiting" from both nodes on a Ctrl-C before this.
    detached: options.detached ?? false,
  });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => {
    gone = true;
    running.delete(child);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyWithinMs ?? 60_000);
  for (;;) {
    if (gone) throw new Error(`${name} exited before it was ready`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer ${url}/healthz in time`);
    }
    const ok = await fetch(`${url}/healthz`).then((res) => res.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name,
    url,
    pid: child.pid!,
    exited,
    async stop(graceMs = 8000) {
      if (gone) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
