/**
 * CPU pinning for a benchmark run: the servers on one core, the clients on the others.
 *
 * Why: on a small machine the scheduler moves the two processes between cores from one moment to
 * the next, and a round trip costs 35 µs when both happen to share a core but 70 µs when they
 * do not (a cross-core wake-up). That placement, not the code, then decides a round's ratio. Pinned,
 * every round trip crosses cores the same way for the Lab and the bare server alike, and the
 * ratio prices the servers' code. Uses Linux's `taskset` (util-linux); without it, or with one
 * core, nothing is pinned and the report says so.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** Where the processes of a run were placed (or why they were not). */
export interface Placement {
  pinned: boolean;
  /** CPUs the servers run on, e.g. "1". */
  serverCpus?: string;
  /** CPUs the clients run on, e.g. "0". */
  clientCpus?: string;
  /** Why nothing was pinned. */
  reason?: string;
}

/** The split this machine allows: the last CPU for the servers, the rest for the clients. */
export function planPlacement(cpuCount = os.availableParallelism()): Placement {
  if (process.platform !== 'linux') return { pinned: false, reason: 'not Linux (taskset)' };
  if (cpuCount < 2) return { pinned: false, reason: 'one CPU: clients and servers share it' };
  const last = cpuCount - 1;
  return { pinned: true, serverCpus: String(last), clientCpus: last === 1 ? '0' : `0-${last - 1}` };
}

/**
 * Pins every thread of process `pid` to `cpus` (a taskset list, e.g. "0-2").
 * @returns false when taskset is missing or refused (the run goes on unpinned)
 */
export function pinProcess(pid: number, cpus: string): boolean {
  try {
    execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
