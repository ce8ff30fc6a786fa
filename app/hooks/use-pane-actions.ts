import { useMemo } from 'react';
import { isValidName, type ClientInfo, type ServerEvent, type TransportId } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { directSentEntry, localErrorEntry, systemEntry, type NewLogEntry } from '../lib/log-entry';
import { planSend, type SendTarget, type UiScope } from '../lib/ui-scope';
import type { MemberLine, Messages } from '../messages';
import { useMessages } from '../messages/messages-provider';

/** Lists a pane can ask for. */
export type ListKind = 'clients' | 'rooms' | 'client-rooms' | 'room-clients';

export interface PaneActions {
  /** Sends `text` with the chosen scope and target; resolves true when the server accepted it. */
  send(scope: UiScope, target: SendTarget, text: string): Promise<boolean>;
  /** Renames; resolves true when the server accepted the name. */
  rename(name: string): Promise<boolean>;
  join(rooms: string[]): Promise<boolean>;
  leave(rooms: string[]): Promise<boolean>;
  /** Asks for a list and logs the answer; `room` is needed for `room-clients`. */
  list(what: ListKind, room?: string): Promise<boolean>;
}

/** A client as log lines show it. */
export function memberLine(client: ClientInfo, messages: Messages): MemberLine {
  return { name: client.name, transport: messages.transports[client.transport].short, id: client.id };
}

/** Server refusals arrive as `error` events (already logged); anything else is the page's to report. */
function reportFailure(err: unknown, log: (entry: NewLogEntry) => void, messages: Messages): void {
  if (typeof err === 'object' && err !== null && 'event' in err) return;
  const message = err instanceof Error ? err.message : String(err);
  if (message === 'client closed') return;
  if (message.startsWith('not connected')) log(localErrorEntry(messages, 'not_connected', message));
  else if (message.startsWith('no reply')) log(localErrorEntry(messages, 'no_reply', message));
  else log(localErrorEntry(messages, 'failed', message));
}

/**
 * The operations behind a pane's buttons, each logging its outcome.
 * @param client the pane's client (null before the first effect ran)
 * @param members current members, to name a direct message's recipient
 * @param log the pane's log
 */
export function usePaneActions(
  client: ChatClient | null,
  transport: TransportId,
  members: ClientInfo[],
  log: (entry: NewLogEntry) => void,
): PaneActions {
  const messages = useMessages();
  return useMemo(() => {
    const attempt = async (work: (chat: ChatClient) => Promise<void>): Promise<boolean> => {
      if (!client) {
        log(localErrorEntry(messages, 'not_connected'));
        return false;
      }
      try {
        await work(client);
        return true;
      } catch (err) {
        reportFailure(err, log, messages);
        return false;
      }
    };
    const logRooms = (event: ServerEvent) => {
      if (event.type === 'rooms') log(systemEntry(messages.log.rooms(event.rooms)));
    };

    return {
      send(scope, target, text) {
        const plan = planSend(scope, target);
        if (plan.kind === 'missing') {
          log(localErrorEntry(messages, plan.what));
          return Promise.resolve(false);
        }
        if (plan.kind === 'whoami') {
          return attempt(async (chat) => {
            const event = await chat.request({ op: 'whoami' });
            if (event.type === 'whoami') {
              log(systemEntry(messages.log.whoami(memberLine(event.client, messages), event.ns, event.client.rooms), { kind: 'me' }));
            }
          });
        }
        if (text.trim().length === 0) {
          log(localErrorEntry(messages, 'no_text'));
          return Promise.resolve(false);
        }
        return attempt(async (chat) => {
          const { scope: wireScope, room, to, includeSelf } = plan;
          const event = await chat.say(wireScope, text, { room, to, includeSelf });
          if (event.type !== 'ack') return;
          if (wireScope === 'direct') {
            const toName = members.find((m) => m.id === to)?.name ?? to ?? '';
            log(directSentEntry({ name: chat.name, transport }, toName, text));
          } else if (wireScope === 'others') {
            log(systemEntry(messages.log.noCopy(event.recipients), { kind: 'others' }));
          } else if (wireScope === 'room' && includeSelf === false) {
            log(systemEntry(messages.log.noCopy(event.recipients), { kind: 'room', room: room ?? '', echo: false }));
          }
        });
      },
      rename(name) {
        const trimmed = name.trim();
        if (!isValidName(trimmed)) {
          log(localErrorEntry(messages, 'invalid_name'));
          return Promise.resolve(false);
        }
        if (client && trimmed === client.name) return Promise.resolve(true);
        return attempt(async (chat) => {
          const event = await chat.rename(trimmed);
          if (event.type === 'whoami') log(systemEntry(messages.log.renamed(event.client.name)));
        });
      },
      join(rooms) {
        if (rooms.length === 0) {
          log(localErrorEntry(messages, 'no_room'));
          return Promise.resolve(false);
        }
        return attempt(async (chat) => logRooms(await chat.join(...rooms)));
      },
      leave(rooms) {
        if (rooms.length === 0) {
          log(localErrorEntry(messages, 'no_room'));
          return Promise.resolve(false);
        }
        return attempt(async (chat) => logRooms(await chat.leave(...rooms)));
      },
      list(what, room) {
        if (what === 'room-clients' && !room) {
          log(localErrorEntry(messages, 'no_room'));
          return Promise.resolve(false);
        }
        return attempt(async (chat) => {
          const event = await chat.request(what === 'room-clients' ? { op: 'list', what, room } : { op: 'list', what });
          if (event.type !== 'list') return;
          const text =
            event.what === 'clients'
              ? messages.log.listClients(event.items.map((c) => memberLine(c, messages)))
              : event.what === 'rooms'
                ? messages.log.listRooms(event.items)
                : event.what === 'client-rooms'
                  ? messages.log.listMyRooms(event.items)
                  : messages.log.listRoomClients(event.room, event.items.map((c) => memberLine(c, messages)));
          log(systemEntry(text, { kind: 'me' }));
        });
      },
    };
  }, [client, transport, members, log, messages]);
}
