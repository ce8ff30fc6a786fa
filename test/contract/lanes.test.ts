/**
 * Lanes (protocol/lanes.ts): each variant's client really runs its library's sub-transport, the
 * server reads the lane from the tag and from nothing else, and the inspector labels each record.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LANES, laneOfRequest, NODE_LANE_IDS, parseLaneList } from '../../protocol';
import { ClientPool, makeClient, startLab, waitFor, type RunningLab } from '../support/lab-fixture';

describe('lane of a request', () => {
  test('a variant tag of the same transport names the lane; anything else is the base lane', () => {
    assert.equal(laneOfRequest('socketio', '/rt/socket.io/?EIO=4&transport=polling&lane=polling'), 'socketio:polling');
    assert.equal(laneOfRequest('sockjs', '/rt/sockjs/123/abc/xhr_streaming?lane=xhr-streaming'), 'sockjs:xhr-streaming');
    assert.equal(laneOfRequest('sockjs', '/rt/sockjs/info?lane=eventsource&t=1'), 'sockjs:eventsource');
    assert.equal(laneOfRequest('socketio', '/rt/socket.io/?EIO=4&transport=websocket'), 'socketio');
    // A tag cannot move bytes into another transport's column, nor invent a lane.
    assert.equal(laneOfRequest('ws', '/rt/ws?lane=polling'), 'ws');
    assert.equal(laneOfRequest('sockjs', '/rt/sockjs/info?lane=polling'), 'sockjs');
    assert.equal(laneOfRequest('socketio', '/rt/socket.io/?lane=%2e%2e'), 'socketio');
    assert.equal(laneOfRequest('polling', undefined), 'polling');
  });

  test('a list of lanes keeps its order, drops repeats and names the first unknown entry', () => {
    assert.deepEqual(parseLaneList('polling, socketio:polling,polling,sockjs:xhr-streaming'), { lanes: ['polling', 'socketio:polling', 'sockjs:xhr-streaming'] });
    assert.deepEqual(parseLaneList('ws,socketio:carrier-pigeon'), { unknown: 'socketio:carrier-pigeon' });
  });
});

describe('each variant runs its own sub-transport', () => {
  let lab: RunningLab;
  const pool = new ClientPool(() => lab.url);
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    pool.closeAll();
    await lab.close();
  });

  for (const lane of NODE_LANE_IDS.filter((id) => LANES[id].variant)) {
    test(`${lane}: the library uses what the lane pins, and the inspector labels its records`, async () => {
      const info = LANES[lane];
      if (lane === 'socketio:upgrade') {
        // Connected over polling first, then the probe and the switch, announced as it happens.
        const client = pool.add(makeClient(lane, lab.url, { name: 'upgrader' }));
        const switched = waitFor(client, 'via', (v) => v.to === 'websocket', 10_000);
        client.connect();
        assert.deepEqual(await switched, { from: 'polling', to: 'websocket' });
      } else {
        const client = await pool.connect(lane, { name: `via-${info.variant}` });
        assert.equal(client.via, info.sockjsTransports?.[0] ?? info.socketIoTransports?.[0]);
        assert.equal(client.lane, lane);
        await client.say('all', `over ${lane}`);
        const mine = lab.lab.inspector!.all().filter((r) => r.client === client.id);
        assert.ok(mine.length > 0, 'records of the client');
        assert.ok(
          mine.every((r) => r.lane === lane && r.transport === info.transport),
          `every record is of ${lane}`,
        );
      }
    });
  }
});
