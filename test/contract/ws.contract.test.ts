import { runChatContract } from './chat-contract';

runChatContract('ws');
