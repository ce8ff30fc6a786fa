/** The cost exports in the headless report: kept unchanged, checked against the request, CSVs joined. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costToCsv, costToJson } from '../../measure/cost-export';
import { collectCosts, joinCsv, missingSweepReplies } from '../../scripts/compare/cost-report';
import type { CostDownload } from '../../scripts/compare/cost-run';
import { CONNECT, EXPORTED, IDLE, SWEEP } from './cost-fixtures';

const DOWNLOADS: CostDownload[] = [
  { kind: 'idle', json: costToJson({ kind: 'idle', result: IDLE }), csv: costToCsv({ kind: 'idle', result: IDLE }) },
  { kind: 'connect', json: costToJson({ kind: 'connect', result: CONNECT }), csv: costToCsv({ kind: 'connect', result: CONNECT }) },
  { kind: 'sweep', json: costToJson({ kind: 'sweep', result: SWEEP }), csv: costToCsv({ kind: 'sweep', result: SWEEP }) },
];
const REQUEST = { idleSeconds: 2, sweep: { intervalsMs: [250, 1000], messages: 6 } };

test('the page\u2019s exports are kept exactly as downloaded, by kind', () => {
  const costs = collectCosts(DOWNLOADS, REQUEST);
  assert.deepEqual(costs, EXPORTED);
  assert.deepEqual(collectCosts(DOWNLOADS.slice(1, 2), REQUEST), { connect: EXPORTED.connect });
  assert.deepEqual(collectCosts([], REQUEST), {});
});

test('an export that is not what was asked for fails the run', () => {
  const swapped: CostDownload = { ...DOWNLOADS[0], kind: 'connect' };
  assert.throws(() => collectCosts([swapped], REQUEST), /a connect download holds kind "idle"/);
  assert.throws(() => collectCosts(DOWNLOADS, { ...REQUEST, idleSeconds: 3 }), /idle window 2000 ms, asked 3 s/);
  assert.throws(() => collectCosts(DOWNLOADS, { ...REQUEST, sweep: { intervalsMs: [250, 500], messages: 6 } }), /sweep over 250,1000 ms with 6 messages, asked 250,500 ms with 6/);
  assert.throws(() => collectCosts(DOWNLOADS, { ...REQUEST, sweep: { intervalsMs: [250, 1000], messages: 8 } }), /asked 250,1000 ms with 8/);
  assert.throws(() => collectCosts(DOWNLOADS, { idleSeconds: 2 }), /sweep over/);
  assert.throws(() => collectCosts([{ ...DOWNLOADS[1], json: '<html>' }], REQUEST), SyntaxError);
});

test('sweep intervals with replies missing are named; a full sweep or none names nothing', () => {
  assert.deepEqual(missingSweepReplies(EXPORTED.sweep), []);
  assert.deepEqual(missingSweepReplies(undefined), []);
  const short = { ...EXPORTED.sweep, points: [EXPORTED.sweep.points[0], { ...EXPORTED.sweep.points[1], received: 5 }] };
  assert.deepEqual(missingSweepReplies(short), ['sweep 1000 ms 5/6']);
});

test('joinCsv keeps the first header and every row of every part, in order', () => {
  const parts = DOWNLOADS.map((d) => d.csv);
  const joined = joinCsv(parts);
  const lines = joined.trimEnd().split('\n');
  assert.equal(lines[0], 'section,transport,metric,value,unit');
  assert.equal(lines.filter((l) => l === lines[0]).length, 1);
  const rowsOf = (csv: string) => csv.trimEnd().split('\n').slice(1);
  assert.deepEqual(lines.slice(1), parts.flatMap(rowsOf));
  assert.ok(joined.endsWith('\n'));
  assert.equal(joinCsv(parts.slice(0, 1)), parts[0]);
  assert.equal(joinCsv([]), '');
});

test('joinCsv refuses parts that would not line up', () => {
  assert.throws(() => joinCsv(['a,b\n1,2\n', 'a,c\n3,4\n']), /CSV part 1 does not start with the header "a,b"/);
  assert.throws(() => joinCsv(['a,b\n1,2\n', 'a,b\n3,4']), /CSV part 1 does not end with a newline/);
  assert.throws(() => joinCsv(['a,b']), /CSV part 0 does not end with a newline/);
});

test('CSV cells with a carriage return are quoted (RFC 4180)', async () => {
  const { toCsv } = await import('../../measure/csv');
  assert.equal(toCsv([['a\rb', 'x', 'y', 1, 'u']]).split('\n')[1], '"a\rb",x,y,1,u');
});
