/**
 * The contract suite, unchanged, over two Lab nodes on one Redis: consecutive clients land on
 * different nodes (client A on node 1, client B on node 2), for every transport and every
 * feature, and the cross-transport matrix with senders and receivers on different nodes.
 */
import { TRANSPORT_IDS } from '../../protocol';
import { twoNodes } from '../support/cluster-fixture';
import { runChatContract } from './chat-contract';
import { runCrossTransport } from './cross-transport-contract';

const topology = { name: 'two nodes on Redis', start: twoNodes };

for (const transport of TRANSPORT_IDS) runChatContract(transport, topology);
runCrossTransport(topology);
