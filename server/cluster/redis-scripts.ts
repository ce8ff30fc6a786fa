/**
 * The two Lua scripts the cluster's sequencer runs in Redis. A script runs atomically, so
 * numbering a message, storing it and publishing it are one step: every node receives the
 * channel's messages in the order their seqs were handed out, and no two nodes ever hand out the
 * same seq.
 */

/**
 * Numbers, stores and publishes one message.
 * KEYS: epoch, heads (hash stream → last seq), order counter, the stream's Redis stream.
 * ARGV: epoch this node numbers under, stream id, the envelope's JSON, entries kept, channel.
 * Returns {seq, order}; the error `EPOCH` when Redis has lost (or never had) this epoch, which
 * means its counters are not ours and the node must re-seed them first.
 */
export const SEQUENCE_MESSAGE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('EPOCH') end
local seq = redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
local order = redis.call('INCR', KEYS[3])
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[4], seq .. '-1', 'o', order, 'd', ARGV[3])
redis.call('PUBLISH', ARGV[5], 'm ' .. seq .. ' ' .. order .. ' ' .. ARGV[3])
return {seq, order}
`;

/**
 * Puts this node's epoch and counters back into a Redis that lost them (a restart without
 * persistence), never lowering a counter another node already raised.
 * KEYS: epoch, heads, order counter. ARGV: epoch, last order, then stream id and head pairs.
 * Returns 1; the error `EPOCH_TAKEN` when Redis holds another epoch (another cluster's data).
 */
export const RESEED = `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('EPOCH_TAKEN') end
local order = tonumber(redis.call('GET', KEYS[3]) or '0')
if tonumber(ARGV[2]) > order then redis.call('SET', KEYS[3], ARGV[2]) end
for i = 3, #ARGV, 2 do
  local head = tonumber(redis.call('HGET', KEYS[2], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > head then redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
return 1
`;
