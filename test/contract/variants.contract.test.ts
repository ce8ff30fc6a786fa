/**
 * The chat contract, unchanged, over each library variant (the Primus way): Socket.IO on
 * long-polling only and on its own default (polling, then the upgrade), SockJS pinned to
 * xhr-streaming, xhr-polling and EventSource. A new lane in protocol/lanes.ts is covered here
 * without a new file. SockJS's iframe variants need a DOM: e2e/variants.spec.ts drives them.
 */
import { LANES, NODE_LANE_IDS } from '../../protocol';
import { runChatContract } from './chat-contract';

for (const lane of NODE_LANE_IDS) if (LANES[lane].variant) runChatContract(lane);
