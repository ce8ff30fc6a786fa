/**
 * Abrupt resets at any phase of any handshake never take the process down. For every realtime
 * endpoint a raw TCP client is cut with an RST and with a FIN at each phase of its request (and,
 * for upgrades, of the WebSocket that follows); after each endpoint's batch the server answers
 * /healthz, a bystander on every transport still gets a room message, and every session the cuts
 * opened has been reaped.
 */
import { after, before, describe, test } from 'node:test';
import type { Socket } from 'node:net';
import { ENDPOINTS, HostileLab, type Endpoint } from '../support/hostile-lab';
import { cut, frame, hasHead, openTcp, receive, writeAll, type Cut } from '../support/raw-tcp';

/** One moment to cut at: writes (and reads) what comes before it. */
interface Phase {
  name: string;
  /** False when the phase makes no sense for this request (no body, no upgrade). */
  applies(request: Buffer, endpoint: Endpoint): boolean;
  reach(socket: Socket, request: Buffer, endpoint: Endpoint): Promise<void>;
}

const headEnd = (request: Buffer) => request.indexOf('\r\n\r\n') + 4;
const hasBody = (request: Buffer) => request.length > headEnd(request);
const isUpgrade = (_r: Buffer, e: Endpoint) => e.firstMessage !== undefined;

/** Sends the whole upgrade request and waits for the 101 (or whatever the server answers). */
async function upgraded(socket: Socket, request: Buffer): Promise<void> {
  const head = receive(socket, hasHead);
  await writeAll(socket, request);
  await head;
}

const PHASES: Phase[] = [
  { name: 'before sending anything', applies: () => true, reach: async () => undefined },
  { name: 'mid request line', applies: () => true, reach: (s, r) => writeAll(s, r.subarray(0, 6)) },
  { name: 'mid headers', applies: () => true, reach: (s, r) => writeAll(s, r.subarray(0, headEnd(r) - 12)) },
  { name: 'after headers, before body', applies: hasBody, reach: (s, r) => writeAll(s, r.subarray(0, headEnd(r))) },
  { name: 'mid body', applies: hasBody, reach: (s, r) => writeAll(s, r.subarray(0, headEnd(r) + Math.floor((r.length - headEnd(r)) / 2))) },
  // Races the server's answer: the cut lands while it parses, handles or writes.
  { name: 'right after the whole request', applies: () => true, reach: (s, r) => writeAll(s, r) },
  { name: 'after the response head', applies: (r, e) => !isUpgrade(r, e), reach: upgraded },
  { name: 'right after the 101', applies: isUpgrade, reach: upgraded },
  {
    name: 'mid first WebSocket frame',
    applies: isUpgrade,
    reach: async (s, r, e) => {
      await upgraded(s, r);
      const bytes = frame(0x1, e.firstMessage!);
      await writeAll(s, bytes.subarray(0, Math.ceil(bytes.length / 2)));
    },
  },
  {
    name: 'after the first WebSocket frame',
    applies: isUpgrade,
    reach: async (s, r, e) => {
      await upgraded(s, r);
      await writeAll(s, frame(0x1, e.firstMessage!));
    },
  },
];

const CUTS: Cut[] = ['rst', 'fin'];

describe('handshake resets', () => {
  const hostile = new HostileLab();

  before(() => hostile.start());
  after(() => hostile.stop());

  for (const endpoint of ENDPOINTS) {
    test(`${endpoint.name}: RST and FIN at every phase`, async () => {
      for (const phase of PHASES) {
        for (const how of CUTS) {
          const request = await endpoint.request(hostile.url);
          if (!phase.applies(request, endpoint)) continue;
          const socket = await openTcp(hostile.url);
          await phase.reach(socket, request, endpoint);
          const closed = new Promise((resolve) => socket.once('close', resolve));
          cut(socket, how);
          await closed;
        }
      }
      await hostile.assertHealthy(endpoint.name);
      await hostile.settled();
    });
  }
});
