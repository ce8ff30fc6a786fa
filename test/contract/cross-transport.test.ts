import { runCrossTransport } from './cross-transport-contract';

runCrossTransport();
