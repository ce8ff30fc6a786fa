'use client';
import { TRANSPORT_IDS } from '../../../protocol';
import { useTask } from '../../hooks/use-task';
import type { ApiCall } from '../../lib/lesson/api-calls';
import { pageSuffix, readCatalog, readWire } from '../../lib/lesson/browser-lesson-deps';
import { framesOf } from '../../lib/lesson/lesson-frames';
import type { LessonCast } from '../../lib/lesson/lesson-cast';
import { runApiCall, type RunResult } from '../../lib/lesson/run-api-call';
import { useMessages } from '../../messages/messages-provider';
import { PRIMARY_BUTTON } from '../control-classes';
import { CodeBlock } from './code-block';
import { RunResultView } from './run-result-view';
import { TaskStatus } from './task-status';

/** Environment variables the configuration card shows, with where `/api/transports` reports them. */
const CONFIG_ROWS = [
  ['POLL_INTERVAL_MS', (c: NonNullable<RunResult['config']>) => String(c.pollIntervalMs)],
  ['NAMESPACES', (c: NonNullable<RunResult['config']>) => c.namespaces.join(',')],
  ['MAX_FRAME_BYTES', (c: NonNullable<RunResult['config']>) => String(c.limits.maxFrameBytes)],
  ['MAX_TEXT_CHARS', (c: NonNullable<RunResult['config']>) => String(c.limits.maxTextChars)],
] as const;

/** One API call: the seed's code, v4's, the Lab's frames, and a Run on all four transports. */
export function ApiCard({ call, cast }: { call: ApiCall; cast: LessonCast | undefined }) {
  const messages = useMessages();
  const t = messages.lesson.api;
  const text = t.cards[call.id];
  const task = useTask<RunResult[]>();
  const run = () =>
    task.run(async ({ progress }) => {
      if (!cast) throw new Error(t.needCast);
      const results: RunResult[] = [];
      let n = 0;
      const deps = { readWire, readCatalog, now: () => performance.now(), nonce: () => `${pageSuffix()}${++n}`, otherNs: '/' };
      for (const sender of TRANSPORT_IDS) {
        progress(results.length, TRANSPORT_IDS.length);
        results.push(await runApiCall(call.action, cast, sender, deps));
      }
      return results;
    });
  const results = task.state.status === 'done' ? task.state.result : undefined;
  const first = results?.[0];
  const op = first?.ops[0];
  const frames = op ? framesOf(op) : undefined;
  return (
    <article id={`card-${call.id}`} aria-labelledby={`card-${call.id}-title`} className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3" data-testid={`card-${call.id}`}>
      <h3 id={`card-${call.id}-title`} className="text-xl font-bold">
        {text.title}
      </h3>
      <p className="text-base">{text.explain}</p>
      <div className="grid gap-2 lg:grid-cols-2">
        <CodeBlock label={t.seed} code={call.seed} badge={call.removedInV4 ? t.removed : undefined} testId={`seed-${call.id}`} />
        <CodeBlock label={t.v4} code={call.v4} testId={`v4-${call.id}`} />
      </div>
      <div>
        <p className="text-sm font-semibold text-slate-700">{t.lab}</p>
        {frames ? (
          <div className="grid gap-2 lg:grid-cols-3" data-testid={`frames-${call.id}`}>
            <CodeBlock label={t.socketioFrame} code={frames.socketio} />
            <CodeBlock label={t.textFrame} code={frames.text} />
            <CodeBlock label={t.pollingFrame} code={frames.polling} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{results ? t.noFrame : t.framesAfterRun}</p>
        )}
        <p className="mt-1 text-sm text-slate-600">
          {t.labSource.before} <code>{call.labSource}</code>
          {t.labSource.after}
        </p>
      </div>
      <div>
        <button type="button" className={PRIMARY_BUTTON} onClick={run} disabled={!cast || task.state.status === 'running'} data-testid={`run-${call.id}`}>
          {t.run}
        </button>
        {!cast && <span className="ml-2 text-sm text-slate-600">{t.needCast}</span>}
      </div>
      <TaskStatus state={task.state} />
      {results && (
        <div className="flex flex-col gap-2" data-testid={`result-${call.id}`}>
          {first?.reply && (
            <CodeBlock label={t.reply} code={JSON.stringify(first.reply, null, 1)} />
          )}
          {first?.rooms && <p>{t.rooms(first.rooms.join(', '))}</p>}
          {results.map((r) => r.drop && <p key={r.sender}>{`${t.runOn(messages.transports[r.sender].name)}: ${t.drop(r.drop.reason, r.drop.replayed)}`}</p>)}
          {first?.config && (
            <table className="max-w-xl text-left text-sm">
              <caption className="text-left font-semibold">{t.config.heading}</caption>
              <thead>
                <tr className="bg-slate-100">
                  <th scope="col" className="px-2 py-1">{t.config.variable}</th>
                  <th scope="col" className="px-2 py-1">{t.config.value}</th>
                </tr>
              </thead>
              <tbody>
                {CONFIG_ROWS.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row" className="px-2 py-1 font-mono">{name}</th>
                    <td className="px-2 py-1 font-mono">{value(first.config!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <RunResultView results={results} />
        </div>
      )}
    </article>
  );
}
