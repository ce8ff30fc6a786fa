/** `--budget`: the file's strict parsing, the checks against a report, and the JUnit and Markdown reports. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { budgetProblems, checkBudget, median, parseBudget } from '../../scripts/compare/budget';
import { formatRepeatTable, summarizeRepeats } from '../../scripts/compare/repeat-summary';
import { budgetJunit, budgetMarkdown } from '../../scripts/compare/budget-reports';
import { report } from './report-fixture';

const INFO = { source: 'budgets.json', pageUrl: 'http://127.0.0.1:1/compare?transports=polling,ws', seconds: 12.5, timestamp: '2026-12-07T10:00:00.000Z' };

test('a good file: lanes and figures, variants included', () => {
  const budget = parseBudget('{"ws":{"roundTripP99Ms":20,"bytesPerMessage":400},"polling":{"requestsPerMessage":2},"socketio:polling":{"delivery":1}}', 'b.json');
  assert.deepEqual(budget, { ws: { roundTripP99Ms: 20, bytesPerMessage: 400 }, polling: { requestsPerMessage: 2 }, 'socketio:polling': { delivery: 1 } });
});

test('bad files fail naming what is wrong, never pass silently', () => {
  const bad: [string, RegExp][] = [
    ['not json', /b\.json: not JSON/],
    ['[]', /must be an object of lanes/],
    ['{}', /no lanes/],
    ['{"carrier-pigeon":{"roundTripP99Ms":1}}', /unknown lane "carrier-pigeon"/],
    ['{"ws":{"roundTripP99ms":1}}', /ws: unknown figure "roundTripP99ms"/],
    ['{"ws":{"roundTripP99Ms":"20"}}', /ws\.roundTripP99Ms: wants a number/],
    ['{"ws":{"roundTripP99Ms":-1}}', /ws\.roundTripP99Ms: wants a number/],
    ['{"ws":{"roundTripP99Ms":null}}', /ws\.roundTripP99Ms: wants a number/],
    ['{"ws":20}', /ws: must be an object of figures/],
    ['{"ws":{}}', /ws: no figures/],
  ];
  for (const [text, message] of bad) assert.throws(() => parseBudget(text, 'b.json'), message, text);
});

test('a budget must be checkable by the run: its lanes run, the costs its figures need are on', () => {
  const budget = parseBudget('{"ws":{"idleBytesPerMin":10,"connectMs":50},"sockjs:eventsource":{"delivery":1}}', 'b.json');
  assert.deepEqual(budgetProblems(budget, ['ws'], ['connect']), ['ws.idleBytesPerMin needs idle in --costs', 'budget for sockjs:eventsource, which --transports does not run']);
  assert.deepEqual(budgetProblems(budget, ['ws', 'sockjs:eventsource'], ['idle', 'connect']), []);
});

test('checks: ceilings and floors against the report\u2019s own figures; a figure not measured fails', () => {
  const budget = parseBudget(
    JSON.stringify({
      ws: { roundTripP99Ms: 20, roundTripP50Ms: 1, fanoutP99Ms: 2, delivery: 1, bytesPerMessage: 1313.46, idleBytesPerMin: 0, connectMs: 3.8, connectBytes: 900 },
      polling: { requestsPerMessage: 1.5, idleRequestsPerMin: 120, fanoutP99Ms: 100 },
    }),
    'b.json',
  );
  const checks = checkBudget(budget, report());
  const seen = checks.map((c) => [c.lane, c.figure, c.measured, c.passed]);
  assert.deepEqual(seen, [
    ['ws', 'roundTripP99Ms', 3.4, true],
    ['ws', 'roundTripP50Ms', 1.2, false],
    ['ws', 'fanoutP99Ms', 2, true],
    ['ws', 'delivery', 1, true],
    ['ws', 'bytesPerMessage', 1313.46, true],
    ['ws', 'idleBytesPerMin', 0, true],
    ['ws', 'connectMs', 3.8, true],
    ['ws', 'connectBytes', 902, false],
    ['polling', 'requestsPerMessage', 2, false],
    ['polling', 'idleRequestsPerMin', 120, true],
    // The fixture's polling pane received nothing: no fan-out figure, so the gate fails.
    ['polling', 'fanoutP99Ms', null, false],
  ]);
});

test('JUnit: valid XML, one case per check, failures with measured vs limit, text escaped', () => {
  const budget = parseBudget('{"ws":{"roundTripP99Ms":20,"roundTripP50Ms":1},"polling":{"requestsPerMessage":1.5}}', 'b.json');
  const xml = budgetJunit(checkBudget(budget, report()), { ...INFO, source: 'a<b>&"c".json' });
  assert.equal(XMLValidator.validate(xml), true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const suite = doc.testsuites.testsuite;
  assert.equal(doc.testsuites.tests, '3');
  assert.equal(doc.testsuites.failures, '2');
  assert.equal(suite.name, 'budget a<b>&"c".json', 'escaped in the file, read back as given');
  assert.deepEqual(suite.testcase.map((c: { name: string }) => c.name), ['roundTripP99Ms ≤ 20 ms', 'roundTripP50Ms ≤ 1 ms', 'requestsPerMessage ≤ 1.5 req/msg']);
  assert.equal(suite.testcase[0].failure, undefined);
  assert.equal(suite.testcase[1].failure.message, 'ws roundTripP50Ms: measured 1.2 ms, limit ≤ 1 ms');
  assert.equal(suite.testcase[2].classname, 'transport-lab.compare.polling');
  assert.match(xml, /a&lt;b&gt;&amp;/);
});

test('Markdown: a verdict and a row per check, pipes escaped', () => {
  const budget = parseBudget('{"ws":{"roundTripP99Ms":20}}', 'b.json');
  const met = budgetMarkdown(checkBudget(budget, report()), { ...INFO, source: 'x|y.json' });
  assert.match(met, /\*\*All 1 budgets met\.\*\*/);
  assert.match(met, /\| ✅ \| ws \| roundTripP99Ms \| 3\.4 ms \| ≤ 20 ms \|/);
  assert.match(met, /x\\\|y\.json/);
  const missed = budgetMarkdown(checkBudget(parseBudget('{"ws":{"roundTripP99Ms":1}}', 'b.json'), report()), INFO);
  assert.match(missed, /\*\*1 of 1 budgets missed\.\*\*/);
  assert.match(missed, /\| ❌ \| ws \|/);
});

test('the example budget in docs/ parses, names only real lanes and figures, and fits the default run', async () => {
  const text = await readFile(join(__dirname, '../../docs/examples/budgets.json'), 'utf8');
  const budget = parseBudget(text, 'docs/examples/budgets.json');
  assert.deepEqual(budgetProblems(budget, ['polling', 'ws', 'sockjs', 'socketio'], ['idle', 'connect', 'sweep']), []);
});

/** The fixture with the ws round trip's p99 set to `p99Ms`. */
function withWsP99(p99Ms: number) {
  const r = report();
  return { ...r, result: { ...r.result, senders: r.result.senders.map((s) => (s.transport === 'ws' ? { ...s, roundTrip: { ...s.roundTrip, p99Ms } } : s)) } };
}

test('median: the middle value, or the mean of the middle two', () => {
  assert.equal(median([]), null);
  assert.equal(median([5]), 5);
  assert.equal(median([9, 1, 5]), 5);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('--repeat: budgets are checked on the median of the runs, each run kept', () => {
  const runs = [withWsP99(30), withWsP99(10), withWsP99(12)];
  const [check] = checkBudget(parseBudget('{"ws":{"roundTripP99Ms":20}}', 'b.json'), runs);
  assert.deepEqual([check.measured, check.runs, check.passed], [12, [30, 10, 12], true], 'one slow run does not fail the gate');
  assert.match(budgetMarkdown([check], INFO), /12 ms/);
  const summary = summarizeRepeats(runs, ['run-1/report.json', 'run-2/report.json', 'run-3/report.json']);
  const row = summary.rows.find((r) => r.lane === 'ws' && r.figure === 'roundTripP99Ms')!;
  assert.deepEqual([row.median, row.min, row.max, row.runs], [12, 10, 30, [30, 10, 12]]);
  // Only figures some run measured: the fixture's polling lane has no fan-out.
  assert.equal(summary.rows.some((r) => r.lane === 'polling' && r.figure === 'fanoutP99Ms'), false);
  assert.match(formatRepeatTable(summary), /^ws\s+roundTripP99Ms\s+12\s+10–30\s+ms$/m);
});
