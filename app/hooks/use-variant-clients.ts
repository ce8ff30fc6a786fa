import { useEffect, useState } from 'react';
import { DEFAULT_NAMESPACE, isBaseLane, LANE_IDS, type LaneId } from '../../protocol';
import { ChatClient, type ClientState } from '../../client/chat-client';
import { createBrowserLink } from '../lib/browser-links';

/** The Compare view's clients of library variants: one per selected variant lane. */
export interface VariantClients {
  clients: Partial<Record<LaneId, ChatClient>>;
  states: Partial<Record<LaneId, ClientState>>;
}

/**
 * One ChatClient per variant lane in `lanes` (base lanes are ignored: the four base clients are
 * the chat page's own hook, see useBenchClients). A changed selection of variants reconnects
 * the variant clients; the base clients stay connected.
 * Why not one useChatClient per lane: hooks cannot be called a variable number of times.
 * @param lanes the scenario's lanes
 */
export function useVariantClients(lanes: readonly LaneId[]): VariantClients {
  const wanted = LANE_IDS.filter((id) => !isBaseLane(id) && lanes.includes(id));
  const key = wanted.join(',');
  const [clients, setClients] = useState<Partial<Record<LaneId, ChatClient>>>({});
  const [states, setStates] = useState<Partial<Record<LaneId, ClientState>>>({});

  useEffect(() => {
    const picked = key === '' ? [] : (key.split(',') as LaneId[]);
    const made = picked.map((lane) => {
      const link = createBrowserLink(lane, { origin: window.location.origin, pollIntervalMs: 0 });
      // Names allow letters, digits and `-`, not `:` (protocol/names.ts).
      const chat = new ChatClient(link, { name: `bench-${lane.replace(':', '-')}`, ns: DEFAULT_NAMESPACE });
      const off = chat.on('state', () => setStates((s) => ({ ...s, [lane]: chat.state })));
      chat.connect();
      return { lane, chat, off };
    });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the connections exist in the browser only, made here so this effect's cleanup closes them
    setClients(Object.fromEntries(made.map(({ lane, chat }) => [lane, chat])));
    setStates(Object.fromEntries(made.map(({ lane, chat }) => [lane, chat.state])));
    return () => {
      for (const { chat, off } of made) {
        off();
        chat.close();
      }
    };
  }, [key]);

  return { clients, states };
}
