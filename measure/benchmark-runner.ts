/**
 * Runs a scenario over live ChatClients. Node-free: it needs only clients, a clock and a way to
 * read the server's wire counters, so the page runs it today and a Node CLI can tomorrow.
 *
 * Per sending transport: every selected pane joins a private room, the sender sends `messages`
 * room messages (its own copy included) at fixed intervals, and each copy's arrival is timed on
 * the one page clock. One sender per phase in isolate mode, all at once otherwise.
 */
import type { ErrorEvent, LaneId, MessageEvent, WireMetricsResponse } from '../protocol';
import type { BenchmarkProgress, BenchmarkResult, ReceiverResult, SenderResult } from './benchmark-result';
import { LatencyHistogram } from './latency-histogram';
import type { Scenario } from './scenario';
import { SenderRecorder } from './sender-recorder';
import { abortError, sleepUntil } from './sleep-until';
import { wireCost } from './wire-cost';

/** The part of a ChatClient the runner uses (ChatClient satisfies it). */
export interface BenchClient {
  readonly lane: LaneId;
  readonly state: string;
  on(type: 'message', handler: (event: MessageEvent) => void): () => void;
  on(type: 'error', handler: (event: ErrorEvent) => void): () => void;
  send(op: { op: 'send'; scope: 'room'; room: string; text: string; ref: string; includeSelf: boolean }): boolean;
  join(...rooms: string[]): Promise<unknown>;
  leave(...rooms: string[]): Promise<unknown>;
}

export interface BenchmarkDeps {
  /** One open client per selected lane. */
  clients: Partial<Record<LaneId, BenchClient>>;
  /** Reads `GET /api/metrics/wire`. */
  readWire: () => Promise<WireMetricsResponse>;
  /** The one clock every latency is read from (`performance.now()` in the page). */
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (progress: BenchmarkProgress) => void;
  /** Durations of the polling pane's `GET events` requests (see request-timer.ts). */
  pollTimer?: { reset(): void; samples(): number[] };
  /** Distinguishes this run's rooms from any other run's; random by default. */
  runTag?: string;
}

/**
 * The room one lane sends to in one run, e.g. `k3x9qa-socketio-polling`: the run's tag and the
 * lane, `:` made `-`, within the 32 characters a room may have (the test checks every lane).
 * @param tag the run's tag (at most 6 characters)
 */
export function benchRoom(tag: string, lane: LaneId): string {
  return `${tag}-${lane.replace(':', '-')}`;
}

/** Refs of benchmark messages: `m` + sequence number. */
const REF = /^m(\d+)$/;

/**
 * Runs `scenario` and returns every figure it measured.
 * @throws an `AbortError` when `deps.signal` aborts; an Error when a client is not open
 */
export async function runBenchmark(scenario: Scenario, deps: BenchmarkDeps): Promise<BenchmarkResult> {
  const { now, signal } = deps;
  const participants = scenario.transports;
  for (const t of participants) {
    if (deps.clients[t]?.state !== 'open') throw new Error(`the ${t} client is not connected`);
  }
  const client = (t: LaneId) => deps.clients[t]!;
  const tag = deps.runTag ?? Math.random().toString(36).slice(2, 8);
  const phases: LaneId[][] = scenario.isolate ? participants.map((t) => [t]) : [participants];
  const intervalMs = 1000 / scenario.ratePerSec;
  const text = 'x'.repeat(scenario.sizeBytes);
  const runStart = now();
  const startedAt = new Date().toISOString();
  const receiverHist = new Map(participants.map((t) => [t, new LatencyHistogram()]));
  const serverErrors: Record<string, number> = {};
  const senders: SenderResult[] = [];
  const recorders: SenderRecorder[] = [];
  const totalWork = participants.length * scenario.messages * (1 + participants.length);
  let doneWork = 0;
  deps.pollTimer?.reset();

  const offErrors = participants.map((t) =>
    client(t).on('error', (e) => {
      serverErrors[e.code] = (serverErrors[e.code] ?? 0) + 1;
    }),
  );
  try {
    for (const [index, sending] of phases.entries()) {
      const report = (phaseRecorders: SenderRecorder[]) =>
        deps.onProgress?.({
          fraction: Math.min(1, (doneWork + phaseRecorders.reduce((n, r) => n + r.sentCount + r.deliveredCount, 0)) / totalWork),
          phase: index + 1,
          phases: phases.length,
          sending,
          sent: phaseRecorders.reduce((n, r) => n + r.sentCount, 0),
          delivered: phaseRecorders.reduce((n, r) => n + r.deliveredCount, 0),
        });
      // Room names: letters, digits, `-` only, at most 32 characters (protocol/names.ts).
      const rooms = new Map(sending.map((t) => [benchRoom(tag, t), t]));
      const phaseRecorders = sending.map((t) => new SenderRecorder(t, participants, scenario.warmup, runStart));
      const bySender = new Map(phaseRecorders.map((r) => [r.transport, r]));
      for (const t of participants) await client(t).join(...rooms.keys());
      if (signal?.aborted) throw abortError();

      const offMessages = participants.map((receiver) =>
        client(receiver).on('message', (event) => {
          // Read the clock first: everything after this line is bookkeeping, not latency.
          const at = now();
          const sender = event.room === undefined ? undefined : rooms.get(event.room);
          const seq = REF.exec(event.ref ?? '');
          if (!sender || !seq) return;
          const ms = bySender.get(sender)!.received(Number(seq[1]), receiver, at, event.serverMicros);
          if (ms !== undefined && receiver !== sender) receiverHist.get(receiver)!.record(ms);
          report(phaseRecorders);
        }),
      );
      try {
        const before = await deps.readWire();
        const start = now() + intervalMs;
        await Promise.all(
          phaseRecorders.map(async (recorder) => {
            const room = [...rooms].find(([, t]) => t === recorder.transport)![0];
            for (let seq = 0; seq < scenario.messages; seq++) {
              // Fixed schedule from the start: a late timer does not push later sends back, and
              // latency counts from the intended time (no coordinated omission).
              const intendedAt = start + seq * intervalMs;
              await sleepUntil(intendedAt, now, signal);
              recorder.sent(seq, intendedAt, now());
              client(recorder.transport).send({ op: 'send', scope: 'room', room, text, ref: `m${seq}`, includeSelf: true });
              report(phaseRecorders);
            }
          }),
        );
        // Wait for every copy, or give up after a few polling periods past the last send.
        const deadline = now() + Math.max(2000, 3 * scenario.pollIntervalMs + 1000);
        const expected = phaseRecorders.reduce((n, r) => n + r.expected(scenario.messages), 0);
        while (phaseRecorders.reduce((n, r) => n + r.deliveredCount, 0) < expected && now() < deadline) {
          await sleepUntil(now() + 20, now, signal);
        }
        const after = await deps.readWire();
        for (const r of phaseRecorders) {
          senders.push(r.result(wireCost(before, after, r.transport, r.sentCount, scenario.isolate)));
          recorders.push(r);
        }
        doneWork += phaseRecorders.reduce((n, r) => n + r.sentCount + r.expected(scenario.messages), 0);
        report([]);
      } finally {
        for (const off of offMessages) off();
        // Leave quietly; a client that went down has no rooms to leave.
        await Promise.all(participants.map((t) => client(t).leave(...rooms.keys()).catch(() => undefined)));
      }
    }
  } finally {
    for (const off of offErrors) off();
  }

  const receivers: ReceiverResult[] = participants.map((t) => ({
    transport: t,
    delivered: recorders.reduce((n, r) => n + (r.deliveredTo.get(t) ?? 0), 0),
    expected: recorders.reduce((n, r) => n + (r.receivers.includes(t) ? r.sentCount : 0), 0),
    fanout: receiverHist.get(t)!.summary(),
  }));
  let pollRequest = null;
  if (deps.pollTimer && participants.includes('polling')) {
    const h = new LatencyHistogram();
    for (const ms of deps.pollTimer.samples()) h.record(ms);
    pollRequest = h.summary();
  }
  return { scenario, startedAt, durationMs: Math.round(now() - runStart), senders, receivers, pollRequest, serverErrors };
}
