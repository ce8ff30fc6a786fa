/**
 * Which web pages may talk to the realtime endpoints. Checked by the dispatcher before any
 * transport library sees a request or an upgrade: Socket.IO's `cors` option does not stop a
 * WebSocket from a foreign page, and SockJS answers every origin.
 *
 * Allowed: no Origin header at all; the page's own origin (Origin's host = the request's Host,
 * any of http/https/ws/wss); every origin in the configured list; everything when the list has `*`.
 *
 * Why a missing Origin passes: Origin is how a *browser* tells us which page is using the user's
 * session, so a foreign site cannot ride on it. Browsers always send it on WebSocket upgrades and
 * cross-origin requests; Node clients, curl and other tools usually send none and could forge any
 * value anyway, so refusing them would protect nothing and break the CLI and the test clients.
 */
import type { IncomingMessage } from 'node:http';

const WEB_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export interface OriginPolicy {
  /** True when the request (or upgrade) may go on. */
  allows(req: IncomingMessage): boolean;
}

/**
 * Builds the policy.
 * @param allowedOrigins extra origins such as `http://192.168.1.10:3000`; `*` allows every origin
 */
export function createOriginPolicy(allowedOrigins: readonly string[]): OriginPolicy {
  const allowAll = allowedOrigins.includes('*');
  const listed = new Set(allowedOrigins.filter((o) => o !== '*').map(normalizeOrigin).filter((o): o is string => o !== undefined));
  return {
    allows(req) {
      const origin = req.headers.origin;
      if (origin === undefined) return true;
      if (allowAll) return true;
      const parsed = parseOrigin(origin);
      // "null" (sandboxed frames, file:// pages) and garbage parse to nothing: refused.
      if (!parsed) return false;
      if (listed.has(parsed.origin)) return true;
      const host = req.headers.host?.toLowerCase();
      return host !== undefined && parsed.host === host;
    },
  };
}

/** `scheme://host[:port]` in the form URL gives it (lowercase, default port dropped), or undefined. */
export function normalizeOrigin(origin: string): string | undefined {
  return parseOrigin(origin)?.origin;
}

function parseOrigin(origin: string): { origin: string; host: string } | undefined {
  try {
    const url = new URL(origin);
    if (!WEB_SCHEMES.has(url.protocol) || url.host === '') return undefined;
    return { origin: `${url.protocol}//${url.host}`, host: url.host };
  } catch {
    return undefined;
  }
}
