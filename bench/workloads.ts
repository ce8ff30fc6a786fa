/**
 * The three workloads, each against one Target (the Lab or a bare server). Every time is read
 * from this process's one monotonic clock (`process.hrtime.bigint()`), in milliseconds.
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

/** Resolves when `client` receives a message with `text`; rejects after the delivery timeout. */
function arrival(client: ChatClient, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${client.transport}: "${text}" did not arrive within ${DELIVERY_TIMEOUT_MS} ms`));
    }, DELIVERY_TIMEOUT_MS);
    const off = onMessage(client, (m) => {
      if (m.text !== text) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/**
 * Round trip: one client in a room sends to it and waits for its own copy, `messages` times in
 * a row (never two in flight).
 * @returns every round trip, ms
 */
export async function roundTrip(target: Target, messages: number): Promise<number[]> {
  const room = freshRoom('rt');
  const client = await connect(target, 'rt');
  try {
    await client.join(room);
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + messages; i++) {
      const text = `rt${i}`;
      const back = arrival(client, text);
      const start = nowMs();
      sendToRoom(client, room, text);
      await back;
      if (i >= WARMUP) samples.push(nowMs() - start);
    }
    return samples;
  } finally {
    client.close();
  }
}

/**
 * Throughput: one sender pushes `messages` through a room whose only member is one receiver,
 * keeping at most `window` messages sent but not yet received.
 * @returns messages received per second
 */
export async function throughput(target: Target, messages: number, window: number): Promise<number> {
  const room = freshRoom('tp');
  const [sender, receiver] = await Promise.all([connect(target, 'sender'), connect(target, 'receiver')]);
  try {
    await receiver.join(room);
    await arrivalOf(sender, receiver, room, 'tp-warmup');
    let sent = 0;
    let received = 0;
    let start = 0;
    await new Promise<void>((resolve, reject) => {
      let timer = setTimeout(() => fail(), DELIVERY_TIMEOUT_MS);
      const fail = () => {
        off();
        reject(new Error(`${target.transport}: throughput stalled at ${received}/${messages} received`));
      };
      const pump = () => {
        while (sent < messages && sent - received < window) sendToRoom(sender, room, `tp${sent++}`);
      };
      const off = onMessage(receiver, () => {
        received += 1;
        clearTimeout(timer);
        if (received === messages) {
          off();
          return resolve();
        }
        timer = setTimeout(() => fail(), DELIVERY_TIMEOUT_MS);
        pump();
      });
      start = nowMs();
      pump();
    });
    return messages / ((nowMs() - start) / 1000);
  } finally {
    closeAll([sender, receiver]);
  }
}

/**
 * Fan-out: one sender (not in the room) broadcasts to a room of `receivers` clients; the time
 * until the last of them has it, for each of `broadcasts` broadcasts in a row.
 * @returns one time per broadcast, ms
 */
export async function fanOut(target: Target, receivers: number, broadcasts: number): Promise<number[]> {
  const room = freshRoom('fo');
  const sender = await connect(target, 'sender');
  let clients: ChatClient[] = [];
  try {
    clients = await connectMany(target, receivers, room);
    const samples: number[] = [];
    for (let k = 0; k < 2 + broadcasts; k++) {
      const text = `fo${k}`;
      const all = Promise.all(clients.map((c) => arrival(c, text)));
      const start = nowMs();
      sendToRoom(sender, room, text);
      await all;
      // The first two warm up the path (100 sockets' first writes are slower than the rest).
      if (k >= 2) samples.push(nowMs() - start);
    }
    return samples;
  } finally {
    closeAll([sender, ...clients]);
  }
}

/** Sends one message from `sender` to `room` and waits until `receiver` has it. */
async function arrivalOf(sender: ChatClient, receiver: ChatClient, room: string, text: string): Promise<void> {
  const back = arrival(receiver, text);
  sendToRoom(sender, room, text);
  await back;
}
