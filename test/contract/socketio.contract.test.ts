import { runChatContract } from './chat-contract';

runChatContract('socketio');
