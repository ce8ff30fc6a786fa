/** The expected time of the cost measurements, which sets the CLI's default deadline. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_DEFAULTS, type Scenario } from '../../measure/scenario';
import { COST_CONTROLS, COST_KINDS, costSeconds } from '../../scripts/compare/cost-plan';

const withSweep = (intervalsMs: number[], messages: number): Scenario => ({ ...SCENARIO_DEFAULTS, sweep: { intervalsMs, messages } });
const DEFAULT = withSweep([100, 250, 500, 1000, 2000], 10);

test('nothing asked, nothing expected; the whole is the sum of its measurements', () => {
  assert.equal(costSeconds([], DEFAULT, 10), 0);
  const parts = COST_KINDS.map((k) => costSeconds([k], DEFAULT, 10));
  for (const p of parts) assert.ok(p > 0);
  assert.equal(costSeconds(COST_KINDS, DEFAULT, 10), parts.reduce((a, b) => a + b, 0));
});

test('the idle cost takes its window and a little more', () => {
  const ten = costSeconds(['idle'], DEFAULT, 10);
  assert.ok(ten >= 10 && ten <= 12, `${ten}`);
  assert.equal(costSeconds(['idle'], DEFAULT, 60) - ten, 50);
});

test('the sweep takes longer with more intervals, longer intervals and more messages', () => {
  const sweep = (s: Scenario) => costSeconds(['sweep'], s, 10);
  assert.ok(sweep(withSweep([250, 1000], 6)) > sweep(withSweep([250], 6)));
  assert.ok(sweep(withSweep([2000], 6)) > sweep(withSweep([250], 6)));
  assert.ok(sweep(withSweep([250], 20)) > sweep(withSweep([250], 6)));
  // A sweep asked for but absent from the scenario cannot be timed: it is not there to run.
  assert.equal(sweep(SCENARIO_DEFAULTS), 0);
});

test('the estimate covers what the default measurements took on the 2-core machine (idle 10.3 s, connect 6.8 s, sweep 39 s)', () => {
  assert.ok(costSeconds(['idle'], DEFAULT, 10) >= 10.3);
  assert.ok(costSeconds(['connect'], DEFAULT, 10) >= 6.8);
  const sweep = costSeconds(['sweep'], DEFAULT, 10);
  // At least what it took, at most half as much again: the default deadline stays a bound.
  assert.ok(sweep >= 39 && sweep <= 60, `${sweep}`);
});

test('every measurement names distinct page controls', () => {
  const ids = COST_KINDS.flatMap((k) => [COST_CONTROLS[k].button, COST_CONTROLS[k].status, COST_CONTROLS[k].table]);
  assert.equal(new Set(ids).size, ids.length);
});
