/**
 * A Lab server for hostile-client tests, with one bystander per transport in a room and a check
 * that everything still works: /healthz answers 200 and every bystander gets a room message.
 * Also the table of realtime endpoints the reset tests walk through.
 */
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { TRANSPORT_IDS, type TransportId } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import type { LabConfig } from '../../server/config';
import { ClientPool, startLab, waitFor, waitUntil, type RunningLab } from './lab-fixture';
import { httpRequest, upgradeHeaders } from './raw-tcp';

/** Room every bystander is in. */
export const BYSTANDER_ROOM = 'bystanders';

/** Short liveness timers, so sessions abandoned by a cut go away within a second or so. */
export const HOSTILE_OVERRIDES: Partial<LabConfig> = {
  sockjsDisconnectDelayMs: 300,
  socketIoPingIntervalMs: 500,
  socketIoPingTimeoutMs: 1000,
  pollSessionTtlMs: 500,
  httpHeadersTimeoutMs: 1500,
  httpRequestTimeoutMs: 3000,
  httpKeepAliveTimeoutMs: 1000,
  maxConnectionsPerAddress: 100_000,
  rateLimitPerSec: 100_000,
  rateLimitBurst: 100_000,
  rateLimitStrikes: 1_000_000,
};

export class HostileLab {
  lab!: RunningLab;
  readonly pool = new ClientPool(() => this.lab.url);
  readonly bystanders = {} as Record<TransportId, ChatClient>;
  sender!: ChatClient;
  private checks = 0;

  get url(): string {
    return this.lab.url;
  }

  /** Starts the server and connects a sender and one bystander per transport. */
  async start(overrides: Partial<LabConfig> = {}): Promise<void> {
    this.lab = await startLab({ ...HOSTILE_OVERRIDES, ...overrides });
    this.sender = await this.pool.connect('ws', { name: 'sender' });
    await this.sender.join(BYSTANDER_ROOM);
    for (const t of TRANSPORT_IDS) {
      this.bystanders[t] = await this.pool.connect(t, { name: `bystander-${t}` });
      await this.bystanders[t].join(BYSTANDER_ROOM);
    }
  }

  async stop(): Promise<void> {
    this.pool.closeAll();
    await this.lab.close();
  }

  /** Asserts the server is up and every bystander still receives a room message. */
  async assertHealthy(what: string): Promise<void> {
    const health = await fetch(`${this.url}/healthz`);
    assert.equal(health.status, 200, `/healthz after ${what}`);
    const text = `still here ${++this.checks}`;
    const arrivals = TRANSPORT_IDS.map((t) => waitFor(this.bystanders[t], 'message', (m) => m.text === text, 10_000));
    await this.sender.say('room', text, { room: BYSTANDER_ROOM });
    await Promise.all(arrivals);
  }

  /** Waits until only the bystanders and the sender are connected (cut sessions have been reaped). */
  async settled(timeoutMs = 10_000): Promise<void> {
    await closeEngineSessions(this.url);
    const expected = TRANSPORT_IDS.length + 1;
    const total = () => Object.values(this.lab.lab.hub.connectionCounts()).reduce((a, b) => a + b, 0);
    await waitUntil(() => total() === expected, `only bystanders are connected (now ${total()})`, timeoutMs, 50);
    // Engine.IO sessions that never reached Socket.IO are not chat connections, but one left open
    // at shutdown holds the process for engine.io's 30 s polling close timeout: wait for their ping timeout.
    const engine = (this.lab.lab.transports.socketio as unknown as { engine: { clientsCount: number } }).engine;
    await waitUntil(() => engine.clientsCount === 1, `only the bystander's Engine.IO session is open (now ${engine.clientsCount})`, timeoutMs, 50);
  }
}

/** One realtime endpoint, as a request a raw client can send and cut anywhere. */
export interface Endpoint {
  name: string;
  /** The whole request; may open a session first (for endpoints that need a sid). */
  request(url: string): Promise<Buffer>;
  /** For upgrades: the client's first WebSocket message (sent as one masked text frame). */
  firstMessage?: string;
}

const HELLO = JSON.stringify({ op: 'hello', name: 'cut' });
const sockjsPath = (kind: string) => `/rt/sockjs/000/${randomBytes(6).toString('hex')}/${kind}`;

/** Engine.IO sessions opened for the tests, closed by `closeEngineSessions`. */
const engineSids = new Set<string>();

/** Opens an Engine.IO polling session and returns its sid. */
async function engineSid(url: string): Promise<string> {
  const body = await (await fetch(`${url}/rt/socket.io/?EIO=4&transport=polling`)).text();
  const sid = (JSON.parse(body.slice(1)) as { sid: string }).sid;
  engineSids.add(sid);
  return sid;
}

/** Closes the Engine.IO sessions the tests opened (a close packet), rather than wait for their ping timeout. */
export async function closeEngineSessions(url: string): Promise<void> {
  const sids = [...engineSids];
  engineSids.clear();
  await Promise.all(
    sids.map((sid) =>
      fetch(`${url}/rt/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: '1' })
        .then((res) => res.arrayBuffer())
        .catch(() => undefined),
    ),
  );
}

/** Opens a polling session and returns its sid. */
async function pollingSid(url: string): Promise<string> {
  return ((await (await fetch(`${url}/rt/poll/open`, { method: 'POST' })).json()) as { sid: string }).sid;
}

/** Every handshake and request kind of the four transports. */
export const ENDPOINTS: Endpoint[] = [
  { name: 'ws upgrade', request: async (url) => httpRequest('GET', '/rt/ws', url, { headers: upgradeHeaders() }), firstMessage: HELLO },
  { name: 'sockjs /info', request: async (url) => httpRequest('GET', '/rt/sockjs/info', url) },
  { name: 'sockjs xhr', request: async (url) => httpRequest('POST', sockjsPath('xhr'), url) },
  { name: 'sockjs xhr_streaming', request: async (url) => httpRequest('POST', sockjsPath('xhr_streaming'), url) },
  {
    name: 'sockjs websocket',
    request: async (url) => httpRequest('GET', sockjsPath('websocket'), url, { headers: upgradeHeaders() }),
    firstMessage: JSON.stringify([HELLO]),
  },
  { name: 'socket.io polling handshake', request: async (url) => httpRequest('GET', '/rt/socket.io/?EIO=4&transport=polling', url) },
  {
    name: 'socket.io polling GET with sid',
    request: async (url) => httpRequest('GET', `/rt/socket.io/?EIO=4&transport=polling&sid=${await engineSid(url)}`, url),
  },
  {
    name: 'socket.io polling POST with sid',
    request: async (url) =>
      httpRequest('POST', `/rt/socket.io/?EIO=4&transport=polling&sid=${await engineSid(url)}`, url, { body: `40\x1e42${JSON.stringify(['hello', { name: 'cut' }])}` }),
  },
  {
    name: 'socket.io websocket',
    request: async (url) => httpRequest('GET', '/rt/socket.io/?EIO=4&transport=websocket', url, { headers: upgradeHeaders() }),
    firstMessage: '40',
  },
  {
    name: 'socket.io upgrade probe',
    request: async (url) =>
      httpRequest('GET', `/rt/socket.io/?EIO=4&transport=websocket&sid=${await engineSid(url)}`, url, { headers: upgradeHeaders() }),
    firstMessage: '2probe',
  },
  { name: 'polling open', request: async (url) => httpRequest('POST', '/rt/poll/open', url) },
  { name: 'polling send', request: async (url) => httpRequest('POST', `/rt/poll/send?sid=${await pollingSid(url)}`, url, { body: HELLO }) },
  { name: 'polling events', request: async (url) => httpRequest('GET', `/rt/poll/events?sid=${await pollingSid(url)}&after=0`, url) },
];

/** The three WebSocket endpoints, for malformed handshakes and invalid frames. */
export const UPGRADE_ENDPOINTS = ENDPOINTS.filter((e) => e.name === 'ws upgrade' || e.name === 'sockjs websocket' || e.name === 'socket.io websocket');
