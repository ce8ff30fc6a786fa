/**
 * One load run: N real clients spread over the chosen transports, joined into rooms, send M
 * messages per second in total for a fixed duration; every member checks it got every message
 * of its rooms exactly once. Latency is measured in this process from send to receipt (one
 * clock: sender and receivers live here; the server runs in its own process).
 */
import type { PresenceScope, TransportId } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { connectNodeClient } from '../../client/node-links';
import { percentileOfSorted, round as roundTo } from '../../bench/stats';
import type { ServerProcess } from './server-process';

/** Two decimals: the load report's precision. */
const round = (value: number): number => roundTo(value, 2);

export interface LoadOptions {
  clients: number;
  /** Messages per second, all senders together. */
  ratePerSec: number;
  durationSec: number;
  /** Clients per room (rooms = clients / roomSize, rounded up). */
  roomSize: number;
  transports: TransportId[];
  pollIntervalMs: number;
  /** Seconds after the start whose samples count as warm-up (for the RSS growth figure). */
  warmupSec: number;
  sampleEverySec: number;
  /** Connections being opened at once while connecting (a sliding window). */
  connectConcurrency: number;
  /** Whose presence each client hears (hello's `presence`). */
  presence: PresenceScope;
}

export interface LoadSample {
  tSec: number;
  rssMb: number;
  /** Server CPU use over the last interval, % of one core. */
  cpuPercent: number;
  delivered: number;
}

/** Latency percentiles in ms (exact, from all samples sorted) and the sample count. */
export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

export interface LoadResult {
  clients: number;
  connected: number;
  connectFailures: number;
  connectSeconds: number;
  perTransport: Record<string, number>;
  sent: number;
  expected: number;
  delivered: number;
  missed: number;
  duplicated: number;
  reconnects: number;
  latencyMs: Percentiles;
  /** The same, by the receiving client's transport. */
  latencyMsByTransport: Record<string, Percentiles>;
  samples: LoadSample[];
  /** RSS at the end relative to RSS when warm-up ended, in %. */
  rssGrowthAfterWarmupPct: number;
  durationSec: number;
}

interface Member {
  client: ChatClient;
  room: string;
  seen: Set<number>;
}

const now = () => performance.now();

/** Runs one load scenario against a started server. */
export async function runLoad(server: ServerProcess, options: LoadOptions, progress: (line: string) => void): Promise<LoadResult> {
  const members: Member[] = [];
  const perTransport: Record<string, number> = {};
  let connectFailures = 0;
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const latenciesBy: Record<string, number[]> = {};
  let delivered = 0;
  let duplicated = 0;

  const listen = (member: Member): void => {
    members.push(member);
    perTransport[member.client.transport] = (perTransport[member.client.transport] ?? 0) + 1;
    member.client.on('message', (m) => {
      const key = Number(m.text.slice(2, m.text.indexOf('|', 2)));
      if (!m.text.startsWith('L|') || !Number.isFinite(key)) return;
      if (member.seen.has(key)) {
        duplicated += 1;
        return;
      }
      member.seen.add(key);
      delivered += 1;
      const t0 = sentAt.get(key);
      if (t0 === undefined) return;
      const latency = now() - t0;
      latencies.push(latency);
      (latenciesBy[member.client.transport] ??= []).push(latency);
    });
  };

  // A window of `connectConcurrency` handshakes in flight, each slot refilled as soon as it is
  // done: a thousand at once would measure the SYN queue, and batches that wait for their slowest
  // member (a polling client's first poll) would measure the batch, not the Lab.
  const connectStart = now();
  let next = 0;
  // Past 5 % failed connections this count has broken; stop connecting rather than wait out the
  // remaining timeouts (the run is reported as broken either way).
  const broken = () => connectFailures > options.clients * 0.05;
  const slot = async (): Promise<void> => {
    while (next < options.clients && !broken()) {
      const i = next++;
      const transport = options.transports[i % options.transports.length];
      const room = `load-${Math.floor(i / options.roomSize)}`;
      try {
        listen(await connectMember(server.url, transport, `load${i}`, room, options));
      } catch {
        connectFailures += 1;
      }
      const done = members.length + connectFailures;
      if (done % 250 === 0 || done === options.clients) progress(`connected ${members.length}/${options.clients} (${connectFailures} failed) in ${((now() - connectStart) / 1000).toFixed(1)} s`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.connectConcurrency, options.clients) }, slot));
  const connectSeconds = (now() - connectStart) / 1000;
  const roomSizes = new Map<string, number>();
  for (const m of members) roomSizes.set(m.room, (roomSizes.get(m.room) ?? 0) + 1);

  // Send at a fixed total rate from random members, for the duration; sample the server meanwhile.
  const samples: LoadSample[] = [];
  let last = server.sample();
  let lastAt = now();
  const startedAt = now();
  let sent = 0;
  let expected = 0;
  const sampler = setInterval(() => {
    const s = server.sample();
    const t = now();
    samples.push({
      tSec: Math.round((t - startedAt) / 100) / 10,
      rssMb: Math.round((s.rssBytes / 1048576) * 10) / 10,
      cpuPercent: Math.round(((s.cpuMs - last.cpuMs) / (t - lastAt)) * 1000) / 10,
      delivered,
    });
    progress(`t=${samples[samples.length - 1].tSec}s sent ${sent} delivered ${delivered}/${expected} rss ${samples[samples.length - 1].rssMb} MB cpu ${samples[samples.length - 1].cpuPercent}%`);
    last = s;
    lastAt = t;
  }, options.sampleEverySec * 1000);
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = (now() - startedAt) / 1000;
      if (elapsed >= options.durationSec || members.length === 0) {
        clearInterval(tick);
        resolve();
        return;
      }
      // Send whatever is due by now: the rate holds even when a tick runs late.
      const due = Math.floor(elapsed * options.ratePerSec) - sent;
      for (let k = 0; k < due; k++) {
        const sender = members[Math.floor(Math.random() * members.length)];
        const key = sent;
        sent += 1;
        if (sender.client.state !== 'open') continue;
        sentAt.set(key, now());
        const audience = roomSizes.get(sender.room) ?? 0;
        expected += audience;
        void sender.client.say('room', `L|${key}|`, { room: sender.room }).catch(() => undefined);
      }
    }, 5);
  });

  // Drain: wait until everything expected arrived, or give up after a few polling periods.
  const drainDeadline = now() + Math.max(5000, options.pollIntervalMs * 5);
  while (delivered < expected && now() < drainDeadline) await new Promise((r) => setTimeout(r, 50));
  clearInterval(sampler);

  const reconnects = members.reduce((sum, m) => sum + m.client.reconnects, 0);
  for (const m of members) m.client.close();
  const afterWarmup = samples.find((s) => s.tSec >= options.warmupSec) ?? samples[0];
  const end = samples[samples.length - 1];
  return {
    clients: options.clients,
    connected: members.length,
    connectFailures,
    connectSeconds: round(connectSeconds),
    perTransport,
    sent,
    expected,
    delivered,
    missed: expected - delivered,
    duplicated,
    reconnects,
    latencyMs: percentiles(latencies),
    latencyMsByTransport: Object.fromEntries(Object.entries(latenciesBy).map(([t, values]) => [t, percentiles(values)])),
    samples,
    rssGrowthAfterWarmupPct: afterWarmup && end ? round(((end.rssMb - afterWarmup.rssMb) / afterWarmup.rssMb) * 100) : NaN,
    durationSec: options.durationSec,
  };
}

async function connectMember(url: string, transport: TransportId, name: string, room: string, options: LoadOptions): Promise<Member> {
  // The room in hello: joined before the welcome, one round trip instead of two.
  const client = await connectNodeClient(transport, url, { name, pollIntervalMs: options.pollIntervalMs, timeoutMs: 30_000, presence: options.presence, rooms: [room] });
  return { client, room, seen: new Set() };
}

/** Exact nearest-rank percentiles of `values` (sorted in place), as `npm run bench` computes them. */
function percentiles(values: number[]): Percentiles {
  values.sort((a, b) => a - b);
  const at = (p: number) => (values.length ? round(percentileOfSorted(values, p)) : NaN);
  return { p50: at(50), p99: at(99), max: values.length ? round(values[values.length - 1]) : NaN, samples: values.length };
}
