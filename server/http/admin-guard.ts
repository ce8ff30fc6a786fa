/**
 * The one guard in front of every admin action (faults, metric resets): off unless the admin API
 * is on, and with ADMIN_TOKEN set, only for `authorization: Bearer <token>`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { errorEvent } from '../../protocol';
import { sendJson } from '../http-io/json-response';

/** How admin actions are guarded. */
export interface AdminGuardOptions {
  enabled: boolean;
  /** When set, requests must carry `authorization: Bearer <token>`. */
  token?: string;
}

/**
 * Answers a refused admin request (404 when off, 401 without the token) and returns true;
 * returns false, having written nothing, when the request may proceed.
 */
export function refuseAdmin(req: IncomingMessage, res: ServerResponse, options: AdminGuardOptions): boolean {
  if (!options.enabled) {
    sendJson(res, 404, errorEvent('bad_request', { message: 'The admin API is off (set ADMIN_API=on).' }));
    return true;
  }
  if (options.token !== undefined && !bearerMatches(req.headers.authorization, options.token)) {
    sendJson(res, 401, errorEvent('bad_request', { message: 'The admin API needs "authorization: Bearer <ADMIN_TOKEN>".' }), {
      'www-authenticate': 'Bearer',
    });
    return true;
  }
  return false;
}

/** Compares the bearer token in constant time (a timing side channel would leak it byte by byte). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
