/**
 * The classroom's two routes:
 *   GET /api/join       → {"urls":["http://192.168.1.20:3000"],"host":"0.0.0.0"}
 *                         where students can join (empty when the server listens on loopback only)
 *   GET /api/classroom  → {"namespaces":[{"ns":"/","clients":[{id,name,transport,rooms}]}]}
 *                         who is connected, on which transport, in which rooms (the instructor view)
 * Both say only what any chat client may already ask for (`list clients`), so neither is guarded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { errorEvent, type ClientInfo } from '../../protocol';
import type { ChatHub } from '../chat/chat-hub';
import { reachableUrls } from '../reachable-addresses';
import { sendJson } from '../http-io/json-response';

/** Body of `GET /api/join`. */
export interface JoinResponse {
  urls: string[];
  host: string;
}

/** Body of `GET /api/classroom`. */
export interface ClassroomResponse {
  namespaces: { ns: string; clients: ClientInfo[] }[];
}

/**
 * @param listening the host and port the server really listens on (known after listen)
 */
export function createClassroomRoutes(hub: ChatHub, namespaces: string[], listening: () => { host: string; port: number }) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/api/join' && path !== '/api/classroom') return false;
    if (req.method !== 'GET') {
      sendJson(res, 405, errorEvent('bad_request', { message: `${path} answers GET only.` }));
      return true;
    }
    if (path === '/api/join') {
      const { host, port } = listening();
      sendJson(res, 200, { urls: reachableUrls(host, port, networkInterfaces()), host } satisfies JoinResponse);
      return true;
    }
    const body: ClassroomResponse = {
      namespaces: namespaces.map((ns) => ({ ns, clients: hub.namespace(ns)?.listClients() ?? [] })),
    };
    sendJson(res, 200, body);
    return true;
  };
}
