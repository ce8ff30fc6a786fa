/** The bus a node starts with: Redis when the config names one, else none (the in-memory default). */
import type { LabConfig } from '../config';
import { RedisChatBus } from './redis-chat-bus';

/**
 * Connects this node to its cluster when `config.redisUrl` is set.
 * @throws when Redis cannot be reached at start (a node that cannot join must not serve alone)
 */
export async function connectNodeBus(config: LabConfig): Promise<RedisChatBus | undefined> {
  if (!config.redisUrl) return undefined;
  return RedisChatBus.connect({ url: config.redisUrl, historySize: config.historySize });
}
