'use client';
import { useState } from 'react';
import { isBaseLane, LANE_IDS, type LaneId, type TransportId } from '../../../protocol';
import { useTask } from '../../hooks/use-task';
import { formatNumber } from '../../lib/number-format';
import { makeBrowserClient, LESSON_NAMESPACE, pageSuffix, readWire, readWireLog } from '../../lib/lesson/browser-lesson-deps';
import { watchConnection, type ConnectionWatch } from '../../lib/lesson/connection-watch';
import { useMessages } from '../../messages/messages-provider';
import { RunControls } from '../lesson/chapter-section';
import { TaskStatus } from '../lesson/task-status';
import { NegotiationTimeline, watchLanes } from './negotiation-timeline';

const ORDER: TransportId[] = ['polling', 'ws', 'sockjs', 'socketio'];
/** Every library variant, in the lanes' order. */
const VARIANTS: LaneId[] = LANE_IDS.filter((id) => !isBaseLane(id));
/** Socket.IO's own default: long-polling first, then the upgrade, so the timeline shows the whole negotiation. */
const SOCKET_IO_DEFAULT = ['polling', 'websocket'];
/** Long enough for polling's first beats and Socket.IO's first ping, short enough for a class. */
const WINDOW_MS = 2500;

/**
 * Connects a fresh client per transport (in the lesson's namespace, one after another), and on
 * request one per library variant too, and draws how each got connected.
 */
export function TimelineRun({ pollIntervalMs }: { pollIntervalMs: number }) {
  const messages = useMessages();
  const t = messages.inspector.timeline;
  const task = useTask<ConnectionWatch[]>();
  const [withVariants, setWithVariants] = useState(false);
  const run = () =>
    task.run(async ({ signal, progress }) => {
      const suffix = pageSuffix();
      const out: ConnectionWatch[] = [];
      const lanes: LaneId[] = withVariants ? [...ORDER, ...VARIANTS] : ORDER;
      for (const lane of lanes) {
        progress(out.length, lanes.length);
        out.push(
          await watchConnection(lane, WINDOW_MS, suffix, {
            make: (id, name) => makeBrowserClient(id, LESSON_NAMESPACE, name, pollIntervalMs, undefined, id === 'socketio' ? { socketIoTransports: SOCKET_IO_DEFAULT } : {}),
            readWire,
            readWireLog,
            now: () => performance.now(),
            signal,
          }),
        );
      }
      return out;
    });
  return (
    <section aria-labelledby="timeline-heading" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3">
      <h3 id="timeline-heading" className="text-xl font-bold">
        {t.heading}
      </h3>
      <p className="text-sm text-slate-700">{t.help}</p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" data-testid="timeline-variants" checked={withVariants} disabled={task.state.status === 'running'} onChange={(e) => setWithVariants(e.target.checked)} />
        {t.variants}
      </label>
      <RunControls label={t.run} state={task.state} onRun={run} onCancel={task.cancel} testId="timeline-run" />
      <TaskStatus state={task.state} />
      {task.state.status === 'done' && (
        <NegotiationTimeline
          lanes={watchLanes(task.state.result, (w) =>
            t.lane(isBaseLane(w.lane) ? messages.transports[w.transport].name : messages.lanes[w.lane].short, formatNumber(messages.locale, w.connectMs, 1)),
          )}
          testId="negotiation-timeline"
        />
      )}
    </section>
  );
}
