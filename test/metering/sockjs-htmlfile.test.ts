/**
 * SockJS's htmlfile answer, as sockjs-node writes it: the inspector reads its frames and the
 * layer meter splits it into the prelude (framing), heartbeats (keepalive) and the app's strings
 * (payload). Built with sockjs-node's own templates, so a change of format there fails here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSockjsBody } from '../../server/inspector/decode/sockjs';
import { httpBodyLayers } from '../../server/metering/message-layers';
import { htmlFileFrames } from '../../server/metering/sockjs-htmlfile';

/** sockjs-node's HtmlFileReceiver.doSendFrame, exactly. */
const script = (frame: string) => `<script>\np(${JSON.stringify(frame)});\n</script>\r\n`;
/** The start of sockjs-node's iframe template (the real one is padded to 1 KiB). */
const PRELUDE = '<!doctype html>\n<html><head>\n</head><body><h2>Don\'t panic!</h2>\n  <script>\n    var c = parent.cb;\n    c.start();\n    function p(d) {c.message(d);};\n  </script>' + ' '.repeat(900) + '\r\n\r\n';

const welcome = JSON.stringify({ type: 'welcome', id: 'w1', name: 'n', text: 'é "quoted" \\ slash' });

test('htmlFileFrames: every frame, unescaped, and nothing from the prelude', () => {
  const body = PRELUDE + script('o') + script('h') + script('a' + JSON.stringify([welcome]));
  assert.deepEqual(htmlFileFrames(body), ['o', 'h', 'a' + JSON.stringify([welcome])]);
  assert.deepEqual(htmlFileFrames(PRELUDE), []);
  // One chunk at a time, as the inspector records a streaming answer.
  assert.deepEqual(htmlFileFrames(script('h')), ['h']);
});

test('the inspector decodes an htmlfile answer like any other SockJS answer', () => {
  const facts = { packets: [] as { type: string }[], phrases: [] as string[], messageIds: [], sends: [] } as never as Parameters<typeof readSockjsBody>[3];
  readSockjsBody('out', '/rt/sockjs/1/s/htmlfile', PRELUDE + script('o') + script('h') + script('a' + JSON.stringify([welcome])), facts);
  assert.deepEqual(facts.packets.map((p) => p.type), ['o', 'h', 'a', 'welcome']);
});

test('layers of an htmlfile answer: the app\u2019s JSON is payload, h keepalive, the rest framing', () => {
  const body = PRELUDE + script('o') + script('h') + script('a' + JSON.stringify([welcome]));
  const layers = httpBodyLayers('sockjs', '/rt/sockjs/1/s/htmlfile', 'out', body);
  assert.equal(layers.payload, Buffer.byteLength(welcome), 'payload: the welcome as the app wrote it');
  assert.equal(layers.keepaliveUnits, 1);
  assert.equal(layers.keepaliveBytes, Buffer.byteLength(script('h')), 'the whole heartbeat script');
  assert.equal(layers.otherUnits, 3, 'the prelude, o, and the a frame');
});
