/**
 * The sticky-session matrix, measured: two Lab node processes on one Redis behind a real HAProxy, once with
 * round robin (sticky off) and once with sticky sessions on. Each lane's client connects through
 * the proxy, delivers to itself through a room, is dropped, and must come back and deliver again;
 * the outcomes are asserted against sticky-expectations.ts, the one table of what should happen.
 *
 * Each lane gets an HAProxy of its own: round robin then rotates one client's requests only, so
 * "the next request goes to the other node" holds exactly, whatever the lanes beside it do, and
 * all lanes of a mode can run at once (the failing ones spend their whole deadline retrying).
 *
 * STICKY_MATRIX_OUT=<file.json> writes the measured matrix; scripts/cluster/render-matrix.ts
 * turns it into Markdown.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { NODE_LANE_IDS, TRANSPORT_PATHS } from '../../protocol';
import { matrixMarkdown, type LaneOutcome, type StickyMatrix } from '../../scripts/cluster/sticky-matrix';
import { haproxyVersion, startLabCluster, type LabCluster } from './lab-cluster';
import { probeLane } from './lane-probe';
import { STICKY_MATRIX } from '../../app/lib/cluster/sticky-matrix';
import { startRedis, type RedisProcess } from '../support/redis-process';
import { lanesWithoutRow, STICKY_ROWS } from './sticky-expectations';

/**
 * What each step may take. A lane that fails here fails within a few hundred ms and then only
 * retries (dozens of times in this window), so a longer deadline would change no outcome.
 */
const DEADLINE_MS = 8000;
const NODES = 2;

const MODES = [
  { sticky: false, key: 'off' },
  { sticky: true, key: 'on' },
] as const;

describe('sticky sessions: HAProxy in front of two Lab nodes', () => {
  let cluster: LabCluster | undefined;
  let redis: RedisProcess | undefined;
  const measured = new Map<string, Partial<Record<'off' | 'on', LaneOutcome>>>();

  before(async () => {
    // One chat on Redis, as a cluster is run: the libraries' sessions still live on one node.
    redis = await startRedis();
    cluster = await startLabCluster(NODES, { REDIS_URL: redis.url });
  });

  after(async () => {
    await cluster?.stop();
    await redis?.stop();
    const out = process.env.STICKY_MATRIX_OUT;
    const complete = STICKY_ROWS.every((r) => measured.get(r.row)?.off && measured.get(r.row)?.on);
    if (!out || !complete) return;
    const matrix: StickyMatrix = {
      measuredAt: new Date().toISOString(),
      haproxy: haproxyVersion(),
      nodes: NODES,
      deadlineMs: DEADLINE_MS,
      rows: STICKY_ROWS.map((r) => ({ row: r.row, note: r.note, off: measured.get(r.row)!.off!, on: measured.get(r.row)!.on! })),
    };
    writeFileSync(out, `${JSON.stringify(matrix, null, 2)}\n`);
  });

  test('every Node lane has a row in the expectation table', () => {
    assert.deepEqual(lanesWithoutRow(NODE_LANE_IDS), []);
  });

  for (const mode of MODES) {
    test(`sticky ${mode.key}: each lane connects, delivers and reconnects as its library's docs say`, async (t) => {
      const outcomes = await Promise.all(
        STICKY_ROWS.map(async (r) => {
          const proxy = await cluster!.proxy(mode.sticky);
          try {
            return await probeLane(r.target, proxy.url, DEADLINE_MS);
          } finally {
            await proxy.stop();
          }
        }),
      );
      STICKY_ROWS.forEach((r, i) => measured.set(r.row, { ...measured.get(r.row), [mode.key]: outcomes[i] }));
      for (const [i, r] of STICKY_ROWS.entries()) {
        await t.test(r.row, () => {
          const { connects, delivers, reconnects, reason, via } = outcomes[i];
          assert.deepEqual({ connects, delivers, reconnects }, r.expected[mode.key], `${r.row} (via ${via ?? '-'}): ${reason ?? 'every step worked'}`);
        });
      }
    });
  }

  // The matrix in the docs is this test's output, not written by hand: its rows (the marks, not the
  // timings in the reasons) must be what this run measured, or the docs are out of date.
  test('docs/CLUSTER.md and the README show the matrix this run measured', () => {
    const rows = STICKY_ROWS.map((r) => ({ row: r.row, note: r.note, off: measured.get(r.row)?.off, on: measured.get(r.row)?.on }));
    assert.ok(rows.every((r) => r.off && r.on), 'both modes measured');
    const matrix = { measuredAt: '', haproxy: '', nodes: NODES, deadlineMs: DEADLINE_MS, rows } as StickyMatrix;
    const laneCells = new Set(STICKY_ROWS.map((r) => `| \`${r.row}\` |`));
    const tableRows = (markdown: string) => markdown.split('\n').filter((line) => [...laneCells].some((cell) => line.startsWith(cell)));
    // The lesson's chapter shows the committed JSON: it must be what this run measured too.
    const shown = STICKY_MATRIX.rows.map(({ row, off, on }) => ({ row, off, on }));
    const steps = (o?: LaneOutcome) => ({ connects: o!.connects, delivers: o!.delivers, reconnects: o!.reconnects });
    assert.deepEqual(
      shown,
      rows.map((r) => ({ row: r.row, off: steps(r.off), on: steps(r.on) })),
      'app/lib/cluster/sticky-matrix.json: regenerate it from $STICKY_MATRIX_OUT (see docs/CLUSTER.md)',
    );
    for (const file of [join('docs', 'CLUSTER.md'), 'README.md']) {
      const docs = readFileSync(join(__dirname, '..', '..', file), 'utf8');
      assert.deepEqual(tableRows(docs), tableRows(matrixMarkdown(matrix)), `${file}: regenerate it (see docs/CLUSTER.md)`);
    }
  });

  test('sticky on: a SERVERID cookie holds a cookie-keeping client (a browser) on the node it names', async () => {
    const proxy = await cluster!.proxy(true);
    try {
      const base = `${proxy.url}${TRANSPORT_PATHS.polling}`;
      const fresh = await fetch(`${base}/open`, { method: 'POST' });
      assert.equal(fresh.status, 201);
      assert.match(fresh.headers.get('set-cookie') ?? '', /^SERVERID=node\d; path=\//, 'a client without the cookie is given one');
      await fresh.body?.cancel();

      // Each cookie reaches the node it names, whatever the source hash would pick for this
      // address: /api/cluster says which node answered.
      const nodeIds = await Promise.all(cluster!.nodes.map(async (node) => ((await (await fetch(`${node.url}/api/cluster`)).json()) as { node: string }).node));
      for (const [i, expected] of nodeIds.entries()) {
        const cookie = `SERVERID=node${i + 1}`;
        for (let n = 0; n < 3; n += 1) {
          const res = await fetch(`${proxy.url}/api/cluster`, { headers: { cookie } });
          assert.equal(res.headers.get('set-cookie'), null, 'a valid cookie is not set again');
          assert.equal(((await res.json()) as { node: string }).node, expected, `${cookie} reaches node${i + 1}`);
        }
      }
    } finally {
      await proxy.stop();
    }
  });
});
