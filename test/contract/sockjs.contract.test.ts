import { runChatContract } from './chat-contract';

runChatContract('sockjs');
