import type { BenchmarkState } from '../../hooks/use-benchmark';
import { useMessages } from '../../messages/messages-provider';


/** A native progress bar while running; the outcome afterwards. */
export function RunStatus({ state }: { state: BenchmarkState }) {
  const messages = useMessages();
  const t = messages.compare.progress;
  if (state.status === 'idle') return null;
  const fraction = state.status === 'running' ? (state.progress?.fraction ?? 0) : state.status === 'done' ? 1 : 0;
  let text = '';
  if (state.status === 'running' && state.progress) text = t.phase(state.progress.phase, state.progress.phases, state.progress.sending.map((id) => messages.lanes[id].short));
  if (state.status === 'done') text = t.done(state.result.durationMs / 1000);
  if (state.status === 'cancelled') text = t.cancelled;
  if (state.status === 'failed') text = t.failed(state.reason);
  return (
    <div className="flex flex-col gap-1" data-testid="run-status" data-status={state.status}>
      <progress className="h-3 w-full" aria-label={t.label} max={1} value={fraction} data-testid="run-progress" />
      <p role={state.status === 'failed' ? 'alert' : 'status'} className="text-sm text-slate-800">
        {text}
      </p>
    </div>
  );
}
