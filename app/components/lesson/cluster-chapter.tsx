'use client';
import { Fragment } from 'react';
import { CLUSTER_DEMO_COMMAND, MATRIX_STEPS, STICKY_MATRIX, type MatrixCellSet } from '../../lib/cluster/sticky-matrix';
import { useMessages } from '../../messages/messages-provider';
import { ChapterSection } from './chapter-section';

/**
 * Chapter 4: which transports survive a load balancer without sticky sessions. The table is the
 * cluster test's last measurement (app/lib/cluster/sticky-matrix.ts), not written by hand.
 */
export function ClusterChapter() {
  const t = useMessages().lesson.cluster;
  const matrix = STICKY_MATRIX;
  const cell = (cells: MatrixCellSet, step: (typeof MATRIX_STEPS)[number]) => (
    <td className={`px-2 py-1 text-center ${cells[step] ? 'text-emerald-800' : 'font-bold text-rose-800'}`}>
      <span aria-hidden="true">{cells[step] ? '✓' : '✗'}</span>
      <span className="sr-only">{cells[step] ? t.works : t.fails}</span>
    </td>
  );
  return (
    <ChapterSection id="chapter-cluster" title={t.title} explain={t.explain}>
      <div className="overflow-x-auto">
        <table className="border-collapse text-base" data-testid="sticky-matrix">
          <caption className="mb-2 text-left text-lg font-semibold">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="px-2 py-1 text-left">
                {t.columns.lane}
              </th>
              <th scope="colgroup" colSpan={3} className="px-2 py-1">
                {t.columns.off}
              </th>
              <th scope="colgroup" colSpan={3} className="px-2 py-1">
                {t.columns.on}
              </th>
            </tr>
            <tr>
              {[0, 1].map((half) => (
                <Fragment key={half}>
                  {MATRIX_STEPS.map((step) => (
                    <th key={step} scope="col" className="px-2 py-1 text-sm font-normal">
                      {t.steps[step]}
                    </th>
                  ))}
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.row} className="border-t border-slate-200" data-row={row.row}>
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {t.rows[row.row] ?? row.row}
                </th>
                {MATRIX_STEPS.map((step) => (
                  <Fragment key={`off-${step}`}>{cell(row.off, step)}</Fragment>
                ))}
                {MATRIX_STEPS.map((step) => (
                  <Fragment key={`on-${step}`}>{cell(row.on, step)}</Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-base">
        {t.measured(matrix.nodes)} <span translate="no">{matrix.measuredAt.slice(0, 10)} · {matrix.haproxy}</span>
      </p>
      {t.why.map((p) => (
        <p key={p} className="max-w-4xl text-lg">
          {p}
        </p>
      ))}
      <p className="text-lg">
        {t.tryIt} <code className="rounded bg-slate-100 px-1">{CLUSTER_DEMO_COMMAND}</code>
      </p>
    </ChapterSection>
  );
}
