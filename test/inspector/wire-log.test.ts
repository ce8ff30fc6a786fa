/**
 * The wire inspector against a real server and the real client libraries: one client per
 * transport, one message to everyone, then the log must show it decoded on all four, with the
 * handshakes that got each transport connected, no resume token, and the meter's bytes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TRANSPORT_IDS, WIRE_LAYERS, type TransportId, type WireLogPage, type WireRecord } from '../../protocol';
import { io, type Socket } from 'socket.io-client';
import { TRANSPORT_PATHS } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { connectClient, startLab, waitFor, waitUntil, type RunningLab } from '../support/lab-fixture';

let running: RunningLab;
const clients = {} as Record<TransportId, ChatClient>;
let messageId: string;
/** Socket.IO's default: long-polling first, then the upgrade (the Lab's own client pins websocket). */
let upgrading: Socket;

async function log(query = ''): Promise<WireLogPage> {
  const res = await fetch(`${running.url}/api/wire/log?since=0${query}`);
  assert.equal(res.status, 200);
  return (await res.json()) as WireLogPage;
}

/** Every record, read to the end page by page. */
async function wholeLog(): Promise<WireRecord[]> {
  const out: WireRecord[] = [];
  let since = 0;
  for (;;) {
    const page = (await (await fetch(`${running.url}/api/wire/log?since=${since}`)).json()) as WireLogPage;
    out.push(...page.records);
    if (page.next === since) return out;
    since = page.next;
  }
}

const types = (records: WireRecord[], protocol: string) => records.flatMap((r) => r.decoded.filter((p) => p.protocol === protocol).map((p) => p.type));

before(async () => {
  running = await startLab();
  for (const t of TRANSPORT_IDS) clients[t] = await connectClient(t, running.url, { name: `${t}-reader` });
  const arrivals = TRANSPORT_IDS.map((t) => waitFor(clients[t], 'message', (m) => m.text === 'follow me'));
  const ack = (await clients.ws.say('all', 'follow me')) as { messageId: string };
  messageId = ack.messageId;
  await Promise.all(arrivals);
  upgrading = io(running.url, { path: TRANSPORT_PATHS.socketio, transports: ['polling', 'websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve) => upgrading.io.engine.once('upgrade', () => resolve()));
});
after(async () => {
  upgrading.close();
  for (const c of Object.values(clients)) c.close();
  await running.close();
});

describe('wire inspector', () => {
  test('one message is found on all four transports, and its send knows it once the ack came', async () => {
    await waitUntil(async () => {
      const records = await wholeLog();
      return TRANSPORT_IDS.every((t) => records.some((r) => r.transport === t && r.dir === 'out' && r.messageIds?.includes(messageId)));
    }, 'every transport delivered the message in the log');
    const records = await wholeLog();
    const send = records.find((r) => r.transport === 'ws' && r.dir === 'in' && r.decoded.some((p) => p.type === 'send'));
    assert.ok(send?.messageIds?.includes(messageId), 'the send frame is linked to the message its ack named');
    assert.match(send!.summary, /send "follow me"/);
    for (const t of TRANSPORT_IDS) {
      const mine = records.filter((r) => r.transport === t);
      assert.ok(mine.some((r) => r.client === clients[t].id), `${t}: records know their chat client`);
    }
  });

  test('decoded: the ws 101, Socket.IO\u2019s upgrade probe, SockJS\u2019s info and open, polling\u2019s envelopes and empty polls', async () => {
    const records = await wholeLog();
    const of = (t: TransportId) => records.filter((r) => r.transport === t);
    assert.ok(of('ws').some((r) => r.http?.status === 101), 'ws: the 101');
    assert.ok(of('ws').some((r) => r.kind === 'ws-frame' && r.ws!.masked && r.dir === 'in'), 'ws: client frames are masked');
    const eio = types(of('socketio'), 'engine.io');
    for (const type of ['open', 'message', 'upgrade']) assert.ok(eio.includes(type), `engine.io ${type} in ${eio.join(',')}`);
    assert.ok(of('socketio').some((r) => r.decoded.some((p) => p.protocol === 'engine.io' && p.fields?.probe === true)), 'the 2probe/3probe dance');
    assert.ok(types(of('socketio'), 'socket.io').includes('CONNECT'));
    assert.ok(types(of('socketio'), 'socket.io').includes('EVENT'));
    const sockjs = types(of('sockjs'), 'sockjs');
    for (const type of ['info', 'o', 'a', 'send']) assert.ok(sockjs.includes(type), `sockjs ${type} in ${sockjs.join(',')}`);
    const polling = types(of('polling'), 'lab-polling');
    for (const type of ['open', 'send', 'events']) assert.ok(polling.includes(type), `polling ${type}`);
    await waitUntil(async () => (await wholeLog()).some((r) => r.transport === 'polling' && r.emptyPoll), 'an empty poll');
    const empty = (await wholeLog()).find((r) => r.emptyPoll)!;
    assert.equal(empty.layers.keepalive, empty.bytes, 'an empty poll is keepalive whole');
    assert.match(empty.summary, /events ×0 \(empty\)/);
  });

  test('resume tokens are never shown, though every hello carries one', async () => {
    const text = JSON.stringify(await wholeLog());
    for (const t of TRANSPORT_IDS) assert.ok(!text.includes(clients[t].resumeToken), `${t}'s token`);
    assert.match(text, /resumeToken[\\"]*:[\\"]*\[redacted\]/);
  });

  test('each record\u2019s layers add up to its bytes', async () => {
    for (const r of await wholeLog()) {
      assert.equal(WIRE_LAYERS.reduce((n, id) => n + r.layers[id], 0), r.bytes, `#${r.seq} ${r.summary}`);
      assert.ok(WIRE_LAYERS.every((id) => r.layers[id] >= 0), `#${r.seq} has no negative layer`);
    }
  });

  test('filters, paging and bad queries', async () => {
    const polling = await log('&transport=polling');
    assert.ok(polling.records.length > 0 && polling.records.every((r) => r.transport === 'polling'));
    assert.equal(polling.enabled, true);
    const first = polling.records[0];
    const one = await log(`&connection=${first.connection}`);
    assert.ok(one.records.every((r) => r.connection === first.connection));
    for (const bad of ['since=-1', 'since=1e3', 'transport=carrier-pigeon']) {
      const res = await fetch(`${running.url}/api/wire/log?${bad}`);
      assert.equal(res.status, 400, bad);
      assert.match(((await res.json()) as { message: string }).message, /since|transport/);
    }
    const res = await fetch(`${running.url}/api/wire/log`, { method: 'POST' });
    assert.equal(res.status, 405);
  });

  test('HAR export: valid JSON, WebSocket messages as Chrome writes them, the message in them', async () => {
    const res = await fetch(`${running.url}/api/wire/export.har`);
    assert.equal(res.status, 200);
    const har = (await res.json()) as { log: { version: string; entries: { request: { url: string }; response: { status: number }; _webSocketMessages?: { type: string; data: string; opcode: number }[] }[] } };
    assert.equal(har.log.version, '1.2');
    const sockets = har.log.entries.filter((e) => e._webSocketMessages);
    assert.ok(sockets.length >= 3, 'ws, sockjs and socketio each have a WebSocket entry');
    assert.ok(sockets.every((e) => e.response.status === 101));
    assert.ok(sockets.some((e) => e._webSocketMessages!.some((m) => m.type === 'receive' && m.data.includes('follow me'))));
    assert.ok(har.log.entries.some((e) => e.request.url.includes('/events') && e.response.status === 200), 'the polls');
    const json = (await (await fetch(`${running.url}/api/wire/export.json`)).json()) as { records: WireRecord[] };
    assert.ok(json.records.length > 0);
  });

  test('the live stream replays from `since`, then sends what comes', async () => {
    const last = (await wholeLog()).at(-1)!.seq;
    const controller = new AbortController();
    const res = await fetch(`${running.url}/api/wire/stream?since=${last}&transport=ws`, { signal: controller.signal });
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    const arrived = waitFor(clients.ws, 'message', (m) => m.text === 'live');
    await clients.polling.say('all', 'live');
    await arrived;
    let text = '';
    while (!text.includes('"live"') && !text.includes('live\\"')) text += new TextDecoder().decode((await reader.read()).value);
    assert.match(text, /^id: \d+\nevent: record\ndata: \{/m);
    const seqs = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    assert.ok(seqs.every((s) => s > last), 'only records after since');
    controller.abort();
  });
});

describe('INSPECTOR=off', () => {
  test('the log says it is off, the stream and exports are 404, the meter still counts', async () => {
    const off = await startLab({ inspector: false });
    try {
      const client = await connectClient('ws', off.url);
      const page = (await (await fetch(`${off.url}/api/wire/log`)).json()) as WireLogPage;
      assert.deepEqual(page, { next: 0, wrapped: false, enabled: false, records: [] });
      for (const path of ['/api/wire/stream', '/api/wire/export.har']) assert.equal((await fetch(`${off.url}${path}`)).status, 404, path);
      assert.ok(off.lab.wireMeter.snapshot().buckets.ws.bytesIn > 0);
      client.close();
    } finally {
      await off.close();
    }
  });
});

test('the stream opens at once even with nothing to replay', async () => {
  const lab = await startLab();
  try {
    const controller = new AbortController();
    const res = await fetch(`${lab.url}/api/wire/stream?since=${Number.MAX_SAFE_INTEGER}`, { signal: controller.signal });
    assert.equal(res.status, 200);
    const first = await res.body!.getReader().read();
    assert.match(new TextDecoder().decode(first.value), /^: stream open/);
    controller.abort();
  } finally {
    await lab.close();
  }
});
