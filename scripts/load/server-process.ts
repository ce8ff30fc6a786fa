/**
 * Starts the headless Lab server as a child process and samples its resident memory and CPU time
 * from /proc (Linux), so the figures are the server's alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Current resident set size in bytes and total CPU time (user+system) in ms. */
  sample(): { rssBytes: number; cpuMs: number };
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SEC = 100; // Linux USER_HZ, 100 on every mainstream kernel build

/**
 * Spawns `server-main.ts` through tsx with `env` added to this process's environment.
 * @throws when the server does not print its URL within 30 s
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'server-main.ts')], {
    // No history file: each load run starts from an empty history, not the last run's.
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', HISTORY_FILE: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as { url: string; pid: number });
    });
  });
  return {
    url: first.url,
    pid: first.pid,
    sample: () => sampleProcess(first.pid),
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/** Resident set size in bytes and total CPU time (user+system) in ms of any process, from /proc. */
export function sampleProcess(pid: number): { rssBytes: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name) are utime and stime.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssBytes: rssKb * 1024, cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SEC };
}
