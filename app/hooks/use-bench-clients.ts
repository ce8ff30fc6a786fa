import { useMemo } from 'react';
import { DEFAULT_NAMESPACE, type LaneId, type TransportId } from '../../protocol';
import type { ChatClient, ClientState } from '../../client/chat-client';
import type { FetchLike } from '../../client/links/polling-link';
import { createRequestTimer, type RequestTimer } from '../../measure/request-timer';
import { useChatClient } from './use-chat-client';
import { useVariantClients } from './use-variant-clients';

/**
 * The Compare view's clients: the four base transports always, plus one per selected variant
 * lane; their states; and the timer on the polling client's polls.
 */
export interface BenchClients {
  clients: Record<TransportId, ChatClient | null> & Partial<Record<LaneId, ChatClient | null>>;
  states: Record<TransportId, ClientState> & Partial<Record<LaneId, ClientState>>;
  pollTimer: RequestTimer<FetchLike>;
}

const ignoreLog = () => undefined;
/** The page's one clock, read when a timed request starts and ends (never during render). */
const pageClock = () => performance.now();

/**
 * Four ChatClients through the chat page's own hook, one per transport, and one per variant lane
 * in `lanes`. The polling client polls every `pollIntervalMs` (a change recreates it) through a
 * fetch that times each `GET events`. Connections per origin: polling holds at most one request
 * at a time plus its sends, the base SockJS and Socket.IO are on WebSockets, and the scenario
 * admits at most MAX_HELD_LANES variants that hold a request, so all stay under the browser's six.
 * @param lanes the scenario's lanes (only the variants among them add clients)
 */
export function useBenchClients(pollIntervalMs: number, lanes: readonly LaneId[] = []): BenchClients {
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
  const variants = useVariantClients(lanes);
  return {
    clients: { ...variants.clients, polling: polling.client, ws: ws.client, sockjs: sockjs.client, socketio: socketio.client },
    states: { ...variants.states, polling: polling.view.state, ws: ws.view.state, sockjs: sockjs.view.state, socketio: socketio.view.state },
    pollTimer,
  };
}
