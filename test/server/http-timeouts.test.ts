/** The HTTP timeouts and the slow-consumer budget: read from the environment, applied to the server. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../server/config';
import { createLabServer } from '../../server/lab-server';

describe('HTTP timeouts and send budget config', () => {
  test('defaults are explicit and far below Node’s own', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    assert.equal(config.maxBufferedBytes, 1024 * 1024);
    assert.equal(config.httpHeadersTimeoutMs, 10_000);
    assert.equal(config.httpRequestTimeoutMs, 30_000);
    assert.equal(config.httpKeepAliveTimeoutMs, 5_000);
  });

  test('environment variables set them; nonsense is refused', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      MAX_BUFFERED_BYTES: '65536',
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
    });
    assert.deepEqual(
      [config.maxBufferedBytes, config.httpHeadersTimeoutMs, config.httpRequestTimeoutMs, config.httpKeepAliveTimeoutMs],
      [65536, 2000, 4000, 1000],
    );
    assert.throws(() => loadConfig({ NODE_ENV: 'test', MAX_BUFFERED_BYTES: '10' }), /MAX_BUFFERED_BYTES/);
    assert.throws(() => loadConfig({ NODE_ENV: 'test', HTTP_HEADERS_TIMEOUT_MS: 'soon' }), /HTTP_HEADERS_TIMEOUT_MS/);
  });

  test('the HTTP server gets them (a headers timeout above the request timeout is capped)', () => {
    const lab = createLabServer(loadConfig({ NODE_ENV: 'test' }, { httpHeadersTimeoutMs: 9000, httpRequestTimeoutMs: 3000, httpKeepAliveTimeoutMs: 700 }));
    assert.equal(lab.http.headersTimeout, 3000);
    assert.equal(lab.http.requestTimeout, 3000);
    assert.equal(lab.http.keepAliveTimeout, 700);
    void lab.close();
  });
});

test('a socket that idles past the time-outs is closed without an answer (a browser could take one for its next request\u2019s)', async () => {
  const { startLab } = await import('../support/lab-fixture');
  const { connect } = await import('node:net');
  const running = await startLab({ httpHeadersTimeoutMs: 300, httpRequestTimeoutMs: 500 });
  try {
    const port = Number(new URL(running.url).port);
    const received = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    assert.equal(received, '', 'closed with nothing written');
  } finally {
    await running.close();
  }
});
