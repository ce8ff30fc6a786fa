'use client';
import { useState } from 'react';
import type { LaneId } from '../../protocol';
import { negotiationOfClient } from '../../measure/client-records';
import { negotiationMarks, type NegotiationMark } from '../../measure/negotiation-marks';
import { readWholeLog } from '../../measure/wire-log-reader';
import { readWireLog } from '../lib/read-wire';
import { useMessages } from '../messages/messages-provider';
import { NegotiationTimeline } from './inspector/negotiation-timeline';

/** How far around the client's first own unit its negotiation is looked for. */
const NEGOTIATION_WINDOW_MS = 3000;

type Loaded = { status: 'idle' } | { status: 'loading' } | { status: 'done'; marks: NegotiationMark[] } | { status: 'failed'; reason: string };

/**
 * "How this pane got connected": opened, it reads the wire inspector's log of the pane's lane
 * and draws the pane's own client's negotiation (its first units, a few seconds either side).
 * Read on each opening, so a reconnect or a variant change shows its newest picture.
 */
export function PaneTimeline({ transport, lane, clientId }: { transport: string; lane: LaneId; clientId: string | undefined }) {
  const messages = useMessages();
  const t = messages.pane;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'idle' });
  const load = async () => {
    setLoaded({ status: 'loading' });
    try {
      const log = await readWholeLog((since) => readWireLog(since, lane), 0);
      const records = log ? negotiationOfClient(log.records, clientId, NEGOTIATION_WINDOW_MS) : [];
      setLoaded({ status: 'done', marks: negotiationMarks(records) });
    } catch (err) {
      setLoaded({ status: 'failed', reason: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <details
      className="rounded border border-slate-300 p-2 text-sm"
      data-testid={`pane-timeline-${transport}`}
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) void load();
      }}
    >
      <summary className="cursor-pointer font-semibold">{t.timeline}</summary>
      <p className="mt-1 text-slate-700">{t.timelineHelp}</p>
      {loaded.status === 'loading' && <p>{messages.inspector.timeline.running}</p>}
      {loaded.status === 'failed' && <p role="alert">{messages.inspector.timeline.failed(loaded.reason)}</p>}
      {loaded.status === 'done' && (
        <NegotiationTimeline lanes={[{ key: lane, label: messages.lanes[lane].short, marks: loaded.marks }]} testId={`pane-timeline-chart-${transport}`} />
      )}
    </details>
  );
}
