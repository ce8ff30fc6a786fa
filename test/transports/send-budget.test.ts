/** The slow-consumer budget's pieces: the O(1) queue tally and the socket queue reader. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QueueTally, queuedBytes } from '../../server/transports/send-budget';

describe('send budget', () => {
  test('QueueTally sums a growing queue once per entry and starts over when the queue is swapped', () => {
    let sized = 0;
    const tally = new QueueTally<string>((s) => {
      sized += 1;
      return s.length;
    });
    const queue = ['ab', 'cde'];
    assert.equal(tally.bytesIn(queue), 5);
    queue.push('fghi');
    assert.equal(tally.bytesIn(queue), 9);
    assert.equal(sized, 3, 'each entry sized once');
    // A flush replaces the array (sockjs, engine.io): the new one is counted from zero.
    assert.equal(tally.bytesIn(['x']), 1);
    assert.equal(tally.bytesIn([]), 0);
  });

  test('queuedBytes reads writableLength, and 0 for anything without one', () => {
    assert.equal(queuedBytes({ writableLength: 42 }), 42);
    assert.equal(queuedBytes(undefined), 0);
    assert.equal(queuedBytes(null), 0);
    assert.equal(queuedBytes({}), 0);
  });
});
