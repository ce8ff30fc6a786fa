/**
 * The Compare page's three cost measurements as the CLI sees them: their kinds in the order it
 * runs them, the page controls that start and report each one, and how long each is expected to
 * take (for the default deadline only; no reported figure comes from here).
 */
import { CONNECT_IDLE_WINDOW_MS } from '../../measure/connect-cost';
import { SWEEP_IDLE_PERIODS, SWEEP_MIN_GAP_MS, SWEEP_MIN_IDLE_MS, sweepSendStep } from '../../measure/polling-sweep';
import type { Scenario } from '../../measure/scenario';
import { TRANSPORT_IDS } from '../../protocol';

/**
 * The cost measurements, in the order the CLI runs them: idle first, on the panes exactly as the
 * benchmark left them; the sweep last, because it recreates the polling client with other intervals.
 */
export const COST_KINDS = ['idle', 'connect', 'sweep'] as const;

/** One cost measurement of the page (the `kind` of its export). */
export type CostKind = (typeof COST_KINDS)[number];

/** The test ids of one measurement's controls on the page, and its name in the terminal. */
export interface CostControls {
  button: string;
  /** The status element; its `data-status` ends as `done`, `failed` or `cancelled`. */
  status: string;
  /** The results table, which appears once it is done. */
  table: string;
  label: string;
}

/** The page's controls per measurement (app/components/compare/*-section.tsx). */
export const COST_CONTROLS: Record<CostKind, CostControls> = {
  idle: { button: 'measure-idle', status: 'idle-status', table: 'table-idle', label: 'idle cost' },
  connect: { button: 'measure-connect', status: 'connect-status', table: 'table-connect', label: 'connect cost' },
  sweep: { button: 'run-sweep', status: 'sweep-status', table: 'table-sweep', label: 'polling sweep' },
};

/** Slack per step for what the page does around its timed windows (reconnects, joins, reads). */
const STEP_SLACK_S = 1;

/**
 * Seconds one polling-sweep interval takes on the page, from measure/polling-sweep.ts's own rules:
 * the client recreated, the idle window, the join and leave (each waits for a poll), K sends
 * spaced by `sweepSendStep`, and the last reply (another poll).
 */
function sweepIntervalSeconds(intervalMs: number, messages: number): number {
  const idleMs = Math.max(SWEEP_IDLE_PERIODS * intervalMs, SWEEP_MIN_IDLE_MS);
  const sendingMs = messages * sweepSendStep(intervalMs, messages, SWEEP_MIN_GAP_MS);
  return STEP_SLACK_S + (idleMs + 3 * intervalMs + sendingMs) / 1000;
}

/**
 * The expected time of the requested cost measurements, s: an estimate that sets the default
 * `--timeout` (measured here: idle 10 s ≈ 10.3 s, connect ≈ 6.8 s, the default sweep ≈ 39 s;
 * this gives 11, 8.5 and 47).
 * @param idleSeconds the idle window
 */
export function costSeconds(costs: readonly CostKind[], scenario: Scenario, idleSeconds: number): number {
  let seconds = 0;
  if (costs.includes('idle')) seconds += idleSeconds + STEP_SLACK_S;
  // Each transport: an idle window, then the connect; polling's welcome waits for a poll.
  if (costs.includes('connect')) seconds += TRANSPORT_IDS.length * (CONNECT_IDLE_WINDOW_MS / 1000 + 0.5) + scenario.pollIntervalMs / 1000;
  if (costs.includes('sweep') && scenario.sweep) {
    const { intervalsMs, messages } = scenario.sweep;
    seconds += intervalsMs.reduce((sum, ms) => sum + sweepIntervalSeconds(ms, messages), 0);
  }
  return seconds;
}
