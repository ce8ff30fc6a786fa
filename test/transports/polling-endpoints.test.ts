/**
 * The polling endpoint's HTTP contract: sessions, the acknowledged cursor, and its errors.
 * (Dead-peer expiry is in the chat contract, test 10b.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TRANSPORT_PATHS, type ServerEvent } from '../../protocol';
import { startLab, type RunningLab } from '../support/lab-fixture';

interface PollBody {
  next: number;
  events: ServerEvent[];
}

describe('polling endpoints', () => {
  let lab: RunningLab;
  let base: string;

  before(async () => {
    lab = await startLab();
    base = lab.url + TRANSPORT_PATHS.polling;
  });
  after(async () => {
    await lab.close();
  });

  async function open(): Promise<string> {
    const res = await fetch(`${base}/open`, { method: 'POST' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as { sid: string; pollIntervalMs: number };
    assert.equal(typeof body.sid, 'string');
    assert.equal(body.pollIntervalMs, lab.config.pollIntervalMs);
    return body.sid;
  }

  async function send(sid: string, op: object): Promise<number> {
    const res = await fetch(`${base}/send?sid=${sid}`, { method: 'POST', body: JSON.stringify(op) });
    await res.body?.cancel();
    return res.status;
  }

  async function poll(sid: string, after: number | string): Promise<PollBody> {
    const res = await fetch(`${base}/events?sid=${sid}&after=${after}`);
    assert.equal(res.status, 200);
    return (await res.json()) as PollBody;
  }

  test('an unknown sid answers 404 unknown_session on events and send', async () => {
    for (const res of [
      await fetch(`${base}/events?sid=nope&after=0`),
      await fetch(`${base}/send?sid=nope`, { method: 'POST', body: '{"op":"whoami"}' }),
    ]) {
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const body = (await res.json()) as { type: string; code: string };
      assert.deepEqual([body.type, body.code], ['error', 'unknown_session']);
    }
  });

  test('cursor: events stay queued until a later poll acknowledges them with "after"', async () => {
    const sid = await open();
    assert.equal(await send(sid, { op: 'hello', name: 'cursor' }), 204);

    const first = await poll(sid, 0);
    assert.equal(first.next, 1);
    assert.deepEqual(first.events.map((e) => e.type), ['welcome']);
    // A lost response is harmless: asking from the same cursor gets the same events again.
    assert.deepEqual(await poll(sid, 0), first);

    assert.equal(await send(sid, { op: 'whoami', ref: 'w1' }), 204);
    assert.equal(await send(sid, { op: 'whoami', ref: 'w2' }), 204);
    const second = await poll(sid, first.next);
    assert.equal(second.next, 3);
    assert.deepEqual(second.events.map((e) => 'ref' in e && e.ref), ['w1', 'w2']);
    // Confirming 3 drops everything; an older cursor can no longer bring them back.
    assert.deepEqual(await poll(sid, 3), { next: 3, events: [] });
    assert.deepEqual(await poll(sid, 1), { next: 3, events: [] });
    await fetch(`${base}/close?sid=${sid}`, { method: 'POST' });
  });

  test('"after" must be a non-negative integer', async () => {
    const sid = await open();
    for (const after of ['-1', 'abc', '1.5']) {
      const res = await fetch(`${base}/events?sid=${sid}&after=${after}`);
      assert.equal(res.status, 400, `after=${after}`);
      assert.equal(((await res.json()) as { code: string }).code, 'bad_request');
    }
    await fetch(`${base}/close?sid=${sid}`, { method: 'POST' });
  });

  test('close ends the session; later polls answer 404', async () => {
    const sid = await open();
    const res = await fetch(`${base}/close?sid=${sid}`, { method: 'POST' });
    assert.equal(res.status, 204);
    const after = await fetch(`${base}/events?sid=${sid}&after=0`);
    assert.equal(after.status, 404);
    await after.body?.cancel();
  });

  test('an unknown action or method answers 404 bad_request', async () => {
    for (const [method, path] of [
      ['GET', '/open'],
      ['POST', '/events'],
      ['GET', '/nothing'],
    ]) {
      const res = await fetch(`${base}${path}`, { method });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(((await res.json()) as { code: string }).code, 'bad_request');
    }
  });
});
