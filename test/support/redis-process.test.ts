/** The throwaway Redis: it starts, answers PING, forgets everything on restart, and stops. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { redisCommand, startRedis, type RedisProcess } from './redis-process';

let redis: RedisProcess | undefined;
after(() => redis?.stop());

test('startRedis: answers PING, comes back empty on the same port after restart, and stops', async () => {
  redis = await startRedis();
  assert.match(redis.url, /^redis:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(await redisCommand(redis.port, 'PING'), '+PONG');
  assert.equal(await redisCommand(redis.port, 'SET lab:probe 1'), '+OK');

  const firstPid = redis.pid;
  await redis.restart();
  assert.notEqual(redis.pid, firstPid);
  // Nothing persisted (--save '' --appendonly no): the key is gone.
  assert.equal(await redisCommand(redis.port, 'GET lab:probe'), '$-1');

  await redis.stop();
  await assert.rejects(redisCommand(redis.port, 'PING', 500));
});
