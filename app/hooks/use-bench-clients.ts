import { useMemo } from 'react';
import { DEFAULT_NAMESPACE, type TransportId } from '../../protocol';
import type { ChatClient, ClientState } from '../../client/chat-client';
import type { FetchLike } from '../../client/links/polling-link';
import { createRequestTimer, type RequestTimer } from '../../measure/request-timer';
import { useChatClient } from './use-chat-client';

/** The Compare view's four clients, their states, and the timer on the polling client's polls. */
export interface BenchClients {
  clients: Record<TransportId, ChatClient | null>;
  states: Record<TransportId, ClientState>;
  pollTimer: RequestTimer<FetchLike>;
}

const ignoreLog = () => undefined;
/** The page's one clock, read when a timed request starts and ends (never during render). */
const pageClock = () => performance.now();

/**
 * Four ChatClients through the chat page's own hook, one per transport. The polling client polls
 * every `pollIntervalMs` (a change recreates it) through a fetch that times each `GET events`.
 * Connections per origin: polling holds at most one request at a time plus its sends, SockJS and
 * Socket.IO are pinned to WebSockets, so the four stay well under the browser's six.
 */
export function useBenchClients(pollIntervalMs: number): BenchClients {
  const pollTimer = useMemo(
    () => createRequestTimer<FetchLike>(window.fetch.bind(window) as FetchLike, /\/events\?/, pageClock),
    [],
  );
  const common = { ns: DEFAULT_NAMESPACE, pollIntervalMs, onLog: ignoreLog };
  // Four explicit calls, not a loop: hooks must be called in the same order on every render.
  const polling = useChatClient({ ...common, transport: 'polling', initialName: 'bench-polling', fetchImpl: pollTimer.fetch });
  const ws = useChatClient({ ...common, transport: 'ws', initialName: 'bench-ws' });
  const sockjs = useChatClient({ ...common, transport: 'sockjs', initialName: 'bench-sockjs' });
  const socketio = useChatClient({ ...common, transport: 'socketio', initialName: 'bench-socketio' });
  return {
    clients: { polling: polling.client, ws: ws.client, sockjs: sockjs.client, socketio: socketio.client },
    states: { polling: polling.view.state, ws: ws.view.state, sockjs: sockjs.view.state, socketio: socketio.view.state },
    pollTimer,
  };
}
