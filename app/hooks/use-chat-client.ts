import { useEffect, useRef, useState } from 'react';
import type { ClientInfo, LaneId, RecoveryReport, TransportId } from '../../protocol';
import type { LedgerCounts } from '../../client/stream-ledger';
import { ChatClient, type ClientState } from '../../client/chat-client';
import type { FetchLike } from '../../client/links/polling-link';
import { createBrowserLink } from '../lib/browser-links';
import { messageEntry, serverErrorEntry, systemEntry, type NewLogEntry } from '../lib/log-entry';
import { useMessages } from '../messages/messages-provider';

/** What a pane renders about its client. */
export interface ChatView {
  state: ClientState;
  id?: string;
  name: string;
  via?: string;
  reconnects: number;
  members: ClientInfo[];
  rooms: string[];
  /** Delivery counts per stream position. */
  ledger: LedgerCounts;
  /** The server's answer to the last resume. */
  recovery?: RecoveryReport;
}

export interface UseChatClientOptions {
  transport: TransportId;
  /** The library variant to drive (protocol/lanes.ts); the transport's base lane by default. */
  lane?: LaneId;
  ns: string;
  pollIntervalMs: number;
  /** Name for the first connection; later connections keep whatever the client is called then. */
  initialName: string;
  /** Receives every entry the connection produces (messages, errors, connection changes). */
  onLog: (entry: NewLogEntry) => void;
  /** Fetch for the polling link (must be stable: a new one reconnects). */
  fetchImpl?: FetchLike;
}

function viewOf(client: ChatClient): ChatView {
  return {
    state: client.state,
    id: client.id,
    name: client.name,
    via: client.via,
    reconnects: client.reconnects,
    members: client.members,
    rooms: client.rooms,
    ledger: client.ledger.counts,
    recovery: client.lastRecovery,
  };
}

/**
 * One ChatClient per (lane, namespace), created in an effect and closed in its cleanup, so
 * StrictMode's double mount leaves exactly one live connection and a namespace or variant change
 * reconnects.
 */
export function useChatClient(options: UseChatClientOptions): { client: ChatClient | null; view: ChatView } {
  const messages = useMessages();
  const { transport, ns, pollIntervalMs, fetchImpl } = options;
  const lane = options.lane ?? transport;
  const [client, setClient] = useState<ChatClient | null>(null);
  const [view, setView] = useState<ChatView>(() => ({
    state: 'connecting',
    name: options.initialName,
    reconnects: 0,
    members: [],
    rooms: [],
    ledger: { received: 0, missed: 0, duplicated: 0, outOfOrder: 0, recovered: 0, unknownGaps: 0 },
  }));
  const nameRef = useRef(options.initialName);
  const onLogRef = useRef(options.onLog);
  useEffect(() => {
    onLogRef.current = options.onLog;
  });

  useEffect(() => {
    const link = createBrowserLink(lane, { origin: window.location.origin, pollIntervalMs, fetchImpl });
    const chat = new ChatClient(link, { name: nameRef.current, ns });
    const log = (entry: NewLogEntry) => onLogRef.current(entry);
    let reconnectsLogged = 0;
    const refresh = () => {
      nameRef.current = chat.name;
      setView(viewOf(chat));
    };
    const offs = [
      chat.on('state', refresh),
      chat.on('members', refresh),
      chat.on('rooms', refresh),
      chat.on('ledger', refresh),
      chat.on('recovery', refresh),
      chat.on('event', (event) => {
        if (event.type === 'welcome') {
          if (chat.reconnects > reconnectsLogged) {
            reconnectsLogged = chat.reconnects;
            log(systemEntry(messages.log.reconnected(chat.reconnects, event.id)));
            if (event.recovery) log(systemEntry(messages.log.resumed(event.recovery.replayed, event.recovery.recovered)));
          } else {
            log(systemEntry(messages.log.connected(event.id, event.ns)));
          }
          refresh();
        } else if (event.type === 'whoami') {
          refresh();
        }
      }),
      chat.on('message', (event) => log(messageEntry(event, chat.name))),
      chat.on('error', (event) => log(serverErrorEntry(event, messages))),
      chat.on('down', ({ reason }) => log(systemEntry(messages.log.down(reason)))),
      chat.on('via', ({ from, to }) => {
        log(systemEntry(messages.log.switched(from ?? messages.pane.viaNone, to)));
        refresh();
      }),
    ];
    setClient(chat);
    chat.connect();
    refresh();
    return () => {
      for (const off of offs) off();
      chat.close();
    };
  }, [lane, ns, pollIntervalMs, fetchImpl, messages]);

  return { client, view };
}
