import { runChatContract } from './chat-contract';

runChatContract('polling');
