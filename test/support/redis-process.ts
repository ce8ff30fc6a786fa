/** A throwaway Redis per test: see scripts/cluster/redis-process.ts (shared with the CLIs). */
export { redisCommand, startRedis, type RedisProcess } from '../../scripts/cluster/redis-process';
