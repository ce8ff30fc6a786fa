'use client';
import { useState } from 'react';
import { useTask } from '../../hooks/use-task';
import { makeBrowserClient, LESSON_NAMESPACE, pageSuffix, readWire, readWireLog } from '../../lib/lesson/browser-lesson-deps';
import { runPollingWatch, type PollingRun } from '../../lib/lesson/polling-watch';
import { formatNumber } from '../../lib/number-format';
import { useMessages } from '../../messages/messages-provider';
import { ChapterSection, RunControls } from './chapter-section';
import { NumberInput } from './number-input';
import { PredictionAnswer, PredictionField } from './prediction-field';
import { TaskStatus } from './task-status';

/** Chapter 1: AJAX, and one polling client measured live, with what it means for a class. */
export function PollingChapter({ defaultIntervalMs }: { defaultIntervalMs: number }) {
  const messages = useMessages();
  const t = messages.lesson.polling;
  const fmt = (x: number, digits = 0) => formatNumber(messages.locale, x, digits);
  const [guess, setGuess] = useState('');
  const [intervalMs, setIntervalMs] = useState(defaultIntervalMs);
  const [seconds, setSeconds] = useState(15);
  const [sent, setSent] = useState(1);
  const [students, setStudents] = useState(40);
  const task = useTask<PollingRun>();
  const run = () =>
    task.run(({ signal }) =>
      runPollingWatch(seconds * 1000, intervalMs, sent, pageSuffix(), {
        makePolling: (fetchImpl, ms, name) => makeBrowserClient('polling', LESSON_NAMESPACE, name, ms, fetchImpl),
        makeTeacher: (name) => makeBrowserClient('ws', LESSON_NAMESPACE, name, intervalMs),
        readWire,
        readWireLog: (since) => readWireLog(since, 'polling'),
        now: () => performance.now(),
        signal,
      }),
    );
  const result = task.state.status === 'done' ? task.state.result : undefined;
  return (
    <ChapterSection id="chapter-polling" title={t.title} explain={t.explain}>
      <PredictionField question={t.question} guess={guess} onGuess={setGuess} testId="polling" />
      <div className="flex flex-wrap items-start gap-4">
        <NumberInput label={t.interval} value={intervalMs} min={100} max={10_000} onChange={setIntervalMs} testId="polling-interval" />
        <NumberInput label={t.windowSeconds} value={seconds} min={2} max={120} onChange={setSeconds} testId="polling-seconds" />
        <NumberInput label={t.messages} value={sent} min={0} max={20} onChange={setSent} help={t.messagesHelp} testId="polling-messages" />
      </div>
      <RunControls label={t.run} state={task.state} onRun={run} onCancel={task.cancel} testId="polling-run" />
      <TaskStatus state={task.state} />
      {result && (
        <div className="flex flex-col gap-3" data-testid="polling-result">
          <PredictionAnswer guess={guess} measured={fmt(result.requestsPerMinute)} testId="polling" />
          <h3 className="text-xl font-bold">{t.results}</h3>
          <p>{t.windowMeasured(fmt(result.windowMs / 1000, 1))}</p>
          <dl className="grid max-w-3xl grid-cols-[auto_auto] gap-x-6 gap-y-1 text-lg">
            <dt>{t.requestsPerMinute}</dt>
            <dd className="font-mono font-bold" data-testid="polling-rpm">{fmt(result.requestsPerMinute, 1)}</dd>
            <dt>{t.polls}</dt>
            <dd className="font-mono" data-testid="polling-polls">{fmt(result.tally.polls)}</dd>
            <dt>{t.emptyPolls}</dt>
            <dd className="font-mono text-red-800" data-testid="polling-empty">
              {fmt(result.tally.emptyPolls)} ({fmt(result.tally.polls ? (100 * result.tally.emptyPolls) / result.tally.polls : 0)} %)
            </dd>
            <dt>{t.usefulPolls}</dt>
            <dd className="font-mono">{fmt(result.tally.messages)}</dd>
            <dt>{t.bytes}</dt>
            <dd className="font-mono">{fmt(result.bytes)}</dd>
            <dt>{t.bytesPerMessage}</dt>
            <dd className="font-mono" data-testid="polling-bytes-per-message">{result.bytesPerMessage !== undefined ? fmt(result.bytesPerMessage) : t.noMessage}</dd>
          </dl>
          <p className="text-sm text-slate-600">{result.bytesSource === 'inspector' ? messages.lesson.bytesFromInspector : messages.lesson.bytesFromMeter('polling')}</p>
          <div className="rounded-md border border-dashed border-slate-500 p-3">
            <h3 className="text-xl font-bold">{t.projection}</h3>
            <p className="text-sm text-slate-600">{t.projectionHelp}</p>
            <NumberInput label={t.classSize} value={students} min={1} max={100_000} onChange={setStudents} testId="polling-students" />
            <p className="mt-2 text-lg" data-testid="polling-projection">
              {t.projectedRequests(fmt(students), fmt(result.requestsPerMinute * students))}
            </p>
            <p className="text-lg">{t.projectedBytes(fmt(students), fmt(result.bytesPerMinute * students))}</p>
          </div>
        </div>
      )}
    </ChapterSection>
  );
}
