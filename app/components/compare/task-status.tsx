import type { TaskState } from '../../hooks/use-task';
import { useMessages } from '../../messages/messages-provider';
import { SECONDARY_BUTTON } from '../control-classes';


/**
 * The state of one cost measurement in words, with Cancel while it runs. `data-status` is the
 * completion signal tests and the CLI wait on (`running`, `done`, `failed`, `cancelled`);
 * `data-done` / `data-total` carry the task's own step count while it runs, so the CLI's progress
 * bar shows the page's progress rather than reading it out of the words.
 */
export function TaskStatus<T>({ testId, state, onCancel }: { testId: string; state: TaskState<T>; onCancel: () => void }) {
  const messages = useMessages();
  const t = messages.compare.task;
  if (state.status === 'idle') return null;
  let text: string = t.done;
  if (state.status === 'running') text = t.running(state.done, state.total);
  if (state.status === 'cancelled') text = t.cancelled;
  if (state.status === 'failed') text = t.failed(state.reason);
  return (
    <div
      className="flex flex-wrap items-center gap-3"
      data-testid={testId}
      data-status={state.status}
      data-done={state.status === 'running' ? state.done : undefined}
      data-total={state.status === 'running' ? state.total : undefined}
    >
      <p role={state.status === 'failed' ? 'alert' : 'status'} className="text-sm text-slate-800">
        {text}
      </p>
      {state.status === 'running' && (
        <button type="button" className={SECONDARY_BUTTON} onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t.cancel}
        </button>
      )}
    </div>
  );
}
