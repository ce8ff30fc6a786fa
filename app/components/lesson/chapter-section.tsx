'use client';
import type { ReactNode } from 'react';
import type { TaskState } from '../../hooks/use-task';
import { useMessages } from '../../messages/messages-provider';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../control-classes';

/** One chapter of the lesson: its heading (the target of the table of contents) and its explanation. */
export function ChapterSection({ id, title, explain, children }: { id: string; title: string; explain: string[]; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id={`${id}-title`} className="text-2xl font-bold">
        {title}
      </h2>
      {explain.map((p) => (
        <p key={p} className="max-w-4xl text-lg">
          {p}
        </p>
      ))}
      {children}
    </section>
  );
}

/** A measurement's button, and Cancel while it runs. */
export function RunControls<T>({ label, state, onRun, onCancel, testId }: { label: string; state: TaskState<T>; onRun: () => void; onCancel: () => void; testId: string }) {
  const t = useMessages().lesson;
  return (
    <div className="flex gap-2">
      <button type="button" className={PRIMARY_BUTTON} onClick={onRun} disabled={state.status === 'running'} data-testid={testId}>
        {label}
      </button>
      {state.status === 'running' && (
        <button type="button" className={SECONDARY_BUTTON} onClick={onCancel}>
          {t.cancel}
        </button>
      )}
    </div>
  );
}
