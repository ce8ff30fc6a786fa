/**
 * The chat contract, unchanged, over each library variant (the Primus way): Socket.IO on
 * long-polling only and on its own default (polling, then the upgrade), SockJS pinned to
 * xhr-streaming, xhr-polling and EventSource. A new lane in protocol/lanes.ts is covered here
 * without a new file.
 */
import { LANE_IDS, LANES } from '../../protocol';
import { runChatContract } from './chat-contract';

for (const lane of LANE_IDS) if (LANES[lane].variant) runChatContract(lane);
