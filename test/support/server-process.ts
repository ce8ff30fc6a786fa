/**
 * The headless Lab server (scripts/load/server-main.ts, no Next.js) as a child process on a fixed
 * port, for tests that signal it, wait for it to exit, and start it again where clients expect it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ENTRY = join(__dirname, '..', '..', 'scripts', 'load', 'server-main.ts');

// A port that was free a moment ago: the test then binds it itself, again and again.
export { freePort } from '../../scripts/compare/production-server';

/** One running server process. */
export interface LabProcess {
  url: string;
  pid: number;
  /** The history epoch it started with. */
  epoch: string;
  /** What it found in its history file: loaded, absent, stale, corrupt. */
  history: string;
  /** Every line it wrote to stderr so far (the shutdown's progress lines go there). */
  readonly log: string[];
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(name: NodeJS.Signals): void;
  /** Resolves with the first stderr line (past or future) that matches. */
  logLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/**
 * Starts the server with the test defaults (NODE_ENV=test) plus `env`.
 * @throws when it exits or does not print its URL within `readyWithinMs`
 */
export async function startLabProcess(port: number, env: Record<string, string>, readyWithinMs = 30_000): Promise<LabProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), ADMIN_API: 'on', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const watchers = new Set<(line: string) => void>();
  createInterface({ input: child.stderr! }).on('line', (line) => {
    log.push(line);
    for (const watcher of watchers) watcher(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const first = await new Promise<{ url: string; pid: number; epoch: string; history: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${readyWithinMs} ms`)), readyWithinMs);
    void exited.then(({ code }) => reject(new Error(`server exited with ${code} before listening:\n${log.join('\n')}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
  });
  return {
    ...first,
    log,
    exited,
    signal: (name) => void child.kill(name),
    logLine(pattern, timeoutMs = 10_000) {
      const seen = log.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`no log line ${pattern} within ${timeoutMs} ms:\n${log.join('\n')}`));
        }, timeoutMs);
        const watch = (line: string) => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(line);
        };
        watchers.add(watch);
      });
    },
  };
}

/** Sends SIGTERM and resolves with how it exited and how long that took, ms. */
export async function terminate(server: LabProcess): Promise<{ code: number | null; elapsedMs: number }> {
  const started = Date.now();
  server.signal('SIGTERM');
  const { code } = await server.exited;
  return { code, elapsedMs: Date.now() - started };
}
