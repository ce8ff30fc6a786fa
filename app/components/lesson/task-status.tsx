'use client';
import type { TaskState } from '../../hooks/use-task';
import { useMessages } from '../../messages/messages-provider';

/** "Measuring…" or why it failed, announced to screen readers. */
export function TaskStatus<T>({ state }: { state: TaskState<T> }) {
  const t = useMessages().lesson;
  return (
    <p role="status" className="min-h-6 text-base text-slate-700">
      {state.status === 'running' ? t.running : state.status === 'failed' ? t.failed(state.reason) : ''}
    </p>
  );
}
