/** Parent side of the server hosts: forks one per side (Lab, bare), learns their URLs, reads their CPU time, stops them. */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TransportId } from '../protocol';
import type { HostRequest, HostRole, HostUrls, ServerUrls } from './server-host';

/** One running host process. */
export interface ServerHost {
  urls: HostUrls;
  /** The host process's id (for CPU pinning). */
  pid: number;
  /** The process's user + system CPU time so far, µs. */
  cpuMicros(): Promise<number>;
  /** Closes every server and waits for the child to exit (kills it after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** The compiled host, as `npm run build` writes it. */
export const COMPILED_HOST = resolve(__dirname, '..', 'dist', 'bench', 'server-host.js');

/** How to start a host: the compiled `dist/` (what production runs) or the sources through tsx. */
function hostCommand(fromSource: boolean): { script: string; execArgv: string[] } {
  if (fromSource) return { script: join(__dirname, 'server-host.ts'), execArgv: ['--import', 'tsx'] };
  if (!existsSync(COMPILED_HOST)) throw new Error(`no compiled server at ${COMPILED_HOST}: run npm run build first (or pass --from-source)`);
  return { script: COMPILED_HOST, execArgv: [] };
}

/**
 * Starts one side's servers in a child process.
 * @throws when the child fails to start its servers or exits first
 */
export function startServerHost(request: HostRequest, fromSource: boolean): Promise<ServerHost> {
  const { script, execArgv } = hostCommand(fromSource);
  const child: ChildProcess = fork(script, [], {
    execArgv,
    // The child's stdout must never mix with the JSON on ours: both its streams go to our stderr.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.stdout?.pipe(process.stderr);
  child.stderr?.pipe(process.stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let nextCpu = 0;
  const cpuMicros = () =>
    new Promise<number>((resolve, reject) => {
      const id = ++nextCpu;
      const onMessage = (message: { cpu?: number; micros?: number }) => {
        if (message.cpu !== id) return;
        child.off('message', onMessage);
        resolve(message.micros!);
      };
      child.on('message', onMessage);
      if (!child.connected) return reject(new Error('server host is gone'));
      child.send({ cpu: id });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${request.role} server host exited early (code ${code})`)));
    child.once('message', (message: { ready?: HostUrls; error?: string }) => {
      if (!message.ready) return reject(new Error(`${request.role} server host failed: ${message.error}`));
      resolve({
        urls: message.ready,
        pid: child.pid!,
        cpuMicros,
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

/** Both sides' hosts, and every URL of the run. */
export interface ServerHosts {
  urls: ServerUrls;
  hosts: Record<HostRole, ServerHost>;
  stop(): Promise<void>;
}

/** Starts the Lab host and the bare host (stopping the first if the second fails). */
export async function startServerHosts(transports: TransportId[], pollIntervalMs: number, fromSource: boolean): Promise<ServerHosts> {
  const lab = await startServerHost({ role: 'lab', transports, pollIntervalMs }, fromSource);
  let bare: ServerHost;
  try {
    bare = await startServerHost({ role: 'bare', transports, pollIntervalMs }, fromSource);
  } catch (err) {
    await lab.stop();
    throw err;
  }
  const urls = { ...lab.urls, ...bare.urls } as ServerUrls;
  return { urls, hosts: { lab, bare }, stop: async () => void (await Promise.all([lab.stop(), bare.stop()])) };
}
