/**
 * Wire metrics over HTTP.
 *
 *   GET  /api/metrics/wire        → 200 WireMetricsResponse (bytes per bucket, live, and per
 *                                   transport the split into payload/framing/http/keepalive)
 *   POST /api/metrics/wire/reset  → 200 {"reset":true,"since":…}; only with the admin API on, else 404
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseAdmin, type AdminGuardOptions } from './admin-guard';
import { sendJson } from '../http-io/json-response';
import { errorEvent } from '../../protocol';
import type { LayerMeter } from '../metering/layer-meter';
import type { WireMeter } from '../metering/wire-meter';

const METRICS_PREFIX = '/api/metrics/';

/**
 * Answers metrics requests; returns true when it took the request.
 * @param admin guard of `POST /api/metrics/wire/reset` (an admin action: same switch and token)
 * @param wireMeter the meter to read
 * @param layerMeter the layer split of the same bytes (reset together with the meter)
 */
export function createMetricsRoutes(admin: AdminGuardOptions, wireMeter: WireMeter, layerMeter?: LayerMeter) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0];
    if (!path.startsWith(METRICS_PREFIX)) return false;
    const send = (status: number, body: unknown) => sendJson(res, status, body);
    req.resume();
    if (path === '/api/metrics/wire' && req.method === 'GET') {
      send(200, layerMeter ? layerMeter.snapshot() : wireMeter.snapshot());
      return true;
    }
    if (path === '/api/metrics/wire/reset' && req.method === 'POST') {
      if (refuseAdmin(req, res, admin)) return true;
      wireMeter.reset();
      layerMeter?.reset();
      send(200, { reset: true, since: wireMeter.snapshot().since });
      return true;
    }
    send(404, errorEvent('bad_request', { message: `No ${req.method} ${path}.` }));
    return true;
  };
}
