/**
 * Test fixtures: a real Lab server on a free 127.0.0.1 port (no Next.js), and real clients of
 * each transport built from the same `client/` code the browser runs, with Node's libraries.
 */
import type { LaneId, ServerEvent, TransportId } from '../../protocol';
import { ChatClient, type ChatClientEvents, type ChatClientOptions } from '../../client/chat-client';
import type { Link } from '../../client/link';
import { createNodeLink } from '../../client/node-links';
import { loadConfig, type LabConfig } from '../../server/config';
import { createLabServer, type LabServer, type LabServerOptions } from '../../server/lab-server';

/** Fast reconnects in tests. */
export const TEST_BACKOFF = { baseMs: 50, capMs: 500 };

export interface RunningLab {
  lab: LabServer;
  /** Where a client connects. Over several nodes (cluster-fixture.ts) each read names the next node. */
  readonly url: string;
  config: LabConfig;
  /** Drops every connection of one transport, on every node. */
  dropAll(transport: TransportId, reason: string): void;
  close(): Promise<void>;
}

/** Starts a Lab (one process, or a cluster of nodes): what a contract suite runs against. */
export type LabStarter = (overrides?: Partial<LabConfig>) => Promise<RunningLab>;

/** The config startLab uses, for fixtures that need it before the server exists. */
export function testConfig(overrides: Partial<LabConfig> = {}): LabConfig {
  return loadConfig({ NODE_ENV: 'test' }, { host: '127.0.0.1', port: 0, pollIntervalMs: 50, ...overrides });
}

/**
 * Starts a Lab server on 127.0.0.1 and a free port.
 * @param overrides config values for this test
 * @param serverOptions e.g. a frozen `clock` so rate-limit tests do not depend on timing
 */
export async function startLab(overrides: Partial<LabConfig> = {}, serverOptions: LabServerOptions = {}): Promise<RunningLab> {
  const config = testConfig(overrides);
  const lab = createLabServer(config, serverOptions);
  const url = await lab.listen();
  return { lab, url, config, dropAll: (transport, reason) => lab.transports[transport].dropAll(reason), close: () => lab.close() };
}

/** A Link for `transport` against `url`, using the Node client libraries. */
export function linkFor(transport: LaneId, url: string, pollIntervalMs = 50): Link {
  return createNodeLink(transport, url, { pollIntervalMs, backoff: TEST_BACKOFF });
}

/** Creates a client (not yet connected). */
export function makeClient(transport: LaneId, url: string, options: Partial<ChatClientOptions> = {}): ChatClient {
  return new ChatClient(linkFor(transport, url), { name: options.name ?? `${transport.replace(':', '-')}-user`, backoff: TEST_BACKOFF, ...options });
}

/** Creates a client and resolves once it is open (welcomed). */
export async function connectClient(transport: LaneId, url: string, options: Partial<ChatClientOptions> = {}): Promise<ChatClient> {
  const client = makeClient(transport, url, options);
  const opened = waitFor(client, 'state', (s) => s === 'open');
  client.connect();
  await opened;
  return client;
}

/**
 * Resolves with the first `type` event that satisfies `predicate`; rejects after `timeoutMs`.
 * Tests wait on events like this, never on fixed sleeps.
 */
export function waitFor<K extends keyof ChatClientEvents>(
  client: ChatClient,
  type: K,
  predicate: (payload: ChatClientEvents[K]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<ChatClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(type)} on ${client.transport}`));
    }, timeoutMs);
    const off = client.on(type, (payload) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

/** Collects every chat message a client receives, for "nothing arrived" checks after a barrier. */
export function collectMessages(client: ChatClient): { texts: () => string[]; stop: () => void } {
  const texts: string[] = [];
  const stop = client.on('message', (m) => texts.push(m.text));
  return { texts: () => [...texts], stop };
}

/** Waits until `check()` holds, re-checking every `intervalMs`; for server state no event announces. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
  intervalMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Every server event a client receives, in arrival order. */
export interface EventRecorder {
  readonly events: ServerEvent[];
  stop(): void;
}

/** Starts recording a client's server events. */
export function recordEvents(client: ChatClient): EventRecorder {
  const events: ServerEvent[] = [];
  const stop = client.on('event', (e) => events.push(e));
  return { events, stop };
}

let barrierCounter = 0;

/**
 * Proves a negative: sends a direct message from `from` to `to` and resolves with every event
 * `to` recorded before that barrier. Events on one connection arrive in order, and the server
 * fans out synchronously before it acks, so once the suspect send has been acked anything it
 * delivered to `to` is in the returned list.
 */
export async function eventsBeforeBarrier(recorder: EventRecorder, from: ChatClient, to: ChatClient): Promise<ServerEvent[]> {
  const text = `barrier-${++barrierCounter}`;
  const arrived = waitFor(to, 'message', (m) => m.text === text);
  await from.say('direct', text, { to: to.id });
  await arrived;
  const index = recorder.events.findIndex((e) => e.type === 'message' && e.text === text);
  return recorder.events.slice(0, index);
}

/** Texts of the chat messages among `events`. */
export function messageTexts(events: ServerEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'message' ? [e.text] : []));
}

/** Clients opened by a test, closed together afterwards. */
export class ClientPool {
  private readonly clients: ChatClient[] = [];

  constructor(private readonly url: () => string) {}

  /** Connects a client and keeps it for `closeAll()`. */
  async connect(transport: LaneId, options: Partial<ChatClientOptions> = {}): Promise<ChatClient> {
    return this.add(await connectClient(transport, this.url(), options));
  }

  /** Keeps a client made elsewhere. */
  add(client: ChatClient): ChatClient {
    this.clients.push(client);
    return client;
  }

  closeAll(): void {
    for (const client of this.clients.splice(0)) client.close();
  }
}
