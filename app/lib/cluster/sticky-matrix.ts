/**
 * The sticky-session matrix as test/cluster/sticky-matrix.test.ts last measured it (the JSON beside
 * this file, which the test checks against what it measures, like the README's table): what the
 * lesson's load-balancer chapter shows. Node-free.
 */
import measured from './sticky-matrix.json';

/** The probe's three steps through the proxy. */
export const MATRIX_STEPS = ['connects', 'delivers', 'reconnects'] as const;
export type MatrixStep = (typeof MATRIX_STEPS)[number];

export interface MatrixCellSet {
  connects: boolean;
  delivers: boolean;
  reconnects: boolean;
}

export interface MeasuredMatrix {
  measuredAt: string;
  haproxy: string;
  nodes: number;
  /** `row`: a lane id, or `<lane>:<sub-transport>` for SockJS pinned to one. */
  rows: { row: string; off: MatrixCellSet; on: MatrixCellSet }[];
}

/** The committed measurement. */
export const STICKY_MATRIX: MeasuredMatrix = measured;

/** The command that starts the same cluster, sticky off (a command: the same in every language). */
export const CLUSTER_DEMO_COMMAND = 'npm run cluster -- --sticky off';
