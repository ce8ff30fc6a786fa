/**
 * The wire meter against a packet capture: tcpdump records loopback traffic on the Lab's port
 * while one client per transport chats, and every connection's TCP payload in the capture must
 * equal the meter's bytes for it, per direction, and so must the per-bucket sums.
 * Skips (saying why) where tcpdump is missing or may not capture; CI installs it and runs as root.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TRANSPORT_IDS, type WireBucket } from '../../protocol';
import { hasUdpDatagramTo, payloadByConnection } from '../support/pcap-reader';
import { startLab } from '../support/lab-fixture';
import { runChatExchange, waitForMeterIdle } from '../support/wire-scenario';

/** Path of a runnable tcpdump, or why there is none. */
function findTcpdump(): { path?: string; reason?: string } {
  const candidates = ['/usr/bin/tcpdump', '/usr/sbin/tcpdump', '/sbin/tcpdump'];
  const path = candidates.find((p) => existsSync(p));
  if (!path) return { reason: 'tcpdump is not installed (CI installs it: scripts/ensure-tcpdump.sh)' };
  if (process.getuid?.() !== 0) return { reason: 'capturing packets needs root (CI runs as root)' };
  return { path };
}

/** Starts tcpdump and resolves once it says it is listening (or rejects with its stderr). */
async function startCapture(tcpdump: string, file: string, filter: string): Promise<ChildProcess> {
  // -U: write each packet as it comes; -Z root: keep the right to write our temp file; -s: headers are enough.
  const child = spawn(tcpdump, ['-i', 'lo', '-n', '-U', '-s', '256', '-Z', 'root', '-w', file, filter], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`tcpdump exited (${code}) before listening: ${stderr.trim()}`)));
  });
  return child;
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

const tcpdump = findTcpdump();

test('packet capture: per-connection and per-bucket payload bytes equal the meter exactly', { skip: tcpdump.reason ?? false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wire-capture-'));
  const file = join(dir, 'lab.pcap');
  const running = await startLab();
  const port = Number(new URL(running.url).port);
  const markerPort = port === 65535 ? port - 1 : port + 1;
  const capture = await startCapture(tcpdump.path!, file, `tcp port ${port} or udp dst port ${markerPort}`);
  try {
    for (const transport of TRANSPORT_IDS) await runChatExchange(running.lab, transport, running.url);
    // Keep-alive connections left idle by fetch would stay open: close them from the server side
    // (a FIN, no payload), again after any response still finishing, until the meter is idle.
    const closeIdle = () => setImmediate(() => running.lab.http.closeIdleConnections());
    running.lab.http.on('request', (_req, res) => res.once('finish', closeIdle));
    running.lab.http.closeIdleConnections();
    await waitForMeterIdle(running.lab.wireMeter);
    await flushCapture(file, markerPort);
  } finally {
    capture.kill('SIGINT');
    if (capture.exitCode === null) await once(capture, 'exit');
  }
  try {
    const captured = payloadByConnection(file, port);
    const records = running.lab.wireMeter.connectionRecords();
    assert.ok(records.length >= TRANSPORT_IDS.length, `expected a connection per transport, got ${records.length}`);
    assert.deepEqual([...captured.keys()].sort(), records.map((r) => r.remotePort).sort(), 'same connections seen');
    const byBucket = new Map<WireBucket, { bytesIn: number; bytesOut: number }>();
    for (const record of records) {
      const packets = captured.get(record.remotePort)!;
      assert.equal(record.bytesIn, packets.toServer, `port ${record.remotePort} client → server`);
      assert.equal(record.bytesOut, packets.fromServer, `port ${record.remotePort} server → client`);
      const buckets = Object.keys(record.buckets) as WireBucket[];
      assert.equal(buckets.length, 1, `port ${record.remotePort} carried one bucket in this scenario`);
      const sum = byBucket.get(buckets[0]) ?? { bytesIn: 0, bytesOut: 0 };
      sum.bytesIn += packets.toServer;
      sum.bytesOut += packets.fromServer;
      byBucket.set(buckets[0], sum);
    }
    const { buckets } = running.lab.wireMeter.snapshot();
    const report: string[] = [];
    for (const transport of TRANSPORT_IDS) {
      const fromCapture = byBucket.get(transport);
      assert.ok(fromCapture, `${transport} traffic captured`);
      assert.equal(buckets[transport].bytesIn, fromCapture.bytesIn, `${transport} in`);
      assert.equal(buckets[transport].bytesOut, fromCapture.bytesOut, `${transport} out`);
      report.push(`${transport} in=${fromCapture.bytesIn} out=${fromCapture.bytesOut} conns=${buckets[transport].connections}`);
    }
    console.log(`wire capture: ${report.join('; ')}`);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

