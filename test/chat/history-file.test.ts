import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserializeHistory, loadHistory, saveHistory, serializeHistory } from '../../server/chat/history-file';
import { chatMessage } from '../support/chat-message';
import { StreamHistory, type HistorySnapshot } from '../../server/chat/stream-history';

const message = chatMessage;

const tempDir = () => mkdtempSync(join(tmpdir(), 'history-file-'));

/** A history with two streams, one message sent by a client that left itself out. */
function sample(now: number): StreamHistory {
  const h = new StreamHistory({ size: 10, maxAgeMs: 60_000, clock: () => now });
  h.append('ns:/', message('a'), { recipients: 2 });
  h.append('direct:/:token-1', message('b'), { recipients: 1 });
  h.append('ns:/', message('c'), { recipients: 1, exceptKey: 'token-2' });
  return h;
}

test('round trip: a restored history has the same epoch, positions, entries and order', () => {
  const now = 1_000_000;
  const before = sample(now);
  const { snapshot, savedAt } = deserializeHistory(serializeHistory(before.snapshot(), now));
  assert.equal(savedAt, now);
  const after = new StreamHistory({ size: 10, maxAgeMs: 60_000, clock: () => now, restore: snapshot });
  assert.equal(after.epoch, before.epoch);
  assert.deepEqual(after.since('ns:/', 0), before.since('ns:/', 0));
  assert.deepEqual(after.since('direct:/:token-1', 0), before.since('direct:/:token-1', 0));
  assert.equal(after.since('ns:/', 1).entries[0].exceptKey, 'token-2');
  // Counting goes on where the earlier run stopped, within and across streams.
  assert.equal(after.append('ns:/', message('d'), { recipients: 1 }), 3);
  const orders = after.since('ns:/', 0).entries.map((e) => e.order);
  assert.deepEqual(orders, [1, 3, 4]);
});

test('a restored history still forgets entries past their age', () => {
  let now = 1_000_000;
  const snapshot: HistorySnapshot = sample(now).snapshot();
  now += 61_000;
  const restored = new StreamHistory({ size: 10, maxAgeMs: 60_000, clock: () => now, restore: snapshot });
  assert.equal(restored.head('ns:/'), 2, 'positions are kept');
  assert.deepEqual(restored.since('ns:/', 0), { ok: false, entries: [], missed: 2 });
});

test('save then load: the file is read once and deleted', async () => {
  const file = join(tempDir(), 'nested', 'history.json');
  const h = sample(Date.now());
  await saveHistory(file, h.snapshot());
  const loaded = loadHistory(file, 60_000);
  assert.equal(loaded.status, 'loaded');
  assert.equal(loaded.status === 'loaded' && loaded.snapshot.epoch, h.epoch);
  assert.equal(existsSync(file), false, 'good for one start only');
  assert.deepEqual(loadHistory(file, 60_000), { status: 'absent' });
});

test('age filter: a file saved longer ago than the max age is ignored', async () => {
  const file = join(tempDir(), 'history.json');
  await saveHistory(file, sample(0).snapshot(), 1_000);
  assert.deepEqual(loadHistory(file, 60_000, 61_001), { status: 'stale', savedAt: 1_000 });
  await saveHistory(file, sample(0).snapshot(), 1_000);
  assert.equal(loadHistory(file, 60_000, 61_000).status, 'loaded');
});

test('a corrupt or foreign file is reported, never thrown, and left for inspection', () => {
  const dir = tempDir();
  const cases = {
    'truncated.json': '{"version":1,"savedAt":',
    'other-version.json': JSON.stringify({ version: 99, savedAt: 0, epoch: 'e', appended: 0, streams: [] }),
    'bad-entry.json': JSON.stringify({ version: 1, savedAt: Date.now(), epoch: 'e', appended: 1, streams: [{ id: 's', head: 1, entries: [{ seq: 'x' }] }] }),
  };
  for (const [name, text] of Object.entries(cases)) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const result = loadHistory(file, 60_000);
    assert.equal(result.status, 'corrupt', name);
    assert.equal(existsSync(file), true, name);
  }
  // A directory where the file should be: unreadable, still no throw.
  mkdirSync(join(dir, 'a-directory'));
  assert.equal(loadHistory(join(dir, 'a-directory'), 60_000).status, 'corrupt');
});

test('atomic write: temp file renamed over the old one, 0600, nothing left behind', async () => {
  const dir = tempDir();
  const file = join(dir, 'history.json');
  writeFileSync(file, 'old');
  await saveHistory(file, sample(Date.now()).snapshot());
  assert.deepEqual(readdirSync(dir), ['history.json']);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(deserializeHistory(readFileSync(file, 'utf8')).snapshot.streams.length, 2);
});

test('atomic write: a save that fails leaves the old file whole and no temp file', async () => {
  const dir = tempDir();
  const file = join(dir, 'history.json');
  writeFileSync(file, 'old');
  const unserializable = { epoch: 'e', appended: 0, streams: [], extra: BigInt(1) } as unknown as HistorySnapshot;
  await assert.rejects(saveHistory(file, unserializable));
  assert.equal(readFileSync(file, 'utf8'), 'old');
  assert.deepEqual(readdirSync(dir), ['history.json']);
});
