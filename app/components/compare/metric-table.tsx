import type { ReactNode } from 'react';
import type { LaneId } from '../../../protocol';
import type { Messages } from '../../messages';
import { TABLE, TD, TH } from './chart-panel';

/** One column after the row header: its heading, the test id of its cells and what a row shows there. */
export interface MetricColumn<R> {
  header: string;
  /** The cells' test id; a function where it names the row too (`delivered-{transport}`). */
  testId: string | ((row: R) => string);
  value: (row: R) => ReactNode;
  /** Extra `data-*` attributes on the cell, for readers that want the raw numbers. */
  data?: (row: R) => Record<`data-${string}`, string | number>;
}

export interface MetricTableProps<R> {
  testId: string;
  /** Heading of the first column, whose cells are row headers (`th scope="row"`). */
  rowHeading: string;
  rows: readonly R[];
  /** What identifies a row: its React key and its test id `row-{id}`. */
  rowId: (row: R) => string | number;
  /** The row header cell's content (a transport's short name, an interval, …). */
  rowHeader: (row: R) => ReactNode;
  columns: readonly MetricColumn<R>[];
  /** Extra `data-*` attributes on the table itself. */
  data?: Record<`data-${string}`, string | number>;
}

/**
 * A results table: one row per transport (or sweep point) with test id `row-{id}`, a row header,
 * then one cell per column with the column's test id. Tests and the CLI read these ids.
 */
export function MetricTable<R>({ testId, rowHeading, rows, rowId, rowHeader, columns, data }: MetricTableProps<R>) {
  return (
    <table className={TABLE} data-testid={testId} {...data}>
      <thead>
        <tr>
          <th className={TH}>{rowHeading}</th>
          {columns.map((c, i) => (
            <th key={i} className={TH}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowId(row)} data-testid={`row-${rowId(row)}`}>
            <th scope="row" className={TD}>
              {rowHeader(row)}
            </th>
            {columns.map((c, i) => (
              <td key={i} className={TD} data-testid={typeof c.testId === 'string' ? c.testId : c.testId(row)} {...c.data?.(row)}>
                {c.value(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `rowId` and `rowHeader` for tables with one row per transport: `row-{transport}`, its short name. */
export function transportRows(messages: Messages) {
  return {
    rowId: (row: { transport: LaneId }) => row.transport,
    rowHeader: (row: { transport: LaneId }) => messages.lanes[row.transport].short,
  };
}
