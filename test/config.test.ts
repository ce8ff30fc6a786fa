import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../server/config';

test('hardening limits have the documented defaults in every environment', () => {
  for (const NODE_ENV of ['development', 'test', 'production']) {
    const c = loadConfig({ NODE_ENV } as NodeJS.ProcessEnv);
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
