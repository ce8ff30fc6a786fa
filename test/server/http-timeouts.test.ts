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
