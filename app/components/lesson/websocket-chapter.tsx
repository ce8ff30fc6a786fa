'use client';
import { useState } from 'react';
import type { TransportId } from '../../../protocol';
import { useTask } from '../../hooks/use-task';
import { makeBrowserClient, LESSON_NAMESPACE, pageSuffix, readWire, readWireLog } from '../../lib/lesson/browser-lesson-deps';
import { watchConnection, type ConnectionWatch } from '../../lib/lesson/connection-watch';
import { formatNumber } from '../../lib/number-format';
import { useMessages } from '../../messages/messages-provider';
import { ChapterSection, RunControls } from './chapter-section';
import { NumberInput } from './number-input';
import { PredictionAnswer, PredictionField } from './prediction-field';
import { TaskStatus } from './task-status';
import { WireRecordTable } from './wire-record-table';
import { NegotiationTimeline, watchLanes } from '../inspector/negotiation-timeline';

/** Raw WebSocket first: it is the chapter's subject; the others follow for contrast. */
const ORDER: TransportId[] = ['ws', 'sockjs', 'socketio', 'polling'];

/** HTTP requests of one watch: the inspector's request units, else the meter's count. */
function httpRequests(w: ConnectionWatch): number {
  return w.inspector ? w.records.filter((r) => r.kind === 'http-request').length : w.meter.requests + w.meter.upgrades;
}

/** Bytes of one watch, per direction: the client's own units, else the meter's bucket. */
function bytesOf(w: ConnectionWatch): { bytesIn: number; bytesOut: number } {
  if (!w.inspector) return w.meter;
  const sum = (dir: 'in' | 'out') => w.records.filter((r) => r.dir === dir).reduce((n, r) => n + r.bytes, 0);
  return { bytesIn: sum('in'), bytesOut: sum('out') };
}

/** Chapter 2: WebSocket's one handshake and its frames, server push, and what SockJS and Socket.IO add. */
export function WebSocketChapter({ pollIntervalMs }: { pollIntervalMs: number }) {
  const messages = useMessages();
  const t = messages.lesson.websocket;
  const fmt = (x: number, digits = 0) => formatNumber(messages.locale, x, digits);
  const [guess, setGuess] = useState('');
  const [seconds, setSeconds] = useState(6);
  const task = useTask<ConnectionWatch[]>();
  const run = () =>
    task.run(async ({ signal, progress }) => {
      const suffix = pageSuffix();
      const out: ConnectionWatch[] = [];
      // One transport at a time, so each bucket and each log holds one new client.
      for (const transport of ORDER) {
        progress(out.length, ORDER.length);
        out.push(
          await watchConnection(transport, seconds * 1000, suffix, {
            make: (id, name) => makeBrowserClient(id, LESSON_NAMESPACE, name, pollIntervalMs),
            readWire,
            readWireLog,
            now: () => performance.now(),
            signal,
          }),
        );
      }
      return out;
    });
  const result = task.state.status === 'done' ? task.state.result : undefined;
  const ws = result?.find((w) => w.transport === 'ws');
  return (
    <ChapterSection id="chapter-websocket" title={t.title} explain={t.explain}>
      <PredictionField question={t.question} guess={guess} onGuess={setGuess} testId="websocket" />
      <NumberInput label={t.windowSeconds} value={seconds} min={2} max={60} onChange={setSeconds} testId="websocket-seconds" />
      <RunControls label={t.run} state={task.state} onRun={run} onCancel={task.cancel} testId="websocket-run" />
      <TaskStatus state={task.state} />
      {result && ws && (
        <div className="flex flex-col gap-3" data-testid="websocket-result">
          <PredictionAnswer guess={guess} measured={fmt((httpRequests(ws) * 60_000) / ws.windowMs, 1)} testId="websocket" />
          <div className="overflow-x-auto">
            <table className="w-full text-left text-base">
              <caption className="p-2 text-left text-xl font-bold">{t.results}</caption>
              <thead>
                <tr className="bg-slate-100">
                  {Object.values(t.columns).map((c) => (
                    <th key={c} scope="col" className="px-2 py-1">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.map((w) => (
                  <tr key={w.transport} data-testid={`websocket-row-${w.transport}`}>
                    <th scope="row" className="px-2 py-1">{messages.transports[w.transport].name}</th>
                    <td className="px-2 py-1 font-mono">{fmt(w.connectMs, 1)}</td>
                    <td className="px-2 py-1 font-mono">{fmt(httpRequests(w))}</td>
                    <td className="px-2 py-1 font-mono">{fmt(w.meter.upgrades)}</td>
                    <td className="px-2 py-1 font-mono">{w.inspector ? fmt(w.records.length) : '–'}</td>
                    <td className="px-2 py-1 font-mono">
                      {fmt(bytesOf(w).bytesIn)} / {fmt(bytesOf(w).bytesOut)}
                    </td>
                    <td className="px-2 py-1 font-mono">{fmt(w.pushMs, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-sm text-slate-600">{ws.inspector ? messages.lesson.bytesFromInspector : messages.lesson.bytesFromMeter(ORDER.map((id) => messages.transports[id].name).join(', '))}</p>
          {ws.inspector ? (
            <>
              <p className="text-sm text-slate-600">{t.wireHelp}</p>
              <NegotiationTimeline
                lanes={watchLanes(result, (w) => messages.inspector.timeline.lane(messages.transports[w.transport].name, fmt(w.connectMs, 1)))}
                testId="websocket-timeline"
              />
              {result.map((w) => (
                <WireRecordTable key={w.transport} records={w.records} caption={t.wireHeading(messages.transports[w.transport].name)} testId={`websocket-wire-${w.transport}`} />
              ))}
            </>
          ) : (
            <p className="text-base">{t.noInspector}</p>
          )}
        </div>
      )}
    </ChapterSection>
  );
}
