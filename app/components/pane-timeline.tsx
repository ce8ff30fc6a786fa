'use client';
import { useEffect, useState } from 'react';
import type { LaneId } from '../../protocol';
import { negotiationOfClient } from '../../measure/client-records';
import { negotiationMarks, type NegotiationMark } from '../../measure/negotiation-marks';
import { readWholeLog } from '../../measure/wire-log-reader';
import { readWireLog } from '../lib/read-wire';
import { useMessages } from '../messages/messages-provider';
import { NegotiationTimeline } from './inspector/negotiation-timeline';

/** How far around the client's first own unit its negotiation is looked for. */
const NEGOTIATION_WINDOW_MS = 3000;

type Loaded = { status: 'idle' } | { status: 'done'; marks: NegotiationMark[] } | { status: 'failed'; reason: string };

/**
 * "How this pane got connected": opened, it reads the wire inspector's log of the pane's lane
 * and draws the pane's own client's negotiation (its first units, a few seconds either side).
 * Read on each opening and on each new connection while open.
 */
export function PaneTimeline({ transport, lane, clientId }: { transport: string; lane: LaneId; clientId: string | undefined }) {
  const messages = useMessages();
  const t = messages.pane;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  // Read while open, and again when the pane reconnects (a new id) or changes variant: the
  // picture is always of the connection the pane has now, never of one still negotiating.
  useEffect(() => {
    if (!open || clientId === undefined) return;
    let current = true;
    readWholeLog((since) => readWireLog(since, lane), 0).then(
      (log) => {
        const records = log ? negotiationOfClient(log.records, clientId, NEGOTIATION_WINDOW_MS) : [];
        if (current) setLoaded({ status: 'done', marks: negotiationMarks(records) });
      },
      (err: unknown) => {
        if (current) setLoaded({ status: 'failed', reason: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      current = false;
    };
  }, [open, clientId, lane]);
  const waiting = open && (clientId === undefined || loaded.status === 'idle');
  return (
    <details
      className="rounded border border-slate-300 p-2 text-sm"
      data-testid={`pane-timeline-${transport}`}
      onToggle={(e) => {
        const isOpen = (e.target as HTMLDetailsElement).open;
        setOpen(isOpen);
        // Closed, it forgets: the next opening reads the log afresh.
        if (!isOpen) setLoaded({ status: 'idle' });
      }}
    >
      <summary className="cursor-pointer font-semibold">{t.timeline}</summary>
      <p className="mt-1 text-slate-700">{t.timelineHelp}</p>
      {waiting && <p>{messages.inspector.timeline.running}</p>}
      {loaded.status === 'failed' && <p role="alert">{messages.inspector.timeline.failed(loaded.reason)}</p>}
      {loaded.status === 'done' && (
        <NegotiationTimeline lanes={[{ key: lane, label: messages.lanes[lane].short, marks: loaded.marks }]} testId={`pane-timeline-chart-${transport}`} />
      )}
    </details>
  );
}
