/**
 * The sticky-session matrix: for each client lane, what happened through HAProxy over two Lab
 * nodes with sticky sessions off and on. Written as JSON by test/cluster/sticky-matrix.test.ts
 * (env STICKY_MATRIX_OUT), turned into Markdown here (scripts/cluster/render-matrix.ts).
 */

/** Whether one client got through each step, and why not where it did not. */
export interface LaneOutcome {
  /** Welcomed (hello answered) within the deadline. */
  connects: boolean;
  /** Joined a room and got its own room message back. */
  delivers: boolean;
  /** After its connection was dropped: welcomed again, and got its own room message again. */
  reconnects: boolean;
  /** The sub-transport the library ended up on, when it chooses (SockJS, Socket.IO). */
  via?: string;
  /** Why the first failed step failed (the last reason the client gave). */
  reason?: string;
  /** How long the probe took, ms. */
  elapsedMs: number;
}

/** One row: a client lane, measured with stickiness off and on. */
export interface MatrixRow {
  /** The lane id (protocol/lanes.ts), or a lane with a pinned sub-transport, e.g. `sockjs:websocket`. */
  row: string;
  /** What the row's client is, in a few words. */
  note: string;
  off: LaneOutcome;
  on: LaneOutcome;
}

/** The whole measured matrix. */
export interface StickyMatrix {
  /** ISO time of the run. */
  measuredAt: string;
  /** `haproxy -v`'s first line. */
  haproxy: string;
  /** Lab nodes behind the proxy. */
  nodes: number;
  /** How long each step was given, ms. */
  deadlineMs: number;
  rows: MatrixRow[];
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/**
 * The matrix as a Markdown table (lanes as rows; sticky off and on × connects, delivers,
 * reconnects), followed by the reason for every ✗.
 */
export function matrixMarkdown(matrix: StickyMatrix): string {
  const lines = [
    `Measured ${matrix.measuredAt} through ${matrix.haproxy} over ${matrix.nodes} Lab nodes; each step had ${matrix.deadlineMs / 1000} s.`,
    '',
    '| lane | client | off: connects | off: delivers | off: reconnects | on: connects | on: delivers | on: reconnects |',
    '| --- | --- | :-: | :-: | :-: | :-: | :-: | :-: |',
  ];
  for (const r of matrix.rows) {
    const steps = (o: LaneOutcome) => [mark(o.connects), mark(o.delivers), mark(o.reconnects)];
    lines.push(`| \`${cell(r.row)}\` | ${cell(r.note)} | ${[...steps(r.off), ...steps(r.on)].join(' | ')} |`);
  }
  const why = matrix.rows.flatMap((r) =>
    (['off', 'on'] as const).flatMap((mode) => {
      const o = r[mode];
      return o.reason && !(o.connects && o.delivers && o.reconnects) ? [`- \`${r.row}\`, sticky ${mode}: ${cell(o.reason)}`] : [];
    }),
  );
  if (why.length > 0) lines.push('', 'Why each ✗ (the first step that failed):', '', ...why);
  return `${lines.join('\n')}\n`;
}
