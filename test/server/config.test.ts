import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentOf, loadConfig as load, type LabConfig } from '../../server/config';

/** loadConfig over exactly these variables, never the test process's own environment. */
const loadConfig = (vars: Record<string, string>, overrides?: Partial<LabConfig>) => load(vars, overrides);

describe('loadConfig', () => {
  test('defaults per environment', () => {
    const dev = loadConfig({});
    assert.deepEqual([dev.env, dev.dev, dev.port, dev.host], ['development', true, 3000, '127.0.0.1']);
    const test_ = loadConfig({ NODE_ENV: 'test' });
    assert.deepEqual([test_.env, test_.dev, test_.port], ['test', false, 0]);
    assert.ok(test_.pollSessionTtlMs < dev.pollSessionTtlMs, 'tests find dead peers faster');
    const prod = loadConfig({ NODE_ENV: 'production' });
    assert.deepEqual([prod.env, prod.dev, prod.port], ['production', false, 3000]);
    for (const config of [dev, test_, prod]) assert.deepEqual(config.namespaces, ['/', '/lab']);
  });

  test('an unknown NODE_ENV counts as development', () => {
    assert.equal(environmentOf('staging'), 'development');
    assert.equal(environmentOf(undefined), 'development');
  });

  test('environment variables override the defaults, and overrides win over both', () => {
    const config = loadConfig({ NODE_ENV: 'production', PORT: '8080', HOST: '0.0.0.0', MAX_TEXT_CHARS: '500', WS_HEARTBEAT_MS: '1000' });
    assert.deepEqual([config.port, config.host, config.maxTextChars, config.wsHeartbeatMs], [8080, '0.0.0.0', 500, 1000]);
    assert.equal(loadConfig({ PORT: '8080' }, { port: 9000 }).port, 9000);
  });

  test('an invalid PORT throws an error naming the variable', () => {
    for (const port of ['abc', '70000', '-1', '3.5']) {
      assert.throws(() => loadConfig({ PORT: port }), (err: Error) => {
        assert.match(err.message, /PORT/);
        return true;
      }, `PORT=${port}`);
    }
  });

  test('every bad variable is named at once', () => {
    assert.throws(() => loadConfig({ PORT: 'x', POLL_INTERVAL_MS: '1' }), (err: Error) => {
      assert.match(err.message, /PORT/);
      assert.match(err.message, /POLL_INTERVAL_MS/);
      return true;
    });
  });

  test('"/" is always the first namespace', () => {
    assert.deepEqual(loadConfig({ NAMESPACES: '/lab,/class' }).namespaces, ['/', '/lab', '/class']);
    assert.deepEqual(loadConfig({ NAMESPACES: '/lab, /' }).namespaces, ['/', '/lab']);
    assert.deepEqual(loadConfig({}, { namespaces: ['/x', '/'] }).namespaces, ['/', '/x']);
    assert.throws(() => loadConfig({ NAMESPACES: 'lab' }), /NAMESPACES/);
  });
});

// Hardening limits and the origin allowlist.

test('hardening limits have the documented defaults in every environment', () => {
  for (const NODE_ENV of ['development', 'test', 'production']) {
    const c = loadConfig({ NODE_ENV });
    assert.deepEqual(
      [c.allowedOrigins, c.rateLimitPerSec, c.rateLimitBurst, c.rateLimitStrikes, c.maxRoomsPerClient, c.maxClientsPerRoom, c.maxConnectionsPerAddress],
      [[], 20, 40, 50, 50, 1000, 200],
    );
  }
});

test('ALLOWED_ORIGINS and the limits are read from the environment', () => {
  const c = loadConfig({
    NODE_ENV: 'test',
    ALLOWED_ORIGINS: 'http://192.168.1.10:3000, https://lab.example',
    RATE_LIMIT_PER_SEC: '5',
    MAX_CONNECTIONS_PER_ADDRESS: '3',
  });
  assert.deepEqual(c.allowedOrigins, ['http://192.168.1.10:3000', 'https://lab.example']);
  assert.equal(c.rateLimitPerSec, 5);
  assert.equal(c.maxConnectionsPerAddress, 3);
  assert.deepEqual(loadConfig({ NODE_ENV: 'test', ALLOWED_ORIGINS: '*' }).allowedOrigins, ['*']);
});

test('a bad ALLOWED_ORIGINS or limit stops the server with the variable named', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'test', ALLOWED_ORIGINS: 'evil.example' }), /ALLOWED_ORIGINS/);
  assert.throws(() => loadConfig({ NODE_ENV: 'test', RATE_LIMIT_BURST: '0' }), /RATE_LIMIT_BURST/);
});

test('WIRE_METER is on by default and can be turned off for the benchmark', () => {
  assert.equal(loadConfig({}).wireMeter, true);
  assert.equal(loadConfig({ WIRE_METER: 'off' }).wireMeter, false);
  assert.throws(() => loadConfig({ WIRE_METER: 'no' }), /WIRE_METER/);
});

test('resume history: defaults, variables, and bad values refused', () => {
  const c = loadConfig({ NODE_ENV: 'production' });
  assert.deepEqual([c.historySize, c.historyMaxAgeMs], [500, 120_000]);
  const set = loadConfig({ HISTORY_SIZE: '10', HISTORY_MAX_AGE_MS: '5000' });
  assert.deepEqual([set.historySize, set.historyMaxAgeMs], [10, 5000]);
  assert.throws(() => loadConfig({ HISTORY_SIZE: '0' }), /HISTORY_SIZE/);
  assert.throws(() => loadConfig({ HISTORY_MAX_AGE_MS: 'soon' }), /HISTORY_MAX_AGE_MS/);
});

test('history file: under the working dir in development and production, off in test unless set', () => {
  const cwd = process.cwd();
  assert.equal(loadConfig({}).historyFile, `${cwd}/.lab-state/history.json`);
  assert.equal(loadConfig({ NODE_ENV: 'production' }).historyFile, `${cwd}/.lab-state/history.json`);
  assert.equal(loadConfig({ NODE_ENV: 'test' }).historyFile, undefined);
  assert.equal(loadConfig({ NODE_ENV: 'test', HISTORY_FILE: '/tmp/h.json' }).historyFile, '/tmp/h.json');
  assert.equal(loadConfig({ HISTORY_FILE: 'state/h.json' }).historyFile, `${cwd}/state/h.json`);
  assert.equal(loadConfig({ NODE_ENV: 'production', HISTORY_FILE: '' }).historyFile, undefined, 'empty = off');
});

test('shutdown time limit: 5 s by default, SHUTDOWN_TIMEOUT_MS to change it', () => {
  assert.equal(loadConfig({}).shutdownTimeoutMs, 5000);
  assert.equal(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2000' }).shutdownTimeoutMs, 2000);
  assert.throws(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '0' }), /SHUTDOWN_TIMEOUT_MS/);
});

test('numbers are whole numbers written with digits only: no spaces, exponents, hex, decimals or empty', () => {
  for (const bad of [' 12', '12 ', '1e3', '0x10', '12.0', '', '+5', '-1']) {
    assert.throws(() => loadConfig({ NODE_ENV: 'test', PORT: bad }), /PORT: must be a whole number written with digits only/, JSON.stringify(bad));
  }
  assert.equal(loadConfig({ NODE_ENV: 'test', PORT: '8080' }).port, 8080);
  assert.throws(() => loadConfig({ NODE_ENV: 'test', PORT: '70000' }), /PORT/);
});

test('the inspector is on by default, INSPECTOR=off turns it off, INSPECTOR_RECORDS sizes its ring', () => {
  assert.equal(loadConfig({ NODE_ENV: 'production' }).inspector, true);
  assert.equal(loadConfig({ NODE_ENV: 'test', INSPECTOR: 'off' }).inspector, false);
  assert.equal(loadConfig({ NODE_ENV: 'test', INSPECTOR_RECORDS: '500' }).inspectorRecords, 500);
  assert.throws(() => loadConfig({ NODE_ENV: 'test', INSPECTOR_RECORDS: '5' }), /INSPECTOR_RECORDS/);
  assert.throws(() => loadConfig({ NODE_ENV: 'test', INSPECTOR: 'maybe' }), /INSPECTOR/);
});
