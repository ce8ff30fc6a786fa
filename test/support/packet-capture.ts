/**
 * tcpdump on loopback for tests that check the wire meter against what really crossed the wire:
 * find it, start a capture, and flush it (know every earlier packet is in the file).
 * Callers skip, saying why, where tcpdump is missing or may not capture.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasUdpDatagramTo } from './pcap-reader';

/** Path of a runnable tcpdump, or why there is none. */
export function findTcpdump(): { path?: string; reason?: string } {
  const candidates = ['/usr/bin/tcpdump', '/usr/sbin/tcpdump', '/sbin/tcpdump'];
  const path = candidates.find((p) => existsSync(p));
  if (!path) return { reason: 'tcpdump is not installed (CI installs it: scripts/ensure-test-tools.sh)' };
  if (process.getuid?.() !== 0) return { reason: 'capturing packets needs root (CI runs as root)' };
  return { path };
}

/** A running capture of one server port on loopback. */
export interface PacketCapture {
  /** The pcap file being written. */
  readonly file: string;
  /** Waits until every packet sent so far is in the file, then stops tcpdump. */
  stop(): Promise<void>;
  /** Stops tcpdump if it still runs (without waiting for packets) and deletes the file. */
  close(): Promise<void>;
}

/**
 * Starts tcpdump on `lo` for TCP port `port` (and the UDP marker port `stop()` uses) and resolves
 * once it says it is listening (or rejects with its stderr).
 */
export async function startCapture(tcpdump: string, port: number): Promise<PacketCapture> {
  const dir = mkdtempSync(join(tmpdir(), 'wire-capture-'));
  const file = join(dir, 'lab.pcap');
  const markerPort = port === 65535 ? port - 1 : port + 1;
  const filter = `tcp port ${port} or udp dst port ${markerPort}`;
  // -U: write each packet as it comes; -Z root: keep the right to write our temp file; -s: headers are enough.
  const child = spawn(tcpdump, ['-i', 'lo', '-n', '-U', '-s', '256', '-Z', 'root', '-w', file, filter], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`tcpdump exited (${code}) before listening: ${stderr.trim()}`)));
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    file,
    async stop() {
      try {
        await flushCapture(file, markerPort);
      } finally {
        await stopProcess(child);
      }
    },
    async close() {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  await exited;
}

/** Sends a UDP marker and resolves once tcpdump has written it: every earlier packet is in the file. */
async function flushCapture(file: string, markerPort: number, timeoutMs = 5000): Promise<void> {
  const watcher = watch(file);
  try {
    const seen = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('capture marker never reached the file')), timeoutMs);
      const check = () => {
        if (!hasUdpDatagramTo(file, markerPort)) return;
        clearTimeout(timer);
        resolve();
      };
      watcher.on('change', check);
      check();
    });
    const udp = createSocket('udp4');
    udp.send('end of scenario', markerPort, '127.0.0.1', () => udp.close());
    await seen;
  } finally {
    watcher.close();
  }
}
