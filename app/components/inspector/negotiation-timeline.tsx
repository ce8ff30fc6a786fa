'use client';
import { negotiationMarks, type NegotiationMark } from '../../../measure/negotiation-marks';
import type { ConnectionWatch } from '../../lib/lesson/connection-watch';
import { DIRECTION_COLORS } from '../../lib/series-colors';
import { formatNumber } from '../../lib/number-format';
import { useMessages } from '../../messages/messages-provider';

const W = 900;
const LANE = 46;
const PAD = { left: 8, right: 16, top: 8, axis: 26 };

/** One swimlane: a client's units, and what to call it. */
export interface TimelineLane {
  /** Names the lane in test ids (`timeline-lane-{key}`): a transport or lane id. */
  key: string;
  /** Its label, e.g. "SockJS: welcome after 12.3 ms". */
  label: string;
  marks: NegotiationMark[];
}

/** The lanes of the inspector's and the lesson's watched clients. */
export function watchLanes(watches: ConnectionWatch[], label: (w: ConnectionWatch) => string): TimelineLane[] {
  return watches.map((w) => ({ key: w.lane, label: label(w), marks: negotiationMarks(w.records) }));
}

/**
 * How each client got connected: one swimlane per client, every request and frame of its
 * connections at its time on the server's clock, from its first unit (so SockJS's /info,
 * Socket.IO's handshake and probe, the 101 and polling's beat show). The ring is the welcome.
 * Drawn only from the inspector's records, as NegotiationMarks.
 */
export function NegotiationTimeline({ lanes: given, testId }: { lanes: TimelineLane[]; testId: string }) {
  const messages = useMessages();
  const t = messages.inspector.timeline;
  const fmt = (v: number, d = 0) => formatNumber(messages.locale, v, d);
  const lanes = given.filter((l) => l.marks.length > 0);
  if (lanes.length === 0) return <p>{t.empty}</p>;
  const span = Math.max(1, ...lanes.map((l) => l.marks.at(-1)!.atMs));
  const plotW = W - PAD.left - PAD.right;
  const x = (ms: number) => PAD.left + (ms / span) * plotW;
  const height = PAD.top + lanes.length * LANE + PAD.axis;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * span);
  return (
    <figure className="flex flex-col gap-1" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${height}`} className="w-full max-w-5xl" role="group" aria-label={t.heading}>
        {lanes.map((lane, i) => {
          const y = PAD.top + i * LANE;
          const { label } = lane;
          return (
            <g key={lane.key} role="img" aria-label={label} data-testid={`timeline-lane-${lane.key}`}>
              <rect x={PAD.left} y={y} width={plotW} height={LANE - 6} fill={i % 2 ? '#f8fafc' : '#f1f5f9'} />
              <text x={PAD.left + 4} y={y + 12} fontSize="12" fill="#0f172a">
                {label}
              </text>
              {lane.marks.map((r, n) => {
                const cx = x(r.atMs);
                const mark = t.mark(fmt(r.atMs, 1), r.summary);
                return r.welcome ? (
                  <circle key={n} cx={cx} cy={y + 28} r={6} fill="none" stroke="#0f172a" strokeWidth={2} data-testid="timeline-welcome">
                    <title>{mark}</title>
                  </circle>
                ) : (
                  <rect key={n} x={cx - 1.5} y={r.dir === 'in' ? y + 17 : y + 28} width={3} height={9} fill={DIRECTION_COLORS[r.dir]} data-testid="timeline-mark" data-kind={r.kind}>
                    <title>{mark}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        {ticks.map((v) => (
          <text key={v} x={x(v)} y={height - 8} fontSize="11" textAnchor="middle" fill="#334155">
            {fmt(v)}
          </text>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-700">
        {t.axis} ·{' '}
        <span style={{ color: DIRECTION_COLORS.in }}>▮</span> {messages.inspector.dir.in} · <span style={{ color: DIRECTION_COLORS.out }}>▮</span> {messages.inspector.dir.out}
      </figcaption>
    </figure>
  );
}
