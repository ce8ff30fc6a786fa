/**
 * The three workloads, each run on several targets at once (the Lab and a bare server), which
 * take turns step by step within the one measurement. Every time is read from this process's
 * one monotonic clock (`process.hrtime.bigint()`), in milliseconds.
 */
import type { ChatClient } from '../client/chat-client';
import { closeAll, connect, connectMany, onMessage, sendToRoom, type Target } from './clients';

/** Longest wait for one delivery before a workload gives up. */
const DELIVERY_TIMEOUT_MS = 15_000;
/** Unmeasured messages first: JIT, TCP windows and library buffers warm up on these. */
const WARMUP = 10;

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
let roomCounter = 0;
/** A room of its own for each measurement, so nothing left over from another can arrive. */
const freshRoom = (kind: string) => `${kind}-${++roomCounter}`;

/**
 * Resolves with the time `client` received a message with `text`; rejects after the delivery
 * timeout. Why the time is read in the handler and not after the await: a promise continues
 * only once the whole socket read is handled, and a read often carries more frames (the ack
 * behind the message); the clock must stop when the message arrives, not when the client has
 * also digested whatever came with it.
 */
function arrival(client: ChatClient, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${client.transport}: "${text}" did not arrive within ${DELIVERY_TIMEOUT_MS} ms`));
    }, DELIVERY_TIMEOUT_MS);
    const off = onMessage(client, (m) => {
      if (m.text !== text) return;
      const at = nowMs();
      clearTimeout(timer);
      off();
      resolve(at);
    });
  });
}

/**
 * The order the sides run in at step `i`: forwards on even steps, backwards on odd ones (ABBA),
 * so neither side always runs first (right after the other's traffic).
 */
function sidesAt<T>(sides: readonly T[], i: number): T[] {
  return i % 2 === 0 ? [...sides] : [...sides].reverse();
}

/**
 * Round trip, interleaved: one client per target, each in a room of its own, sends to it and waits
 * for its own copy; the targets take turns message by message, so whatever the machine does
 * meanwhile (other jobs, GC, a slower moment) falls on every side alike.
 * @returns per target (in the order given), every round trip, ms
 */
export async function roundTrip(targets: readonly Target[], messages: number): Promise<number[][]> {
  const clients = await Promise.all(targets.map((t) => connect(t, 'rt')));
  try {
    const rooms = await Promise.all(clients.map(async (client) => {
      const room = freshRoom('rt');
      await client.join(room);
      return room;
    }));
    const samples: number[][] = targets.map(() => []);
    const sides = targets.map((_, k) => k);
    for (let i = 0; i < WARMUP + messages; i++) {
      for (const k of sidesAt(sides, i)) {
        const text = `rt${i}`;
        const back = arrival(clients[k], text);
        const start = nowMs();
        sendToRoom(clients[k], rooms[k], text);
        const at = await back;
        if (i >= WARMUP) samples[k].push(at - start);
      }
    }
    return samples;
  } finally {
    closeAll(clients);
  }
}

/** One sender and one receiver in a room of their own, on one target. */
interface Pipe {
  sender: ChatClient;
  receiver: ChatClient;
  room: string;
}

async function openPipe(target: Target): Promise<Pipe> {
  const room = freshRoom('tp');
  const [sender, receiver] = await Promise.all([connect(target, 'sender'), connect(target, 'receiver')]);
  await receiver.join(room);
  await arrivalOf(sender, receiver, room, 'tp-warmup');
  return { sender, receiver, room };
}

/**
 * Pushes `messages` through a pipe, keeping at most `window` sent but not yet received.
 * @returns the time it took, ms
 */
function pump(pipe: Pipe, label: string, messages: number, window: number): Promise<number> {
  let sent = 0;
  let received = 0;
  const start = nowMs();
  return new Promise<number>((resolve, reject) => {
    let timer = setTimeout(() => fail(), DELIVERY_TIMEOUT_MS);
    const fail = () => {
      off();
      reject(new Error(`${pipe.sender.transport}: throughput stalled at ${received}/${messages} received`));
    };
    const fill = () => {
      while (sent < messages && sent - received < window) sendToRoom(pipe.sender, pipe.room, `${label}-${sent++}`);
    };
    const off = onMessage(pipe.receiver, () => {
      received += 1;
      clearTimeout(timer);
      if (received === messages) {
        off();
        return resolve(nowMs() - start);
      }
      timer = setTimeout(() => fail(), DELIVERY_TIMEOUT_MS);
      fill();
    });
    fill();
  });
}

/** Blocks each throughput run is cut into, the targets taking turns block by block. */
const THROUGHPUT_BLOCKS = 10;

/**
 * Throughput, interleaved: per target one sender pushes through a room whose only member is one
 * receiver; the `messages` are sent in blocks, the targets taking turns block by block.
 * @returns per target, messages received per second
 */
export async function throughput(targets: readonly Target[], messages: number, window: number): Promise<number[]> {
  const pipes: Pipe[] = [];
  try {
    for (const target of targets) pipes.push(await openPipe(target));
    const elapsed = targets.map(() => 0);
    const sides = targets.map((_, k) => k);
    const blocks = Math.min(THROUGHPUT_BLOCKS, messages);
    for (let b = 0; b < blocks; b++) {
      // The remainder goes to the first blocks, so the block sizes add up to `messages`.
      const size = Math.floor(messages / blocks) + (b < messages % blocks ? 1 : 0);
      for (const k of sidesAt(sides, b)) elapsed[k] += await pump(pipes[k], `tp${b}`, size, window);
    }
    return elapsed.map((ms) => messages / (ms / 1000));
  } finally {
    closeAll(pipes.flatMap((p) => [p.sender, p.receiver]));
  }
}

/**
 * Fan-out, interleaved: per target one sender (not in the room) broadcasts to a room of
 * `receivers` clients; the time until the last of them has it, for each of `broadcasts`
 * broadcasts, the targets taking turns broadcast by broadcast.
 * @returns per target, one time per broadcast, ms
 */
export async function fanOut(targets: readonly Target[], receivers: number, broadcasts: number): Promise<number[][]> {
  const groups: { sender: ChatClient; clients: ChatClient[]; room: string }[] = [];
  try {
    for (const target of targets) {
      const room = freshRoom('fo');
      const sender = await connect(target, 'sender');
      groups.push({ sender, clients: [], room });
      groups[groups.length - 1].clients = await connectMany(target, receivers, room);
    }
    const samples: number[][] = targets.map(() => []);
    const sides = targets.map((_, k) => k);
    for (let i = 0; i < 2 + broadcasts; i++) {
      for (const k of sidesAt(sides, i)) {
        const { sender, clients, room } = groups[k];
        const text = `fo${i}`;
        const all = Promise.all(clients.map((c) => arrival(c, text)));
        const start = nowMs();
        sendToRoom(sender, room, text);
        const last = Math.max(...(await all));
        // The first two warm up the path (100 sockets' first writes are slower than the rest).
        if (i >= 2) samples[k].push(last - start);
      }
    }
    return samples;
  } finally {
    closeAll(groups.flatMap((g) => [g.sender, ...g.clients]));
  }
}

/** Sends one message from `sender` to `room` and waits until `receiver` has it. */
async function arrivalOf(sender: ChatClient, receiver: ChatClient, room: string, text: string): Promise<void> {
  const back = arrival(receiver, text);
  sendToRoom(sender, room, text);
  await back;
}
