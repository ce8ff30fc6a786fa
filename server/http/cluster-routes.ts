/**
 * GET /api/cluster: which node answered, the nodes it hears, and who is connected where:
 *   {"node": "a1b2c3d4" | null, "peers": [...], "redis": "connected" | "down" | null, "epoch", "clients": {"polling": n, ...}, "remoteClients": n}
 * `node` is null in one process. What the failover test and the cluster demo read to see where
 * clients are; it names no client, so it is not guarded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatHub } from '../chat/chat-hub';
import { sendJson } from '../http-io/json-response';

/** The route, for createApiRoutes' `extra`. */
export function createClusterRoutes(hub: ChatHub, bus: { nodeId: string; peers(): string[]; readonly connected: boolean } | undefined) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if ((req.url ?? '/').split('?')[0] !== '/api/cluster' || req.method !== 'GET') return false;
    sendJson(res, 200, {
      node: bus?.nodeId ?? null,
      peers: bus?.peers() ?? [],
      redis: bus ? (bus.connected ? 'connected' : 'down') : null,
      epoch: hub.history.epoch,
      clients: hub.connectionCounts(),
      remoteClients: hub.directory.size,
    });
    return true;
  };
}
