import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { exitOnShutdownSignals } from '../../server/shutdown-signals';

/** Installs the handlers on a fake process; `stop` is resolved by the test. */
function harness(timeoutMs = 5000, stopResult: 'hang' | 'ok' | 'fail' = 'hang') {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let stops = 0;
  let exited!: () => void;
  const firstExit = new Promise<void>((resolve) => (exited = resolve));
  exitOnShutdownSignals({
    timeoutMs,
    signals: signals as unknown as Pick<NodeJS.Process, 'on'>,
    log: () => undefined,
    exit: (code) => {
      exits.push(code);
      exited();
    },
    stop: () => {
      stops += 1;
      if (stopResult === 'ok') return Promise.resolve();
      if (stopResult === 'fail') return Promise.reject(new Error('boom'));
      return new Promise<void>(() => undefined);
    },
  });
  return { signals, exits, firstExit, stops: () => stops };
}

test('a clean stop exits 0', async () => {
  const h = harness(5000, 'ok');
  h.signals.emit('SIGTERM');
  await h.firstExit;
  assert.deepEqual(h.exits, [0]);
});

test('a second signal exits 1 at once, without a second stop', async () => {
  const h = harness(5000, 'hang');
  h.signals.emit('SIGTERM');
  h.signals.emit('SIGINT');
  await h.firstExit;
  assert.deepEqual(h.exits, [1]);
  assert.equal(h.stops(), 1);
});

test('a stop that outlives the limit, or fails, exits 1', async () => {
  const slow = harness(20, 'hang');
  slow.signals.emit('SIGTERM');
  await slow.firstExit;
  assert.deepEqual(slow.exits, [1]);
  const failing = harness(5000, 'fail');
  failing.signals.emit('SIGINT');
  await failing.firstExit;
  assert.deepEqual(failing.exits, [1]);
});
