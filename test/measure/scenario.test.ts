import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeScenario, encodeScenario, heldLanes, MAX_HELD_LANES, SCENARIO_DEFAULTS, scenarioSchema, SWEEP_DEFAULTS } from '../../measure/scenario';

test('an empty query string gives the defaults', () => {
  assert.deepEqual(decodeScenario(''), SCENARIO_DEFAULTS);
  assert.deepEqual(decodeScenario('?'), SCENARIO_DEFAULTS);
});

test('encode then decode gives the same scenario', () => {
  const s = scenarioSchema.parse({ messages: 40, ratePerSec: 20, sizeBytes: 64, pollIntervalMs: 500, transports: ['ws', 'polling'], isolate: false, warmup: 5 });
  const encoded = encodeScenario(s);
  assert.equal(encoded, 'messages=40&rate=20&size=64&poll=500&transports=polling%2Cws&isolate=0&warmup=5');
  // Transports come back in canonical order.
  assert.deepEqual(decodeScenario(`?${encoded}`), { ...s, transports: ['polling', 'ws'] });
});

test('out-of-range numbers are clamped, unreadable ones fall back to defaults', () => {
  const s = decodeScenario('messages=999999&rate=0&size=abc&poll=-5&warmup=2');
  assert.equal(s.messages, 5000);
  assert.equal(s.ratePerSec, 1);
  assert.equal(s.sizeBytes, SCENARIO_DEFAULTS.sizeBytes);
  assert.equal(s.pollIntervalMs, SCENARIO_DEFAULTS.pollIntervalMs);
  assert.equal(s.warmup, 2);
});

test('unknown transports are ignored; none left means all four', () => {
  assert.deepEqual(decodeScenario('transports=ws,carrier-pigeon,sockjs').transports, ['ws', 'sockjs']);
  assert.deepEqual(decodeScenario('transports=carrier-pigeon').transports, SCENARIO_DEFAULTS.transports);
});

test('isolate reads 0/false/no as off, anything else as on', () => {
  assert.equal(decodeScenario('isolate=0').isolate, false);
  assert.equal(decodeScenario('isolate=false').isolate, false);
  assert.equal(decodeScenario('isolate=1').isolate, true);
});

test('warmup is cut below the message count when decoding, refused by the strict schema', () => {
  assert.equal(decodeScenario('messages=5&warmup=50').warmup, 4);
  assert.equal(scenarioSchema.safeParse({ messages: 5, warmup: 5 }).success, false);
});

test('the strict schema refuses repeated transports and out-of-bounds values', () => {
  assert.equal(scenarioSchema.safeParse({ transports: ['ws', 'ws'] }).success, false);
  assert.equal(scenarioSchema.safeParse({ transports: [] }).success, false);
  assert.equal(scenarioSchema.safeParse({ sizeBytes: 2001 }).success, false);
  assert.equal(scenarioSchema.safeParse({ ratePerSec: 1.5 }).success, false);
});

test('the sweep is optional: absent from old URLs, written only when set, clamped and sorted', () => {
  assert.equal('sweep' in decodeScenario('messages=40'), false);
  assert.equal(encodeScenario(decodeScenario('messages=40')).includes('sweep'), false);
  const s = decodeScenario('sweep=1000,250,x,250,99999&sweepMessages=6');
  assert.deepEqual(s.sweep, { intervalsMs: [250, 1000, 5000], messages: 6 });
  assert.deepEqual(decodeScenario(`?${encodeScenario(s)}`), s);
  assert.match(encodeScenario(s), /sweep=250%2C1000%2C5000&sweepMessages=6/);
  assert.deepEqual(decodeScenario('sweepMessages=1').sweep, { intervalsMs: SWEEP_DEFAULTS.intervalsMs, messages: 2 });
});

test('variants are lanes of the scenario: decoded, encoded in canonical order, round-tripped', () => {
  const s = decodeScenario('transports=sockjs:xhr-streaming,polling,socketio:polling,ws');
  assert.deepEqual(s.transports, ['polling', 'ws', 'socketio:polling', 'sockjs:xhr-streaming']);
  assert.match(encodeScenario(s), /transports=polling%2Cws%2Csocketio%3Apolling%2Csockjs%3Axhr-streaming/);
  assert.deepEqual(decodeScenario(encodeScenario(s)), s);
  assert.deepEqual(decodeScenario('transports=socketio:carrier-pigeon,ws').transports, ['ws']);
});

test('at most MAX_HELD_LANES lanes that hold a request: the URL drops the rest, the schema refuses', () => {
  const all = ['socketio:polling', 'sockjs:xhr-streaming', 'sockjs:xhr-polling', 'sockjs:eventsource'];
  assert.equal(heldLanes(all as never).length, 4, 'all four hold a request open');
  const decoded = decodeScenario(`transports=ws,${all.join(',')}`);
  assert.deepEqual(decoded.transports, ['ws', ...all.slice(0, MAX_HELD_LANES)]);
  const refused = scenarioSchema.safeParse({ transports: all });
  assert.equal(refused.success, false);
  assert.match(JSON.stringify(refused.error?.issues), /six connections per origin/);
  assert.equal(scenarioSchema.safeParse({ transports: ['socketio:upgrade', ...all.slice(0, 3)] }).success, true, 'the upgrade lane ends on WebSocket');
});
